/**
 * The gateway cache (calculation answers, APQ query texts, wheel pictures): Redis through ioredis,
 * or in-process memory when REDIS_URL is unset. Structurally compatible with
 * `@apollo/utils.keyvaluecache`'s KeyValueCache (ttl in seconds).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

export interface CacheSetOptions {
  /** Time to live in seconds; null/undefined/0 → no expiry. */
  ttl?: number | null;
}

export interface KeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** A cache that can also report its health for /ready and be closed. */
export interface GatewayCache extends KeyValueCache {
  readonly kind: 'redis' | 'memory';
  /**
   * In-process caches only: the stored UTF-8 bytes of `key` without copying them into a string,
   * as a view valid until the next write (copy before any await); null when absent or expired;
   * undefined when the value must be read with `get`.
   */
  peekUtf8?(key: string): Buffer | null | undefined;
  /** Round trip to the backend; resolves with latency in ms. @throws when unreachable */
  ping(): Promise<number>;
}

/** A view of `cache` whose keys all start with `prefix` (one feature's entries). */
export function prefixedCache(cache: KeyValueCache, prefix: string): KeyValueCache {
  return {
    get: (key) => cache.get(prefix + key),
    set: (key, value, options) => cache.set(prefix + key, value, options),
    delete: (key) => cache.delete(prefix + key),
  };
}

/**
 * Bytes of values the in-process cache keeps by default (its slab's size): about 3,800 answers of
 * `npm run bench:http`'s chart query (8.8 KB each). More belongs in Redis (REDIS_URL), shared by
 * every replica.
 *
 * Why not more: the slab is off-heap memory (an ArrayBuffer), which V8 counts as the process'
 * external memory and weighs when it decides to collect garbage. How exactly is not pinned down:
 * V8 asks for collections when external memory has grown by more than kExternalAllocationSoftLimit
 * (64 MiB, in node's v8-internal.h) since the last full one, and the runs below compare ~56 against
 * ~88 MiB in all, so they show no threshold.
 * Measured with the gateway's other external memory (~24 MiB: ephemeris and place data):
 * - 32 MiB slab (~56 MiB external): uncached charts in `npm run bench:http` cost a median 0.272 ms
 *   of server CPU a request over six runs, with 0.17–0.25 minor page faults a request.
 * - 64 MiB slab (~88 MiB external; `bench:http -- --memory-cache-mb 64`, interleaved with those
 *   runs): a median 0.288 ms, two of the six runs at 0.40–0.42 ms, and 0.50–0.87 page faults a
 *   request. The old generation swung between ~40 and ~170 MiB, with more full collections.
 * - In one-off runs with the code changed, a 64 MiB slab of which only 8 MiB were ever written was
 *   as slow, and so was a 32 MiB slab beside another 40 MiB buffer: what counts is the external
 *   memory, not the bytes written.
 */
export const MEMORY_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/**
 * In-process cache with per-entry expiry, bounded by entries and by bytes (oldest evicted first).
 *
 * Values live in one ring buffer (a slab allocated at the first write), written in turn; the map
 * keeps each key's offset and length. Held as strings (or one Buffer each), every cached chart
 * answer (~9 KB) added to the garbage collector's work for as long as it stayed cached, and an
 * uncached request cost ~40% more CPU with a full cache than with none (CPU profiles of
 * `npm run bench:http`). The slab is one object the collector never copies or scans.
 */
export class MemoryKeyValueCache implements GatewayCache {
  readonly kind = 'memory' as const;
  /**
   * key → where its value is in the slab (UTF-8; UTF-16LE for a string with a lone surrogate,
   * which UTF-8 cannot carry); Map order is write order (oldest first).
   */
  private readonly entries = new Map<string, { offset: number; length: number; utf16: boolean; expiresAtMs: number }>();
  private slab: Buffer | undefined = undefined;
  /** Where the next value is written. */
  private head = 0;

  /**
   * @param prefix prepended to every key
   * @param maxEntries most entries kept
   * @param maxBytes size of the slab: the most bytes of values kept (a larger value is not cached)
   */
  constructor(
    private readonly prefix = '',
    private readonly maxEntries = 50_000,
    private readonly maxBytes = MEMORY_CACHE_MAX_BYTES,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.live(key);
    return entry && this.slab!.toString(entry.utf16 ? 'utf16le' : 'utf8', entry.offset, entry.offset + entry.length);
  }

  peekUtf8(key: string): Buffer | null | undefined {
    const entry = this.live(key);
    if (!entry) return null;
    return entry.utf16 ? undefined : this.slab!.subarray(entry.offset, entry.offset + entry.length);
  }

  /** The unexpired entry of `key` (an expired one is dropped), or undefined. */
  private live(key: string): { offset: number; length: number; utf16: boolean } | undefined {
    const k = this.prefix + key;
    const entry = this.entries.get(k);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= Date.now()) {
      this.entries.delete(k);
      return undefined;
    }
    return entry;
  }

  async set(key: string, value: string, options?: CacheSetOptions): Promise<void> {
    const k = this.prefix + key;
    const ttl = options?.ttl ?? 0;
    this.entries.delete(k);
    const utf16 = !(value as string & { isWellFormed(): boolean }).isWellFormed();
    const encoding = utf16 ? 'utf16le' : 'utf8';
    const length = Buffer.byteLength(value, encoding);
    if (length > this.maxBytes) return;
    this.slab ??= Buffer.allocUnsafe(this.maxBytes);
    // A value that does not fit before the end goes to the start; the end is given up, so what
    // lies there (the oldest values) is evicted first.
    const wraps = this.head + length > this.maxBytes;
    const wrapsFrom = wraps ? this.head : this.maxBytes;
    const start = wraps ? 0 : this.head;
    // Evict the oldest entries (Map order) while there are too many or they lie where this value
    // goes or in the end given up. Ring order makes them the oldest, so the first that is in
    // neither place ends the eviction.
    // Empty values hold no bytes: they never end the eviction (they may sit anywhere in the order).
    for (const [oldestKey, oldest] of this.entries) {
      const full = this.entries.size >= this.maxEntries;
      if (oldest.length === 0 && !full) continue;
      const end = oldest.offset + oldest.length;
      const overlaps = oldest.offset < start + length && start < end;
      if (!overlaps && end <= wrapsFrom && !full) break;
      this.entries.delete(oldestKey);
    }
    this.slab.write(value, start, length, encoding);
    this.head = start + length;
    this.entries.set(k, { offset: start, length, utf16, expiresAtMs: ttl > 0 ? Date.now() + ttl * 1000 : Number.POSITIVE_INFINITY });
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(this.prefix + key);
  }

  async ping(): Promise<number> {
    return 0;
  }
}

/**
 * Bounds of the in-process stand-in a Redis cache uses while Redis is unreachable (fewer entries;
 * no larger slab than the memory cache's, for the same reason).
 */
export const OUTAGE_CACHE_MAX_ENTRIES = 10_000;
export const OUTAGE_CACHE_MAX_BYTES = MEMORY_CACHE_MAX_BYTES;

/**
 * Redis-backed cache. A Redis failure never fails a request: while Redis is unreachable, reads and
 * writes go to a bounded in-process cache of this replica (OUTAGE_CACHE_MAX_ENTRIES entries,
 * OUTAGE_CACHE_MAX_BYTES), which is dropped when Redis answers again. The first failure of an
 * outage is logged once (warn), the recovery once (info).
 */
export class RedisKeyValueCache implements GatewayCache {
  readonly kind = 'redis' as const;
  private available = true;
  /** This replica's cache during an outage (created at its first failure, dropped at recovery). */
  private outageCache: MemoryKeyValueCache | undefined = undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {
    metrics?.cacheUp.set(1);
    redis.on('ready', () => this.markUp());
  }

  /** True until a command fails; true again once Redis answers. */
  get isAvailable(): boolean {
    return this.available;
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const value = await this.redis.get(this.prefix + key);
      this.markUp();
      return value ?? undefined;
    } catch (error) {
      return this.markDown('get', error).get(key);
    }
  }

  async set(key: string, value: string, options?: CacheSetOptions): Promise<void> {
    try {
      const ttl = options?.ttl ?? 0;
      if (ttl > 0) await this.redis.set(this.prefix + key, value, 'EX', Math.ceil(ttl));
      else await this.redis.set(this.prefix + key, value);
      this.markUp();
    } catch (error) {
      await this.markDown('set', error).set(key, value, options);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      const n = await this.redis.del(this.prefix + key);
      this.markUp();
      return n > 0;
    } catch (error) {
      return this.markDown('delete', error).delete(key);
    }
  }

  async ping(): Promise<number> {
    const start = performance.now();
    await this.redis.ping();
    this.markUp();
    return performance.now() - start;
  }

  /** Records a failed command; returns the in-process cache that stands in during the outage. */
  private markDown(operation: string, error: unknown): MemoryKeyValueCache {
    this.metrics?.cacheErrors.inc({ operation });
    this.outageCache ??= new MemoryKeyValueCache(this.prefix, OUTAGE_CACHE_MAX_ENTRIES, OUTAGE_CACHE_MAX_BYTES);
    if (!this.available) return this.outageCache;
    this.available = false;
    this.metrics?.cacheUp.set(0);
    this.logger.warn(
      { err: error instanceof Error ? { message: error.message, name: error.name } : String(error) },
      'redis cache unavailable; caching in this process until it returns',
    );
    return this.outageCache;
  }

  private markUp(): void {
    if (this.available) return;
    this.available = true;
    this.outageCache = undefined;
    this.metrics?.cacheUp.set(1);
    this.logger.info('redis cache available again; caching resumed');
  }
}
