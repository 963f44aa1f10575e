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
  AspectOptions, AspectType, Ayanamsa, Body, ChartRequest, LocationRequest, Zodiac,
} from '../ephemeris/types.js';

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
