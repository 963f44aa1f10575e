/**
 * App factory for in-process HTTP tests: createApp with a test config, its own metrics registry,
 * a unique cache key prefix, optionally real Redis, and a log capture.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { createApp, type GatewayApp } from '../../src/app.js';
import type { AppDeps } from '../../src/app.deps.js';
import type { Config } from '../../src/config/config.js';
import { createRedisClient } from '../../src/cache/redis.client.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { CALCULATION_CACHE_PREFIX } from '../../src/graphql/pipeline/calculation-cache.js';
import { testConfig } from './config.js';
import { bearer, signTestToken } from './tokens.js';

export interface TestApp extends GatewayApp {
  config: Config;
  /** Every log line written so far (JSON strings). */
  logs: string[];
  /** Bearer header with a valid token. */
  auth: string;
  redis?: Redis;
  cacheKeyPrefix: string;
  /** Closes the app and the Redis client it created. */
  dispose(): Promise<void>;
  /**
   * Waits until the calculation cache holds at least `count` entries of this app (it writes in the
   * background). Redis: polls the keys; memory: the write is synchronous, a tick suffices.
   */
  waitForCacheEntries(count: number, timeoutMs?: number): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  /** Redis URL to use for the cache (e.g. "redis://127.0.0.1:6379"); memory cache when omitted. */
  redisUrl?: string;
  deps?: AppDeps;
  logLevel?: string;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig({ ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}), ...options.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = createLogger(options.logLevel ?? 'info', sink);
  const redis = options.redisUrl ? createRedisClient(options.redisUrl) : undefined;
  if (redis && redis.status !== 'ready') {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 3000);
      redis.once('ready', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  const cacheKeyPrefix = `nocturna-test:${randomUUID()}:`;
  const gateway = await createApp(config, {
    logger,
    metrics: createMetrics(false),
    redis,
    cacheKeyPrefix,
    ...options.deps,
  });
  return {
    ...gateway,
    config,
    logs,
    auth: bearer(signTestToken(config)),
    redis,
    cacheKeyPrefix,
    async waitForCacheEntries(count: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      if (!redis) {
        await new Promise((r) => setTimeout(r, 10));
        return;
      }
      for (;;) {
        const keys = await redis.keys(`${cacheKeyPrefix}${CALCULATION_CACHE_PREFIX}*`).catch(() => [] as string[]);
        if (keys.length >= count) return;
        if (Date.now() > deadline) throw new Error(`response cache holds ${keys.length} entries, expected ${count}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async dispose() {
      await gateway.close();
      if (redis) {
        const keys = await redis.keys(`${cacheKeyPrefix}*`).catch(() => [] as string[]);
        if (keys.length > 0) await redis.del(...keys).catch(() => 0);
        redis.disconnect();
      }
    },
  };
}
