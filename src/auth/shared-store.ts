/**
 * A small key-value store shared by every replica (Redis) or local to the process (memory, embedded
 * mode). Holds token and account state for revocation checks. Unlike the response cache, a failing
 * Redis here is reported to the caller as a miss, so the caller falls back to the database.
 */
import type { Redis } from 'ioredis';

export interface SharedStore {
  readonly kind: 'redis' | 'memory';
  /** The value, or undefined when absent, expired or the store is unreachable. */
  get(key: string): Promise<string | undefined>;
  /** The values of `keys` in one round trip (Redis MGET); undefined where absent or unreachable. */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Stores `value` for `ttlSeconds` (≥ 1). Resolves false when the store is unreachable. */
  set(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Stores only when absent; resolves true when this call stored it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Shared store on Redis; every key is prefixed with `prefix` (e.g. "nocturna:acct:"). */
export function createRedisSharedStore(redis: Redis, prefix: string): SharedStore {
  const ttl = (s: number) => Math.max(1, Math.ceil(s));
  return {
    kind: 'redis',
    async get(key) {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async getMany(keys) {
      try {
        return (await redis.mget(keys.map((k) => prefix + k))).map((v) => v ?? undefined);
      } catch {
        return keys.map(() => undefined);
      }
    },
    async set(key, value, ttlSeconds) {
      try {
        await redis.set(prefix + key, value, 'EX', ttl(ttlSeconds));
        return true;
      } catch {
        return false;
      }
    },
    async setIfAbsent(key, value, ttlSeconds) {
      try {
        return (await redis.set(prefix + key, value, 'EX', ttl(ttlSeconds), 'NX')) === 'OK';
      } catch {
        return false;
      }
    },
    async delete(key) {
      try {
        await redis.del(prefix + key);
      } catch {
        // a stale entry expires by its TTL
      }
    },
  };
}

/** In-process store (embedded single-instance mode and unit tests); bounded to `maxEntries`. */
export function createMemorySharedStore(maxEntries = 100_000): SharedStore {
  const entries = new Map<string, { value: string; expiresAtMs: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAtMs <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, value: string, ttlSeconds: number) => {
    entries.delete(key);
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(key, { value, expiresAtMs: Date.now() + Math.max(1, ttlSeconds) * 1000 });
  };
  return {
    kind: 'memory',
    async get(key) {
      return live(key)?.value;
    },
    async getMany(keys) {
      return keys.map((key) => live(key)?.value);
    },
    async set(key, value, ttlSeconds) {
      put(key, value, ttlSeconds);
      return true;
    },
    async setIfAbsent(key, value, ttlSeconds) {
      if (live(key)) return false;
      put(key, value, ttlSeconds);
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
