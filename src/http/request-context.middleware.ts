/**
 * First middleware of the app: request id (X-Request-ID taken from the request when it is a
 * sane token, else a new UUID, echoed on every response), HTTP metrics and one structured access
 * log line per request (request id, method, route, status, duration, GraphQL operation and
 * outcome). Never logs headers, bodies or query strings, so tokens and passwords cannot leak.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RequestObservation } from '../graphql/context.js';

const INCOMING_ID = /^[A-Za-z0-9._:\-]{1,128}$/;

declare module 'express-serve-static-core' {
  interface Request {
    /** Request id (X-Request-ID). */
    id: string;
  }
  interface Locals {
    observation: RequestObservation;
  }
}

/** Route label for metrics: the matched pattern, never the raw URL (bounded cardinality). */
function routeLabel(req: Request, res: Response): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  if (req.baseUrl) return req.baseUrl;
  return res.statusCode === 404 ? 'unmatched' : req.path === '/' ? '/' : 'unmatched';
}

export function requestContextMiddleware(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get('x-request-id');
    req.id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-ID', req.id);
    res.locals.observation = {};
    const startedAt = performance.now();
    res.on('finish', () => {
      const durationMs = performance.now() - startedAt;
      const route = routeLabel(req, res);
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, durationMs / 1000);
      const o = res.locals.observation;
      const outcome = o.outcome ?? (res.statusCode < 400 ? 'ok' : res.statusCode < 500 ? 'client_error' : 'server_error');
      const line = {
        requestId: req.id,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 100) / 100,
        operation: o.operation,
        outcome,
        cacheHit: o.cacheHit,
      };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else if (route === '/health' || route === '/metrics' || route === '/ready') logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
