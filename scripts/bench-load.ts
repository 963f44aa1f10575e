/**
 * What the HTTP benchmarks send (`bench-http.ts` measures time, `bench-instructions.ts` counts
 * instructions): one constant chart query document with the instant in `variables`, as real clients
 * (and codegen'd operations) send it, a new instant per request for uncached charts, and the same
 * chart request as a bare body for the bare node:http server. Also the part of autocannon's API
 * they use (the package has no types).
 */

export interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
export interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
}
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
export type Autocannon = (opts: {
  url: string;
  connections: number;
  /** Seconds to run (ignored when `amount` is given). */
  duration?: number;
  /** Requests to send in all. */
  amount?: number;
  /** Seconds before a request counts as timed out (autocannon's default: 10). */
  timeout?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;

/** The scenarios both benchmarks measure, by their printed names. */
export const SCENARIO_NAMES = {
  uncached: '(1) gateway, uncached chart (new instant per request)',
  cached: '(2) gateway, cached chart (same query)',
  bare: '(3) bare node:http + computeChart',
} as const;

export const CHART_QUERY = `query BenchChart($input: ChartInput!) {
  chart(input: $input) {
    moment { utc julianDayUt deltaTSeconds }
    positions { body longitude latitude distanceAu longitudeSpeed retrograde sign signLongitude house }
    houses { system cusps ascendant midheaven }
    aspects { first second type orb applying }
  }
}`;
export const LOCATION = { latitude: 40.7128, longitude: -74.006 };
/** The instant of the cached scenario's request. */
export const SAME_INSTANT = '2024-06-21T12:00:00Z';
const BASE_MS = Date.UTC(2024, 0, 1, 12);

/** A different instant for every call (one minute apart). */
export function instantFactory(): () => string {
  let n = 0;
  return () => new Date(BASE_MS + (n += 1) * 60_000).toISOString();
}

/** The gateway's request body for a chart at `utc` (New York). */
export function gatewayChartBody(utc: string): string {
  return JSON.stringify({ query: CHART_QUERY, variables: { input: { moment: { utc }, location: LOCATION } } });
}

/** The bare server's request body (a ChartRequest) for the same chart. */
export function bareChartBody(utc: string): string {
  return JSON.stringify({ moment: { utc }, location: LOCATION });
}
