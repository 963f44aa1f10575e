/**
 * `createApp(config, deps)`: builds the gateway, without listening. Tests run it in-process with
 * supertest; main.ts wires real clients and listens. docs/architecture.md walks through it.
 *
 * A request meets, in order: the GraphQL fast path (graphql/pipeline/fast-path.ts), which answers
 * the common calculation request on node's request or hands it on; then express: request id +
 * access log → what the fast path handed on (a parsed body) → CORS → JSON body (size limit) → the
 * REST routes (ROUTERS) → /graphql: the context (JWT verification, 401 on a bad token) → Apollo
 * Server with the pipeline's stages as plugins (graphql/apollo.ts) → resolvers → services.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { Config } from './config/config.js';
import type { AppDeps, AppRuntime, AppServices, RouterFactory } from './app.deps.js';
import { createJwtVerifier, type JwtVerifier } from './auth/jwt.verifier.js';
import { MemoryKeyValueCache, prefixedCache, RedisKeyValueCache, type GatewayCache } from './cache/key-value-cache.js';
import { ServiceUnavailableError, UnauthenticatedError } from './errors.js';
import { createApolloServer } from './graphql/apollo.js';
import { createGatewayContext, type GatewayContext } from './graphql/context.js';
import { toGraphQLError } from './graphql/error-mapping.js';
import { CalculationCache } from './graphql/pipeline/calculation-cache.js';
import { PreparedOperations } from './graphql/pipeline/execution.js';
import { createFastPath } from './graphql/pipeline/fast-path.js';
import { OperationPolicies } from './graphql/pipeline/operation-policy.js';
import { TrustedDocuments } from './graphql/pipeline/trusted-documents.js';
import { createQueryLimitsRule } from './graphql/limits/query-limits.rule.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { graphqlBodyProblem, jsonBodyProblem } from './graphql/limits/request-shape.js';
import { createRequireAuth } from './http/auth.middleware.js';
import { calculationsRouter } from './http/calculations.routes.js';
import { corsMiddleware } from './http/cors.middleware.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { healthRouter } from './http/health.routes.js';
import { metricsRouter } from './http/metrics.route.js';
import { OpenApiRegistry } from './http/openapi.registry.js';
import { openApiRouter } from './http/openapi.routes.js';
import { requestContextMiddleware } from './http/request-context.middleware.js';
import { ephemerisCsvRouter } from './http/ephemeris-csv.route.js';
import { wheelRouter } from './http/wheel.route.js';
import { explorerRouter } from './explorer/explorer.route.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { createRequestObserver } from './observability/request-observer.js';
import { startTracing, traceHttpRequest, type Tracing } from './observability/tracing.js';
import { ChartService } from './services/chart.service.js';
import { signalOnDemand } from './services/request-loaders.js';
import { TechniquesService } from './services/techniques.service.js';
import { WorkPool } from './services/work-pool.js';
import { WheelService } from './services/wheel.service.js';
import { PlacesService } from './services/places.service.js';

/** REST routers of the app, mounted in this order. Add one line per new router. */
const ROUTERS: RouterFactory[] = [
  healthRouter,
  metricsRouter,
  calculationsRouter,
  wheelRouter,
  ephemerisCsvRouter,
  explorerRouter,
  openApiRouter,
];

/** Prefix of the APQ query texts (by sha256 hex) in the gateway cache. */
const PERSISTED_QUERY_PREFIX = 'apq:';

export interface GatewayApp {
  /** The request listener to serve (node:http createServer, supertest): fast path, then express. */
  app: (req: IncomingMessage, res: ServerResponse) => void;
  /** The express app behind the fast path. */
  express: Express;
  apollo: ApolloServer<GatewayContext>;
  runtime: AppRuntime;
  verifier: JwtVerifier;
  /** The tracer when OTEL_EXPORTER_OTLP_ENDPOINT is set (forceFlush exports the finished spans now). */
  tracing: Tracing | undefined;
  /**
   * Starts the drain (main.ts, on SIGTERM): /ready answers 503 and every response carries
   * `Connection: close` (fast path and express alike, set in `app` above).
   */
  startDraining(): void;
  /** Stops Apollo, the worker pool and tracing (exporting its last spans). Clients passed in deps (redis, database) belong to the caller. */
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
  const chart = deps.services?.chart ?? new ChartService(metrics);
  const workPool = new WorkPool(config.work, logger);
  const services: AppServices & Record<string, unknown> = {
    techniques: new TechniquesService(metrics, workPool),
    wheels: new WheelService(chart),
    places: new PlacesService(),
    ...deps.services,
    chart,
  };

  const lifecycle = { draining: false };
  const runtime: AppRuntime = {
    lifecycle,
    config,
    logger,
    metrics,
    cache,
    services,
    deps,
    requireAuth: createRequireAuth(verifier, deps.quota, logger),
    requireAuthCharging: (units) => createRequireAuth(verifier, deps.quota, logger, units),
    openapi: new OpenApiRegistry({
      title: 'Nocturna REST API',
      version: process.env.npm_package_version ?? '0.1.0',
      description: 'The REST routes of the Nocturna gateway. Everything they answer, and more, is in the GraphQL API at /graphql.',
    }),
  };

  // The GraphQL pipeline: its stages are shared by Apollo (as plugins) and the fast path.
  const schema = buildGatewaySchema(deps.resolvers ?? []);
  const policies = new OperationPolicies(schema);
  const prepared = new PreparedOperations(schema, policies);
  const calculationCache = new CalculationCache(cache, config.cacheTtlSeconds, logger);
  const persistedQueries = prefixedCache(cache, PERSISTED_QUERY_PREFIX);
  const { mode: trustedMode, file: trustedFile } = config.trustedDocuments;
  const trusted =
    trustedMode === 'off' || trustedFile === undefined
      ? TrustedDocuments.off()
      : TrustedDocuments.load(trustedMode, trustedFile, schema, [createQueryLimitsRule(config.limits.maxQueryDepth, config.limits.maxQueryCost)], prepared);
  const apollo = createApolloServer({ prepared, policies, calculationCache, persistedQueries, config, logger, metrics, quota: deps.quota });
  await apollo.start();

  const observe = createRequestObserver(logger, metrics);
  const app = express();
  app.disable('x-powered-by');
  // No ETag: express would hash every (mostly POST) response body; clients never revalidate them.
  app.set('etag', false);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const fastPath = createFastPath({
    prepared,
    verifier,
    quota: deps.quota,
    cache: calculationCache,
    persistedQueries,
    trusted,
    bodyLimitBytes: config.limits.bodyLimitBytes,
    services,
    metrics,
    logger,
    observe,
    trustProxy: app.get('trust proxy fn') as (address: string, hop: number) => boolean,
  });

  app.use(requestContextMiddleware(observe));
  // What the fast path handed on: its parsed body (express.json then skips the read stream), or
  // express's usual 400 for a body that is not JSON (errorHandler).
  app.use((req, _res, next) => {
    const handOff = fastPath.handOffOf(req);
    if (handOff?.body !== undefined) req.body = handOff.body;
    next(handOff?.bodyError);
  });
  app.use(corsMiddleware(config.corsOrigins));
  app.use(express.json({ limit: config.limits.bodyLimitBytes }));
  // Nesting bounded before anything recursive (graphql-js, JSON.stringify, cache keys) sees the body.
  app.use((req, _res, next) => {
    if (req.body === undefined) return next();
    next(req.path === '/graphql' ? graphqlBodyProblem(req.body) : jsonBodyProblem(req.body));
  });

  for (const factory of [...ROUTERS, ...(deps.routers ?? [])]) app.use(factory(runtime));

  app.use('/graphql', trusted.expressMiddleware());
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        let principal;
        try {
          principal = await verifier.verifyAuthorizationHeader(req.get('authorization'));
        } catch (error) {
          if (error instanceof UnauthenticatedError) throw toGraphQLError(error);
          // The account database is unreachable: 503 with Retry-After.
          if (error instanceof ServiceUnavailableError) throw toGraphQLError(error, { 'Retry-After': String(error.retryAfterSeconds) });
          throw error;
        }
        return createGatewayContext({
          requestId: req.id,
          principal,
          logger,
          services,
          // A run on the fast path that reported errors hands its loaders on: nothing is computed twice.
          loaders: fastPath.handOffOf(req)?.loaders,
          observation: res.locals.observation,
          ip: req.ip,
          signal: signalOnDemand(res),
        });
      },
    }),
  );

  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  // Last, so nothing above can fail with tracing left running.
  const tracing = await startTracing(config.tracing);

  return {
    app: (req, res) => {
      // Draining (SIGTERM): every response asks the client to close, so it moves to another replica.
      if (lifecycle.draining) res.setHeader('Connection', 'close');
      traceHttpRequest(req, res, () => {
        fastPath.handle(req, res, () => {
          app(req, res);
        });
      });
    },
    express: app,
    apollo,
    runtime,
    verifier,
    tracing,
    startDraining: () => {
      lifecycle.draining = true;
    },
    close: async () => {
      await apollo.stop();
      await workPool.close();
      await tracing?.shutdown();
    },
  };
}
