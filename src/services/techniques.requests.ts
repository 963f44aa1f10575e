/**
 * What the techniques, fixed-star and event queries are computed from, as every transport gives
 * it: plain data, dates as Date, optional fields undefined or null. The GraphQL inputs implement
 * these interfaces (src/graphql/techniques/techniques.input.ts), so a mismatch fails the type check.
 * Field paths of errors are relative to these objects ("natal.location.latitude", "to").
 */
import type { EclipseKind } from '../ephemeris/events/events.js';
import type { ProgressedAngleMethod, ProgressionMethod } from '../ephemeris/techniques/progressions.js';
import type { TransitEventKind } from '../ephemeris/techniques/transits.js';
import type {
  AspectOptions, AspectType, Ayanamsa, Body, Center, ChartRequest, LocationRequest, MomentRequest, Zodiac,
} from '../ephemeris/types.js';
import type { DashaYear } from '../ephemeris/vedic/dasha.js';
import type { FirdariaVariant } from '../ephemeris/hellenistic/firdaria.js';
import type { ProfectionPoint } from '../ephemeris/hellenistic/profections.js';
import type { ReleasingLot, ReleasingYear } from '../ephemeris/hellenistic/zodiacal-releasing.js';

/** A planetary return: exactly one of `after` / `before`. */
export interface ReturnRequest {
  natal: ChartRequest;
  body: Body;
  after?: Date | null;
  before?: Date | null;
  /** Where the return chart is cast; default the natal location. */
  location?: LocationRequest | null;
}

export interface ProgressionRequest {
  natal: ChartRequest;
  target: Date;
  method?: ProgressionMethod | null;
  angles?: ProgressedAngleMethod | null;
}

export interface SolarArcRequest {
  natal: ChartRequest;
  target: Date;
}

/** A search range: at most 5 years (1 for the void-of-course Moon), within 1800–2399. */
export interface DateRangeRequest {
  from: Date;
  to: Date;
}

export interface EclipseSearchRequest extends DateRangeRequest {
  kind?: EclipseKind | null;
}

export interface IngressSearchRequest extends DateRangeRequest {
  body: Body;
  zodiac?: Zodiac | null;
  ayanamsa?: Ayanamsa | null;
}

export interface StationSearchRequest extends DateRangeRequest {
  body: Body;
}

export interface VoidOfCourseRequest extends DateRangeRequest {
  traditional?: boolean | null;
}

export interface TransitsRequest {
  natal: ChartRequest;
  at: Date;
}

export interface TransitSearchRequest extends DateRangeRequest {
  natal: ChartRequest;
  bodies?: Body[] | null;
  aspectTypes?: AspectType[] | null;
  kinds?: TransitEventKind[] | null;
}

export interface SynastryRequest {
  first: ChartRequest;
  second: ChartRequest;
  aspects?: AspectOptions | null;
}

export interface RelationshipRequest {
  first: ChartRequest;
  second: ChartRequest;
}

export interface HarmonicRequest {
  natal: ChartRequest;
  harmonic: number;
}

export interface ChartOrbRequest {
  natal: ChartRequest;
  orbDegrees?: number | null;
}

export interface NatalRequest {
  natal: ChartRequest;
}

export interface ArabicPartsRequest {
  natal: ChartRequest;
  parts?: string[] | null;
}

export interface FixedStarsRequest {
  at: Date;
  names?: string[] | null;
}

// ─── Vedic, Hellenistic time-lords, the sky, ephemeris tables ───────────────────────────────────

export interface DashaRequest {
  natal: ChartRequest;
  /** 1 mahadashas, 2 with antardashas, 3 with pratyantardashas (default 1). */
  levels?: number | null;
  yearLength?: DashaYear | null;
}

export interface DivisionalChartRequest {
  chart: ChartRequest;
  division: number;
}

export interface PanchangRequest {
  moment: MomentRequest;
  location: LocationRequest;
  ayanamsa?: Ayanamsa | null;
}

export interface MoonPhaseRequest {
  moment: MomentRequest;
}

export interface RiseSetRequest {
  body: Body;
  from: Date;
  location: LocationRequest;
}

export interface PlanetaryHoursRequest {
  /** Civil date at the place, "YYYY-MM-DD". */
  date: string;
  location: LocationRequest;
}

export interface AstrocartographyRequest {
  moment: MomentRequest;
  bodies?: Body[] | null;
}

export interface EphemerisTableRequest {
  from: Date;
  to: Date;
  /** "30m", "6h", "1d", "2w". */
  step: string;
  bodies?: Body[] | null;
  zodiac?: Zodiac | null;
  ayanamsa?: Ayanamsa | null;
  center?: Center | null;
  /** Required for TOPOCENTRIC. */
  location?: LocationRequest | null;
}

export interface ProfectionRequest {
  natal: ChartRequest;
  at: Date;
  point?: ProfectionPoint | null;
}

export interface ZodiacalReleasingRequest {
  natal: ChartRequest;
  lot: ReleasingLot;
  /** 1–4 (default 2). */
  levels?: number | null;
  from?: Date | null;
  to?: Date | null;
  yearLength?: ReleasingYear | null;
}

export interface FirdariaRequest {
  natal: ChartRequest;
  variant?: FirdariaVariant | null;
}

/**
 * Cost (complexity) of an ephemeris table, the `ephemerisTable` field and the CSV route alike: one unit per 100 rows of its largest table (10,000 rows; ≈ 0.13 ms a
 * row with the 13 default bodies, bench-techniques2). The cost rule prices an operation before its
 * variables are known, so every table is priced at its bound.
 */
export const EPHEMERIS_TABLE_COST = 100;
