/**
 * `createApp(config, deps)`: builds the express app with the GraphQL gateway and the REST routes,
 * without listening. Tests run it in-process with supertest; main.ts wires real clients and
 * listens.
 *
 * Request path: GraphQL fast path (prepared calculation queries: token, quota, response cache,
 * compiled run; see graphql/fast-path.ts) → otherwise express: request id + access log → CORS →
 * JSON body (size limit) → routes.
 * /graphql: context (JWT verify, 401 on a bad token) → depth/cost rules → auth + quota plugin →
 * response cache (Redis or memory) → resolvers → chart service (per-request DataLoader).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { Config } from './config/config.js';
import type { AppDeps, AppRuntime, AppServices, RouterFactory } from './app.deps.js';
import { createJwtVerifier, type JwtVerifier } from './auth/jwt.verifier.js';
import { MemoryKeyValueCache, RedisKeyValueCache, type GatewayCache } from './cache/key-value-cache.js';
import { createApolloServer } from './graphql/apollo.js';
import { createGatewayContext, type GatewayContext } from './graphql/context.js';
import { createGraphQLFastPath, FAST_PATH_HANDOFF, type FastPathHandOff } from './graphql/fast-path.js';
import { JitExecutor } from './graphql/jit-executor.js';
import { toGraphQLError } from './graphql/error-mapping.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { createRequireAuth } from './http/auth.middleware.js';
import { calculationsRouter } from './http/calculations.routes.js';
import { corsMiddleware } from './http/cors.middleware.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { healthRouter } from './http/health.routes.js';
import { metricsRouter } from './http/metrics.route.js';
import { createRequestObserver, requestContextMiddleware } from './http/request-context.middleware.js';
import { wheelRouter } from './http/wheel.route.js';
import { UnauthenticatedError } from './errors.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { defaultComputeChart } from './services/chart.compute.js';
import { ChartService } from './services/chart.service.js';

/** REST routers of the app, mounted in this order. Add one line per new router. */
const ROUTERS: RouterFactory[] = [
  healthRouter,
  metricsRouter,
  calculationsRouter,
  wheelRouter,
];

/** What the fast path may leave on a request it hands on. */
type HandedOn = { [FAST_PATH_HANDOFF]?: FastPathHandOff };

export interface GatewayApp {
  /** The request listener to serve (node:http createServer, supertest): fast path, then express. */
  app: (req: IncomingMessage, res: ServerResponse) => void;
  /** The express app behind the fast path. */
  express: Express;
  apollo: ApolloServer<GatewayContext>;
  runtime: AppRuntime;
  verifier: JwtVerifier;
  /** Stops Apollo. Clients passed in deps (redis, database) belong to the caller. */
  close(): Promise<void>;
}

/**
 * Builds the app. Validates its options here, once (verifier secret, cache choice).
 * @param config validated configuration (loadConfig)
 * @param deps optional clients and hooks; see AppDeps
 */
export async function createApp(config: Config, deps: AppDeps = {}): Promise<GatewayApp> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const metrics = deps.metrics ?? createMetrics();
  const prefix = deps.cacheKeyPrefix ?? 'nocturna:';
  const cache: GatewayCache =
    deps.cache ?? (deps.redis ? new RedisKeyValueCache(deps.redis, prefix, logger, metrics) : new MemoryKeyValueCache(prefix));

  const verifier = createJwtVerifier({
    secret: config.secretKey,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    isRevoked: deps.isTokenRevoked,
  });
  const services = {
    ...deps.services,
    chart: deps.services?.chart ?? new ChartService(deps.computeChart ?? defaultComputeChart, metrics),
  } as AppServices & Record<string, unknown>;

  const runtime: AppRuntime = {
    config,
    logger,
    metrics,
    cache,
    services,
    deps,
    requireAuth: createRequireAuth(verifier, deps.quota, logger),
  };

  const schema = buildGatewaySchema(deps.resolvers ?? []);
  const jit = new JitExecutor(schema);
  const apollo = createApolloServer({ schema, jit, config, cache, logger, metrics, quota: deps.quota });
  await apollo.start();

  const observe = createRequestObserver(logger, metrics);
  const app = express();
  app.disable('x-powered-by');
  // No ETag: express would hash every (mostly POST) response body; clients never revalidate them.
  app.set('etag', false);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestContextMiddleware(observe));
  // A body the fast path read and found malformed: express' usual 400 (errorHandler).
  app.use((req, _res, next) => next((req as HandedOn)[FAST_PATH_HANDOFF]?.bodyError));
  app.use(corsMiddleware(config.corsOrigins));
  app.use(express.json({ limit: config.limits.bodyLimitBytes }));

  for (const factory of [...ROUTERS, ...(deps.routers ?? [])]) app.use(factory(runtime));

  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        let principal;
        try {
          principal = await verifier.verifyAuthorizationHeader(req.get('authorization'));
        } catch (error) {
          if (error instanceof UnauthenticatedError) throw toGraphQLError(error);
          throw error;
        }
        return createGatewayContext({
          requestId: req.id,
          principal,
          logger,
          services,
          // A compiled run on the fast path that reported errors hands its loaders on: nothing is computed twice.
          loaders: (req as HandedOn)[FAST_PATH_HANDOFF]?.loaders,
          observation: res.locals.observation,
          ip: req.ip,
        });
      },
    }),
  );

  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  const fastPath = createGraphQLFastPath({
    jit,
    verifier,
    quota: deps.quota,
    cache,
    cacheTtlSeconds: config.cacheTtlSeconds,
    bodyLimitBytes: config.limits.bodyLimitBytes,
    services,
    metrics,
    logger,
    observe,
    trustProxy: app.get('trust proxy fn') as (address: string, hop: number) => boolean,
  });
  const listener = (req: IncomingMessage, res: ServerResponse): void => fastPath(req, res, () => app(req, res));

  return {
    app: listener,
    express: app,
    apollo,
    runtime,
    verifier,
    close: async () => {
      await apollo.stop();
    },
  };
}
