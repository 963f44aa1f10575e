/**
 * JSON error bodies of the REST routes, with the same closed code set as GraphQL: the one place
 * that maps errors for REST. A validation error's field, relative to the request the service was
 * given ("location.latitude"), is reported under the route's parameter name ("latitude"): each
 * route passes its names (`restFieldNames` of a table, or its own function).
 */
import type { NextFunction, Request, Response } from 'express';
import { DomainError, HTTP_STATUS_BY_CODE, publicErrorOf } from '../errors.js';
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
export function sendRestError(req: Request, res: Response, error: unknown, logger: Logger, names: RestFieldNames = (path) => path): void {
  if (error instanceof DomainError && error.code !== 'INTERNAL_SERVER_ERROR') {
    const { code, message, field, retryAfterSeconds } = publicErrorOf(error);
    if (code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    const body: RestErrorBody = { error: { code, message, requestId: req.id }, detail: message };
    if (field !== undefined) body.error.field = names(field);
    res.status(HTTP_STATUS_BY_CODE[code]).json(body);
    return;
  }
  logger.error({ err: error, requestId: req.id }, 'unexpected error (masked)');
  res.status(500).json({
    error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: req.id },
    detail: 'Internal server error',
  });
}

/** Final express error handler: body too large → 413, malformed JSON → 400, else as sendRestError. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
    if (type === 'entity.too.large') {
      res.status(413).json({
        error: { code: 'BAD_USER_INPUT', message: 'Request body too large', requestId: req.id },
        detail: 'Request body too large',
      });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({
        error: { code: 'BAD_USER_INPUT', message: 'Malformed JSON body', requestId: req.id },
        detail: 'Malformed JSON body',
      });
      return;
    }
    sendRestError(req, res, error, logger);
  };
}

/** 404 for unknown routes, in the same JSON shape. */
export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({
    error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.path}`, requestId: req.id },
    detail: 'Not Found',
  });
}
