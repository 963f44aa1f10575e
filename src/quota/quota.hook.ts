/**
 * The quota seam. The accounts stack plugs its rate-limiter-flexible quota in through
 * `createApp(config, { quota })` (accounts.wiring.ts); by default there is none (no limit, no
 * headers). It runs after authentication and before the calculation cache, for GraphQL operations
 * that need a token and for the REST routes behind `requireAuth`, so a cached answer still counts.
 * `quotaHeaders` is the one place that turns a decision into response headers.
 */
import type { Principal } from '../auth/jwt.types.js';

export interface QuotaRequest {
  principal: Principal;
  /** 'graphql' or 'rest'. */
  transport: 'graphql' | 'rest';
  /** GraphQL operation name or REST route. */
  operation: string;
  /** Root fields of the GraphQL operation (empty for REST). */
  rootFields: string[];
  /** Quota units of the operation (OperationPolicy.quotaCost: a chart 1; 1 for REST calls). */
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
  /** Units this request was charged (or would have been, when refused): X-RateLimit-Cost. */
  cost?: number;
}

/** Decide whether this call may proceed; null = no quota applies. Throwing = internal error. */
export type QuotaHook = (request: QuotaRequest) => Promise<QuotaDecision | null>;

/** Header values of a decision. */
export function quotaHeaders(decision: QuotaDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(Math.max(0, decision.remaining)),
    'X-RateLimit-Reset': String(decision.resetAtEpochSeconds),
  };
  if (decision.cost !== undefined) headers['X-RateLimit-Cost'] = String(decision.cost);
  if (!decision.allowed) {
    headers['Retry-After'] = String(Math.max(1, Math.ceil(decision.retryAfterSeconds ?? decision.resetAtEpochSeconds - Date.now() / 1000)));
  }
  return headers;
}
