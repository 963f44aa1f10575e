/**
 * Prometheus metrics (prom-client), one Registry per app instance so tests can build several apps
 * in one process. Exposed as text on GET /metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** HTTP requests by method, route (the matched pattern, never the raw URL) and status. */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** GraphQL operations by operation name and outcome (ok | error code | cache_hit). */
  graphqlRequests: Counter<'operation' | 'outcome'>;
  graphqlDuration: Histogram<'operation' | 'outcome'>;
  /** Calculation-cache lookups of cacheable operations (the names stay `response_cache`: dashboards query them). */
  cacheHits: Counter<string>;
  cacheMisses: Counter<string>;
  /** Cache backend errors (Redis down or timing out). */
  cacheErrors: Counter<'operation'>;
  /** 1 while the cache backend answers, 0 during an outage. */
  cacheUp: Gauge<string>;
  /** Chart bodies actually computed by the ephemeris (after per-request deduplication and caching). */
  chartComputations: Counter<string>;
  chartComputeDuration: Histogram<string>;
  /** Technique, fixed-star and event computations by technique (after per-request deduplication and caching). */
  techniqueComputations: Counter<'technique'>;
  techniqueComputeDuration: Histogram<'technique'>;
  /** Counts and times one HTTP request (httpRequests + httpDuration). */
  observeHttp(method: string, route: string, status: string, seconds: number): void;
  /** Counts and times one GraphQL operation (graphqlRequests + graphqlDuration). */
  observeGraphql(operation: string, outcome: string, seconds: number): void;
}

/**
 * `observe(a, b, c, seconds)` on a counter and a histogram with the same labels, through label
 * children kept per label-value tuple: prom-client hashes (and sorts) a label object on every
 * call, a few µs per request on the hot path. Label values are bounded by their callers.
 */
function counted<L extends string>(counter: Counter<L>, histogram: Histogram<L>) {
  const children = new Map<string, [ReturnType<Counter<L>['labels']>, ReturnType<Histogram<L>['labels']>]>();
  return (values: string[], seconds: number): void => {
    const key = values.join('\u0000');
    let child = children.get(key);
    if (!child) {
      child = [counter.labels(...values), histogram.labels(...values)];
      children.set(key, child);
    }
    child[0].inc();
    child[1].observe(seconds);
  };
}

const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates a fresh registry with the gateway's metrics and Node process metrics.
 * @param collectProcessMetrics set false in short-lived tests to avoid timers (default true)
 */
export function createMetrics(collectProcessMetrics = true): Metrics {
  const registry = new Registry();
  if (collectProcessMetrics) collectDefaultMetrics({ register: registry, prefix: 'nocturna_' });
  const registers = [registry];
  const metrics = {
    registry,
    httpRequests: new Counter({
      name: 'nocturna_http_requests_total',
      help: 'HTTP requests by method, route and status code',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'nocturna_http_request_duration_seconds',
      help: 'HTTP request latency in seconds',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
    graphqlRequests: new Counter({
      name: 'nocturna_graphql_requests_total',
      help: 'GraphQL operations by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'nocturna_graphql_request_duration_seconds',
      help: 'GraphQL operation latency in seconds by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
    cacheHits: new Counter({
      name: 'nocturna_response_cache_hits_total',
      help: 'Cacheable GraphQL operations answered from the calculation cache',
      registers,
    }),
    cacheMisses: new Counter({
      name: 'nocturna_response_cache_misses_total',
      help: 'Cacheable GraphQL operations not found in the calculation cache',
      registers,
    }),
    cacheErrors: new Counter({
      name: 'nocturna_cache_errors_total',
      help: 'Cache backend failures by operation (the request continues uncached)',
      labelNames: ['operation'],
      registers,
    }),
    cacheUp: new Gauge({
      name: 'nocturna_cache_up',
      help: '1 while the cache backend answers, 0 during an outage',
      registers,
    }),
    chartComputations: new Counter({
      name: 'nocturna_chart_computations_total',
      help: 'Chart bodies computed by the ephemeris (after deduplication and caching)',
      registers,
    }),
    chartComputeDuration: new Histogram({
      name: 'nocturna_chart_compute_duration_seconds',
      help: 'Time to compute one chart body, seconds',
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
    techniqueComputations: new Counter({
      name: 'nocturna_technique_computations_total',
      help: 'Technique, fixed-star and event computations by technique (after deduplication and caching)',
      labelNames: ['technique'],
      registers,
    }),
    techniqueComputeDuration: new Histogram({
      name: 'nocturna_technique_compute_duration_seconds',
      help: 'Time to compute one technique, seconds, by technique',
      labelNames: ['technique'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
  };
  const http = counted(metrics.httpRequests, metrics.httpDuration);
  const graphql = counted(metrics.graphqlRequests, metrics.graphqlDuration);
  return {
    ...metrics,
    observeHttp: (method, route, status, seconds) => http([method, route, status], seconds),
    observeGraphql: (operation, outcome, seconds) => graphql([operation, outcome], seconds),
  };
}
