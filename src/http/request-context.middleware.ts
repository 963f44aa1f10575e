/**
 * First step of every request: request id (X-Request-ID taken from the request when it is a
 * sane token, else a new UUID, echoed on every response), HTTP metrics and one structured access
 * log line per request (request id, method, route, status, duration, GraphQL operation and
 * outcome). Never logs headers, bodies or query strings, so tokens and passwords cannot leak.
 *
 * `createRequestObserver` works on node's bare request/response, so the GraphQL fast path
 * (src/graphql/fast-path.ts), which answers before express, observes its requests the same way;
 * the express middleware skips a request that is already observed.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** The request and response as node and, once express has seen them, express extend them. */
type ObservedRequest = IncomingMessage & Partial<Pick<Request, 'route' | 'baseUrl'>> & { id?: string };
type ObservedResponse = ServerResponse & { locals?: Partial<Response['locals']> };

/** Route label for metrics: the matched pattern, never the raw URL (bounded cardinality). */
function routeLabel(req: ObservedRequest, res: ObservedResponse, observation: RequestObservation): string {
  if (observation.route) return observation.route;
  if (req.route?.path) return `${req.baseUrl ?? ''}${String(req.route.path)}`;
  if (req.baseUrl) return req.baseUrl;
  return res.statusCode === 404 ? 'unmatched' : (req.url ?? '').split('?')[0] === '/' ? '/' : 'unmatched';
}

/** Starts observing a request: id, X-Request-ID, `res.locals.observation`, metrics + access log on finish. */
export type RequestObserver = (req: IncomingMessage, res: ServerResponse) => RequestObservation;

export function createRequestObserver(logger: Logger, metrics: Metrics): RequestObserver {
  return (rawReq, rawRes) => {
    const req = rawReq as ObservedRequest;
    const res = rawRes as ObservedResponse;
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-ID', id);
    const observation: RequestObservation = {};
    res.locals ??= Object.create(null) as Partial<Response['locals']>;
    res.locals.observation = observation;
    const startedAt = performance.now();
    res.on('finish', () => {
      const durationMs = performance.now() - startedAt;
      const route = routeLabel(req, res, observation);
      const method = req.method ?? 'GET';
      metrics.observeHttp(method, route, String(res.statusCode), durationMs / 1000);
      const o = observation;
      const outcome = o.outcome ?? (res.statusCode < 400 ? 'ok' : res.statusCode < 500 ? 'client_error' : 'server_error');
      const line = {
        requestId: id,
        method,
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
    return observation;
  };
}

/** The express middleware: observes the request unless the fast path already does. */
export function requestContextMiddleware(observe: RequestObserver) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!res.locals.observation) observe(req, res);
    next();
  };
}
