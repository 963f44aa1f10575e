/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Which aspects to look for and with what orbs. */
export type AspectOptionsInput = {
  /** Multiplies every orb, 0 < orbMultiplier ≤ 5. Default 1. */
  orbMultiplier?: number | null | undefined;
  /** Per-type orb overrides (one entry per type). */
  orbs?: Array<AspectOrbInput> | null | undefined;
  /** Aspect types to find. Default: all 17. */
  types?: Array<AspectType> | null | undefined;
};

/** Orb override for one aspect type. */
export type AspectOrbInput = {
  /** Maximum orb in degrees, 0 < orbDegrees ≤ 30. */
  orbDegrees: number;
  /** The aspect type. */
  type: AspectType;
};

/** The 17 aspect types of the old service with their exact angles. */
export type AspectType =
  /** Binovile: exact angle 80°. */
  | 'BINOVILE'
  /** Biquintile: exact angle 144°. */
  | 'BIQUINTILE'
  /** Biseptile: exact angle 102.8571°. */
  | 'BISEPTILE'
  /** Conjunction: exact angle 0°. */
  | 'CONJUNCTION'
  /** Novile: exact angle 40°. */
  | 'NOVILE'
  /** Opposition: exact angle 180°. */
  | 'OPPOSITION'
  /** Quadrinovile: exact angle 160°. */
  | 'QUADRINOVILE'
  /** Quincunx: exact angle 150°. */
  | 'QUINCUNX'
  /** Quintile: exact angle 72°. */
  | 'QUINTILE'
  /** Semisextile: exact angle 30°. */
  | 'SEMISEXTILE'
  /** Semisquare: exact angle 45°. */
  | 'SEMISQUARE'
  /** Septile: exact angle 51.4286°. */
  | 'SEPTILE'
  /** Sesquisquare: exact angle 135°. */
  | 'SESQUISQUARE'
  /** Sextile: exact angle 60°. */
  | 'SEXTILE'
  /** Square: exact angle 90°. */
  | 'SQUARE'
  /** Trine: exact angle 120°. */
  | 'TRINE'
  /** Triseptile: exact angle 154.2857°. */
  | 'TRISEPTILE';

/** Sidereal zodiac offset (ayanamsa) used when zodiac is SIDEREAL. */
export type Ayanamsa =
  /** De Luce. */
  | 'DELUCE'
  /** Fagan/Bradley (Western sidereal). */
  | 'FAGAN_BRADLEY'
  /** Galactic centre at 0° Sagittarius. */
  | 'GALACTIC_CENTER_0SAG'
  /** J. N. Bhasin. */
  | 'JN_BHASIN'
  /** Krishnamurti (KP). */
  | 'KRISHNAMURTI'
  /** Lahiri (Chitrapaksha), the Indian government standard. */
  | 'LAHIRI'
  /** B. V. Raman. */
  | 'RAMAN'
  /** True Citra: Spica (Citra) held at 180° sidereal. */
  | 'TRUE_CITRA'
  /** Sri Yukteshwar. */
  | 'YUKTESHWAR';

/** A celestial body the ephemeris computes. */
export type Body =
  /** The dwarf planet 1 Ceres. */
  | 'CERES'
  /** The centaur 2060 Chiron. */
  | 'CHIRON'
  /** The asteroid 3 Juno. */
  | 'JUNO'
  /** Jupiter. */
  | 'JUPITER'
  /** Mars. */
  | 'MARS'
  /** Mean lunar apogee (Black Moon Lilith). */
  | 'MEAN_LILITH'
  /** Mean lunar ascending (north) node. */
  | 'MEAN_NODE'
  /** Mercury. */
  | 'MERCURY'
  /** The Moon. */
  | 'MOON'
  /** Neptune. */
  | 'NEPTUNE'
  /** Osculating lunar apogee. */
  | 'OSCULATING_LILITH'
  /** The asteroid 2 Pallas. */
  | 'PALLAS'
  /** The centaur 5145 Pholus. */
  | 'PHOLUS'
  /** Pluto. */
  | 'PLUTO'
  /** Saturn. */
  | 'SATURN'
  /** Lunar descending node, opposite the mean node. */
  | 'SOUTH_NODE'
  /** The Sun. */
  | 'SUN'
  /** True (osculating) lunar ascending node. */
  | 'TRUE_NODE'
  /** Uranus. */
  | 'URANUS'
  /** Venus. */
  | 'VENUS'
  /** The asteroid 4 Vesta. */
  | 'VESTA';

/** Observer position. */
export type Center =
  /** Earth's centre (default). */
  | 'GEOCENTRIC'
  /** The Sun's centre (no Sun; nodes and Lilith not applicable). */
  | 'HELIOCENTRIC'
  /** The observer on the Earth surface at location (requires location; corrects the Moon parallax). */
  | 'TOPOCENTRIC';

/** What to compute: an instant, an optional place and the chart options. */
export type ChartInput = {
  /** Aspect types and orbs. */
  aspects?: AspectOptionsInput | null | undefined;
  /** Ayanamsa for the sidereal zodiac. */
  ayanamsa?: Ayanamsa | null | undefined;
  /** Bodies to compute (no duplicates). Default: SUN…PLUTO, MEAN_NODE, MEAN_LILITH, CHIRON. */
  bodies?: Array<Body> | null | undefined;
  /** Observer position. */
  center?: Center | null | undefined;
  /** House system. */
  houseSystem?: HouseSystem | null | undefined;
  /** The place; required for houses, angles, house positions and topocentric positions. */
  location?: LocationInput | null | undefined;
  /** The instant of the chart. */
  moment: MomentInput;
  /** Zodiac; SIDEREAL needs ayanamsa. */
  zodiac?: Zodiac | null | undefined;
};

/** A point that can take part in an aspect: a body or one of the two main angles. */
export type ChartPoint =
  /** The ascendant (eastern horizon on the ecliptic). */
  | 'ASCENDANT'
  /** The dwarf planet 1 Ceres. */
  | 'CERES'
  /** The centaur 2060 Chiron. */
  | 'CHIRON'
  /** The asteroid 3 Juno. */
  | 'JUNO'
  /** Jupiter. */
  | 'JUPITER'
  /** Mars. */
  | 'MARS'
  /** Mean lunar apogee (Black Moon Lilith). */
  | 'MEAN_LILITH'
  /** Mean lunar ascending (north) node. */
  | 'MEAN_NODE'
  /** Mercury. */
  | 'MERCURY'
  /** The midheaven (upper meridian on the ecliptic). */
  | 'MIDHEAVEN'
  /** The Moon. */
  | 'MOON'
  /** Neptune. */
  | 'NEPTUNE'
  /** Osculating lunar apogee. */
  | 'OSCULATING_LILITH'
  /** The asteroid 2 Pallas. */
  | 'PALLAS'
  /** The centaur 5145 Pholus. */
  | 'PHOLUS'
  /** Pluto. */
  | 'PLUTO'
  /** Saturn. */
  | 'SATURN'
  /** Lunar descending node, opposite the mean node. */
  | 'SOUTH_NODE'
  /** The Sun. */
  | 'SUN'
  /** True (osculating) lunar ascending node. */
  | 'TRUE_NODE'
  /** Uranus. */
  | 'URANUS'
  /** Venus. */
  | 'VENUS'
  /** The asteroid 4 Vesta. */
  | 'VESTA';

/** How a local time is resolved at a DST gap or overlap (Temporal semantics). */
export type Disambiguation =
  /** Like Temporal "compatible": the earlier instant in an overlap, the later one in a gap. */
  | 'COMPATIBLE'
  /** The earlier of the possible instants. */
  | 'EARLIER'
  /** The later of the possible instants. */
  | 'LATER'
  /** Refuse ambiguous or non-existent local times with BAD_USER_INPUT. */
  | 'REJECT';

/** House division system. */
export type HouseSystem =
  /** Alcabitius: semi-arc of the ascendant degree divided in time. */
  | 'ALCABITIUS'
  /** Campanus: equal division of the prime vertical. */
  | 'CAMPANUS'
  /** Equal houses of 30° from the ascendant. */
  | 'EQUAL'
  /** Koch (birthplace): time division of the MC degree (undefined above the polar circles). */
  | 'KOCH'
  /** Meridian (axial rotation): equal equatorial division from the meridian. */
  | 'MERIDIAN'
  /** Morinus: equal division of the equator projected from the ecliptic poles. */
  | 'MORINUS'
  /** Placidus: semi-arc time division (undefined above the polar circles; falls back with a warning). */
  | 'PLACIDUS'
  /** Porphyry: quadrants between the angles trisected in ecliptic longitude. */
  | 'PORPHYRY'
  /** Regiomontanus: equal division of the celestial equator. */
  | 'REGIOMONTANUS'
  /** Topocentric (Polich–Page). */
  | 'TOPOCENTRIC'
  /** Vehlow equal houses: ascendant in the middle of house 1. */
  | 'VEHLOW'
  /** Whole-sign houses: house 1 is the whole sign of the ascendant. */
  | 'WHOLE_SIGN';

/** A place on Earth (WGS84): give exactly one of `place`, or `latitude` with `longitude`. */
export type LocationInput = {
  /** Height above sea level in metres, from −500 to 20,000 (an aircraft in flight included). Default: the place's elevation when `place` is given and GeoNames knows it, else 0. */
  elevationMeters?: number | null | undefined;
  /** Geodetic latitude in degrees, north positive, [-90, 90]. */
  latitude?: number | null | undefined;
  /** Longitude in degrees, east positive, [-180, 180]. */
  longitude?: number | null | undefined;
  /** A place name instead of coordinates (at most 200 characters): "Liverpool", "Ulm, DE", "Springfield, US-IL" (name, then optionally a comma and an ISO country code or country-region). The best-ranked match of the gazetteer is used (Chart.location.place says which); an unknown name is refused with the nearest names. */
  place?: string | null | undefined;
};

/** Credentials for login. */
export type LoginInput = {
  /** Email address (at most 254 characters). */
  email: string;
  /** Password (at most 256 characters). */
  password: string;
};

/** An instant. Give exactly one of: `utc`; `localDateTime` + `timeZone`; `localDateTime` + `utcOffsetMinutes`; `localDateTime` alone when the chart has a location (its zone is used). Before a place adopted standard time its local mean time is used (`zone.zoneSource` LOCAL_MEAN_TIME). */
export type MomentInput = {
  /** Resolution of a local time at a DST gap or overlap. */
  disambiguation?: Disambiguation | null | undefined;
  /** Wall-clock time without zone, e.g. "1990-01-15T14:30:00". */
  localDateTime?: string | null | undefined;
  /** IANA time zone, e.g. "Europe/Paris"; historical offsets and DST honoured. "LMT" asks for the local mean time of the location's longitude at any date (needs a location). */
  timeZone?: string | null | undefined;
  /** ISO 8601 instant with `Z` or an offset, e.g. "2024-01-01T12:00:00Z". */
  utc?: string | null | undefined;
  /** Offset of localDateTime from UTC in minutes, east positive (e.g. 60 for CET). */
  utcOffsetMinutes?: number | null | undefined;
};

/** Quota plan: RATE_LIMIT_DEFAULT or RATE_LIMIT_PREMIUM requests per hour. */
export type Plan =
  /** RATE_LIMIT_DEFAULT requests per hour (1000 unless configured). */
  | 'DEFAULT'
  /** RATE_LIMIT_PREMIUM requests per hour (10000 unless configured). */
  | 'PREMIUM';

/** A planetary return: give exactly one of `after` or `before`. */
export type ReturnInput = {
  /** Find the first return strictly after this instant. */
  after?: string | null | undefined;
  /** Find the last return strictly before this instant. */
  before?: string | null | undefined;
  /** The returning body: SUN (solar return), MOON (lunar return), any other body. */
  body: Body;
  /** Where the return chart is cast. Default: the natal location. */
  location?: LocationInput | null | undefined;
  /** The natal chart (its settings are used for the return chart). */
  natal: ChartInput;
};

/** What an account may do. SERVICE accounts only call calculations, with service tokens. */
export type Role =
  /** Manages accounts and service tokens, and everything a USER may do. */
  | 'ADMIN'
  /** A backend: calculations only, through service tokens; cannot log in. */
  | 'SERVICE'
  /** Calculations and its own saved charts. */
  | 'USER';

/** Zodiac sign of a longitude (30° each). */
export type Sign =
  /** Aquarius: ecliptic longitude 300° to 330°. */
  | 'AQUARIUS'
  /** Aries: ecliptic longitude 0° to 30°. */
  | 'ARIES'
  /** Cancer: ecliptic longitude 90° to 120°. */
  | 'CANCER'
  /** Capricorn: ecliptic longitude 270° to 300°. */
  | 'CAPRICORN'
  /** Gemini: ecliptic longitude 60° to 90°. */
  | 'GEMINI'
  /** Leo: ecliptic longitude 120° to 150°. */
  | 'LEO'
  /** Libra: ecliptic longitude 180° to 210°. */
  | 'LIBRA'
  /** Pisces: ecliptic longitude 330° to 360°. */
  | 'PISCES'
  /** Sagittarius: ecliptic longitude 240° to 270°. */
  | 'SAGITTARIUS'
  /** Scorpio: ecliptic longitude 210° to 240°. */
  | 'SCORPIO'
  /** Taurus: ecliptic longitude 30° to 60°. */
  | 'TAURUS'
  /** Virgo: ecliptic longitude 150° to 180°. */
  | 'VIRGO';

/** Kind of transit event. */
export type TransitEventKind =
  /** Exact aspect of a transiting body to a natal point. */
  | 'ASPECT'
  /** A transiting body enters a natal house. */
  | 'HOUSE_INGRESS'
  /** A transiting body enters a sign. */
  | 'SIGN_INGRESS';

/** Search of exact transit events to a natal chart over a range (at most 5 years). */
export type TransitSearchInput = {
  /** Aspect types. Default: CONJUNCTION, SEXTILE, SQUARE, TRINE, OPPOSITION. */
  aspectTypes?: Array<AspectType> | null | undefined;
  /** Transiting bodies. Default: SUN, MERCURY…PLUTO. */
  bodies?: Array<Body> | null | undefined;
  /** Start of the range (UTC). */
  from: string;
  /** Kinds of events. Default: all. */
  kinds?: Array<TransitEventKind> | null | undefined;
  /** The natal chart (geocentric, tropical). */
  natal: ChartInput;
  /** End of the range (UTC), at most 5 years after `from`. */
  to: string;
};

/** PENDING accounts wait for approval; DISABLED accounts cannot authenticate. */
export type UserStatus =
  /** May log in and use its tokens. */
  | 'ACTIVE'
  /** Refused everywhere; its tokens were revoked. */
  | 'DISABLED'
  /** Registered, waiting for an admin's approveUser. */
  | 'PENDING';

/** How to draw a chart wheel (SVG). Every field is optional. */
export type WheelOptionsInput = {
  /** Only draw these aspect types (default: every aspect of the chart). */
  aspectTypes?: Array<AspectType> | null | undefined;
  /** Prefix of the element ids, so several wheels can share one page (letters, digits, - and _). */
  idPrefix?: string | null | undefined;
  /** Name of the inner chart in the text alternative, e.g. "Natal" (default). */
  innerLabel?: string | null | undefined;
  /** A second chart drawn in a ring outside this one (transits, a partner): a bi-wheel. Only its positions are drawn. */
  outer?: ChartInput | null | undefined;
  /** Name of the outer chart of a bi-wheel, e.g. "Transits" or "Partner". */
  outerLabel?: string | null | undefined;
  /** Draw the aspect lines in the centre. */
  showAspects?: boolean | null | undefined;
  /** Label each body with its degree, sign and minutes. */
  showDegreeLabels?: boolean | null | undefined;
  /** Side of the square picture in CSS pixels, 300–2000. */
  size?: number | null | undefined;
  /** WESTERN wheel, or a NORTH_INDIAN / SOUTH_INDIAN square chart (whole-sign houses from the lagna; no aspect lines, no outer chart). */
  style?: WheelStyle | null | undefined;
  /** Colour theme. */
  theme?: WheelTheme | null | undefined;
  /** Text of the picture title (at most 200 characters). */
  title?: string | null | undefined;
};

/** The kind of picture. */
export type WheelStyle =
  /** North Indian square chart: fixed houses (lagna at the top centre), sign numbers in the houses. Use a SIDEREAL chart for Jyotish. */
  | 'NORTH_INDIAN'
  /** South Indian square chart: fixed signs (Pisces top left, clockwise), the lagna marked. Use a SIDEREAL chart for Jyotish. */
  | 'SOUTH_INDIAN'
  /** The round wheel, Ascendant on the left (default). */
  | 'WESTERN';

/** Colour theme of a chart wheel. */
export type WheelTheme =
  /** Light ink on a near-black background. */
  | 'DARK'
  /** Dark ink on a white background. */
  | 'LIGHT';

/** Zodiac of the returned longitudes. */
export type Zodiac =
  /** Sidereal: tropical minus the ayanamsa (requires ayanamsa). */
  | 'SIDEREAL'
  /** Tropical: 0° Aries at the March equinox of date. */
  | 'TROPICAL';

export type ChartWheelQueryVariables = Exact<{
  input: ChartInput;
  options?: WheelOptionsInput | null | undefined;
}>;


export type ChartWheelQuery = { chart: { wheelSvg: string, moment: { utc: string }, positions: Array<{ body: Body, longitude: number, sign: Sign }> } };

export type ChartQueryVariables = Exact<{
  input: ChartInput;
}>;


export type ChartQuery = { chart: { moment: { utc: string, julianDayUt: number, julianDayTt: number, deltaTSeconds: number, timeZone: string | null, utcOffsetMinutes: number | null }, positions: Array<{ body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null }>, houses: { system: HouseSystem, requestedSystem: HouseSystem, cusps: Array<number>, ascendant: number, midheaven: number, descendant: number, imumCoeli: number, vertex: number, armc: number, warnings: Array<string> } | null, aspects: Array<{ first: ChartPoint, second: ChartPoint, type: AspectType, exactAngle: number, separation: number, orb: number, applying: boolean }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, tokenType: string, expiresIn: number, user: { id: string, email: string, role: Role, plan: Plan, status: UserStatus } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, username: string, role: Role, plan: Plan, status: UserStatus } };

export type PlanetaryReturnQueryVariables = Exact<{
  input: ReturnInput;
}>;


export type PlanetaryReturnQuery = { planetaryReturn: { body: Body, natalLongitude: number, chart: { moment: { utc: string, julianDayUt: number }, positions: Array<{ body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null }>, houses: { system: HouseSystem, ascendant: number, midheaven: number, cusps: Array<number> } | null } } };

export type PositionFieldsFragment = { body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null };

export type PositionsQueryVariables = Exact<{
  input: ChartInput;
}>;


export type PositionsQuery = { positions: Array<{ body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null }> };

export type TransitSearchQueryVariables = Exact<{
  input: TransitSearchInput;
}>;


export type TransitSearchQuery = { transitSearch: Array<{ utc: string, kind: TransitEventKind, transitingBody: Body, natalPoint: ChartPoint | null, aspect: AspectType | null, sign: Sign | null, house: number | null, longitude: number, retrograde: boolean }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PositionFieldsFragmentDoc = new TypedDocumentString(`
    fragment PositionFields on Position {
  body
  longitude
  latitude
  distanceAu
  longitudeSpeed
  latitudeSpeed
  rightAscension
  declination
  retrograde
  sign
  signLongitude
  house
}
    `, {"fragmentName":"PositionFields"}) as unknown as TypedDocumentString<PositionFieldsFragment, unknown>;
export const ChartWheelDocument = new TypedDocumentString(`
    query ChartWheel($input: ChartInput!, $options: WheelOptionsInput) {
  chart(input: $input) {
    moment {
      utc
    }
    positions {
      body
      longitude
      sign
    }
    wheelSvg(options: $options)
  }
}
    `) as unknown as TypedDocumentString<ChartWheelQuery, ChartWheelQueryVariables>;
export const ChartDocument = new TypedDocumentString(`
    query Chart($input: ChartInput!) {
  chart(input: $input) {
    moment {
      utc
      julianDayUt
      julianDayTt
      deltaTSeconds
      timeZone
      utcOffsetMinutes
    }
    positions {
      ...PositionFields
    }
    houses {
      system
      requestedSystem
      cusps
      ascendant
      midheaven
      descendant
      imumCoeli
      vertex
      armc
      warnings
    }
    aspects {
      first
      second
      type
      exactAngle
      separation
      orb
      applying
    }
  }
}
    fragment PositionFields on Position {
  body
  longitude
  latitude
  distanceAu
  longitudeSpeed
  latitudeSpeed
  rightAscension
  declination
  retrograde
  sign
  signLongitude
  house
}`) as unknown as TypedDocumentString<ChartQuery, ChartQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    refreshToken
    tokenType
    expiresIn
    user {
      id
      email
      role
      plan
      status
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    username
    role
    plan
    status
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const PlanetaryReturnDocument = new TypedDocumentString(`
    query PlanetaryReturn($input: ReturnInput!) {
  planetaryReturn(input: $input) {
    body
    natalLongitude
    chart {
      moment {
        utc
        julianDayUt
      }
      positions {
        ...PositionFields
      }
      houses {
        system
        ascendant
        midheaven
        cusps
      }
    }
  }
}
    fragment PositionFields on Position {
  body
  longitude
  latitude
  distanceAu
  longitudeSpeed
  latitudeSpeed
  rightAscension
  declination
  retrograde
  sign
  signLongitude
  house
}`) as unknown as TypedDocumentString<PlanetaryReturnQuery, PlanetaryReturnQueryVariables>;
export const PositionsDocument = new TypedDocumentString(`
    query Positions($input: ChartInput!) {
  positions(input: $input) {
    ...PositionFields
  }
}
    fragment PositionFields on Position {
  body
  longitude
  latitude
  distanceAu
  longitudeSpeed
  latitudeSpeed
  rightAscension
  declination
  retrograde
  sign
  signLongitude
  house
}`) as unknown as TypedDocumentString<PositionsQuery, PositionsQueryVariables>;
export const TransitSearchDocument = new TypedDocumentString(`
    query TransitSearch($input: TransitSearchInput!) {
  transitSearch(input: $input) {
    utc
    kind
    transitingBody
    natalPoint
    aspect
    sign
    house
    longitude
    retrograde
  }
}
    `) as unknown as TypedDocumentString<TransitSearchQuery, TransitSearchQueryVariables>;