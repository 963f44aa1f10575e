/**
 * Chart service: the one place the transports (GraphQL resolvers, REST shim) call for
 * calculations. Validates and normalises the input, deduplicates identical requests within one
 * HTTP request through a DataLoader, counts and times every body actually computed.
 */
import DataLoader from 'dataloader';
import { ValidationError } from '../errors.js';
import type { Aspect, Chart, ChartRequest, Houses, Position } from '../ephemeris/types.js';
import type { Metrics } from '../observability/metrics.js';
import { stableStringify, toChartRequest, type ChartInputLike } from './chart-request.js';

/** The domain function: computes a whole chart. Pure and synchronous (ephemeris/computeChart). */
export type ComputeChart = (request: ChartRequest) => Chart;

/** Per-request loaders; create one set per HTTP request with `createLoaders()`. */
export interface ChartLoaders {
  chart: DataLoader<ChartRequest, Chart, string>;
}

export class ChartService {
  /** Number of chart bodies computed by this instance (tests read it; /metrics has the counter). */
  computations = 0;

  constructor(
    private readonly compute: ComputeChart,
    private readonly metrics?: Metrics,
  ) {}

  /** Fresh per-request loaders: identical normalised requests compute once per HTTP request. */
  createLoaders(): ChartLoaders {
    return {
      chart: new DataLoader<ChartRequest, Chart, string>(
        async (requests) =>
          requests.map((request) => {
            try {
              return this.computeNow(request);
            } catch (error) {
              return error instanceof Error ? error : new Error(String(error));
            }
          }),
        { batch: false, cacheKeyFn: stableStringify },
      ),
    };
  }

  /**
   * Computes (or reuses within the request) the chart of `input`.
   * @param argPath path of the input argument, prefixed to validation fields ("input.location.latitude")
   * @throws ValidationError (BAD_USER_INPUT) with the full field path
   */
  async chart(input: ChartInputLike, loaders: ChartLoaders, argPath = 'input'): Promise<Chart> {
    const request = withFieldPrefix(argPath, () => toChartRequest(input));
    try {
      return await loaders.chart.load(request);
    } catch (error) {
      throw prefixValidationError(argPath, error);
    }
  }

  /** Positions of the requested bodies. */
  async positions(input: ChartInputLike, loaders: ChartLoaders, argPath = 'input'): Promise<Position[]> {
    return (await this.chart(input, loaders, argPath)).positions;
  }

  /** Houses and angles; needs a location. @throws ValidationError on `<argPath>.location` */
  async houses(input: ChartInputLike, loaders: ChartLoaders, argPath = 'input'): Promise<Houses> {
    if (!input.location) throw new ValidationError(`${argPath}.location`, 'location is required for houses');
    const chart = await this.chart(input, loaders, argPath);
    if (!chart.houses) throw new ValidationError(`${argPath}.location`, 'houses could not be computed for this location');
    return chart.houses;
  }

  /** Aspects between the requested bodies (and the angles when a location is given). */
  async aspects(input: ChartInputLike, loaders: ChartLoaders, argPath = 'input'): Promise<Aspect[]> {
    return (await this.chart(input, loaders, argPath)).aspects;
  }

  /**
   * Ephemeris self-test for the health checks: computes Sun and Moon with houses at J2000 and
   * checks the values are finite (not counted as a computation).
   * @throws Error when the result is not sane
   */
  selfTest(): void {
    const chart = this.compute({
      moment: { utc: '2000-01-01T12:00:00.000Z' },
      location: { latitude: 51.5, longitude: 0, elevationMeters: 0 },
      bodies: ['SUN', 'MOON'],
      houseSystem: 'PLACIDUS',
      zodiac: 'TROPICAL',
      center: 'GEOCENTRIC',
    });
    const ok =
      chart.positions.length === 2 &&
      chart.positions.every((p) => Number.isFinite(p.longitude) && p.longitude >= 0 && p.longitude < 360) &&
      chart.houses !== null &&
      chart.houses.cusps.length === 12;
    if (!ok) throw new Error('ephemeris self-test returned an invalid chart');
  }

  /** Computes one chart now, without deduplication (counted and timed). */
  computeNow(request: ChartRequest): Chart {
    const end = this.metrics?.chartComputeDuration.startTimer();
    try {
      return this.compute(request);
    } finally {
      this.computations += 1;
      this.metrics?.chartComputations.inc();
      end?.();
    }
  }
}

function prefixValidationError(argPath: string, error: unknown): unknown {
  if (error instanceof ValidationError && argPath !== '' && !error.field.startsWith(`${argPath}.`) && error.field !== argPath) {
    const Ctor = error.constructor as new (field: string, message: string, options?: { cause?: unknown }) => ValidationError;
    return new Ctor(error.field ? `${argPath}.${error.field}` : argPath, error.message, { cause: error });
  }
  return error;
}

function withFieldPrefix<T>(argPath: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw prefixValidationError(argPath, error);
  }
}
