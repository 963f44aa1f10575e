/**
 * GraphQL enums of the Vedic, Hellenistic time-lord, sky and chart-analytics queries (registered on
 * import), built from the ephemeris' `as const` arrays with a description on every value.
 */
import { registerEnumType } from 'type-graphql';
import { DASHA_YEARS, type DashaYear } from '../../ephemeris/vedic/dasha.js';
import { KARANAS, PAKSHAS, TITHI_NAMES, WEEKDAYS, YOGAS, type Karana, type TithiName, type Weekday, type Yoga } from '../../ephemeris/vedic/panchang.js';
import { LUNAR_PHASE_NAMES, type LunarPhaseName } from '../../ephemeris/sky/moon-phase.js';
import { ACG_ANGLES, type AcgAngle } from '../../ephemeris/sky/astrocartography.js';
import { PROFECTION_POINTS, type ProfectionPoint } from '../../ephemeris/hellenistic/profections.js';
import { RELEASING_LOTS, RELEASING_YEARS, type ReleasingLot, type ReleasingYear } from '../../ephemeris/hellenistic/zodiacal-releasing.js';
import { FIRDARIA_LORDS, FIRDARIA_VARIANTS, FIRDARIA_YEARS, type FirdariaLord, type FirdariaVariant } from '../../ephemeris/hellenistic/firdaria.js';
import { ELEMENTS, HEMISPHERES, MODALITIES, type Hemisphere, type Modality, type ZodiacElement } from '../../ephemeris/analytics/distribution.js';
import { PATTERN_TYPES, type PatternType } from '../../ephemeris/analytics/patterns.js';
import { CHART_SHAPES, type ChartShapeType } from '../../ephemeris/analytics/shape.js';

type EnumObject<T extends string> = { [K in T]: K };
function enumObject<T extends string>(values: readonly T[]): EnumObject<T> {
  return Object.fromEntries(values.map((v) => [v, v])) as EnumObject<T>;
}
function describeAll<T extends string>(values: readonly T[], describe: (value: T, index: number) => string): Partial<Record<T, { description: string }>> {
  return Object.fromEntries(values.map((v, i) => [v, { description: describe(v, i) }])) as Partial<Record<T, { description: string }>>;
}
/** "PURVA_PHALGUNI" → "Purva Phalguni". */
function title(value: string): string {
  return value.split('_').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
}
function register<T extends string>(values: readonly T[], name: string, description: string, describe: (value: T, index: number) => string): EnumObject<T> {
  const e = enumObject(values);
  registerEnumType(e, { name, description, valuesConfig: describeAll(values, describe) });
  return e;
}

const YEAR_TEXT: Record<DashaYear, string> = {
  JULIAN: 'Years of 365.25 days (default; as Swiss Ephemeris-based software).',
  SIDEREAL: 'Sidereal years of 365.256363 days.',
  SAVANA: 'Savana (civil) years of 360 days.',
};
export const DashaYearEnum = register<DashaYear>(DASHA_YEARS, 'DashaYear', 'Length of a dasha year.', (y) => YEAR_TEXT[y]);
export const TithiNameEnum = register<TithiName>(TITHI_NAMES, 'TithiName', 'Name of a tithi (lunar day); the first fifteen names repeat in both pakshas, PURNIMA is 15, AMAVASYA 30.',
  (t, i) => (i < 14 ? `Tithi ${i + 1} / ${i + 16} (${title(t)}).` : i === 14 ? 'Tithi 15, the full Moon.' : 'Tithi 30, the new Moon.'));
export const PakshaEnum = register(PAKSHAS, 'Paksha', 'Half of the lunar month.', (p) => (p === 'SHUKLA' ? 'Shukla (bright, waxing): tithis 1–15.' : 'Krishna (dark, waning): tithis 16–30.'));
export const YogaEnum = register<Yoga>(YOGAS, 'Yoga', 'The 27 yogas of the panchang: (sidereal Sun + Moon) / 13°20′.', (y, i) => `Yoga ${i + 1}, ${title(y)}.`);
export const KaranaEnum = register<Karana>(KARANAS, 'Karana', 'Half-tithi (6° of elongation): seven movable karanas in turn and four fixed ones.',
  (k, i) => (i < 7 ? `${title(k)} (movable).` : `${title(k)} (fixed).`));
export const WeekdayEnum = register<Weekday>(WEEKDAYS, 'Weekday', 'Day of the week (vara); a Vedic day runs from sunrise to sunrise.', (d) => title(d) + '.');
export const LunarPhaseNameEnum = register<LunarPhaseName>(LUNAR_PHASE_NAMES, 'LunarPhaseName', "The eight phases of the Moon: 45° octants of the elongation centred on 0°, 90°, 180° and 270°.",
  (p, i) => `${title(p)}: elongation ${(i * 45 + 337.5) % 360}° to ${i * 45 + 22.5}°.`);
const ANGLE_TEXT: Record<AcgAngle, string> = {
  MC: 'Culminating (upper meridian).', IC: 'Anti-culminating (lower meridian).', ASC: 'Rising (eastern horizon).', DSC: 'Setting (western horizon).',
};
export const ChartAngleEnum = register<AcgAngle>(ACG_ANGLES, 'ChartAngle', 'One of the four angles of a place.', (a) => ANGLE_TEXT[a]);
export const ProfectionPointEnum = register<ProfectionPoint>(PROFECTION_POINTS, 'ProfectionPoint', 'The natal point profected one sign a year.',
  (p) => (p === 'FORTUNE' ? 'The Lot of Fortune.' : `The ${title(p)}.`));
export const ReleasingLotEnum = register<ReleasingLot>(RELEASING_LOTS, 'ReleasingLot', 'The Lot released in zodiacal releasing.',
  (l) => (l === 'SPIRIT' ? 'Lot of Spirit (career, action).' : 'Lot of Fortune (body, health, circumstances).'));
export const ReleasingYearEnum = register<ReleasingYear>(RELEASING_YEARS, 'ReleasingYear', 'Length of a zodiacal-releasing year.',
  (y) => (y === 'VALENS_360' ? 'Years of 360 days and months of 30 days, as Valens (default).' : 'Years of 365.25 days.'));
export const FirdariaVariantEnum = register<FirdariaVariant>(FIRDARIA_VARIANTS, 'FirdariaVariant', 'Where the nodes fall in the night sequence of the firdaria.',
  (v) => (v === 'ABU_MASHAR' ? "After the seven planets (Abu Ma'shar; default)." : 'After Mars (Bonatti).'));
export const FirdariaLordEnum = register<FirdariaLord>(FIRDARIA_LORDS, 'FirdariaLord', 'Ruler of a firdaria period: a planet or a lunar node.',
  (l) => `${title(l)}: a major period of ${FIRDARIA_YEARS[l]} years.`);
export const ElementEnum = register<ZodiacElement>(ELEMENTS, 'Element', 'The four elements (triplicities) of the signs.', (e) => `${title(e)} signs.`);
export const ModalityEnum = register<Modality>(MODALITIES, 'Modality', 'The three modalities (quadruplicities) of the signs.', (m) => `${title(m)} signs.`);
const HEMISPHERE_TEXT: Record<Hemisphere, string> = {
  NORTHERN: 'Below the horizon (houses 1–6).', SOUTHERN: 'Above the horizon (houses 7–12).',
  EASTERN: 'From the Midheaven through the Ascendant to the Imum Coeli (houses 10–3).', WESTERN: 'The other half (houses 4–9).',
};
export const HemisphereEnum = register<Hemisphere>(HEMISPHERES, 'Hemisphere', 'A half of the chart, by the angles.', (h) => HEMISPHERE_TEXT[h]);
const PATTERN_TEXT: Record<PatternType, string> = {
  GRAND_TRINE: 'Three bodies each trine the other two.',
  T_SQUARE: 'Two bodies in opposition, both square a third (the apex).',
  GRAND_CROSS: 'Four bodies in two oppositions, each square its neighbours.',
  YOD: 'Two bodies in sextile, both quincunx a third (the apex).',
  KITE: 'A grand trine and a fourth body opposite one corner (the apex) and sextile the other two.',
  MYSTIC_RECTANGLE: 'Two oppositions whose ends are joined alternately by sextiles and trines.',
  STELLIUM: 'Several bodies (3 by default) in one sign.',
};
export const AspectPatternTypeEnum = register<PatternType>(PATTERN_TYPES, 'AspectPatternType', 'An aspect pattern among the bodies of a chart.', (p) => PATTERN_TEXT[p]);
const SHAPE_TEXT: Record<ChartShapeType, string> = {
  BUNDLE: 'All planets within about a trine (120°).',
  BOWL: 'All planets within an opposition (180°).',
  BUCKET: 'A bowl and a handle (one planet or a close pair) alone in the empty half.',
  LOCOMOTIVE: 'An empty arc of at least 120°, the planets over the other two thirds.',
  SEESAW: 'Two opposed groups separated by two empty arcs (≥ 90° and ≥ 60°).',
  SPLASH: 'Spread round the wheel: no empty arc of 90°, at least eight signs occupied.',
  SPLAY: 'Irregular clusters (none of the others).',
};
export const ChartShapeTypeEnum = register<ChartShapeType>(CHART_SHAPES, 'ChartShapeType', "Marc Edmund Jones' planetary patterns of the whole chart.", (s) => SHAPE_TEXT[s]);
