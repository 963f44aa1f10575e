/**
 * Chart service: the one place the transports (GraphQL resolvers, REST routes) call for charts.
 * It resolves the request's location (a place name or coordinates → coordinates, zone, place:
 * locations.ts), validates the request with the ephemeris' validator (errors name fields relative
 * to the request), computes each distinct valid request once per HTTP request (a DataLoader keyed by the
 * valid request), and counts and times every chart it computes. Positions of a sidereal
 * chart carry their nakshatra (nakshatras.ts).
 */
import DataLoader from 'dataloader';
import { ValidationError } from '../errors.js';
import { chartRequestKey, computeValidChart, validateChartRequest, type ValidChartRequest } from '../ephemeris/index.js';
import type { Aspect, Chart, ChartRequest, Houses, Position } from '../ephemeris/types.js';
import type { Metrics } from '../observability/metrics.js';
import { locateRequest } from './locations.js';
import type { RequestLoaders } from './request-loaders.js';
import { chartWithNakshatras } from './nakshatras.js';
import { inSpanSync } from '../observability/tracing.js';

/** Per-request cache of computed charts, keyed by the valid request. */
export type ChartLoader = DataLoader<ValidChartRequest, Chart, string>;

export class ChartService {
  /** Charts computed by this instance (tests read it; /metrics has the counter). */
  computations = 0;

  constructor(private readonly metrics?: Metrics) {}

  /** A fresh per-request loader: identical valid requests compute once per HTTP request. */
  createLoader(): ChartLoader {
    return new DataLoader<ValidChartRequest, Chart, string>(
      async (requests) =>
        requests.map((request) => {
          try {
            return this.computeNow(request);
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        }),
      { batch: false, cacheKeyFn: chartRequestKey },
    );
  }

  /**
   * The chart of `request` (computed, or reused within the request).
   * @throws ValidationError naming the field relative to the request ("location.latitude")
   */
  async chart(request: ChartRequest, loaders: RequestLoaders): Promise<Chart> {
    return loaders.chart.load(validateChartRequest(locateRequest(request)));
  }

  /** Positions of the requested bodies. */
  async positions(request: ChartRequest, loaders: RequestLoaders): Promise<Position[]> {
    return (await this.chart(request, loaders)).positions;
  }

  /** Houses and angles; needs a location. @throws ValidationError on 'location' */
  async houses(request: ChartRequest, loaders: RequestLoaders): Promise<Houses> {
    if (!request.location) throw new ValidationError('location', 'location is required for houses');
    const chart = await this.chart(request, loaders);
    if (!chart.houses) throw new ValidationError('location', 'houses could not be computed for this location');
    return chart.houses;
  }

  /** Aspects between the requested bodies (and the angles when a location is given). */
  async aspects(request: ChartRequest, loaders: RequestLoaders): Promise<Aspect[]> {
    return (await this.chart(request, loaders)).aspects;
  }

  /**
   * A string equal for requests that compute the same chart (defaults applied), for caches outside
   * the request (the REST wheel's picture cache). @throws ValidationError as `chart`
   */
  requestKey(request: ChartRequest): string {
    return chartRequestKey(validateChartRequest(locateRequest(request)));
  }

  /**
   * Ephemeris self-test for the health checks: computes Sun and Moon with houses at J2000 and
   * checks the values are finite (not counted as a computation).
   * @throws Error when the result is not sane
   */
  selfTest(): void {
    const chart = computeValidChart(
      validateChartRequest({
        moment: { utc: '2000-01-01T12:00:00.000Z' },
        location: { latitude: 51.5, longitude: 0 },
        bodies: ['SUN', 'MOON'],
      }),
    );
    const ok =
      chart.positions.length === 2 &&
      chart.positions.every((p) => Number.isFinite(p.longitude) && p.longitude >= 0 && p.longitude < 360) &&
      chart.houses !== null &&
      chart.houses.cusps.length === 12;
    if (!ok) throw new Error('ephemeris self-test returned an invalid chart');
  }

  /** Computes one chart now, without deduplication (counted, timed, and a trace span when tracing is on). */
  private computeNow(request: ValidChartRequest): Chart {
    return inSpanSync('chart.compute', undefined, () => this.computeNowUntraced(request));
  }

  private computeNowUntraced(request: ValidChartRequest): Chart {
    const end = this.metrics?.chartComputeDuration.startTimer();
    try {
      return chartWithNakshatras(computeValidChart(request), request.zodiac);
    } finally {
      this.computations += 1;
      this.metrics?.chartComputations.inc();
      end?.();
    }
  }
}
