/**
 * JSON error bodies of the REST routes, with the same closed code set as GraphQL: the one place
 * that maps errors for REST. A validation error's field, relative to the request the service was
 * given ("location.latitude"), is reported under the route's parameter name ("latitude"): each
 * route passes its names (`restFieldNames` of a table, or its own function).
 */
import type { NextFunction, Request, Response } from 'express';
import { BadRequestError, DomainError, httpStatusOf, publicErrorOf, unavailableFrom } from '../errors.js';
import type { Logger } from '../observability/logger.js';

export interface RestErrorBody {
  error: { code: string; message: string; field?: string; requestId?: string };
  /** FastAPI-style copy of the message, for clients of the old service. */
  detail: string;
}

/** A route's parameter name of a domain field path. */
export type RestFieldNames = (path: string) => string;

/** Names from a table, e.g. { 'location.latitude': 'latitude' }; other paths are parameter names already. */
export function restFieldNames(table: Readonly<Record<string, string>>): RestFieldNames {
  return (path) => table[path] ?? path;
}

/**
 * Sends `error` as JSON with the status of its code (400 for BAD_USER_INPUT, 401, 403, 404, 429),
 * WWW-Authenticate or Retry-After when they apply; anything else is a masked, logged 500.
 * @param names the route's parameter names of domain field paths
 */
export function sendRestError(req: Request, res: Response, thrown: unknown, logger: Logger, names: RestFieldNames = (path) => path): void {
  const error = thrown instanceof DomainError ? thrown : (unavailableFrom(thrown) ?? thrown);
  if (error instanceof DomainError && error.code !== 'INTERNAL_SERVER_ERROR') {
    const { code, message, field, retryAfterSeconds } = publicErrorOf(error);
    if (code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    const body: RestErrorBody = { error: { code, message, requestId: req.id }, detail: message };
    if (field !== undefined) body.error.field = names(field);
    res.status(httpStatusOf(error)).json(body);
    return;
  }
  logger.error({ err: error, requestId: req.id }, 'unexpected error (masked)');
  res.status(500).json({
    error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: req.id },
    detail: 'Internal server error',
  });
}

/**
 * What body-parser's and raw-body's errors (`type`) mean for the client: the status and a fixed
 * message (their own messages may quote internals). Anything else is an internal error.
 */
const BODY_ERRORS: Readonly<Record<string, { status: 400 | 413 | 415; message: string }>> = {
  'entity.too.large': { status: 413, message: 'Request body too large' },
  'entity.parse.failed': { status: 400, message: 'Malformed JSON body' },
  'entity.verify.failed': { status: 400, message: 'Malformed request body' },
  'request.aborted': { status: 400, message: 'Request aborted before its body was read' },
  'request.size.invalid': { status: 400, message: 'Request body length does not match Content-Length' },
  'charset.unsupported': { status: 415, message: 'Unsupported charset: send JSON in UTF-8 (Content-Type: application/json; charset=utf-8)' },
  'encoding.unsupported': { status: 415, message: 'Unsupported Content-Encoding: send identity, gzip, deflate or br' },
  'stream.encoding.set': { status: 400, message: 'Malformed request body' },
};

/** The BadRequestError of a body-parser failure, undefined for anything else. */
export function bodyErrorOf(error: unknown): BadRequestError | undefined {
  if (error instanceof BadRequestError) return error;
  const record = typeof error === 'object' && error !== null ? (error as { type?: unknown; code?: unknown; status?: unknown }) : undefined;
  const known = typeof record?.type === 'string' ? BODY_ERRORS[record.type] : undefined;
  if (known) return new BadRequestError(known.message, known.status, { cause: error });
  // zlib failures of a body sent with Content-Encoding gzip/deflate/br that is not compressed so.
  if (typeof record?.code === 'string' && record.code.startsWith('Z_')) {
    return new BadRequestError('Malformed request body: it does not match its Content-Encoding', 400, { cause: error });
  }
  return undefined;
}

/**
 * Final express error handler: a malformed request (body-parser's errors, BadRequestError) →
 * 400/413/415 with code BAD_REQUEST, in the GraphQL shape (`errors`) on /graphql and the REST
 * shape elsewhere; anything else as sendRestError.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const bad = bodyErrorOf(error);
    if (bad && req.path === '/graphql') {
      res.status(bad.httpStatus).json({ errors: [{ message: bad.message, extensions: { code: bad.code } }] });
      return;
    }
    sendRestError(req, res, bad ?? error, logger);
  };
}

/** 404 for unknown routes, in the same JSON shape. */
export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({
    error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.path}`, requestId: req.id },
    detail: 'Not Found',
  });
}
