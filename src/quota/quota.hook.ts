/**
 * The quota seam. The accounts stack plugs its rate-limiter-flexible quota in through
 * `createApp(config, { quota })` (accounts.wiring.ts); by default there is none (no limit, no
 * headers). It runs after authentication and before the calculation cache, for GraphQL operations
 * that need a token and for the REST routes behind `requireAuth`, so a cached answer still counts.
 * `quotaHeaders` is the one place that turns a decision into response headers.
 */
import type { Principal } from '../auth/jwt.types.js';

/**
 * The `complexity` of one chart: a request's quota charge is its root fields' complexity in these
 * units (a chart 1, a five-year transit search 10), rounded up, at least 1.
 */
export const QUOTA_UNIT_COST = 10;

/** Quota units of a request whose root field occurrences (aliases counted) declare `costs`. */
export function quotaUnits(costs: readonly number[]): number {
  return Math.max(1, Math.ceil(costs.reduce((sum, c) => sum + Math.max(0, c), 0) / QUOTA_UNIT_COST));
}

export interface QuotaRequest {
  principal: Principal;
  /** 'graphql' or 'rest'. */
  transport: 'graphql' | 'rest';
  /** GraphQL operation name or REST route. */
  operation: string;
  /** Root fields of the GraphQL operation (empty for REST). */
  rootFields: string[];
  /** Quota units of the operation (OperationPolicy.quotaCost: a chart 1; REST calls 1, the CSV table as the ephemerisTable field). */
  cost: number;
  ip: string | undefined;
}

export interface QuotaDecision {
  allowed: boolean;
  /** Requests allowed in the window (X-RateLimit-Limit). */
  limit: number;
  /** Requests left in the window after this one (X-RateLimit-Remaining). */
  remaining: number;
  /** When the window resets, seconds since the epoch (X-RateLimit-Reset). */
  resetAtEpochSeconds: number;
  /** When !allowed: seconds until a retry can succeed (Retry-After). */
  retryAfterSeconds?: number;
  /** Length of the quota window in seconds (RateLimit-Policy `w`), when known. */
  windowSeconds?: number;
  /** Name of the quota policy (the plan, e.g. "default"); "default" when not given. */
  policy?: string;
  /** Units this request was charged (or would have been, when refused): X-RateLimit-Cost. */
  cost?: number;
}

/** Decide whether this call may proceed; null = no quota applies. Throwing = internal error. */
export type QuotaHook = (request: QuotaRequest) => Promise<QuotaDecision | null>;

/** A policy name as a structured-field String (RFC 9651 §3.3.3): printable ASCII, `"` and `\` escaped. */
function sfString(text: string): string {
  return `"${text.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * Header values of a decision: the customary `X-RateLimit-*` (Reset in seconds since the epoch),
 * and the IETF headers of draft-ietf-httpapi-ratelimit-headers (structured fields, RFC 9651):
 * `RateLimit-Policy: "default";q=1000;w=3600` (the quota `q` per window of `w` seconds) and
 * `RateLimit: "default";r=998;t=1800` (`r` units left, `t` seconds until the window resets).
 */
export function quotaHeaders(decision: QuotaDecision): Record<string, string> {
  const name = sfString(decision.policy ?? 'default');
  const windowSeconds = decision.windowSeconds !== undefined && decision.windowSeconds >= 1 ? Math.round(decision.windowSeconds) : undefined;
  // The reset instant is rounded up to a whole second: never say more than the window.
  const resetSeconds = Math.min(windowSeconds ?? Infinity, Math.max(0, Math.ceil(decision.resetAtEpochSeconds - Date.now() / 1000)));
  const window = windowSeconds === undefined ? '' : `;w=${windowSeconds}`;
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(Math.max(0, decision.remaining)),
    'X-RateLimit-Reset': String(decision.resetAtEpochSeconds),
    'RateLimit-Policy': `${name};q=${Math.max(0, Math.floor(decision.limit))}${window}`,
    RateLimit: `${name};r=${Math.max(0, Math.floor(decision.remaining))};t=${resetSeconds}`,
  };
  if (decision.cost !== undefined) headers['X-RateLimit-Cost'] = String(decision.cost);
  if (!decision.allowed) {
    headers['Retry-After'] = String(Math.max(1, Math.ceil(decision.retryAfterSeconds ?? decision.resetAtEpochSeconds - Date.now() / 1000)));
  }
  return headers;
}
