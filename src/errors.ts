/**
 * Domain errors (tier one). Every layer throws these; `graphql/error-mapping.ts` (and the REST
 * shims) map them to the closed set of public codes. Anything else is masked as
 * INTERNAL_SERVER_ERROR with details only in the logs.
 */

export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'INTERNAL_SERVER_ERROR';

export abstract class DomainError extends Error {
  abstract readonly code: PublicErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input. `field` is the dotted path of the offending input field, e.g. "input.location.latitude". */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An instant outside the supported ephemeris range. */
export class OutOfRangeError extends ValidationError {}

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

/** A failure inside a calculation library (e.g. astronomy-engine threw a string). Masked publicly. */
export class CalculationError extends DomainError {
  readonly code = 'INTERNAL_SERVER_ERROR' as const;
}

/** Wraps any thrown value (astronomy-engine throws strings) into an Error. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
}
