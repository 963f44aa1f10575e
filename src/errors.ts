/**
 * Domain errors (tier one). Every layer throws these; the transports map them to their public
 * form in one place each: `graphql/error-mapping.ts` for GraphQL, `http/errors.ts` for REST.
 * Anything else is masked as INTERNAL_SERVER_ERROR with details only in the logs.
 *
 * Field paths: a ValidationError names the offending field relative to the input the throwing
 * function was given ("location.latitude" for a chart request). A function that hands a part of its
 * input to another puts that part's name in front with `withFieldPrefix` ("natal.location.latitude").
 * The transports then add their own outer names (GraphQL: the argument, "input.natal.location.latitude";
 * REST: the parameter names of the route).
 */

export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'TRUSTED_DOCUMENT_REQUIRED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** HTTP status of a response refused with this code (REST always; GraphQL when the whole request is refused). */
export const HTTP_STATUS_BY_CODE: Record<PublicErrorCode, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  TRUSTED_DOCUMENT_REQUIRED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export abstract class DomainError extends Error {
  abstract readonly code: PublicErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `prefix.name`, or `name` alone when the prefix is empty (the top of an input). */
export function fieldPath(prefix: string, name: string): string {
  if (prefix === '') return name;
  return name === '' ? prefix : `${prefix}.${name}`;
}

/** Bad input. `field` is the dotted path of the offending field relative to the input, e.g. "location.latitude". */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The same error (class and message) with `prefix` put in front of its field path; the original is its cause. */
  under(prefix: string): ValidationError {
    return prefix === '' ? this : this.withField(fieldPath(prefix, this.field));
  }

  /** A copy of this error naming another field. Subclasses return their own class. */
  protected withField(field: string): ValidationError {
    return new ValidationError(field, this.message, { cause: this });
  }
}

/** An instant outside the supported ephemeris range. */
export class OutOfRangeError extends ValidationError {
  protected override withField(field: string): OutOfRangeError {
    return new OutOfRangeError(field, this.message, { cause: this });
  }
}

/**
 * Runs `work`; a ValidationError it throws comes out with its field under `prefix` (the name of
 * the part of the input that `work` was given). Other errors pass unchanged.
 */
export function withFieldPrefix<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof ValidationError ? error.under(prefix) : error;
  }
}

/** `withFieldPrefix` for asynchronous work. */
export async function withFieldPrefixAsync<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ValidationError ? error.under(prefix) : error;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Under TRUSTED_DOCUMENTS=require: a document text that is not in the manifest. */
export class TrustedDocumentRequiredError extends DomainError {
  readonly code = 'TRUSTED_DOCUMENT_REQUIRED' as const;
}

/** A `documentId` (or persisted-query hash) that is not in the trusted documents' manifest. */
export class PersistedQueryNotFoundError extends DomainError {
  readonly code = 'PERSISTED_QUERY_NOT_FOUND' as const;
}

/**
 * A malformed HTTP request (body, encoding, media type, nesting), refused before GraphQL sees it.
 * `httpStatus` is 400, 413 (too large) or 415 (unsupported media type, charset or encoding).
 */
export class BadRequestError extends DomainError {
  readonly code = 'BAD_REQUEST' as const;
  constructor(
    message: string,
    readonly httpStatus: 400 | 413 | 415 = 400,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A dependency is down or the work queue is full: the client may retry after `retryAfterSeconds`. */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failure inside a calculation library (e.g. astronomy-engine threw a string). Masked publicly. */
export class CalculationError extends DomainError {
  readonly code = 'INTERNAL_SERVER_ERROR' as const;
}

/**
 * The public fields of a domain error, the same for every transport: its code, the message
 * (masked for INTERNAL_SERVER_ERROR), the field path and Retry-After seconds when it has them.
 */
export function publicErrorOf(error: DomainError): { code: PublicErrorCode; message: string; field?: string; retryAfterSeconds?: number } {
  if (error.code === 'INTERNAL_SERVER_ERROR') return { code: error.code, message: 'Internal server error' };
  return {
    code: error.code,
    message: error.message,
    ...(error instanceof ValidationError ? { field: error.field } : {}),
    ...(error instanceof RateLimitedError || error instanceof ServiceUnavailableError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

/** The HTTP status of a response refused with `error` (a BadRequestError carries its own 400/413/415). */
export function httpStatusOf(error: DomainError): number {
  return error instanceof BadRequestError ? error.httpStatus : HTTP_STATUS_BY_CODE[error.code];
}

/** Error codes of an unreachable dependency: Node's socket errors and Prisma's "can't reach the database" codes. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'P1001', 'P1002', 'P1017']);
const UNREACHABLE_MESSAGE = /Connection terminated|connect ECONNREFUSED|DatabaseNotReachable|Can't reach database server/;

/**
 * A ServiceUnavailableError (503, Retry-After) when `error` or one of its causes says a dependency
 * (the database) is unreachable; undefined otherwise. Lets both transports answer an outage as 503
 * instead of a masked 500, whichever query ran into it.
 */
export function unavailableFrom(error: unknown): ServiceUnavailableError | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 6 && e !== null && typeof e === 'object'; depth += 1) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (
      (typeof code === 'string' && UNREACHABLE_CODES.has(code)) ||
      name === 'PrismaClientInitializationError' ||
      (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message))
    ) {
      return new ServiceUnavailableError('A service this request needs is unreachable; retry shortly', 5, { cause: error });
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Wraps any thrown value (astronomy-engine throws strings) into an Error. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
}
