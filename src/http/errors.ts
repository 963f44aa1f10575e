/** JSON error bodies of the REST routes, with the same closed code set as GraphQL. */
import type { NextFunction, Request, Response } from 'express';
import { DomainError, RateLimitedError, ValidationError } from '../errors.js';
import { HTTP_STATUS_BY_CODE } from '../graphql/error-mapping.js';
import type { Logger } from '../observability/logger.js';

export interface RestErrorBody {
  error: { code: string; message: string; field?: string; requestId?: string };
  /** FastAPI-style copy of the message, for clients of the old service. */
  detail: string;
}

/** Sends `error` as JSON with the status of its code (400 for BAD_USER_INPUT, 404, 401, …). */
export function sendRestError(req: Request, res: Response, error: unknown, logger: Logger): void {
  if (error instanceof DomainError && error.code !== 'INTERNAL_SERVER_ERROR') {
    const status = HTTP_STATUS_BY_CODE[error.code] ?? (error.code === 'NOT_FOUND' ? 404 : 400);
    if (error.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
    if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    const body: RestErrorBody = {
      error: { code: error.code, message: error.message, requestId: req.id },
      detail: error.message,
    };
    if (error instanceof ValidationError) body.error.field = error.field;
    res.status(status).json(body);
    return;
  }
  logger.error({ err: error, requestId: req.id }, 'unexpected error (masked)');
  res.status(500).json({
    error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: req.id },
    detail: 'Internal server error',
  });
}

/** Final express error handler: body too large → 413, malformed JSON → 400, else masked 500. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const e = error as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.too.large') {
      res.status(413).json({
        error: { code: 'BAD_USER_INPUT', message: 'Request body too large', requestId: req.id },
        detail: 'Request body too large',
      });
      return;
    }
    if (e?.type === 'entity.parse.failed') {
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
