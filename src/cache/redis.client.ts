/**
 * ioredis client configured for a cache that must never block requests: no offline queue
 * (commands fail at once while disconnected), a short command timeout, and endless reconnection
 * with capped back-off, so the app starts before Redis and survives Redis restarts.
 */
import { Redis } from 'ioredis';

export interface RedisClientOptions {
  /** Per-command timeout in ms (default 500). */
  commandTimeoutMs?: number;
  /** Upper bound of the reconnection back-off in ms (default 2000). */
  maxReconnectDelayMs?: number;
}

/** Creates a client for `url` (redis:// or rediss://). It connects in the background. */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 2000;
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: 2000,
    retryStrategy: (attempt: number) => Math.min(100 * attempt, maxDelay),
    lazyConnect: false,
  });
  // Errors are reported through the cache wrapper and /ready; without a listener ioredis logs
  // "Unhandled error event" on every reconnection attempt.
  client.on('error', () => undefined);
  return client;
}
