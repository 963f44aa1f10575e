/**
 * First express middleware: observes the request (request id, metrics, access log; see
 * src/observability/request-observer.ts) unless the GraphQL fast path already does.
 */
import type { NextFunction, Request, Response } from 'express';
import type { RequestObservation, RequestObserver } from '../observability/request-observer.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Request id (X-Request-ID). */
    id: string;
  }
  interface Locals {
    observation: RequestObservation;
  }
}

export function requestContextMiddleware(observe: RequestObserver) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!res.locals.observation) observe(req, res);
    next();
  };
}
