/**
 * Hourly request quotas per principal with rate-limiter-flexible: RateLimiterRedis (atomic Lua
 * INCR + PEXPIRE on one key, so the count is exact across replicas) or RateLimiterMemory when
 * embedded. RATE_LIMIT_DEFAULT or RATE_LIMIT_PREMIUM requests per hour, chosen by the account's
 * plan. Every request counts, cached answers included.
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
    super(`Rate limit of ${state.limit} requests per hour exceeded; retry in ${retryAfterSeconds} s`, retryAfterSeconds);
  }
}

export interface QuotaService {
  /**
   * Counts one request of principal `key` on `plan`.
   * @returns the state after counting. @throws QuotaExceededError beyond the limit.
   */
  consume(key: string, plan: QuotaPlan): Promise<QuotaState>;
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
    async consume(key, plan) {
      const { limiter, points } = limiters[plan] ?? limiters.DEFAULT;
      try {
        return stateOf(await limiter.consume(key, 1), points);
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
