/** GraphQL enums of the techniques, stars and events queries (registered on import). */
import { registerEnumType } from 'type-graphql';
import { PROGRESSION_METHODS, PROGRESSED_ANGLE_METHODS, type ProgressionMethod, type ProgressedAngleMethod } from '../../ephemeris/techniques/progressions.js';
import { ECLIPSE_KINDS, ECLIPSE_TYPES, LUNAR_PHASES, type EclipseKind, type EclipseType, type LunarPhase } from '../../ephemeris/events/events.js';
import { TRADITIONAL_PLANETS, LILLY_SCORES, type DignityKind, type TraditionalPlanet } from '../../ephemeris/techniques/dignities.js';

type EnumObject<T extends string> = { [K in T]: K };
function enumObject<T extends string>(values: readonly T[]): EnumObject<T> {
  return Object.fromEntries(values.map((v) => [v, v])) as EnumObject<T>;
}
function described<T extends string>(d: Record<T, string>): Partial<Record<T, { description: string }>> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, { description: v as string }])) as Partial<Record<T, { description: string }>>;
}

export const ProgressionMethodEnum = enumObject(PROGRESSION_METHODS);
registerEnumType(ProgressionMethodEnum, {
  name: 'ProgressionMethod',
  description: 'Symbolic time key of a progression.',
  valuesConfig: described<ProgressionMethod>({
    SECONDARY: 'One day after birth for each year of life (tropical year 365.24219 days).',
    TERTIARY: 'One day after birth for each tropical month of life (27.321582 days).',
    MINOR: 'One tropical month after birth for each year of life.',
  }),
});

export const ProgressedAngleMethodEnum = enumObject(PROGRESSED_ANGLE_METHODS);
registerEnumType(ProgressedAngleMethodEnum, {
  name: 'ProgressedAngleMethod',
  description: 'How progressed angles are directed from the natal ones.',
  valuesConfig: described<ProgressedAngleMethod>({
    SOLAR_ARC: 'Natal MC + solar arc (progressed Sun − natal Sun) in longitude; Ascendant and cusps from it (default).',
    NAIBOD: "Natal ARMC + Naibod's rate 0.98564733° per progressed day (in right ascension).",
  }),
});

export const EclipseKindEnum = enumObject(ECLIPSE_KINDS);
registerEnumType(EclipseKindEnum, {
  name: 'EclipseKind',
  description: 'Solar or lunar eclipse.',
  valuesConfig: described<EclipseKind>({ SOLAR: 'Solar eclipse (the Moon hides the Sun).', LUNAR: "Lunar eclipse (the Earth's shadow falls on the Moon)." }),
});

export const EclipseTypeEnum = enumObject(ECLIPSE_TYPES);
registerEnumType(EclipseTypeEnum, {
  name: 'EclipseType',
  description: 'Type of an eclipse at its maximum.',
  valuesConfig: described<EclipseType>({
    TOTAL: 'Total (solar: the umbra reaches the Earth; lunar: the Moon wholly in the umbra).',
    ANNULAR: 'Annular solar eclipse (the antumbra reaches the Earth).',
    HYBRID: 'Hybrid (annular-total) solar eclipse: total on part of the central line, annular on another (NASA Five Millennium Canon).',
    PARTIAL: 'Partial eclipse.',
    PENUMBRAL: 'Penumbral lunar eclipse.',
  }),
});

export const LunarPhaseEnum = enumObject(LUNAR_PHASES);
registerEnumType(LunarPhaseEnum, {
  name: 'LunarPhase',
  description: 'The four principal lunar phases (Moon − Sun apparent longitude 0°, 90°, 180°, 270°).',
  valuesConfig: described<LunarPhase>({
    NEW_MOON: 'New Moon (conjunction, 0°).', FIRST_QUARTER: 'First quarter (90°).', FULL_MOON: 'Full Moon (opposition, 180°).', LAST_QUARTER: 'Last quarter (270°).',
  }),
});

export const StationKindEnum = enumObject(['RETROGRADE', 'DIRECT'] as const);
registerEnumType(StationKindEnum, {
  name: 'StationKind',
  description: 'Direction a body turns at a station.',
  valuesConfig: described<'RETROGRADE' | 'DIRECT'>({ RETROGRADE: 'Stations retrograde (speed + → −).', DIRECT: 'Stations direct (speed − → +).' }),
});

export const TransitEventKindEnum = enumObject(['ASPECT', 'SIGN_INGRESS', 'HOUSE_INGRESS'] as const);
registerEnumType(TransitEventKindEnum, {
  name: 'TransitEventKind',
  description: 'Kind of transit event.',
  valuesConfig: described<'ASPECT' | 'SIGN_INGRESS' | 'HOUSE_INGRESS'>({
    ASPECT: 'Exact aspect of a transiting body to a natal point.',
    SIGN_INGRESS: 'A transiting body enters a sign.',
    HOUSE_INGRESS: 'A transiting body enters a natal house.',
  }),
});

export const TraditionalPlanetEnum = enumObject(TRADITIONAL_PLANETS);
registerEnumType(TraditionalPlanetEnum, {
  name: 'TraditionalPlanet',
  description: 'The seven planets of traditional astrology (essential dignities).',
  valuesConfig: described<TraditionalPlanet>({
    SUN: 'The Sun.', MOON: 'The Moon.', MERCURY: 'Mercury.', VENUS: 'Venus.', MARS: 'Mars.', JUPITER: 'Jupiter.', SATURN: 'Saturn.',
  }),
});

export const DignityKindEnum = enumObject(Object.keys(LILLY_SCORES) as DignityKind[]);
registerEnumType(DignityKindEnum, {
  name: 'DignityKind',
  description: "An essential dignity or debility with Lilly's score.",
  valuesConfig: described<DignityKind>({
    DOMICILE: 'In its own sign (+5).', EXALTATION: 'In its exaltation sign (+4).', TRIPLICITY: 'Triplicity ruler by sect (+3).',
    TERM: 'In its own Egyptian term (+2).', FACE: 'In its own face/decan (+1).', DETRIMENT: 'Opposite its own sign (−5).',
    FALL: 'Opposite its exaltation (−4).', PEREGRINE: 'No essential dignity at all (−5).',
  }),
});

export const AntisciaKindEnum = enumObject(['ANTISCION', 'CONTRA_ANTISCION'] as const);
registerEnumType(AntisciaKindEnum, {
  name: 'AntisciaKind',
  description: 'Mirror relation over a solstitial or equinoctial axis.',
  valuesConfig: described<'ANTISCION' | 'CONTRA_ANTISCION'>({
    ANTISCION: 'Mirror over the Cancer–Capricorn axis: 180° − λ.', CONTRA_ANTISCION: 'Mirror over the Aries–Libra axis: 360° − λ.',
  }),
});

export const ParallelKindEnum = enumObject(['PARALLEL', 'CONTRA_PARALLEL'] as const);
registerEnumType(ParallelKindEnum, {
  name: 'ParallelKind',
  description: 'Declination contact.',
  valuesConfig: described<'PARALLEL' | 'CONTRA_PARALLEL'>({ PARALLEL: 'Equal declinations on the same side of the equator.', CONTRA_PARALLEL: 'Equal declinations on opposite sides.' }),
});

export const OverlayOwnerEnum = enumObject(['A', 'B'] as const);
registerEnumType(OverlayOwnerEnum, {
  name: 'SynastryOwner',
  description: 'Which chart of a synastry a body belongs to.',
  valuesConfig: described<'A' | 'B'>({ A: 'The first chart.', B: 'The second chart.' }),
});

export type { TraditionalPlanet };
