/**
 * Production entry: wires real clients from the config (Redis when REDIS_URL is set; providers
 * for the database etc.), retries them at start (containers start in any order), listens on
 * PORT (and METRICS_PORT), and drains on SIGTERM/SIGINT: /ready 503 and `Connection: close` at
 * once, idle keep-alive sockets closed after SHUTDOWN_IDLE_GRACE, in-flight requests finished within
 * SHUTDOWN_TIMEOUT, then Apollo, the worker pool, Redis and the database closed.
 */
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import express from 'express';
import type { Redis } from 'ioredis';
import { createApp, type GatewayApp } from './app.js';
import type { AppDeps } from './app.deps.js';
import type { Config } from './config/config.js';
import { createRedisClient } from './cache/redis.client.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { accountsStartupProvider } from './accounts/accounts.wiring.js';
import { metricsHandler } from './http/metrics.route.js';

/**
 * Supplies deps at start (the accounts stack: database, revocation, quota). Called with retries
 * (containers start in any order); returns the deps it provides. Add one line to STARTUP_PROVIDERS.
 */
export type StartupProvider = (config: Config, logger: Logger) => Promise<Partial<AppDeps>>;

export const STARTUP_PROVIDERS: StartupProvider[] = [accountsStartupProvider];

export interface RetryOptions {
  /** Calls at most (default 30). */
  attempts?: number;
  /** Wait after the first failure, ms, doubling up to 5 s (default 500). */
  delayMs?: number;
  /** False for an error that another attempt cannot mend: it is thrown at once. */
  retryable?: (error: unknown) => boolean;
}

/**
 * Calls `fn` until it resolves, logging each failure (`<what> failed; retrying`) with its message.
 * @throws the last error after `attempts` failures, or the first one that is not `retryable`
 */
export async function retry<T>(what: string, fn: () => Promise<T>, logger: Logger, options: RetryOptions = {}): Promise<T> {
  const { attempts = 30, delayMs = 500, retryable = () => true } = options;
  let wait = delayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      logger.warn({ attempt, retryInMs: wait, err: error instanceof Error ? error.message : String(error) }, `${what} failed; retrying`);
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5000);
    }
  }
}

/** How long a connection that has not sent a request yet is left open while draining. */
const NEVER_USED_GRACE_MS = 5_000;

/**
 * The server's sockets with what they are doing: busy while a request is being answered, else idle
 * since their last response (or since they connected).
 */
function trackConnections(server: Server) {
  const sockets = new Map<Socket, { busy: number; answered: boolean; idleSinceMs: number }>();
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { busy: 0, answered: false, idleSinceMs: Date.now() });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.busy += 1;
    res.once('close', () => {
      state.busy -= 1;
      state.answered = true;
      state.idleSinceMs = Date.now();
    });
  });
  return {
    /**
     * Closes the keep-alive sockets idle for at least `idleMs` since their last answer. A socket that
     * has not brought a request yet gets longer (its first request may still be unread on a busy
     * event loop): `NEVER_USED_GRACE_MS`, then the shutdown deadline.
     */
    closeIdle(idleMs: number): void {
      const now = Date.now();
      for (const [socket, state] of sockets) {
        const grace = state.answered ? idleMs : Math.max(idleMs, NEVER_USED_GRACE_MS);
        if (state.busy === 0 && now - state.idleSinceMs >= grace) socket.destroy();
      }
    },
  };
}

/** GET /metrics on a port of its own (METRICS_PORT), on the same host. */
async function listenMetrics(gateway: GatewayApp, config: Config, port: number): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(gateway.runtime));
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host, () => resolve());
  });
  return server;
}

export interface RunningServer {
  server: Server;
  /** The METRICS_PORT listener, when configured. */
  metricsServer: Server | undefined;
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
  const connections = trackConnections(server);
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

  const metricsServer = config.metrics.port === undefined ? undefined : await listenMetrics(gateway, config, config.metrics.port);
  if (metricsServer) logger.info({ port: (metricsServer.address() as AddressInfo).port }, 'metrics listening on METRICS_PORT');

  let stopping: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown'): Promise<void> => {
    stopping ??= (async () => {
      const deadline = Date.now() + config.shutdownTimeoutMs;
      logger.info({ reason, timeoutMs: config.shutdownTimeoutMs, idleGraceMs: config.shutdownIdleGraceMs }, 'shutting down: draining in-flight requests');
      // 1. /ready answers 503 and every response carries Connection: close. The listener stays open
      //    through a short grace, so a request already on its way over an idle keep-alive socket (or
      //    from a balancer that has not yet seen /ready) is answered, not reset.
      gateway.startDraining();
      await new Promise((r) => setTimeout(r, Math.min(config.shutdownIdleGraceMs, config.shutdownTimeoutMs)));
      // 2. Stop accepting (net.Server's close: http.Server's would also reset every socket without a
      //    request at this instant, including one whose request is still on the wire). In-flight
      //    requests finish and close their sockets; a socket is closed once idle for the grace.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      const idleSweep = setInterval(() => connections.closeIdle(config.shutdownIdleGraceMs), 50);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
      });
      if ((await Promise.race([closed, timedOut])) === 'timeout') {
        logger.warn('shutdown timeout reached; closing remaining connections');
        server.closeAllConnections();
        await closed;
      }
      clearTimeout(timer);
      clearInterval(idleSweep);
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
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
  return { server, metricsServer, gateway, port, shutdown };
}
