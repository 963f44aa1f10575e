/**
 * The request metrics' own counter and histogram (CountedSeries in src/observability/metrics.ts)
 * against prom-client's Counter and Histogram fed the same observations: the same /metrics text
 * (Prometheus and OpenMetrics) and the same JSON, also after a reset; a non-finite duration.
 */
import { Counter, Histogram, Registry, type RegistryContentType } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CountedSeries, createMetrics } from '../../src/observability/metrics.js';

const BOUNDS = [0.001, 0.01, 0.1, 1, 10];
const NAMES = { counter: 'test_requests_total', histogram: 'test_request_duration_seconds' };
const HELP = { counter: 'Requests', histogram: 'Request latency in seconds' };
const LABELS = ['method', 'route', 'status'];

/** Observations with values on, between, below and above the bounds, under three label tuples. */
const OBSERVATIONS: Array<[string[], number]> = [
  [['POST', '/graphql', '200'], 0.0004],
  [['POST', '/graphql', '200'], 0.001],
  [['GET', '/health', '200'], 0.02],
  [['POST', '/graphql', '200'], 0.1],
  [['POST', '/graphql', '400'], 10],
  [['GET', '/health', '200'], 11.5],
  [['POST', '/graphql', '200'], 0.123456789],
  [['POST', '/graphql', '200'], 0],
];

function both(contentType: RegistryContentType = Registry.PROMETHEUS_CONTENT_TYPE) {
  const ours: Registry<RegistryContentType> = new Registry();
  ours.setContentType(contentType);
  const series = new CountedSeries(ours, NAMES, HELP, LABELS, BOUNDS);
  const theirs: Registry<RegistryContentType> = new Registry();
  theirs.setContentType(contentType);
  const counter = new Counter({ name: NAMES.counter, help: HELP.counter, labelNames: LABELS, registers: [theirs] });
  const histogram = new Histogram({ name: NAMES.histogram, help: HELP.histogram, labelNames: LABELS, buckets: BOUNDS, registers: [theirs] });
  const observe = () => {
    for (const [values, seconds] of OBSERVATIONS) {
      series.observe(values, seconds);
      counter.labels(...values).inc();
      histogram.labels(...values).observe(seconds);
    }
  };
  return { ours, theirs, observe };
}

describe('request metrics (CountedSeries)', () => {
  it('write the same /metrics text and JSON as prom-client’s Counter and Histogram, also after a reset', async () => {
    const { ours, theirs, observe } = both();
    expect(await ours.metrics()).toBe(await theirs.metrics()); // nothing observed yet
    observe();
    const text = await ours.metrics();
    expect(text).toContain('test_request_duration_seconds_bucket{le="0.001",method="POST",route="/graphql",status="200"} 3');
    expect(text).toContain('test_requests_total{method="GET",route="/health",status="200"} 2');
    expect(text).toBe(await theirs.metrics());
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    ours.resetMetrics();
    theirs.resetMetrics();
    observe();
    observe();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('write the same OpenMetrics text, where the registry renames counters (`_total` moves to the samples)', async () => {
    const { ours, theirs, observe } = both(Registry.OPENMETRICS_CONTENT_TYPE);
    observe();
    const text = await ours.metrics();
    expect(text).toContain('# TYPE test_requests counter');
    expect(text).toBe(await theirs.metrics());
  });

  it('count a request whose duration is not a finite number, leaving it out of the histogram', async () => {
    const registry = new Registry();
    const series = new CountedSeries(registry, NAMES, HELP, LABELS, BOUNDS);
    series.observe(['GET', '/', '200'], Number.NaN);
    series.observe(['GET', '/', '200'], Number.POSITIVE_INFINITY);
    series.observe(['GET', '/', '200'], 0.5);
    const text = await registry.metrics();
    expect(text).toContain('test_requests_total{method="GET",route="/",status="200"} 3');
    expect(text).toContain('test_request_duration_seconds_sum{method="GET",route="/",status="200"} 0.5');
    expect(text).toContain('test_request_duration_seconds_count{method="GET",route="/",status="200"} 1');
    expect(text).toContain('test_request_duration_seconds_bucket{le="+Inf",method="GET",route="/",status="200"} 1');
  });

  it('the app’s HTTP and GraphQL series are registered in their place among the other metrics', async () => {
    const metrics = createMetrics(false);
    metrics.observeHttp('POST', '/graphql', '200', 0.002);
    metrics.observeGraphql('Chart', 'cache_hit', 0.002);
    const names = [...(await metrics.registry.metrics()).matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(names.slice(0, 5)).toEqual([
      'nocturna_http_requests_total counter',
      'nocturna_http_request_duration_seconds histogram',
      'nocturna_graphql_requests_total counter',
      'nocturna_graphql_request_duration_seconds histogram',
      'nocturna_response_cache_hits_total counter',
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('nocturna_graphql_requests_total{operation="Chart",outcome="cache_hit"} 1');
    expect(text).toContain('nocturna_http_request_duration_seconds_bucket{le="0.0025",method="POST",route="/graphql",status="200"} 1');
  });
});
