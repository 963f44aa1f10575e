/**
 * Runs after the operation is resolved and before the response cache (`didResolveOperation`
 * precedes `responseForOperation`): refuses anonymous access to non-public root fields with
 * UNAUTHENTICATED/401, then asks the quota hook, refusing with RATE_LIMITED/429 + Retry-After.
 * A cached answer therefore still needs a valid token and still counts against the quota.
 */
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { UnauthenticatedError } from '../../errors.js';
import { quotaHeaders, type QuotaHook } from '../../http/quota.js';
import { toGraphQLError } from '../error-mapping.js';
import { rootFieldPolicy } from '../operation-policy.js';
import type { GatewayContext } from '../context.js';
import { rootFieldNames } from './root-fields.js';

const STATUS_PRIORITY: [code: string, status: number][] = [
  ['UNAUTHENTICATED', 401],
  ['FORBIDDEN', 403],
  ['RATE_LIMITED', 429],
];

/**
 * Resolver errors UNAUTHENTICATED/FORBIDDEN/RATE_LIMITED set the HTTP status of the whole
 * response (401 > 403 > 429), with WWW-Authenticate or Retry-After as appropriate.
 */
function applyErrorStatus(response: GraphQLResponse): void {
  if (response.body.kind !== 'single') return;
  const errors = response.body.singleResult.errors ?? [];
  if (errors.length === 0) return;
  const codes = new Set(errors.map((e) => e.extensions?.code));
  for (const [code, status] of STATUS_PRIORITY) {
    if (!codes.has(code)) continue;
    response.http.status = status;
    if (code === 'UNAUTHENTICATED') response.http.headers.set('www-authenticate', 'Bearer');
    if (code === 'RATE_LIMITED' && !response.http.headers.get('retry-after')) {
      const retry = errors.find((e) => e.extensions?.code === code)?.extensions?.retryAfterSeconds;
      if (typeof retry === 'number') response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(retry))));
    }
    return;
  }
}

/** Quota units of an operation: each root field's cost, at least 1. */
export function quotaCost(rootFields: string[]): number {
  return rootFields.reduce((sum, f) => sum + Math.max(1, rootFieldPolicy(f).cost), 0);
}

export function createAuthQuotaPlugin(quota: QuotaHook | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const { contextValue: ctx } = rc;
          if (!rc.operation) return;
          const fields = rootFieldNames(rc.operation, rc.document);
          const needsAuth = fields.some((f) => !rootFieldPolicy(f).public);
          if (!needsAuth) return;
          if (!ctx.principal) {
            throw toGraphQLError(new UnauthenticatedError('Authentication required: send Authorization: Bearer <token>'));
          }
          if (!quota) return;
          // The fast path (fast-path.ts) may have asked already for this request and handed it on.
          const decision =
            ctx.observation.quota ??
            (await quota({
              principal: ctx.principal,
              transport: 'graphql',
              operation: rc.operationName ?? 'anonymous',
              rootFields: fields,
              cost: quotaCost(fields),
              ip: ctx.ip,
            }));
          if (!decision) return;
          ctx.observation.quota = decision;
          if (!decision.allowed) {
            const headers = new HeaderMap(Object.entries(quotaHeaders(decision)).map(([k, v]) => [k.toLowerCase(), v]));
            const retryAfterSeconds = Number(headers.get('retry-after'));
            throw new GraphQLError(`Rate limit exceeded: retry in ${retryAfterSeconds} s`, {
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429, headers } },
            });
          }
        },
        async willSendResponse(rc) {
          const decision = rc.contextValue?.observation?.quota;
          if (decision) {
            for (const [name, value] of Object.entries(quotaHeaders(decision))) {
              rc.response.http.headers.set(name.toLowerCase(), value);
            }
          }
          applyErrorStatus(rc.response);
        },
      };
    },
  };
}
