/**
 * Public domain types of the ephemeris module. Pure data: no GraphQL, Prisma or Redis here.
 * All angles are degrees; longitudes in [0, 360); speeds in degrees per day; instants are UTC.
 */

export const BODIES = [
  'SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'MEAN_NODE', 'TRUE_NODE', 'SOUTH_NODE', 'MEAN_LILITH', 'OSCULATING_LILITH',
  'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA',
] as const;
export type Body = (typeof BODIES)[number];

/** Default bodies of a chart: Sun…Pluto, mean node, mean Lilith, Chiron. */
export const DEFAULT_BODIES: readonly Body[] = [
  'SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'MEAN_NODE', 'MEAN_LILITH', 'CHIRON',
];

export const ANGLES = ['ASCENDANT', 'MIDHEAVEN'] as const;
export type Angle = (typeof ANGLES)[number];
/** A point that can take part in an aspect: a body or one of the two main angles. */
export type ChartPoint = Body | Angle;

export const HOUSE_SYSTEMS = [
  'PLACIDUS', 'KOCH', 'PORPHYRY', 'REGIOMONTANUS', 'CAMPANUS', 'EQUAL', 'WHOLE_SIGN',
  'ALCABITIUS', 'MORINUS', 'TOPOCENTRIC', 'MERIDIAN', 'VEHLOW',
] as const;
export type HouseSystem = (typeof HOUSE_SYSTEMS)[number];

export const AYANAMSAS = [
  'FAGAN_BRADLEY', 'LAHIRI', 'DELUCE', 'RAMAN', 'KRISHNAMURTI', 'YUKTESHWAR', 'JN_BHASIN',
  'TRUE_CITRA', 'GALACTIC_CENTER_0SAG',
] as const;
export type Ayanamsa = (typeof AYANAMSAS)[number];

export const ZODIACS = ['TROPICAL', 'SIDEREAL'] as const;
export type Zodiac = (typeof ZODIACS)[number];

export const CENTERS = ['GEOCENTRIC', 'TOPOCENTRIC', 'HELIOCENTRIC'] as const;
export type Center = (typeof CENTERS)[number];

export const SIGNS = [
  'ARIES', 'TAURUS', 'GEMINI', 'CANCER', 'LEO', 'VIRGO',
  'LIBRA', 'SCORPIO', 'SAGITTARIUS', 'CAPRICORN', 'AQUARIUS', 'PISCES',
] as const;
export type Sign = (typeof SIGNS)[number];

/** The 17 aspect types of the old service, with their exact angles in degrees. */
export const ASPECT_ANGLES = {
  CONJUNCTION: 0,
  OPPOSITION: 180,
  TRINE: 120,
  SQUARE: 90,
  SEXTILE: 60,
  QUINCUNX: 150,
  SEMISEXTILE: 30,
  SEMISQUARE: 45,
  SESQUISQUARE: 135,
  QUINTILE: 72,
  BIQUINTILE: 144,
  SEPTILE: 360 / 7,
  BISEPTILE: 720 / 7,
  TRISEPTILE: 1080 / 7,
  NOVILE: 40,
  BINOVILE: 80,
  QUADRINOVILE: 160,
} as const;
export type AspectType = keyof typeof ASPECT_ANGLES;
export const ASPECT_TYPES = Object.keys(ASPECT_ANGLES) as AspectType[];

export const DISAMBIGUATIONS = ['COMPATIBLE', 'EARLIER', 'LATER', 'REJECT'] as const;
export type Disambiguation = (typeof DISAMBIGUATIONS)[number];

/**
 * Exactly one of: `utc` | `localDateTime` + `timeZone` | `localDateTime` + `utcOffsetMinutes`,
 * or `localDateTime` alone when resolveMoment is given a place with its zone.
 * Absent fields may be undefined or null (the transports send null).
 */
export interface MomentRequest {
  /** ISO 8601 instant with `Z` or an offset, or a Date. */
  utc?: string | Date | null;
  /** Wall-clock time without zone, e.g. "1990-01-15T14:30:00". */
  localDateTime?: string | null;
  /**
   * IANA zone name; historical offsets and DST honoured (Node's ICU data). "LMT" asks for the
   * local mean time of the place's longitude (needs a place).
   */
  timeZone?: string | null;
  /** Minutes east of UTC, e.g. +60 for CET. */
  utcOffsetMinutes?: number | null;
  /** Temporal's meaning at DST gaps/overlaps. Default COMPATIBLE. */
  disambiguation?: Disambiguation | null;
}

/**
 * Which engine computes an instant's positions:
 * - PRECISE (1800-01-01 … 2399-12-31 UTC): the ephemeris pack (VSOP87B, ELP/MPP02, integration
 *   between JPL DE431 states), within 0.5″–2″ of Swiss Ephemeris with DE431 (src/ephemeris/README.md);
 * - EXTENDED (1000-01-01 … 1799-12-31 and 2400-01-01 … 2999-12-31 UTC): astronomy-engine's
 *   truncated VSOP87, Pluto integration and lunar theory with this module's corrections: near 1800
 *   and 2400 a few arcseconds (Sun, Moon, planets; Pluto 32″), osculating Lilith up to about 1°,
 *   growing farther out; minor bodies continue the pack's integration (src/ephemeris/README.md).
 */
export const EPHEMERIS_ENGINES = ['PRECISE', 'EXTENDED'] as const;
export type EphemerisEngine = (typeof EPHEMERIS_ENGINES)[number];

export interface ResolvedMoment {
  utc: Date;
  julianDayUt: number;
  julianDayTt: number;
  deltaTSeconds: number;
  timeZone: string | null;
  utcOffsetMinutes: number | null;
  /** The engine that serves this instant (by its UTC date, see EphemerisEngine). */
  ephemeris: EphemerisEngine;
  /** How the local time was read (set by resolveMoment; absent on instants built otherwise). */
  zone?: MomentZone;
}

/** Where the offset of a resolved moment came from. */
export const ZONE_SOURCES = ['GIVEN_ZONE', 'GIVEN_OFFSET', 'LOCATION', 'LOCAL_MEAN_TIME', 'UTC'] as const;
export type ZoneSource = (typeof ZONE_SOURCES)[number];

/** Whether a wall-clock time existed once (UNIQUE), was skipped (GAP) or repeated (OVERLAP). */
export const LOCAL_TIME_KINDS = ['UNIQUE', 'GAP', 'OVERLAP'] as const;
export type LocalTimeKind = (typeof LOCAL_TIME_KINDS)[number];

/**
 * How a GAP or OVERLAP was resolved: SHIFTED_FORWARD / SHIFTED_BACKWARD by the length of the gap,
 * or the EARLIER / LATER of the two instants of an overlap.
 */
export const LOCAL_TIME_RESOLUTIONS = ['SHIFTED_FORWARD', 'SHIFTED_BACKWARD', 'EARLIER', 'LATER'] as const;
export type LocalTimeResolution = (typeof LOCAL_TIME_RESOLUTIONS)[number];

/** The zone report of a resolved moment. */
export interface MomentZone {
  zoneSource: ZoneSource;
  /**
   * The IANA zone consulted (given, or the location's); "LMT" for an explicit local-mean-time
   * request; null for a given offset or a UTC instant.
   */
  timeZone: string | null;
  /** Offset of the local time from UTC in whole seconds, east positive (local = UTC + offset). */
  utcOffsetSeconds: number;
  /** For LOCAL_MEAN_TIME: the longitude (degrees east) whose mean solar time was used. */
  meanTimeLongitude: number | null;
  localTime: LocalTimeKind;
  /** For GAP and OVERLAP: how it was resolved (from the request's disambiguation). */
  resolution: LocalTimeResolution | null;
}

/**
 * What resolveMoment may know of the place of a local time (data supplied by the caller: the
 * ephemeris does no I/O). Longitude for local mean time; the place's IANA zone for a local time
 * given without zone or offset.
 */
export interface MomentPlace {
  /** Degrees east, [−180, 180]. */
  longitude: number;
  /** IANA zone at the place (e.g. from the gazetteer or the zone boundaries). */
  timeZone?: string | null;
}

export interface GeoLocation {
  /** Geodetic latitude, degrees, north positive, [-90, 90]. */
  latitude: number;
  /** Longitude, degrees, east positive, [-180, 180]. */
  longitude: number;
  /** Metres above sea level. Default 0. */
  elevationMeters?: number;
}

/** An orb override for one aspect type, in degrees (0 < orbDegrees ≤ 30). */
export interface AspectOrb {
  type: AspectType;
  orbDegrees: number;
}

export interface AspectOptions {
  /** Which aspect types to look for. Default: all 17. */
  types?: AspectType[] | null;
  /** Per-type orb overrides in degrees (0 < orb ≤ 30): a list with one entry per type, or a record. */
  orbs?: readonly AspectOrb[] | Partial<Record<AspectType, number>> | null;
  /** Multiplies every orb (0 < m ≤ 5). Default 1. */
  orbMultiplier?: number | null;
}

/**
 * A location as a request gives it: coordinates (elevation optional, default 0), or a place name
 * that the caller resolves before the ephemeris sees it (the services do, with src/places: they
 * replace `place` by the place's coordinates, `timeZone` and `resolvedPlace`). The ephemeris does no
 * I/O: it refuses a `place` left unresolved, and takes `timeZone` (the IANA zone at the location)
 * as given, for a local time without zone or offset and for local mean time.
 */
export interface LocationRequest {
  latitude?: number | null;
  longitude?: number | null;
  elevationMeters?: number | null;
  /** "Liverpool", "Ulm, DE", "Springfield, US-IL": an alternative to latitude/longitude. */
  place?: string | null;
  /** IANA zone at the location (set by the caller that resolved it). */
  timeZone?: string | null;
  /** The gazetteer entry the location was resolved from (set by the caller that resolved it). */
  resolvedPlace?: PlaceSummary | null;
}

/** A gazetteer place as the answers show it (GeoNames data; see src/places). */
export interface PlaceSummary {
  /** GeoNames id as text. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** First-level division's name ("Illinois", "England"), else its GeoNames code; null if none. */
  admin1: string | null;
  latitude: number;
  longitude: number;
  elevationMeters: number | null;
  population: number;
  /** IANA zone at the place. */
  timeZone: string;
}

/**
 * A checked location: coordinates and elevation, the IANA zone at the location when the caller
 * knows it (null otherwise), and the place it was resolved from (null for coordinates).
 */
export interface ValidLocation extends Required<GeoLocation> {
  timeZone: string | null;
  place: PlaceSummary | null;
}

/**
 * What a chart is computed from, as every transport gives it (GraphQL's ChartInput, the REST
 * parameters): optional fields may be undefined or null. `validateChartRequest` (validate.ts)
 * checks it and applies the defaults.
 */
export interface ChartRequest {
  moment: MomentRequest;
  location?: LocationRequest | null;
  bodies?: readonly Body[] | null;
  houseSystem?: HouseSystem | null;
  zodiac?: Zodiac | null;
  ayanamsa?: Ayanamsa | null;
  center?: Center | null;
  aspects?: AspectOptions | null;
}

export interface Position {
  body: Body;
  longitude: number;
  latitude: number;
  distanceAu: number;
  longitudeSpeed: number;
  latitudeSpeed: number;
  rightAscension: number;
  declination: number;
  retrograde: boolean;
  sign: Sign;
  signLongitude: number;
  /** 1..12 when houses were computed, else null. */
  house: number | null;
}

export interface Houses {
  system: HouseSystem;
  requestedSystem: HouseSystem;
  /** 12 cusps, house 1 first. */
  cusps: number[];
  ascendant: number;
  midheaven: number;
  descendant: number;
  imumCoeli: number;
  vertex: number;
  armc: number;
  warnings: string[];
}

export interface Aspect {
  first: ChartPoint;
  second: ChartPoint;
  type: AspectType;
  exactAngle: number;
  /** Angular separation of the two points, [0, 180]. */
  separation: number;
  /** |separation − exactAngle|, degrees. */
  orb: number;
  /** True when the orb is shrinking (from the points' longitude speeds). */
  applying: boolean;
}

export interface Chart {
  moment: ResolvedMoment;
  positions: Position[];
  houses: Houses | null;
  aspects: Aspect[];
  /** The checked location the chart was cast for (absent on charts a technique derives). */
  location?: ValidLocation | null;
}
