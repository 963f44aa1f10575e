/**
 * The one module that turns errors into public GraphQL errors with a code from the closed set
 * BAD_USER_INPUT | UNAUTHENTICATED | FORBIDDEN | RATE_LIMITED | NOT_FOUND | INTERNAL_SERVER_ERROR
 * (plus Apollo's PERSISTED_QUERY_* codes, which the APQ protocol needs). Domain errors keep their
 * message; everything else is masked as "Internal server error" and logged in full.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  DomainError,
  RateLimitedError,
  ValidationError,
  type PublicErrorCode,
} from '../errors.js';
import type { Logger } from '../observability/logger.js';

/** HTTP status for a public code, when the whole response should carry it. */
export const HTTP_STATUS_BY_CODE: Partial<Record<PublicErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);
const PASS_THROUGH_CODES = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * Converts a domain error into a GraphQLError carrying its public code, field and HTTP status
 * (used where errors are thrown outside resolvers: context creation, plugins).
 */
export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error instanceof ValidationError) extensions.field = error.field;
  if (error instanceof RateLimitedError) extensions.retryAfterSeconds = error.retryAfterSeconds;
  const status = HTTP_STATUS_BY_CODE[error.code];
  if (status !== undefined) extensions.http = { status };
  return new GraphQLError(error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : error.message, {
    extensions,
    originalError: error,
  });
}

/**
 * Apollo `formatError`: maps one error to its public form.
 * @param logger where masked errors are logged with their stack
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      if (original.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: original, path: formatted.path }, 'calculation failed');
        return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      const extensions: Record<string, unknown> = { code: original.code };
      if (original instanceof ValidationError) extensions.field = original.field;
      if (original instanceof RateLimitedError) extensions.retryAfterSeconds = original.retryAfterSeconds;
      return { ...base, message: original.message, extensions };
    }

    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && PASS_THROUGH_CODES.has(code)) return formatted;
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
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'RATE_LIMITED' || code === 'NOT_FOUND') {
      const extensions: Record<string, unknown> = { code };
      if (formatted.extensions?.field !== undefined) extensions.field = formatted.extensions.field;
      if (formatted.extensions?.retryAfterSeconds !== undefined) {
        extensions.retryAfterSeconds = formatted.extensions.retryAfterSeconds;
      }
      return { ...base, extensions };
    }
    logger.error({ err: original instanceof Error ? original : { thrown: String(original) }, path: formatted.path }, 'unexpected error (masked)');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
