/**
 * Prometheus metrics (prom-client), one Registry per app instance so tests can build several apps
 * in one process. Exposed as text on GET /metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type RegistryContentType } from 'prom-client';

export interface Metrics {
  registry: Registry;
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
  /**
   * Counts and times one HTTP request by method, route (the matched pattern, never the raw URL) and
   * status: nocturna_http_requests_total and nocturna_http_request_duration_seconds.
   */
  observeHttp(method: string, route: string, status: string, seconds: number): void;
  /**
   * Counts and times one GraphQL operation by operation name and outcome (ok | error code |
   * cache_hit): nocturna_graphql_requests_total and nocturna_graphql_request_duration_seconds.
   */
  observeGraphql(operation: string, outcome: string, seconds: number): void;
}

/** What prom-client's registry reads of a metric (`get`). */
interface MetricData {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: Array<{ labels: Record<string, string | number>; value: number; metricName?: string; exemplar?: null }>;
  aggregator: 'sum';
}

/** One label-value tuple's requests (the counter), and the histogram's count, sum and per-bucket counts (not cumulative). */
interface Series {
  labels: Record<string, string>;
  requests: number;
  count: number;
  sum: number;
  buckets: Float64Array;
}

/**
 * A counter and a histogram with the same labels, counted together: a request's count and its
 * duration, on every request. prom-client's Counter and Histogram validate and hash a label object
 * and look a bucket up by its bound's text on every call: about 0.85 µs a request for the pair, for
 * the HTTP and again for the GraphQL metrics, ~1.7 µs of the 28–48 µs a cached answer cost above
 * node's own before (bench:http's floor). Here a call finds its series by the joined label values
 * and adds to numbers (0.27 µs a pair). The two metrics are registered as metric objects of
 * prom-client's registry, which writes /metrics from their values exactly as from its own classes'
 * (tests/unit/metrics.test.ts compares the two).
 */
export class CountedSeries {
  private readonly series = new Map<string, Series>();

  constructor(
    registry: Pick<Registry<RegistryContentType>, 'registerMetric'>,
    names: { counter: string; histogram: string },
    help: { counter: string; histogram: string },
    private readonly labelNames: readonly string[],
    private readonly bounds: readonly number[],
  ) {
    // Plain metric objects: the registry reads `name`, `help`, `type` and `get`, and calls `reset`;
    // the cast only satisfies registerMetric's type (nothing calls a Counter's or Histogram's own
    // methods on them). Values take the object's current name: in OpenMetrics mode the registry
    // renames a counter (drops `_total`) before it reads the values.
    const register = (type: MetricData['type'], name: string, helpText: string, values: (name: string) => MetricData['values']) => {
      const metric = {
        name,
        help: helpText,
        type,
        aggregator: 'sum' as const,
        get: async (): Promise<MetricData> => ({ name: metric.name, help: metric.help, type, values: values(metric.name), aggregator: 'sum' }),
        reset: () => this.series.clear(),
      };
      registry.registerMetric(metric as unknown as Counter);
    };
    register('counter', names.counter, help.counter, () => this.counterValues());
    register('histogram', names.histogram, help.histogram, (name) => this.histogramValues(name));
  }

  /**
   * Counts one request and its duration under the label values (in the order of the label names).
   * A duration that is not a finite number is left out of the histogram (prom-client would throw,
   * here inside a response's `finish` listener); the request is still counted.
   */
  observe(values: readonly string[], seconds: number): void {
    const key = values.join('\u0000');
    let series = this.series.get(key);
    if (!series) {
      const labels: Record<string, string> = {};
      this.labelNames.forEach((name, i) => (labels[name] = values[i]));
      series = { labels, requests: 0, count: 0, sum: 0, buckets: new Float64Array(this.bounds.length) };
      this.series.set(key, series);
    }
    series.requests += 1;
    if (!Number.isFinite(seconds)) return;
    series.count += 1;
    series.sum += seconds;
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i += 1) {
      if (seconds <= bounds[i]) {
        series.buckets[i] += 1;
        break;
      }
    }
  }

  private counterValues(): MetricData['values'] {
    return [...this.series.values()].map((s) => ({ labels: { ...s.labels }, value: s.requests }));
  }

  /** As prom-client's Histogram: per series its cumulative buckets, +Inf, sum and count. */
  private histogramValues(name: string): MetricData['values'] {
    const values: MetricData['values'] = [];
    // Buckets carry prom-client's `exemplar: null` (none are recorded).
    const value = (labels: Record<string, string | number>, series: Series, v: number, metricName: string, exemplar?: null) =>
      values.push({ labels: { ...labels, ...series.labels }, value: v, metricName, exemplar });
    for (const series of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += series.buckets[i];
        value({ le: bound }, series, cumulative, `${name}_bucket`, null);
      });
      value({ le: '+Inf' }, series, series.count, `${name}_bucket`, null);
      value({}, series, series.sum, `${name}_sum`);
      value({}, series, series.count, `${name}_count`);
    }
    return values;
  }
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
  // Registered before the other gateway metrics, where /metrics has always listed them.
  const http = new CountedSeries(
    registry,
    { counter: 'nocturna_http_requests_total', histogram: 'nocturna_http_request_duration_seconds' },
    { counter: 'HTTP requests by method, route and status code', histogram: 'HTTP request latency in seconds' },
    ['method', 'route', 'status'],
    LATENCY_BUCKETS_SECONDS,
  );
  const graphql = new CountedSeries(
    registry,
    { counter: 'nocturna_graphql_requests_total', histogram: 'nocturna_graphql_request_duration_seconds' },
    {
      counter: 'GraphQL operations by operation name and outcome',
      histogram: 'GraphQL operation latency in seconds by operation name and outcome',
    },
    ['operation', 'outcome'],
    LATENCY_BUCKETS_SECONDS,
  );
  const metrics = {
    registry,
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
  return {
    ...metrics,
    observeHttp: (method, route, status, seconds) => http.observe([method, route, status], seconds),
    observeGraphql: (operation, outcome, seconds) => graphql.observe([operation, outcome], seconds),
  };
}
