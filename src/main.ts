/**
 * Production entry: wires real clients from the config (Redis when REDIS_URL is set; providers
 * for the database etc.), retries them at start (containers start in any order), listens on
 * PORT, and drains on SIGTERM/SIGINT: stop accepting, finish in-flight requests within
 * SHUTDOWN_TIMEOUT, then close Apollo, Redis and the database.
 */
import { createServer, type Server } from 'node:http';
import type { Redis } from 'ioredis';
import { createApp, type GatewayApp } from './app.js';
import type { AppDeps } from './app.deps.js';
import type { Config } from './config/config.js';
import { createRedisClient } from './cache/redis.client.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { accountsStartupProvider } from './accounts/accounts.wiring.js';

/**
 * Supplies deps at start (the accounts stack: database, revocation, quota). Called with retries
 * (containers start in any order); returns the deps it provides. Add one line to STARTUP_PROVIDERS.
 */
export type StartupProvider = (config: Config, logger: Logger) => Promise<Partial<AppDeps>>;

export const STARTUP_PROVIDERS: StartupProvider[] = [accountsStartupProvider];

/**
 * Calls `fn` until it resolves, waiting `delayMs` (doubling up to 5 s) between attempts.
 * @throws the last error after `attempts` failures
 */
export async function retry<T>(what: string, fn: () => Promise<T>, logger: Logger, attempts = 30, delayMs = 500): Promise<T> {
  let wait = delayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      logger.warn({ attempt, retryInMs: wait, err: error instanceof Error ? error.message : String(error) }, `${what} not ready; retrying`);
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5000);
    }
  }
}

export interface RunningServer {
  server: Server;
  gateway: GatewayApp;
  /** The port actually bound (useful with PORT=0). */
  port: number;
  /** Graceful stop: stop accepting, drain, close clients. Resolves when done. */
  shutdown(reason?: string): Promise<void>;
}

async function waitForRedis(redis: Redis, logger: Logger, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.warn('redis not reachable yet; starting uncached, will use it when it answers');
      resolve();
    }, timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Builds the app with real clients, loads the gazetteer and zone boundaries, and listens on
 * config.port (0 = any free port).
 * @param installSignalHandlers handle SIGTERM/SIGINT (default true)
 * @param options.warmUpPlaces load the places data before listening (default true); false leaves
 *   it to the first request that needs it (`npm run bench:startup` compares the two)
 */
export async function startServer(
  config: Config,
  installSignalHandlers = true,
  options: { warmUpPlaces?: boolean } = {},
): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const metrics = createMetrics();
  if (config.secretKeySource === 'generated') {
    logger.warn({ dataDir: config.dataDir }, 'SECRET_KEY not set: using the development secret generated in DATA_DIR');
  }

  const deps: AppDeps = { logger, metrics };
  if (config.redisUrl) {
    deps.redis = createRedisClient(config.redisUrl);
    await waitForRedis(deps.redis, logger, 5000);
  }
  for (const provider of STARTUP_PROVIDERS) {
    Object.assign(deps, await retry('dependency', () => provider(config, logger), logger));
  }

  const gateway = await createApp(config, deps);
  if (options.warmUpPlaces ?? true) {
    const placesStart = performance.now();
    gateway.runtime.services.places.warmUp();
    logger.info({ ms: Math.round(performance.now() - placesStart) }, 'gazetteer and zone boundaries loaded');
  }
  const server = createServer(gateway.app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    {
      port,
      environment: config.nodeEnv,
      cache: config.redisUrl ? 'redis' : 'memory',
      database: deps.database?.kind ?? 'not configured',
      graphql: `http://localhost:${port}/graphql`,
    },
    'nocturna listening',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown'): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: draining in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), config.shutdownTimeoutMs);
      });
      if ((await Promise.race([closed, timedOut])) === 'timeout') {
        logger.warn('shutdown timeout reached; closing remaining connections');
        server.closeAllConnections();
        await closed;
      }
      clearTimeout(timer);
      await gateway.close();
      await Promise.allSettled([
        deps.redis ? deps.redis.quit().catch(() => deps.redis?.disconnect()) : Promise.resolve(),
        deps.database ? deps.database.close() : Promise.resolve(),
      ]);
      logger.info('shutdown complete');
    })();
    return stopping;
  };

  if (installSignalHandlers) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      // `on`, not `once`: a second signal (an init forwarding it again) must not take the default
      // action and kill the drain; shutdown() is idempotent.
      process.on(signal, () => {
        shutdown(signal).then(
          () => process.exit(0),
          (error) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  return { server, gateway, port, shutdown };
}
