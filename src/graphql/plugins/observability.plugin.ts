/**
 * Records every GraphQL operation: count and latency by operation name and outcome, response
 * cache hits and misses for cacheable operations, and the outcome for the HTTP access log.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../../observability/metrics.js';
import { isCacheableQuery } from '../operation-policy.js';
import type { GatewayContext } from '../context.js';

/** Operation names are client-chosen: keep label cardinality bounded. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'invalid';
}

export function createObservabilityPlugin(metrics: Metrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(start) {
      const startedAt = performance.now();
      let cacheable = false;
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          cacheable = isCacheableQuery(rc.operation, rc.document);
        },
        async willSendResponse(rc) {
          const operation = operationLabel(rc.operationName ?? rc.request.operationName);
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const cacheHit = rc.metrics.responseCacheHit === true;
          let outcome = 'ok';
          if (errors && errors.length > 0) {
            const code = errors[0]?.extensions?.code;
            outcome = typeof code === 'string' ? code : 'error';
          } else if (cacheHit) {
            outcome = 'cache_hit';
          }
          if (cacheable && !(errors && errors.length > 0)) {
            if (cacheHit) metrics.cacheHits.inc();
            else metrics.cacheMisses.inc();
          }
          const seconds = (performance.now() - startedAt) / 1000;
          metrics.observeGraphql(operation, outcome, seconds);
          const observation = (rc.contextValue ?? start.contextValue)?.observation;
          if (observation) {
            observation.operation = operation;
            observation.outcome = outcome;
            observation.cacheHit = cacheHit;
          }
        },
      };
    },
  };
}
