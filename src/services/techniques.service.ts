/**
 * Techniques service: the techniques, fixed-star and event calculations for every transport, like
 * the chart service for charts. Each technique is one entry of TECHNIQUES (its request type in
 * techniques.requests.ts → the ephemeris functions), called by name: `run('synastry', request,
 * loaders)`. Every location of a request is resolved first (a place name or coordinates →
 * coordinates, zone, place: locations.ts). The service computes each distinct call once per HTTP request (a DataLoader keyed by
 * technique and request) and counts and times every computation by technique. Errors name fields
 * relative to the request ("natal.location", "to").
 *
 * `computeNow` is the one place that runs a technique: the long ones (OFF_LOOP_TECHNIQUES) in the
 * worker-thread pool (work-pool.ts: bounded queue, 503 when full, cancelled with their request)
 * after their check has passed on the event loop, the cheap ones inline, where a thread's round
 * trip would cost more than the calculation.
 */
import DataLoader from 'dataloader';
import { ValidationError } from '../errors.js';
import {
  checkVoidOfCourseRange, eclipses, ingresses, lunarPhases, stations, validateRange, voidOfCourseMoon,
} from '../ephemeris/events/events.js';
import { fixedStarPositions } from '../ephemeris/stars/fixed-stars.js';
import type { AlmutenResult } from '../ephemeris/techniques/dignities.js';
import {
  chartAntiscia, chartArabicParts, chartDeclinations, chartDignities, chartFixedStars, chartHarmonic, chartMidpoints,
} from '../ephemeris/techniques/natal-techniques.js';
import { progressedChart, solarArcDirections } from '../ephemeris/techniques/progressions.js';
import { compositeChart, davisonChart, synastry } from '../ephemeris/techniques/relationships.js';
import { checkPlanetaryReturn, planetaryReturn, type ReturnRequest as DomainReturnRequest } from '../ephemeris/techniques/returns.js';
import {
  checkTransitSearch, transitSearch, transitsAt, type TransitSearchRequest as DomainTransitSearchRequest,
} from '../ephemeris/techniques/transits.js';
import { momentFromUtc, resolveMoment } from '../ephemeris/time.js';
import { vimshottariDasha } from '../ephemeris/vedic/dasha.js';
import { divisionalChart } from '../ephemeris/vedic/divisional.js';
import { panchang } from '../ephemeris/vedic/panchang.js';
import { moonPhase } from '../ephemeris/sky/moon-phase.js';
import { riseSet } from '../ephemeris/sky/rise-set.js';
import { planetaryHours } from '../ephemeris/sky/planetary-hours.js';
import { astrocartography } from '../ephemeris/sky/astrocartography.js';
import {
  ephemerisRows, validateEphemerisTable, type EphemerisRow, type ValidEphemerisTable,
} from '../ephemeris/sky/ephemeris-table.js';
import { profections } from '../ephemeris/hellenistic/profections.js';
import { zodiacalReleasing } from '../ephemeris/hellenistic/zodiacal-releasing.js';
import { firdaria } from '../ephemeris/hellenistic/firdaria.js';
import { chartDistribution, type ChartDistribution } from '../ephemeris/analytics/distribution.js';
import { chartPatterns, type AspectPattern, type PatternOptions } from '../ephemeris/analytics/patterns.js';
import { chartShape, type ChartShape } from '../ephemeris/analytics/shape.js';
import type { Ayanamsa, Body, Chart } from '../ephemeris/types.js';
import { validateLocation } from '../ephemeris/validate.js';
import { withSiderealNakshatras } from './nakshatras.js';
import type { Metrics } from '../observability/metrics.js';
import { locateRequest } from './locations.js';
import type { RequestLoaders } from './request-loaders.js';
import type { WorkPool } from './work-pool.js';
import type {
  ArabicPartsRequest, AstrocartographyRequest, DashaRequest, DivisionalChartRequest, EphemerisTableRequest, FirdariaRequest,
  MoonPhaseRequest, PanchangRequest, PlanetaryHoursRequest, ProfectionRequest, RiseSetRequest, ZodiacalReleasingRequest,
  ChartOrbRequest, DateRangeRequest, EclipseSearchRequest, FixedStarsRequest, HarmonicRequest,
  IngressSearchRequest, NatalRequest, ProgressionRequest, RelationshipRequest, ReturnRequest, SolarArcRequest,
  StationSearchRequest, SynastryRequest, TransitSearchRequest, TransitsRequest, VoidOfCourseRequest,
} from './techniques.requests.js';
import { inSpan, tracingEnabled } from '../observability/tracing.js';

/** Almuten scores as a list (one entry per planet) instead of a record. */
function almutenScores(a: AlmutenResult) {
  return { almuten: a.almuten, scores: Object.entries(a.scores).map(([planet, score]) => ({ planet, score })) };
}

/**
 * A table request checked and counted (rows, bodies) before any row is computed; its moments
 * resolved. @throws ValidationError naming the field ('to', 'step', 'bodies', 'location.latitude' …)
 */
export function validEphemerisTable(r: EphemerisTableRequest): ValidEphemerisTable {
  const from = momentFromUtc(r.from, 'from');
  const to = momentFromUtc(r.to, 'to');
  const location = r.location ? validateLocation(r.location, 'location') : undefined;
  return validateEphemerisTable({
    from,
    to,
    step: r.step,
    ...(r.bodies ? { bodies: r.bodies } : {}),
    ...(r.zodiac ? { zodiac: r.zodiac } : {}),
    ...(r.ayanamsa ? { ayanamsa: r.ayanamsa } : {}),
    ...(r.center ? { center: r.center } : {}),
    ...(location ? { location } : {}),
  });
}

/** Rows of a valid table, lazily, each position with its nakshatra in the sidereal zodiac. */
function* tableRows(table: ValidEphemerisTable): Generator<EphemerisRow, void, undefined> {
  for (const row of ephemerisRows(table)) {
    yield table.options.zodiac === 'SIDEREAL' ? { ...row, positions: withSiderealNakshatras(row.positions) } : row;
  }
}

/** The ephemeris' return request of a service request. */
function returnRequestOf(r: ReturnRequest): DomainReturnRequest {
  return {
    natal: r.natal,
    body: r.body,
    ...(r.after ? { after: r.after } : {}),
    ...(r.before ? { before: r.before } : {}),
    location: r.location ?? null,
  };
}

/** The ephemeris' transit search of a service request. */
function transitSearchOf(r: TransitSearchRequest): DomainTransitSearchRequest {
  return {
    natal: r.natal,
    from: r.from,
    to: r.to,
    ...(r.bodies ? { bodies: r.bodies } : {}),
    ...(r.aspectTypes ? { aspectTypes: r.aspectTypes } : {}),
    ...(r.kinds ? { kinds: r.kinds } : {}),
  };
}

/** The ayanamsa of sidereal ingresses (undefined: tropical). @throws ValidationError('ayanamsa') when SIDEREAL has none */
function ingressAyanamsa(r: IngressSearchRequest): Ayanamsa | undefined {
  if (r.zodiac !== 'SIDEREAL') return undefined;
  if (!r.ayanamsa) throw new ValidationError('ayanamsa', 'the SIDEREAL zodiac needs an ayanamsa');
  return r.ayanamsa;
}

/**
 * Every technique: request → result, with the ephemeris functions. Results are plain data (a
 * worker thread sends them back by structured clone).
 */
export const TECHNIQUES = {
  planetaryReturn: (r: ReturnRequest) => planetaryReturn(returnRequestOf(r)),
  progressedChart: (r: ProgressionRequest) =>
    progressedChart({ natal: r.natal, target: r.target, ...(r.method ? { method: r.method } : {}), ...(r.angles ? { angles: r.angles } : {}) }),
  solarArcDirections: (r: SolarArcRequest) => solarArcDirections(r.natal, r.target),
  lunarPhases: (r: DateRangeRequest) => lunarPhases(r.from, r.to),
  eclipses: (r: EclipseSearchRequest) => eclipses(r.from, r.to, r.kind ?? undefined),
  ingresses: (r: IngressSearchRequest) => ingresses(r.body, r.from, r.to, undefined, ingressAyanamsa(r)),
  stations: (r: StationSearchRequest) => stations(r.body, r.from, r.to),
  voidOfCourseMoon: (r: VoidOfCourseRequest) => voidOfCourseMoon(r.from, r.to, r.traditional ?? false),
  transits: (r: TransitsRequest) => transitsAt(r.natal, r.at),
  transitSearch: (r: TransitSearchRequest) => transitSearch(transitSearchOf(r)),
  synastry: (r: SynastryRequest) => synastry(r.first, r.second, r.aspects ?? undefined),
  compositeChart: (r: RelationshipRequest) => compositeChart(r.first, r.second),
  davisonChart: (r: RelationshipRequest) => davisonChart(r.first, r.second),
  harmonicChart: (r: HarmonicRequest) => chartHarmonic(r.natal, r.harmonic),
  antiscia: (r: ChartOrbRequest) => chartAntiscia(r.natal, r.orbDegrees ?? 1),
  midpoints: (r: NatalRequest) => chartMidpoints(r.natal),
  declinations: (r: ChartOrbRequest) => chartDeclinations(r.natal, r.orbDegrees ?? 1),
  arabicParts: (r: ArabicPartsRequest) => chartArabicParts(r.natal, r.parts ?? undefined),
  dignities: (r: NatalRequest) => {
    const d = chartDignities(r.natal);
    return { ...d, ascendantAlmuten: almutenScores(d.ascendantAlmuten), almutenFiguris: almutenScores(d.almutenFiguris) };
  },
  fixedStars: (r: FixedStarsRequest) => {
    momentFromUtc(r.at, 'at'); // the supported range
    return fixedStarPositions(r.at, r.names ?? undefined);
  },
  fixedStarConjunctions: (r: ChartOrbRequest) => chartFixedStars(r.natal, r.orbDegrees ?? 1),
  vimshottariDasha: (r: DashaRequest) =>
    vimshottariDasha(r.natal, { ...(r.levels ? { levels: r.levels } : {}), ...(r.yearLength ? { yearLength: r.yearLength } : {}) }),
  divisionalChart: (r: DivisionalChartRequest) => divisionalChart(r.chart, r.division),
  panchang: (r: PanchangRequest) => {
    const location = validateLocation(r.location, 'location');
    const moment = resolveMoment(r.moment, 'moment', location);
    return panchang(moment, location, r.ayanamsa ?? undefined);
  },
  moonPhase: (r: MoonPhaseRequest) => moonPhase(resolveMoment(r.moment, 'moment')),
  riseSet: (r: RiseSetRequest) => {
    const location = validateLocation(r.location, 'location');
    return riseSet(r.body, momentFromUtc(r.from, 'from'), location);
  },
  planetaryHours: (r: PlanetaryHoursRequest) => {
    const location = validateLocation(r.location, 'location');
    return planetaryHours(r.date, location);
  },
  astrocartography: (r: AstrocartographyRequest) => {
    const moment = resolveMoment(r.moment, 'moment');
    return astrocartography(moment, r.bodies ?? undefined);
  },
  ephemerisTable: (r: EphemerisTableRequest) => [...tableRows(validEphemerisTable(r))],
  profections: (r: ProfectionRequest) =>
    profections(r.natal, momentFromUtc(r.at, 'at'), r.point ?? undefined),
  zodiacalReleasing: (r: ZodiacalReleasingRequest) =>
    zodiacalReleasing(r.natal, {
      lot: r.lot,
      ...(r.levels ? { levels: r.levels } : {}),
      ...(r.from ? { from: momentFromUtc(r.from, 'from') } : {}),
      ...(r.to ? { to: momentFromUtc(r.to, 'to') } : {}),
      ...(r.yearLength ? { yearLength: r.yearLength } : {}),
    }),
  firdaria: (r: FirdariaRequest) => firdaria(r.natal, r.variant ?? undefined),
};

/** The name of a technique (a metrics label, part of the per-request key). */
export type TechniqueName = keyof typeof TECHNIQUES;

type RequestOf<T extends TechniqueName> = Parameters<(typeof TECHNIQUES)[T]>[0];
type ResultOf<T extends TechniqueName> = ReturnType<(typeof TECHNIQUES)[T]>;

/**
 * Techniques computed in the worker-thread pool: searches over ranges (up to 5 years), which take
 * from ~50 ms to over a second. One line per long technique, naming the check the technique runs
 * first (the ephemeris' own; about a chart's cost at most: a return's check computes the natal
 * chart, the table's its setup, which the worker then does again): the service runs it on the event
 * loop before queueing, so a bad request is refused with its field even when the queue is full.
 * The rest run inline (a chart-sized technique takes ~1 ms, less than a thread's round trip).
 */
export const OFF_LOOP_TECHNIQUES: { readonly [T in TechniqueName]?: (request: RequestOf<T>) => unknown } = {
  transitSearch: (r) => checkTransitSearch(transitSearchOf(r)),
  ingresses: (r) => {
    ingressAyanamsa(r);
    return validateRange(r.from, r.to);
  },
  stations: (r) => validateRange(r.from, r.to),
  eclipses: (r) => validateRange(r.from, r.to),
  lunarPhases: (r) => validateRange(r.from, r.to),
  voidOfCourseMoon: (r) => checkVoidOfCourseRange(r.from, r.to),
  planetaryReturn: (r) => checkPlanetaryReturn(returnRequestOf(r)),
  // Up to 10,000 rows: about a second at the bound.
  ephemerisTable: validEphemerisTable,
};

/** One technique call: what the per-request loader keys and computes. */
interface TechniqueCall {
  technique: TechniqueName;
  request: unknown;
}

/** Per-request cache of technique results, keyed by technique and request. */
export type TechniqueLoader = DataLoader<TechniqueCall, unknown, string>;

/** Deterministic JSON (object keys sorted, dates as ISO strings): the per-request key of a request. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class TechniquesService {
  /**
   * @param pool where OFF_LOOP_TECHNIQUES run; without one everything runs inline (unit tests,
   *   scripts)
   */
  constructor(
    private readonly metrics?: Metrics,
    private readonly pool?: WorkPool,
  ) {}

  /** Pooled calculations running or waiting now (0 without a pool). */
  get pendingWork(): number {
    return this.pool?.pending ?? 0;
  }

  /**
   * A fresh per-request loader: identical calls compute once per HTTP request.
   * @param signal the request's signal, asked for when a call goes to the pool: pooled work stops when it aborts
   */
  createLoader(signal?: () => AbortSignal): TechniqueLoader {
    return new DataLoader<TechniqueCall, unknown, string>(
      async (calls) =>
        Promise.all(
          calls.map(async (call) => {
            try {
              return await this.computeNow(call, signal);
            } catch (error) {
              return error instanceof Error ? error : new Error(String(error));
            }
          }),
        ),
      { batch: false, cacheKeyFn: (call) => `${call.technique}:${stableStringify(call.request)}` },
    );
  }

  /**
   * The result of `technique` for `request` (computed, or reused within the HTTP request).
   * The loader holds results of every technique; the entry under (technique, request) is the result
   * of TECHNIQUES[technique], hence the cast.
   * @throws ValidationError naming the field relative to the request
   */
  async run<T extends TechniqueName>(technique: T, request: RequestOf<T>, loaders: RequestLoaders): Promise<ResultOf<T>> {
    return (await loaders.technique.load({ technique, request: locateRequest(request) })) as ResultOf<T>;
  }

  /**
   * The rows of an ephemeris table, computed one by one as the caller takes them (the REST CSV
   * route writes each as it comes). The request is checked before the first row, so a bad request
   * throws here; the computation is counted and timed as `ephemerisTable` when the last row is taken.
   * @throws ValidationError naming the field relative to the request
   */
  ephemerisTableStream(request: EphemerisTableRequest): { table: ValidEphemerisTable; rows: Generator<EphemerisRow, void, undefined> } {
    const table = validEphemerisTable(request);
    const metrics = this.metrics;
    function* counted(): Generator<EphemerisRow, void, undefined> {
      const end = metrics?.techniqueComputeDuration.startTimer({ technique: 'ephemerisTable' });
      try {
        yield* tableRows(table);
      } finally {
        metrics?.techniqueComputations.inc({ technique: 'ephemerisTable' });
        end?.();
      }
    }
    return { table, rows: counted() };
  }

  /** Elements, modalities and hemispheres of a computed chart's bodies (default Sun…Pluto). */
  distribution(chart: Chart, bodies?: readonly Body[] | null): ChartDistribution {
    return chartDistribution(chart, bodies ?? undefined);
  }

  /** Aspect patterns among a computed chart's bodies. @throws ValidationError ('bodies', 'orbMultiplier' …) */
  patterns(chart: Chart, options: PatternOptions = {}): AspectPattern[] {
    return chartPatterns(chart, options);
  }

  /** Jones shape of a computed chart. @throws ValidationError ('bodies') */
  shape(chart: Chart, bodies?: readonly Body[] | null): ChartShape {
    return chartShape(chart, bodies ?? undefined);
  }

  /** Computes one call now, in the pool or inline (counted and timed by technique; a trace span when tracing is on). */
  private computeNow(call: TechniqueCall, signal: (() => AbortSignal) | undefined): Promise<unknown> {
    if (!tracingEnabled()) return this.computeNowUntraced(call, signal);
    return inSpan(`technique ${call.technique}`, undefined, (span) => {
      span?.setAttribute('nocturna.technique', call.technique);
      span?.setAttribute('nocturna.off_loop', this.pool !== undefined && OFF_LOOP_TECHNIQUES[call.technique] !== undefined);
      return this.computeNowUntraced(call, signal);
    });
  }

  private async computeNowUntraced(call: TechniqueCall, signal: (() => AbortSignal) | undefined): Promise<unknown> {
    const compute = TECHNIQUES[call.technique] as (request: unknown) => unknown;
    const end = this.metrics?.techniqueComputeDuration.startTimer({ technique: call.technique });
    try {
      const check = OFF_LOOP_TECHNIQUES[call.technique] as ((request: unknown) => unknown) | undefined;
      if (this.pool && check) {
        // Checked here first: a bad request gets its ValidationError, not the full queue's 503.
        check(call.request);
        return await this.pool.run(call.technique, call.request, signal?.());
      }
      return compute(call.request);
    } finally {
      this.metrics?.techniqueComputations.inc({ technique: call.technique });
      end?.();
    }
  }
}
