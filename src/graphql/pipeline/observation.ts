/**
 * Observation stage inside Apollo: every GraphQL operation is recorded when its response is sent
 * (count and latency by operation and outcome, calculation-cache hit or miss, the access log's
 * fields), with the same `recordOperation` the fast path uses.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../../observability/metrics.js';
import { recordOperation } from '../../observability/request-observer.js';
import type { GatewayContext } from '../context.js';
import type { OperationPolicies } from './operation-policy.js';

export function observationPlugin(metrics: Metrics, policies: OperationPolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(start) {
      const startedAt = performance.now();
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const cacheHit = rc.metrics.responseCacheHit === true;
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof code === 'string' ? code : 'error') : cacheHit ? 'cache_hit' : 'ok';
          recordOperation(metrics, (rc.contextValue ?? start.contextValue).observation, {
            operationName: rc.operationName ?? rc.request.operationName,
            outcome,
            cacheable: rc.operation !== undefined && rc.document !== undefined && policies.of(rc.operation, rc.document).cacheable,
            cacheHit,
            seconds: (performance.now() - startedAt) / 1000,
          });
        },
      };
    },
  };
}
