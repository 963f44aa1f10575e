/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

/** Zodiac of the returned longitudes. */
export type Zodiac =
  /** Sidereal: tropical minus the ayanamsa (requires ayanamsa). */
  | 'SIDEREAL'
  /** Tropical: 0° Aries at the March equinox of date. */
  | 'TROPICAL';

export type PositionFieldsFragment = { body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null };

export type ChartQueryVariables = Exact<{
  input: ChartInput;
}>;


export type ChartQuery = { chart: { moment: { utc: string, julianDayUt: number, julianDayTt: number, deltaTSeconds: number, timeZone: string | null, utcOffsetMinutes: number | null }, positions: Array<{ body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null }>, houses: { system: HouseSystem, requestedSystem: HouseSystem, cusps: Array<number>, ascendant: number, midheaven: number, descendant: number, imumCoeli: number, vertex: number, armc: number, warnings: Array<string> } | null, aspects: Array<{ first: ChartPoint, second: ChartPoint, type: AspectType, exactAngle: number, separation: number, orb: number, applying: boolean }> } };

export type PositionsQueryVariables = Exact<{
  input: ChartInput;
}>;


export type PositionsQuery = { positions: Array<{ body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, latitudeSpeed: number, rightAscension: number, declination: number, retrograde: boolean, sign: Sign, signLongitude: number, house: number | null }> };

export type HousesQueryVariables = Exact<{
  input: ChartInput;
}>;


export type HousesQuery = { houses: { system: HouseSystem, requestedSystem: HouseSystem, cusps: Array<number>, ascendant: number, midheaven: number, warnings: Array<string> } };

export type AspectsQueryVariables = Exact<{
  input: ChartInput;
}>;


export type AspectsQuery = { aspects: Array<{ first: ChartPoint, second: ChartPoint, type: AspectType, exactAngle: number, separation: number, orb: number, applying: boolean }> };

export type ChartAndAspectsQueryVariables = Exact<{
  input: ChartInput;
}>;


export type ChartAndAspectsQuery = { chart: { positions: Array<{ body: Body, longitude: number }> }, aspects: Array<{ first: ChartPoint, second: ChartPoint, type: AspectType, orb: number }>, again: Array<{ body: Body, longitude: number }> };
