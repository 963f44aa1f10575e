/**
 * Observation of every HTTP request: request id (X-Request-ID taken from the request when it is a
 * sane token, else a new UUID, echoed on every response), HTTP metrics and one structured access
 * log line per request (request id, method, route, status, duration, GraphQL operation and
 * outcome). Never logs headers, bodies or query strings, so tokens and passwords cannot leak.
 *
 * It works on node's bare request and response, so the GraphQL fast path (which answers before
 * express) and the express middleware (src/http/request-context.middleware.ts) observe requests
 * the same way. GraphQL operations are recorded with `recordOperation`, whichever path answers.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QuotaDecision } from '../quota/quota.hook.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/** Filled while the request runs; the access log reads it when the response finishes. */
export interface RequestObservation {
  /** The request id (X-Request-ID). */
  readonly requestId: string;
  /** Route label for metrics and the access log when express did not route the request (fast path). */
  route?: string;
  operation?: string;
  outcome?: string;
  cacheHit?: boolean;
  /** The quota decision of this request, once taken (a request is charged once). */
  quota?: QuotaDecision;
}

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request and response as node and, once express has seen them, express extend them. */
type ObservedRequest = IncomingMessage & { id?: string; route?: { path?: unknown }; baseUrl?: string };
type ObservedResponse = ServerResponse & { locals?: { observation?: RequestObservation } };

/** Route label for metrics: the matched pattern, never the raw URL (bounded cardinality). */
function routeLabel(req: ObservedRequest, res: ObservedResponse, observation: RequestObservation): string {
  if (observation.route) return observation.route;
  const path = req.route?.path;
  if (typeof path === 'string' && path !== '') return `${req.baseUrl ?? ''}${path}`;
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
    const observation: RequestObservation = { requestId: id };
    res.locals ??= Object.create(null) as { observation?: RequestObservation };
    res.locals.observation = observation;
    const startedAt = performance.now();
    res.on('finish', () => {
      const durationMs = performance.now() - startedAt;
      const route = routeLabel(req, res, observation);
      observation.route = route; // the request's trace span is named after it (tracing.ts)
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

/** Operation names are client-chosen: keep label cardinality (and trace span names) bounded. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'invalid';
}

/**
 * Records one GraphQL operation: count and latency by operation and outcome, a calculation-cache
 * hit or miss for a cacheable operation answered without errors, and the access log's fields.
 * @param outcome 'ok', 'cache_hit' or the first error's code
 */
export function recordOperation(
  metrics: Metrics,
  observation: RequestObservation,
  op: { operationName: string | null | undefined; outcome: string; cacheable: boolean; cacheHit: boolean; seconds: number },
): void {
  const operation = operationLabel(op.operationName);
  if (op.cacheable && (op.outcome === 'ok' || op.outcome === 'cache_hit')) {
    if (op.cacheHit) metrics.cacheHits.inc();
    else metrics.cacheMisses.inc();
  }
  metrics.observeGraphql(operation, op.outcome, op.seconds);
  observation.operation = operation;
  observation.outcome = op.outcome;
  observation.cacheHit = op.cacheHit;
}
