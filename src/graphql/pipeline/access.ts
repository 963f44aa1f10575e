/**
 * Access stage: an operation that needs a token (a root field not marked `@Public()`) is refused
 * without one (UNAUTHENTICATED, 401), then charged to the caller's quota (RATE_LIMITED, 429 with
 * Retry-After when spent). It runs before the calculation cache, so a cached answer still needs a
 * token and still counts. The token itself is verified when the request's context is built
 * (app.ts) or by the fast path, with the same verifier.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '../../auth/jwt.types.js';
import { RateLimitedError, UnauthenticatedError } from '../../errors.js';
import { quotaHeaders, type QuotaDecision, type QuotaHook } from '../../quota/quota.hook.js';
import type { GatewayContext } from '../context.js';
import { setStatusFromErrors, toGraphQLError } from '../error-mapping.js';
import type { OperationPolicies, OperationPolicy } from './operation-policy.js';

/** Charges an operation to the caller's quota: the decision, or null when no quota applies. */
export function chargeQuota(
  quota: QuotaHook | undefined,
  call: { principal: Principal; operationName: string | null; policy: OperationPolicy; ip: string | undefined },
): Promise<QuotaDecision | null> {
  if (!quota) return Promise.resolve(null);
  return quota({
    principal: call.principal,
    transport: 'graphql',
    operation: call.operationName ?? 'anonymous',
    rootFields: call.policy.rootFields,
    cost: call.policy.quotaCost,
    ip: call.ip,
  });
}

/**
 * The stage inside Apollo (`didResolveOperation`, before the calculation cache's
 * `responseForOperation`). A decision the fast path took already for this request (it then hands
 * the request on) is reused: a request is charged once. On the way out it sets the quota headers
 * and the HTTP status of UNAUTHENTICATED / FORBIDDEN / RATE_LIMITED errors.
 */
export function accessPlugin(quota: QuotaHook | undefined, policies: OperationPolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const ctx = rc.contextValue;
          if (!rc.operation) return;
          const policy = policies.of(rc.operation, rc.document);
          if (!policy.needsToken) return;
          if (!ctx.principal) {
            throw toGraphQLError(new UnauthenticatedError('Authentication required: send Authorization: Bearer <token>'));
          }
          const decision =
            ctx.observation.quota ??
            (await chargeQuota(quota, { principal: ctx.principal, operationName: rc.operationName, policy, ip: ctx.ip }));
          if (!decision) return;
          ctx.observation.quota = decision;
          if (!decision.allowed) {
            const headers = quotaHeaders(decision);
            const retryAfterSeconds = Number(headers['Retry-After']);
            throw toGraphQLError(new RateLimitedError(`Rate limit exceeded: retry in ${retryAfterSeconds} s`, retryAfterSeconds), headers);
          }
        },
        async willSendResponse(rc) {
          const decision = rc.contextValue.observation.quota;
          if (decision) {
            for (const [name, value] of Object.entries(quotaHeaders(decision))) rc.response.http.headers.set(name.toLowerCase(), value);
          }
          setStatusFromErrors(rc.response);
        },
      };
    },
  };
}
