/**
 * Login attempt limiting, per account (email) and per client IP, on rate-limiter-flexible (Redis,
 * shared by replicas, or memory). Only failed attempts count; a successful login clears the
 * account's counter. While either counter is exhausted, attempts are refused with RATE_LIMITED
 * before the password is even checked.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

export interface LoginLimiterOptions {
  redis?: Redis;
  keyPrefix?: string;
  /** Failed attempts per account per window. Default 5. */
  perAccount?: number;
  /** Failed attempts per IP per window. Default 30. */
  perIp?: number;
  /** Window in seconds. Default 900 (15 min). */
  windowSeconds?: number;
}

export interface LoginLimiter {
  /** @throws RateLimitedError when the account or the IP has no attempts left. */
  assertAllowed(email: string, ip: string): Promise<void>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const duration = options.windowSeconds ?? 900;
  const prefix = options.keyPrefix ?? 'nocturna:login:';
  const make = (name: string, points: number): RateLimiterAbstract =>
    options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix: prefix + name, points, duration })
      : new RateLimiterMemory({ keyPrefix: prefix + name, points, duration });
  const perAccount = options.perAccount ?? 5;
  const perIp = options.perIp ?? 30;
  const account = make('acct', perAccount);
  const ipLimiter = make('ip', perIp);
  const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 254);

  return {
    async assertAllowed(email, ip) {
      const [a, i] = await Promise.all([account.get(accountKey(email)), ipLimiter.get(ip)]);
      const blocked = [
        a && a.consumedPoints >= perAccount ? a.msBeforeNext : 0,
        i && i.consumedPoints >= perIp ? i.msBeforeNext : 0,
      ];
      const waitMs = Math.max(...blocked);
      if (waitMs > 0) {
        throw new RateLimitedError('Too many failed login attempts; try again later', Math.ceil(waitMs / 1000));
      }
    },
    async recordFailure(email, ip) {
      await Promise.all([
        account.penalty(accountKey(email), 1).catch(() => undefined),
        ipLimiter.penalty(ip, 1).catch(() => undefined),
      ]);
    },
    async recordSuccess(email) {
      await account.delete(accountKey(email)).catch(() => undefined);
    },
  };
}
