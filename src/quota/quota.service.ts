/**
 * Hourly quotas per principal with rate-limiter-flexible: RateLimiterRedis (atomic Lua INCRBY +
 * PEXPIRE on one key, so the count is exact across replicas) or RateLimiterMemory when embedded.
 * RATE_LIMIT_DEFAULT or RATE_LIMIT_PREMIUM units per hour, chosen by the account's plan. A request
 * is charged its computed cost in units (a chart 1, a five-year transit search 10: the fields'
 * `complexity` over 10, see graphql/field-policy.ts); cached answers are charged the same.
 * Redis down: each replica counts on its own (the insurance limiter) until it is back.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

export type QuotaPlan = 'DEFAULT' | 'PREMIUM';

export interface QuotaOptions {
  /** Requests per window for the DEFAULT plan (RATE_LIMIT_DEFAULT, 1000/h). */
  defaultPerHour: number;
  /** Requests per window for the PREMIUM plan (RATE_LIMIT_PREMIUM, 10000/h). */
  premiumPerHour: number;
  /** Shared Redis; omitted → in-process memory (single instance). */
  redis?: Redis;
  /** Redis key prefix, unique per deployment (and per test file). Default "nocturna:quota:". */
  keyPrefix?: string;
  /** Window length in seconds. Default 3600. */
  windowSeconds?: number;
}

/** What the X-RateLimit-* headers report after a request was counted. */
export interface QuotaState {
  /** X-RateLimit-Limit: requests allowed per window. */
  limit: number;
  /** X-RateLimit-Remaining: requests left in the current window (≥ 0). */
  remaining: number;
  /** X-RateLimit-Reset: Unix time (seconds) when the window ends. */
  resetEpochSeconds: number;
  /** Length of the window in seconds (RateLimit-Policy `w`). */
  windowSeconds: number;
}

/** Thrown when over quota; carries the header values as well as Retry-After. */
export class QuotaExceededError extends RateLimitedError {
  constructor(readonly state: QuotaState, retryAfterSeconds: number) {
    super(`Quota of ${state.limit} units per hour spent (a chart costs 1, a search more: see each field's description); retry in ${retryAfterSeconds} s`, retryAfterSeconds);
  }
}

export interface QuotaService {
  /**
   * Charges a request of `units` (its computed cost, ≥ 1; a chart is 1) to principal `key` on `plan`.
   * @returns the state after charging. @throws QuotaExceededError when the units left do not cover it.
   */
  consume(key: string, plan: QuotaPlan, units?: number): Promise<QuotaState>;
  /** Limit for a plan (per window). */
  limitFor(plan: QuotaPlan): number;
}

/** Builds the quota service. Options are checked here, once. */
export function createQuotaService(options: QuotaOptions): QuotaService {
  const duration = options.windowSeconds ?? 3600;
  if (!(options.defaultPerHour >= 1 && options.premiumPerHour >= 1 && duration >= 1)) {
    throw new Error('quota limits and window must be at least 1');
  }
  const prefix = options.keyPrefix ?? 'nocturna:quota:';
  const make = (plan: QuotaPlan, points: number): RateLimiterAbstract =>
    options.redis
      ? new RateLimiterRedis({
          storeClient: options.redis,
          keyPrefix: `${prefix}${plan.toLowerCase()}`,
          points,
          duration,
          // Redis down: fall back to a per-replica count rather than refusing every request.
          insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${prefix}${plan.toLowerCase()}`, points, duration }),
        })
      : new RateLimiterMemory({ keyPrefix: `${prefix}${plan.toLowerCase()}`, points, duration });
  const limiters: Record<QuotaPlan, { limiter: RateLimiterAbstract; points: number }> = {
    DEFAULT: { limiter: make('DEFAULT', options.defaultPerHour), points: options.defaultPerHour },
    PREMIUM: { limiter: make('PREMIUM', options.premiumPerHour), points: options.premiumPerHour },
  };

  const stateOf = (res: RateLimiterRes, limit: number): QuotaState => ({
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetEpochSeconds: Math.ceil((Date.now() + res.msBeforeNext) / 1000),
    windowSeconds: duration,
  });

  return {
    limitFor: (plan) => limiters[plan].points,
    async consume(key, plan, units = 1) {
      const { limiter, points } = limiters[plan] ?? limiters.DEFAULT;
      const charge = Math.max(1, Math.ceil(units));
      try {
        return stateOf(await limiter.consume(key, charge), points);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const state = stateOf(rejection, points);
          throw new QuotaExceededError(state, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        }
        throw rejection;
      }
    },
  };
}
