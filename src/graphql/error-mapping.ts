/**
 * The one module that turns errors into public GraphQL errors with a code from the closed set
 * BAD_USER_INPUT | BAD_REQUEST | UNAUTHENTICATED | FORBIDDEN | RATE_LIMITED | NOT_FOUND |
 * SERVICE_UNAVAILABLE | INTERNAL_SERVER_ERROR (plus Apollo's PERSISTED_QUERY_* codes, which the APQ
 * protocol needs). Domain errors keep their
 * message; everything else is masked as "Internal server error" and logged in full.
 *
 * Field paths: services name the field relative to the input they were given ("location.latitude").
 * `reportFieldPaths`, a type-graphql middleware of every resolver class (schema.ts), puts the name
 * of the field's input argument in front ("input.location.latitude",
 * "options.outer.location.latitude"): the one argument of an input-object type; fields without one
 * (`savedCharts(first, after)`) take their arguments as the service input, so the path stays as it
 * is ("first").
 */
import { GraphQLError, getNamedType, isInputObjectType, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';
import { HeaderMap, type GraphQLResponse } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { MiddlewareFn } from 'type-graphql';
import { DomainError, HTTP_STATUS_BY_CODE, publicErrorOf, unavailableFrom, ValidationError, type PublicErrorCode } from '../errors.js';
import type { Logger } from '../observability/logger.js';

/** Codes that set the HTTP status of a whole GraphQL response, first first (the others answer 200 with errors). */
const RESPONSE_STATUS_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE'] as const satisfies readonly PublicErrorCode[];

const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);
const PASS_THROUGH_CODES = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** Our wording of the request refusals Apollo raises without a code (with an HTTP 4xx status). */
const APOLLO_REFUSALS: Readonly<Record<string, string>> = {
  'Unsupported persisted query version': 'Unsupported persisted query version: extensions.persistedQuery.version must be 1',
  'provided sha does not match query': 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text',
};

/** A request refusal that Apollo raised without a code: a GraphQLError of its own with an HTTP status 400–499. */
function apolloRefusalStatus(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return undefined;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** The extensions of a domain error: code, then field or Retry-After seconds when it has them. */
function domainExtensions(error: DomainError): Record<string, unknown> {
  const { code, field, retryAfterSeconds } = publicErrorOf(error);
  return { code, ...(field !== undefined ? { field } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
}

/** The name of the field's input argument (the one of an input-object type), or '' when it has none or several. */
function inputArgumentOf(info: GraphQLResolveInfo): string {
  const args = info.parentType.getFields()[info.fieldName]?.args ?? [];
  const inputs = args.filter((a) => isInputObjectType(getNamedType(a.type)));
  return inputs.length === 1 ? inputs[0].name : '';
}

/** type-graphql middleware of every resolver class: a ValidationError's field comes out under the input argument. */
export const reportFieldPaths: MiddlewareFn = async ({ info }, next) => {
  try {
    const result: unknown = await next();
    return result;
  } catch (error) {
    throw error instanceof ValidationError ? error.under(inputArgumentOf(info)) : error;
  }
};

/**
 * A domain error thrown outside resolvers (context creation, plugins) as a GraphQLError carrying
 * its public code and, for UNAUTHENTICATED / FORBIDDEN / RATE_LIMITED, the HTTP status of the response.
 * @param headers response headers to send with it (Retry-After and the quota headers of a refusal)
 */
export function toGraphQLError(error: DomainError, headers?: Record<string, string>): GraphQLError {
  const extensions = domainExtensions(error);
  if ((RESPONSE_STATUS_CODES as readonly PublicErrorCode[]).includes(error.code)) {
    extensions.http = {
      status: HTTP_STATUS_BY_CODE[error.code],
      ...(headers ? { headers: new HeaderMap(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) } : {}),
    };
  }
  return new GraphQLError(publicErrorOf(error).message, { extensions, originalError: error });
}

/**
 * Errors UNAUTHENTICATED / FORBIDDEN / RATE_LIMITED / SERVICE_UNAVAILABLE in a response (from
 * resolvers too) set the HTTP status of the whole response, the first of them in that order, with
 * WWW-Authenticate: Bearer or Retry-After.
 */
export function setStatusFromErrors(response: GraphQLResponse): void {
  if (response.body.kind !== 'single') return;
  const errors = response.body.singleResult.errors ?? [];
  for (const code of RESPONSE_STATUS_CODES) {
    const error = errors.find((e) => e.extensions?.code === code);
    if (!error) continue;
    response.http.status = HTTP_STATUS_BY_CODE[code];
    if (code === 'UNAUTHENTICATED') response.http.headers.set('www-authenticate', 'Bearer');
    const retry = error.extensions?.retryAfterSeconds;
    if ((code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE') && !response.http.headers.get('retry-after') && typeof retry === 'number') {
      response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(retry))));
    }
    return;
  }
}

/**
 * Apollo `formatError`: maps one error to its public form.
 * @param logger where masked errors are logged with their stack
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    // A domain error thrown by a resolver, or carried by toGraphQLError from the context or a plugin.
    const domain = original instanceof GraphQLError ? original.originalError : original;
    if (domain instanceof DomainError) {
      if (domain.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: domain, path: formatted.path }, 'calculation failed');
      return { ...base, message: publicErrorOf(domain).message, extensions: domainExtensions(domain) };
    }

    if (apolloRefusalStatus(original) !== undefined) {
      return { ...base, message: APOLLO_REFUSALS[formatted.message] ?? 'Bad request', extensions: { code: 'BAD_REQUEST' } };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && PASS_THROUGH_CODES.has(code)) return formatted;
    if (code === 'GRAPHQL_PARSE_FAILED' && !formatted.message.startsWith('Syntax Error')) {
      // The parser failed otherwise than on the syntax (e.g. a stack overflow): never its own words.
      return { ...base, message: 'Syntax Error: the query text could not be parsed', extensions: { code: 'BAD_USER_INPUT', reason: code } };
    }
    if (code && APOLLO_INPUT_CODES.has(code)) {
      const extensions: Record<string, unknown> = { code: 'BAD_USER_INPUT' };
      const reason = formatted.extensions?.reason;
      if (typeof reason === 'string') extensions.reason = reason;
      else if (code !== 'BAD_USER_INPUT') extensions.reason = code;
      for (const key of ['field', 'cost', 'maxCost', 'depth', 'maxDepth']) {
        if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      }
      return { ...base, extensions };
    }
    const unavailable = unavailableFrom(original);
    if (unavailable) {
      logger.warn({ err: original instanceof Error ? original : { thrown: String(original) }, path: formatted.path }, 'dependency unreachable');
      return { ...base, message: unavailable.message, extensions: domainExtensions(unavailable) };
    }
    logger.error({ err: original instanceof Error ? original : { thrown: String(original) }, path: formatted.path }, 'unexpected error (masked)');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
