/**
 * Login attempt limiting on rate-limiter-flexible (Redis, shared by replicas, or memory), built so
 * that an attacker cannot turn it against the account's owner. Only failed attempts count:
 *
 * - per (account, client address): `perAccountAndIp` failures in the window refuse further
 *   attempts of that pair with RATE_LIMITED (a guesser at one address is stopped; the owner at
 *   another address is not);
 * - per client address: `perIp` failures over any accounts refuse that address (spraying);
 * - per account, from every address: no refusal, a slow-down. Past `slowDownAfter` failures each
 *   attempt waits `250 ms × 2^(failures − slowDownAfter)`, at most `maxDelayMs`: distributed
 *   guessing gets slow while the owner still logs in (a little later), never locked out.
 *
 * A successful login clears its (account, address) counter and the account's slow-down.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

export interface LoginLimiterOptions {
  redis?: Redis;
  keyPrefix?: string;
  /** Failed attempts per (account, client address) per window. Default 5. */
  perAccountAndIp?: number;
  /** Failed attempts per client address per window, over every account. Default 30. */
  perIp?: number;
  /** Failures of an account (from any address) before its attempts slow down. Default 5. */
  slowDownAfter?: number;
  /** Longest wait of one attempt, ms. Default 3000. */
  maxDelayMs?: number;
  /** Window in seconds. Default 900 (15 min). */
  windowSeconds?: number;
}

export interface LoginLimiter {
  /**
   * Waits the account's slow-down, then checks the limits.
   * @throws RateLimitedError when the (account, address) pair or the address has no attempts left.
   */
  assertAllowed(email: string, ip: string): Promise<void>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
  /** The wait an attempt on `email` meets now, ms (0 below the slow-down threshold). */
  accountDelayMs(email: string): Promise<number>;
}

const BASE_DELAY_MS = 250;

export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const duration = options.windowSeconds ?? 900;
  const prefix = options.keyPrefix ?? 'nocturna:login:';
  const perPair = options.perAccountAndIp ?? 5;
  const perIp = options.perIp ?? 30;
  const slowDownAfter = options.slowDownAfter ?? 5;
  const maxDelayMs = options.maxDelayMs ?? 3000;
  const make = (name: string, points: number): RateLimiterAbstract =>
    options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix: prefix + name, points, duration })
      : new RateLimiterMemory({ keyPrefix: prefix + name, points, duration });
  const pair = make('pair', perPair);
  const ipLimiter = make('ip', perIp);
  // Counts only (never refuses): a points budget no account reaches.
  const account = make('acct', Number.MAX_SAFE_INTEGER);
  const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 254);
  const pairKey = (email: string, ip: string) => `${accountKey(email)}|${ip}`;

  const accountDelayMs = async (email: string): Promise<number> => {
    const failures = (await account.get(accountKey(email)).catch(() => null))?.consumedPoints ?? 0;
    if (failures < slowDownAfter) return 0;
    return Math.min(maxDelayMs, BASE_DELAY_MS * 2 ** Math.min(30, failures - slowDownAfter));
  };

  return {
    accountDelayMs,
    async assertAllowed(email, ip) {
      const delay = await accountDelayMs(email);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const [p, i] = await Promise.all([pair.get(pairKey(email, ip)), ipLimiter.get(ip)]);
      const blocked = [
        p && p.consumedPoints >= perPair ? p.msBeforeNext : 0,
        i && i.consumedPoints >= perIp ? i.msBeforeNext : 0,
      ];
      const waitMs = Math.max(...blocked);
      if (waitMs > 0) {
        throw new RateLimitedError('Too many failed login attempts from this address; try again later', Math.ceil(waitMs / 1000));
      }
    },
    async recordFailure(email, ip) {
      await Promise.all([
        pair.penalty(pairKey(email, ip), 1).catch(() => undefined),
        ipLimiter.penalty(ip, 1).catch(() => undefined),
        account.penalty(accountKey(email), 1).catch(() => undefined),
      ]);
    },
    async recordSuccess(email, ip) {
      await Promise.all([
        pair.delete(pairKey(email, ip)).catch(() => undefined),
        account.delete(accountKey(email)).catch(() => undefined),
      ]);
    },
  };
}
