/**
 * Apollo Server 5 over the type-graphql schema: error mapping, depth/cost limits, auth → quota →
 * response cache (Redis or memory) ordering, APQ through the same cache, metrics, landing page.
 */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Config } from '../config/config.js';
import type { GatewayCache } from '../cache/key-value-cache.js';
import type { QuotaHook } from '../http/quota.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { GatewayContext } from './context.js';
import { createFormatError } from './error-mapping.js';
import { JitExecutor } from './jit-executor.js';
import { createQueryLimitsRule } from './limits/query-limits.rule.js';
import { isCacheableQuery } from './operation-policy.js';
import { createAuthQuotaPlugin } from './plugins/auth-quota.plugin.js';
import { createObservabilityPlugin } from './plugins/observability.plugin.js';
import { ResponseJsonReuse } from './plugins/response-json.js';

/** Persisted-query (APQ) entries live a week; a miss only costs the client one retry. */
const APQ_TTL_SECONDS = 7 * 86_400;

export interface ApolloOptions {
  schema: GraphQLSchema;
  /** The executor of the schema (shared with the fast path); one is made when omitted. */
  jit?: JitExecutor;
  config: Config;
  cache: GatewayCache;
  logger: Logger;
  metrics: Metrics;
  quota?: QuotaHook;
}

/** True when the request's operation is a query of cacheable root fields only. */
async function isCacheableOperation(rc: { operation?: OperationDefinitionNode; document?: DocumentNode }): Promise<boolean> {
  return rc.operation !== undefined && rc.document !== undefined && isCacheableQuery(rc.operation, rc.document);
}

/** Marks cacheable operations PUBLIC with maxAge = ttlSeconds (0 disables the response cache). */
function cachePolicyPlugin(ttlSeconds: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (ttlSeconds > 0 && (await isCacheableOperation(rc))) {
            rc.overallCachePolicy.replace({ maxAge: ttlSeconds, scope: 'PUBLIC' });
          }
        },
      };
    },
  };
}

/** Creates (but does not start) the Apollo server. */
export function createApolloServer(options: ApolloOptions): ApolloServer<GatewayContext> {
  const { config, cache, logger, metrics } = options;
  // The response cache's stored JSON doubles as the HTTP body (one serialization per response).
  const json = new ResponseJsonReuse();
  return new ApolloServer<GatewayContext>({
    // The schema, served through the gateway interface so that calculation queries execute compiled
    // (graphql-jit; see jit-executor.ts). Parsing, validation and every plugin run as usual.
    gateway: (options.jit ?? new JitExecutor(options.schema)).gateway(),
    cache,
    persistedQueries: { cache, ttl: APQ_TTL_SECONDS },
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts drains on SIGTERM/SIGINT itself. Apollo's own handler stops the server and then
    // re-raises the signal, which killed the process in the middle of our drain (exit 143).
    stopOnTerminationSignals: false,
    // Compact JSON (Apollo pretty-prints by default: ~40% larger chart responses, more CPU), cut
    // from the response cache's stored value when there is one.
    stringifyResult: json.stringifyResult,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    formatError: createFormatError(logger),
    validationRules: [createQueryLimitsRule(config.limits.maxQueryDepth, config.limits.maxQueryCost)],
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
    plugins: [
      createObservabilityPlugin(metrics),
      createAuthQuotaPlugin(options.quota),
      // The whole answer of a cacheable operation is cacheable for CACHE_TTL: set the policy once
      // per operation instead of Apollo's cache-control plugin, whose per-field hook wraps every
      // resolver (a large share of the CPU of a chart with ~400 fields).
      cachePolicyPlugin(config.cacheTtlSeconds),
      ApolloServerPluginCacheControlDisabled(),
      json.plugin<GatewayContext>(),
      responseCachePlugin<GatewayContext>({
        cache: json.wrap(cache),
        generateCacheKey: json.generateCacheKey,
        sessionId: async () => null,
        shouldReadFromCache: async (rc) => isCacheableOperation(rc),
        shouldWriteToCache: async (rc) => isCacheableOperation(rc),
      }),
      config.graphql.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
}
