/**
 * Apollo Server 5 over the type-graphql schema, with the request pipeline's stages as plugins, in
 * order: observation (timing from the start), depth/cost validation rules, access (token and
 * quota, before the cache), the calculation cache, then execution through the table of prepared
 * operations (graphql-jit for calculations), and the error mapping. See pipeline/README.md.
 */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { PrefixingKeyValueCache } from '@apollo/utils.keyvaluecache';
import type { KeyValueCache } from '../cache/key-value-cache.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { QuotaHook } from '../quota/quota.hook.js';
import type { GatewayContext } from './context.js';
import { createFormatError } from './error-mapping.js';
import { createQueryLimitsRule } from './limits/query-limits.rule.js';
import { accessPlugin } from './pipeline/access.js';
import { calculationCachePlugin, type CalculationCache } from './pipeline/calculation-cache.js';
import type { PreparedOperations } from './pipeline/execution.js';
import { observationPlugin } from './pipeline/observation.js';
import type { OperationPolicies } from './pipeline/operation-policy.js';

/** Most tokens in one query text (a chart query has ~150; nine aliased searches ~1,000). */
const MAX_QUERY_TOKENS = 20_000;

/** Persisted-query (APQ) entries live a week; a miss only costs the client one retry. */
const APQ_TTL_SECONDS = 7 * 86_400;

export interface ApolloOptions {
  prepared: PreparedOperations;
  policies: OperationPolicies;
  calculationCache: CalculationCache;
  /** Where Apollo keeps APQ query texts (keys: sha256 hex), read by the fast path too. */
  persistedQueries: KeyValueCache;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  quota?: QuotaHook;
}

/** Creates (but does not start) the Apollo server. */
export function createApolloServer(options: ApolloOptions): ApolloServer<GatewayContext> {
  const { config, logger, metrics, policies } = options;
  const cachePlugin = calculationCachePlugin(options.calculationCache, policies);
  return new ApolloServer<GatewayContext>({
    // The schema, served through Apollo's gateway interface, whose executor runs calculation
    // operations compiled; parsing, validation and every plugin run as usual.
    gateway: options.prepared.gateway(),
    // Our own store, keyed by the hash alone, so the fast path can read it (the documented opt-out
    // of Apollo's own key prefix).
    persistedQueries: {
      cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(options.persistedQueries),
      ttl: APQ_TTL_SECONDS,
    },
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts drains on SIGTERM/SIGINT itself. Apollo's own handler stops the server and then
    // re-raises the signal, which killed the process in the middle of our drain (exit 143).
    stopOnTerminationSignals: false,
    // Compact JSON (Apollo pretty-prints by default: ~40% larger chart responses, more CPU); the
    // calculation cache's stored body when there is one.
    stringifyResult: cachePlugin.stringifyResult,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    formatError: createFormatError(logger),
    validationRules: [createQueryLimitsRule(config.limits.maxQueryDepth, config.limits.maxQueryCost)],
    // A bound on the parser's work; the nesting of the text is bounded before (limits/request-shape.ts).
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
    plugins: [
      observationPlugin(metrics, policies),
      accessPlugin(options.quota, policies),
      cachePlugin.plugin,
      // Cache policy is ours (field policies); Apollo's cache-control plugin would also wrap every
      // resolver (a large share of the CPU of a chart with ~400 fields).
      ApolloServerPluginCacheControlDisabled(),
      // Browsers get the GraphiQL explorer from our own origin instead (src/explorer/explorer.route.ts).
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
}
