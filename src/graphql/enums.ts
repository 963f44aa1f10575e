/**
 * GraphQL enums built from the ephemeris' `as const` arrays, with a description on every value
 * (the sandbox shows them). Importing this module registers them with type-graphql.
 */
import { registerEnumType } from 'type-graphql';
import {
  ANGLES,
  ASPECT_ANGLES,
  AYANAMSAS,
  BODIES,
  CENTERS,
  DISAMBIGUATIONS,
  EPHEMERIS_ENGINES,
  HOUSE_SYSTEMS,
  SIGNS,
  ZODIACS,
  type Body,
  type HouseSystem,
  type Ayanamsa,
  type AspectType,
  type ChartPoint,
  type Zodiac,
  type Center,
  type Disambiguation,
  type EphemerisEngine,
} from '../ephemeris/types.js';
import { DASHA_LORDS, NAKSHATRAS, VIMSHOTTARI_YEARS } from '../ephemeris/vedic/nakshatra.js';

type EnumObject<T extends string> = { [K in T]: K };

export function enumObject<T extends string>(values: readonly T[]): EnumObject<T> {
  return Object.fromEntries(values.map((v) => [v, v])) as EnumObject<T>;
}

function describeAll<T extends string>(
  values: readonly T[],
  describe: (value: T) => string,
): Partial<Record<T, { description: string }>> {
  return Object.fromEntries(values.map((v) => [v, { description: describe(v) }])) as Partial<
    Record<T, { description: string }>
  >;
}

const BODY_DESCRIPTIONS: Record<Body, string> = {
  SUN: 'The Sun.',
  MOON: 'The Moon.',
  MERCURY: 'Mercury.',
  VENUS: 'Venus.',
  MARS: 'Mars.',
  JUPITER: 'Jupiter.',
  SATURN: 'Saturn.',
  URANUS: 'Uranus.',
  NEPTUNE: 'Neptune.',
  PLUTO: 'Pluto.',
  MEAN_NODE: "Mean lunar ascending (north) node.",
  TRUE_NODE: 'True (osculating) lunar ascending node.',
  SOUTH_NODE: 'Lunar descending node, opposite the mean node.',
  MEAN_LILITH: "Mean lunar apogee (Black Moon Lilith).",
  OSCULATING_LILITH: 'Osculating lunar apogee.',
  CHIRON: 'The centaur 2060 Chiron.',
  PHOLUS: 'The centaur 5145 Pholus.',
  CERES: 'The dwarf planet 1 Ceres.',
  PALLAS: 'The asteroid 2 Pallas.',
  JUNO: 'The asteroid 3 Juno.',
  VESTA: 'The asteroid 4 Vesta.',
};

const HOUSE_SYSTEM_DESCRIPTIONS: Record<HouseSystem, string> = {
  PLACIDUS: 'Placidus: semi-arc time division (undefined above the polar circles; falls back with a warning).',
  KOCH: 'Koch (birthplace): time division of the MC degree (undefined above the polar circles).',
  PORPHYRY: 'Porphyry: quadrants between the angles trisected in ecliptic longitude.',
  REGIOMONTANUS: 'Regiomontanus: equal division of the celestial equator.',
  CAMPANUS: 'Campanus: equal division of the prime vertical.',
  EQUAL: 'Equal houses of 30° from the ascendant.',
  WHOLE_SIGN: 'Whole-sign houses: house 1 is the whole sign of the ascendant.',
  ALCABITIUS: 'Alcabitius: semi-arc of the ascendant degree divided in time.',
  MORINUS: 'Morinus: equal division of the equator projected from the ecliptic poles.',
  TOPOCENTRIC: 'Topocentric (Polich–Page).',
  MERIDIAN: 'Meridian (axial rotation): equal equatorial division from the meridian.',
  VEHLOW: 'Vehlow equal houses: ascendant in the middle of house 1.',
};

const AYANAMSA_DESCRIPTIONS: Record<Ayanamsa, string> = {
  FAGAN_BRADLEY: 'Fagan/Bradley (Western sidereal).',
  LAHIRI: 'Lahiri (Chitrapaksha), the Indian government standard.',
  DELUCE: 'De Luce.',
  RAMAN: 'B. V. Raman.',
  KRISHNAMURTI: 'Krishnamurti (KP).',
  YUKTESHWAR: 'Sri Yukteshwar.',
  JN_BHASIN: 'J. N. Bhasin.',
  TRUE_CITRA: 'True Citra: Spica (Citra) held at 180° sidereal.',
  GALACTIC_CENTER_0SAG: 'Galactic centre at 0° Sagittarius.',
};

const SIGN_DESCRIPTIONS = describeAll(SIGNS, (s) => {
  const index = SIGNS.indexOf(s);
  return `${s.charAt(0)}${s.slice(1).toLowerCase()}: ecliptic longitude ${index * 30}° to ${index * 30 + 30}°.`;
});

const ASPECT_DESCRIPTIONS = describeAll(
  Object.keys(ASPECT_ANGLES) as AspectType[],
  (a) => `${a.charAt(0)}${a.slice(1).toLowerCase()}: exact angle ${Number(ASPECT_ANGLES[a].toFixed(4))}°.`,
);

export const BodyEnum = enumObject(BODIES);
export const ChartPointEnum = enumObject<ChartPoint>([...BODIES, ...ANGLES]);
export const HouseSystemEnum = enumObject(HOUSE_SYSTEMS);
export const AyanamsaEnum = enumObject(AYANAMSAS);
export const ZodiacEnum = enumObject(ZODIACS);
export const CenterEnum = enumObject(CENTERS);
export const SignEnum = enumObject(SIGNS);
export const AspectTypeEnum = enumObject(Object.keys(ASPECT_ANGLES) as AspectType[]);
export const DisambiguationEnum = enumObject(DISAMBIGUATIONS);
export const EphemerisEngineEnum = enumObject(EPHEMERIS_ENGINES);

registerEnumType(BodyEnum, {
  name: 'Body',
  description: 'A celestial body the ephemeris computes.',
  valuesConfig: describeAll(BODIES, (b) => BODY_DESCRIPTIONS[b]),
});
registerEnumType(ChartPointEnum, {
  name: 'ChartPoint',
  description: 'A point that can take part in an aspect: a body or one of the two main angles.',
  valuesConfig: describeAll<ChartPoint>([...BODIES, ...ANGLES], (p) =>
    p === 'ASCENDANT'
      ? 'The ascendant (eastern horizon on the ecliptic).'
      : p === 'MIDHEAVEN'
        ? 'The midheaven (upper meridian on the ecliptic).'
        : BODY_DESCRIPTIONS[p],
  ),
});
registerEnumType(HouseSystemEnum, {
  name: 'HouseSystem',
  description: 'House division system.',
  valuesConfig: describeAll(HOUSE_SYSTEMS, (h) => HOUSE_SYSTEM_DESCRIPTIONS[h]),
});
registerEnumType(AyanamsaEnum, {
  name: 'Ayanamsa',
  description: 'Sidereal zodiac offset (ayanamsa) used when zodiac is SIDEREAL.',
  valuesConfig: describeAll(AYANAMSAS, (a) => AYANAMSA_DESCRIPTIONS[a]),
});
registerEnumType(ZodiacEnum, {
  name: 'Zodiac',
  description: 'Zodiac of the returned longitudes.',
  valuesConfig: describeAll<Zodiac>(ZODIACS, (z) =>
    z === 'TROPICAL' ? 'Tropical: 0° Aries at the March equinox of date.' : 'Sidereal: tropical minus the ayanamsa (requires ayanamsa).',
  ),
});
registerEnumType(CenterEnum, {
  name: 'Center',
  description: 'Observer position.',
  valuesConfig: describeAll<Center>(CENTERS, (c) =>
    c === 'GEOCENTRIC'
      ? "Earth's centre (default)."
      : c === 'TOPOCENTRIC'
        ? 'The observer on the Earth surface at location (requires location; corrects the Moon parallax).'
        : "The Sun's centre (no Sun; nodes and Lilith not applicable).",
  ),
});
registerEnumType(SignEnum, {
  name: 'Sign',
  description: 'Zodiac sign of a longitude (30° each).',
  valuesConfig: SIGN_DESCRIPTIONS,
});
registerEnumType(AspectTypeEnum, {
  name: 'AspectType',
  description: 'The 17 aspect types of the old service with their exact angles.',
  valuesConfig: ASPECT_DESCRIPTIONS,
});
registerEnumType(DisambiguationEnum, {
  name: 'Disambiguation',
  description: 'How a local time is resolved at a DST gap or overlap (Temporal semantics).',
  valuesConfig: describeAll<Disambiguation>(DISAMBIGUATIONS, (d) =>
    ({
      COMPATIBLE: 'Like Temporal "compatible": the earlier instant in an overlap, the later one in a gap.',
      EARLIER: 'The earlier of the possible instants.',
      LATER: 'The later of the possible instants.',
      REJECT: 'Refuse ambiguous or non-existent local times with BAD_USER_INPUT.',
    })[d],
  ),
});
registerEnumType(EphemerisEngineEnum, {
  name: 'EphemerisEngine',
  description: 'Which ephemeris computed the positions of an instant (src/ephemeris/README.md has the measured accuracy).',
  valuesConfig: describeAll<EphemerisEngine>(EPHEMERIS_ENGINES, (e) =>
    e === 'PRECISE'
      ? 'Instants in 1800-01-01 … 2399-12-31 UTC: Chebyshev pack from VSOP87B, ELP/MPP02 and integration between JPL DE431 states; within 0.5″ (Sun), 1″ (Moon, planets, Chiron, mean and true nodes), 2″ (other minor bodies), 10″ (osculating Lilith) of Swiss Ephemeris with DE431.'
      : 'Instants in 1000-01-01 … 1799-12-31 and 2400-01-01 … 2999-12-31 UTC: astronomy-engine (truncated VSOP87, its Pluto and lunar theory, with corrections). Near 1800 and 2400: Sun 1.4″, Moon 6″, planets ≤ 17″, Pluto 32″, true node 10″, osculating Lilith up to about 1° when the lunar orbit is nearly circular; errors grow farther from that span. Minor bodies continue the pack\'s integration (drifting by up to 20″ after 100 years, 10′ after 600).',
  ),
});

/** "PURVA_PHALGUNI" → "Purva Phalguni". */
function titleCase(value: string): string {
  return value.split('_').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
}
/** Degrees as 13°20′. */
const dms = (deg: number) => `${Math.floor(deg)}°${String(Math.round((deg % 1) * 60)).padStart(2, '0')}′`;

export const NakshatraEnum = enumObject(NAKSHATRAS);
registerEnumType(NakshatraEnum, {
  name: 'Nakshatra',
  description: 'The 27 nakshatras (lunar mansions) of 13°20′ of the sidereal zodiac, from 0° sidereal Aries.',
  valuesConfig: describeAll(NAKSHATRAS, (n) => {
    const i = NAKSHATRAS.indexOf(n);
    return `${titleCase(n)}: sidereal ${dms((i * 40) / 3)} to ${dms(((i + 1) * 40) / 3)}.`;
  }),
});
export const DashaLordEnum = enumObject(DASHA_LORDS);
registerEnumType(DashaLordEnum, {
  name: 'DashaLord',
  description: 'The nine grahas that rule Vimshottari periods and nakshatras (Rahu and Ketu are the lunar nodes).',
  valuesConfig: describeAll(DASHA_LORDS, (l) => `${titleCase(l)}: a Vimshottari mahadasha of ${VIMSHOTTARI_YEARS[l]} years.`),
});
