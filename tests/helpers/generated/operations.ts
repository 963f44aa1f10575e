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

/** An aspect pattern among the bodies of a chart. */
export type AspectPatternType =
  /** Four bodies in two oppositions, each square its neighbours. */
  | 'GRAND_CROSS'
  /** Three bodies each trine the other two. */
  | 'GRAND_TRINE'
  /** A grand trine and a fourth body opposite one corner (the apex) and sextile the other two. */
  | 'KITE'
  /** Two oppositions whose ends are joined alternately by sextiles and trines. */
  | 'MYSTIC_RECTANGLE'
  /** Several bodies (3 by default) in one sign. */
  | 'STELLIUM'
  /** Two bodies in opposition, both square a third (the apex). */
  | 'T_SQUARE'
  /** Two bodies in sextile, both quincunx a third (the apex). */
  | 'YOD';

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

/** One of the four angles of a place. */
export type ChartAngle =
  /** Rising (eastern horizon). */
  | 'ASC'
  /** Setting (western horizon). */
  | 'DSC'
  /** Anti-culminating (lower meridian). */
  | 'IC'
  /** Culminating (upper meridian). */
  | 'MC';

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

/** Marc Edmund Jones' planetary patterns of the whole chart. */
export type ChartShapeType =
  /** All planets within an opposition (180°). */
  | 'BOWL'
  /** A bowl and a handle (one planet or a close pair) alone in the empty half. */
  | 'BUCKET'
  /** All planets within about a trine (120°). */
  | 'BUNDLE'
  /** An empty arc of at least 120°, the planets over the other two thirds. */
  | 'LOCOMOTIVE'
  /** Two opposed groups separated by two empty arcs (≥ 90° and ≥ 60°). */
  | 'SEESAW'
  /** Spread round the wheel: no empty arc of 90°, at least eight signs occupied. */
  | 'SPLASH'
  /** Irregular clusters (none of the others). */
  | 'SPLAY';

/** The nine grahas that rule Vimshottari periods and nakshatras (Rahu and Ketu are the lunar nodes). */
export type DashaLord =
  /** Jupiter: a Vimshottari mahadasha of 16 years. */
  | 'JUPITER'
  /** Ketu: a Vimshottari mahadasha of 7 years. */
  | 'KETU'
  /** Mars: a Vimshottari mahadasha of 7 years. */
  | 'MARS'
  /** Mercury: a Vimshottari mahadasha of 17 years. */
  | 'MERCURY'
  /** Moon: a Vimshottari mahadasha of 10 years. */
  | 'MOON'
  /** Rahu: a Vimshottari mahadasha of 18 years. */
  | 'RAHU'
  /** Saturn: a Vimshottari mahadasha of 19 years. */
  | 'SATURN'
  /** Sun: a Vimshottari mahadasha of 6 years. */
  | 'SUN'
  /** Venus: a Vimshottari mahadasha of 20 years. */
  | 'VENUS';

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

/** The four elements (triplicities) of the signs. */
export type Element =
  /** Air signs. */
  | 'AIR'
  /** Earth signs. */
  | 'EARTH'
  /** Fire signs. */
  | 'FIRE'
  /** Water signs. */
  | 'WATER';

/** Positions at regular steps between two instants: at most 10,000 rows. */
export type EphemerisTableInput = {
  /** Ayanamsa for the sidereal zodiac. */
  ayanamsa?: Ayanamsa | null | undefined;
  /** Bodies (no duplicates). Default: SUN…PLUTO, MEAN_NODE, MEAN_LILITH, CHIRON. */
  bodies?: Array<Body> | null | undefined;
  /** Observer position; TOPOCENTRIC needs location. */
  center?: Center | null | undefined;
  /** First row (UTC). */
  from: string;
  /** The observer for TOPOCENTRIC positions. */
  location?: LocationInput | null | undefined;
  /** Step: a positive integer and a unit m, h, d or w ("30m", "6h", "1d", "2w"); 1 minute to 366 days. */
  step: string;
  /** Last possible row (UTC); rows at from + i × step up to it. */
  to: string;
  /** Zodiac; SIDEREAL needs ayanamsa (positions then carry their nakshatra). */
  zodiac?: Zodiac | null | undefined;
};

/** Ruler of a firdaria period: a planet or a lunar node. */
export type FirdariaLord =
  /** Jupiter: a major period of 12 years. */
  | 'JUPITER'
  /** Mars: a major period of 7 years. */
  | 'MARS'
  /** Mercury: a major period of 13 years. */
  | 'MERCURY'
  /** Moon: a major period of 9 years. */
  | 'MOON'
  /** North Node: a major period of 3 years. */
  | 'NORTH_NODE'
  /** Saturn: a major period of 11 years. */
  | 'SATURN'
  /** South Node: a major period of 2 years. */
  | 'SOUTH_NODE'
  /** Sun: a major period of 10 years. */
  | 'SUN'
  /** Venus: a major period of 8 years. */
  | 'VENUS';

/** A half of the chart, by the angles. */
export type Hemisphere =
  /** From the Midheaven through the Ascendant to the Imum Coeli (houses 10–3). */
  | 'EASTERN'
  /** Below the horizon (houses 1–6). */
  | 'NORTHERN'
  /** Above the horizon (houses 7–12). */
  | 'SOUTHERN'
  /** The other half (houses 4–9). */
  | 'WESTERN';

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

/** The eight phases of the Moon: 45° octants of the elongation centred on 0°, 90°, 180° and 270°. */
export type LunarPhaseName =
  /** First Quarter: elongation 67.5° to 112.5°. */
  | 'FIRST_QUARTER'
  /** Full Moon: elongation 157.5° to 202.5°. */
  | 'FULL_MOON'
  /** Last Quarter: elongation 247.5° to 292.5°. */
  | 'LAST_QUARTER'
  /** New Moon: elongation 337.5° to 22.5°. */
  | 'NEW_MOON'
  /** Waning Crescent: elongation 292.5° to 337.5°. */
  | 'WANING_CRESCENT'
  /** Waning Gibbous: elongation 202.5° to 247.5°. */
  | 'WANING_GIBBOUS'
  /** Waxing Crescent: elongation 22.5° to 67.5°. */
  | 'WAXING_CRESCENT'
  /** Waxing Gibbous: elongation 112.5° to 157.5°. */
  | 'WAXING_GIBBOUS';

/** The three modalities (quadruplicities) of the signs. */
export type Modality =
  /** Cardinal signs. */
  | 'CARDINAL'
  /** Fixed signs. */
  | 'FIXED'
  /** Mutable signs. */
  | 'MUTABLE';

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

/** The 27 nakshatras (lunar mansions) of 13°20′ of the sidereal zodiac, from 0° sidereal Aries. */
export type Nakshatra =
  /** Anuradha: sidereal 213°20′ to 226°40′. */
  | 'ANURADHA'
  /** Ardra: sidereal 66°40′ to 80°00′. */
  | 'ARDRA'
  /** Ashlesha: sidereal 106°40′ to 120°00′. */
  | 'ASHLESHA'
  /** Ashwini: sidereal 0°00′ to 13°20′. */
  | 'ASHWINI'
  /** Bharani: sidereal 13°20′ to 26°40′. */
  | 'BHARANI'
  /** Chitra: sidereal 173°20′ to 186°40′. */
  | 'CHITRA'
  /** Dhanishta: sidereal 293°20′ to 306°40′. */
  | 'DHANISHTA'
  /** Hasta: sidereal 160°00′ to 173°20′. */
  | 'HASTA'
  /** Jyeshtha: sidereal 226°40′ to 240°00′. */
  | 'JYESHTHA'
  /** Krittika: sidereal 26°40′ to 40°00′. */
  | 'KRITTIKA'
  /** Magha: sidereal 120°00′ to 133°20′. */
  | 'MAGHA'
  /** Mrigashira: sidereal 53°20′ to 66°40′. */
  | 'MRIGASHIRA'
  /** Mula: sidereal 240°00′ to 253°20′. */
  | 'MULA'
  /** Punarvasu: sidereal 80°00′ to 93°20′. */
  | 'PUNARVASU'
  /** Purva Ashadha: sidereal 253°20′ to 266°40′. */
  | 'PURVA_ASHADHA'
  /** Purva Bhadrapada: sidereal 320°00′ to 333°20′. */
  | 'PURVA_BHADRAPADA'
  /** Purva Phalguni: sidereal 133°20′ to 146°40′. */
  | 'PURVA_PHALGUNI'
  /** Pushya: sidereal 93°20′ to 106°40′. */
  | 'PUSHYA'
  /** Revati: sidereal 346°40′ to 360°00′. */
  | 'REVATI'
  /** Rohini: sidereal 40°00′ to 53°20′. */
  | 'ROHINI'
  /** Shatabhisha: sidereal 306°40′ to 320°00′. */
  | 'SHATABHISHA'
  /** Shravana: sidereal 280°00′ to 293°20′. */
  | 'SHRAVANA'
  /** Swati: sidereal 186°40′ to 200°00′. */
  | 'SWATI'
  /** Uttara Ashadha: sidereal 266°40′ to 280°00′. */
  | 'UTTARA_ASHADHA'
  /** Uttara Bhadrapada: sidereal 333°20′ to 346°40′. */
  | 'UTTARA_BHADRAPADA'
  /** Uttara Phalguni: sidereal 146°40′ to 160°00′. */
  | 'UTTARA_PHALGUNI'
  /** Vishakha: sidereal 200°00′ to 213°20′. */
  | 'VISHAKHA';

/** Half of the lunar month. */
export type Paksha =
  /** Krishna (dark, waning): tithis 16–30. */
  | 'KRISHNA'
  /** Shukla (bright, waxing): tithis 1–15. */
  | 'SHUKLA';

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

/** The seven planets of traditional astrology (essential dignities). */
export type TraditionalPlanet =
  /** Jupiter. */
  | 'JUPITER'
  /** Mars. */
  | 'MARS'
  /** Mercury. */
  | 'MERCURY'
  /** The Moon. */
  | 'MOON'
  /** Saturn. */
  | 'SATURN'
  /** The Sun. */
  | 'SUN'
  /** Venus. */
  | 'VENUS';

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

export type VedicSkyQueryVariables = Exact<{
  moment: MomentInput;
  utc: string;
  location: LocationInput;
  planets: Array<Body> | Body;
}>;


export type VedicSkyQuery = { positions: Array<{ body: Body, longitude: number, nakshatra: { nakshatra: Nakshatra, pada: number, lord: DashaLord } | null }>, vimshottariDasha: Array<{ lord: DashaLord, level: number, start: string, end: string, path: Array<DashaLord> }>, divisionalChart: { division: number, ascendantSign: Sign | null, positions: Array<{ body: Body, sign: Sign }> }, panchang: { tithi: number, paksha: Paksha, elongation: number, sunrise: string | null, sunset: string | null, nakshatra: { nakshatra: Nakshatra, pada: number, lord: DashaLord } }, moonPhase: { phaseAngle: number, illumination: number, elongation: number, ageDays: number, phase: LunarPhaseName }, riseSet: { rise: string | null, transit: string | null, set: string | null }, astrocartography: Array<{ body: Body, angle: ChartAngle, longitude: number | null }> };

export type EphemerisTableQueryVariables = Exact<{
  input: EphemerisTableInput;
}>;


export type EphemerisTableQuery = { ephemerisTable: Array<{ utc: string, julianDayUt: number, positions: Array<{ body: Body, longitude: number, latitude: number, distanceAu: number, longitudeSpeed: number, rightAscension: number, declination: number, sign: Sign, nakshatra: { nakshatra: Nakshatra, pada: number, lord: DashaLord } | null }> }> };

export type TimeLordsQueryVariables = Exact<{
  natal: ChartInput;
  at: string;
}>;


export type TimeLordsQuery = { profections: { age: number, profectedSign: Sign, profectedHouse: number, lordOfYear: TraditionalPlanet, month: number, monthSign: Sign, lordOfMonth: TraditionalPlanet }, zodiacalReleasing: Array<{ level: number, sign: Sign, lord: TraditionalPlanet, start: string, end: string, loosingOfTheBond: boolean, peak: boolean, houseFromFortune: number }>, firdaria: Array<{ level: number, lord: FirdariaLord, majorLord: FirdariaLord, start: string, end: string }>, planetaryHours: Array<{ hour: number, ruler: TraditionalPlanet, start: string, end: string, daytime: boolean }>, chart: { north: string, south: string, distribution: { total: number, elements: Array<{ key: Element, count: number, bodies: Array<Body> }>, modalities: Array<{ key: Modality, count: number, bodies: Array<Body> }>, hemispheres: Array<{ key: Hemisphere, count: number, bodies: Array<Body> }> }, patterns: Array<{ type: AspectPatternType, bodies: Array<Body>, apex: Body | null, sign: Sign | null }>, shape: { type: ChartShapeType, largestGapDegrees: number, occupiedArcDegrees: number, leadingBody: Body | null, handle: Array<Body> } } };
