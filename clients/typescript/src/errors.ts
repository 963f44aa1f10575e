/**
 * Typed errors of the Nocturna client. Every failure of a request is a NocturnaError whose `code`
 * is the server's `extensions.code` (a closed set, below), or one derived from the HTTP status when
 * the body carried none (a proxy's error page), or NETWORK_ERROR when no response arrived.
 */

/** The server's error codes (`extensions.code`), plus NETWORK_ERROR for a request that got no response. */
export type NocturnaErrorCode =
  /** Invalid input; `field` names it (e.g. "input.location.latitude"). Also a query over the depth or cost limit. */
  | 'BAD_USER_INPUT'
  /** Malformed HTTP: body, encoding, media type (HTTP 400/413/415). */
  | 'BAD_REQUEST'
  /** Missing, malformed, expired, wrongly signed or revoked token (HTTP 401). */
  | 'UNAUTHENTICATED'
  /** Not allowed for this account (HTTP 403). */
  | 'FORBIDDEN'
  /** Quota exhausted (HTTP 429); `retryAfterSeconds` says when to come back. */
  | 'RATE_LIMITED'
  /** Unknown id. */
  | 'NOT_FOUND'
  /** A dependency is down or the work queue is full (HTTP 503); `retryAfterSeconds` when sent. */
  | 'SERVICE_UNAVAILABLE'
  /** The server accepts only trusted (persisted) documents (HTTP 400). */
  | 'TRUSTED_DOCUMENT_REQUIRED'
  /** Unknown persisted document id (HTTP 400). */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** A server-side bug; the message is masked (quote `requestId` when reporting it). */
  | 'INTERNAL_SERVER_ERROR'
  /** No HTTP response: connection refused or reset, DNS failure, timeout. */
  | 'NETWORK_ERROR';

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; field?: string; reason?: string; retryAfterSeconds?: number; [key: string]: unknown };
}

export interface NocturnaErrorDetails {
  code: NocturnaErrorCode;
  message: string;
  /** HTTP status of the response (0 when none arrived). */
  status: number;
  /** The response's X-Request-ID (quote it when reporting a problem). */
  requestId?: string;
  /** Every error the server returned (the first one gives `code`, `field` and `reason`). */
  errors?: GraphQLErrorEntry[];
  /** Partial data returned beside the errors, if any. */
  data?: unknown;
  /** Seconds to wait before retrying (Retry-After, or extensions.retryAfterSeconds). */
  retryAfterSeconds?: number;
  /** How many attempts were made, retries included. */
  attempts?: number;
  cause?: unknown;
}

/** A failed request. `code` is typed: switch on it. */
export class NocturnaError extends Error {
  override readonly name = 'NocturnaError';
  /** The first error's `extensions.code` (or one derived from the HTTP status). */
  readonly code: NocturnaErrorCode;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly errors: GraphQLErrorEntry[];
  readonly data: unknown;
  readonly retryAfterSeconds: number | undefined;
  readonly attempts: number;
  /** For BAD_USER_INPUT: the offending input field's path, e.g. "input.location.latitude". */
  readonly field: string | undefined;
  /** Extra detail of some codes, e.g. "MAX_QUERY_COST" for a query over the cost limit. */
  readonly reason: string | undefined;

  constructor(details: NocturnaErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.status = details.status;
    this.requestId = details.requestId;
    this.errors = details.errors ?? [];
    this.data = details.data;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attempts = details.attempts ?? 1;
    const extensions = this.errors[0]?.extensions;
    this.field = typeof extensions?.field === 'string' ? extensions.field : undefined;
    this.reason = typeof extensions?.reason === 'string' ? extensions.reason : undefined;
  }
}

/** True when `error` is a NocturnaError (with `code`, when given). */
export function isNocturnaError(error: unknown, code?: NocturnaErrorCode): error is NocturnaError {
  return error instanceof NocturnaError && (code === undefined || error.code === code);
}

const CODES: ReadonlySet<string> = new Set<NocturnaErrorCode>([
  'BAD_USER_INPUT', 'BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND',
  'SERVICE_UNAVAILABLE', 'TRUSTED_DOCUMENT_REQUIRED', 'PERSISTED_QUERY_NOT_FOUND', 'INTERNAL_SERVER_ERROR', 'NETWORK_ERROR',
]);

/**
 * The error code of a response: the first error's `extensions.code` when it is one of ours, else one
 * derived from the HTTP status (401 → UNAUTHENTICATED, 403 → FORBIDDEN, 429 → RATE_LIMITED,
 * 503 → SERVICE_UNAVAILABLE, other 4xx → BAD_REQUEST, anything else → INTERNAL_SERVER_ERROR).
 */
export function errorCodeOf(status: number, code: unknown): NocturnaErrorCode {
  if (typeof code === 'string' && CODES.has(code)) return code as NocturnaErrorCode;
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}
