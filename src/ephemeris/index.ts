/**
 * Public API of the ephemeris module (pure calculations, no I/O). Other layers import from here.
 */
export * from './types.js';
export {
  resolveMoment, momentFromUtc, momentFromJulianDayUt, julianDayFromDate, dateFromJulianDay, zoneOffsetMs,
  SUPPORTED_RANGE_START, SUPPORTED_RANGE_END, SUPPORTED_RANGE_TEXT, PRECISE_RANGE_START, PRECISE_RANGE_END, ephemerisEngineAt,
} from './time.js';
export { deltaTSecondsAtJdUt } from './deltat.js';
export { computePositions, type PositionOptions } from './positions.js';
export { computeChart, computeChartHouses, computeValidChart } from './chart.js';
export { chartRequestKey, validateChartRequest, validateLocation, ELEVATION_RANGE_METERS, type ValidChartRequest } from './validate.js';
export { computeHouses, houseOfLongitude, type HousesResult, type HousesOptions } from './houses.js';
export {
  findAspects, findAspectsBetween, resolveAspectOptions, type AspectPoint, type ResolvedAspectOptions,
} from './aspects.js';
export { ayanamsaDegrees } from './sidereal-bridge.js';

// Techniques II: Vedic basics, Hellenistic time lords, the sky now, ephemeris tables, chart analytics.
export {
  NAKSHATRAS, DASHA_LORDS, nakshatraOf, type Nakshatra, type DashaLord, type NakshatraPosition,
} from './vedic/nakshatra.js';
export {
  DASHA_YEARS, vimshottariDasha, vimshottariDashaOfChart, vimshottariFromMoon,
  type DashaYear, type DashaPeriod, type DashaBalance, type DashaOptions, type VimshottariResult,
} from './vedic/dasha.js';
export { DIVISIONS, divisionalChart, divisionalSign, type Division, type DivisionalChart, type DivisionalPosition } from './vedic/divisional.js';
export {
  panchang, TITHI_NAMES, PAKSHAS, YOGAS, KARANAS, WEEKDAYS,
  type Panchang, type TithiName, type Paksha, type Yoga, type Karana, type Weekday, type WeekdayLord,
} from './vedic/panchang.js';
export { moonPhase, LUNAR_PHASE_NAMES, type MoonPhase, type LunarPhaseName } from './sky/moon-phase.js';
export { riseSet, RISE_SET_BODIES, type RiseSet, type RiseSetBody } from './sky/rise-set.js';
export { planetaryHours, type PlanetaryHour } from './sky/planetary-hours.js';
export { astrocartography, ACG_ANGLES, type AcgAngle, type AstrocartographyLine, type GeoPoint } from './sky/astrocartography.js';
export {
  ephemerisTable, ephemerisRows, validateEphemerisTable, parseStep, MAX_EPHEMERIS_ROWS,
  type EphemerisRow, type EphemerisTableRequest, type ValidEphemerisTable,
} from './sky/ephemeris-table.js';
export { profections, profectionAt, PROFECTION_POINTS, type Profection, type ProfectionPoint } from './hellenistic/profections.js';
export {
  zodiacalReleasing, RELEASING_LOTS, RELEASING_YEARS, MAX_RELEASING_PERIODS,
  type ReleasingPeriod, type ReleasingLot, type ReleasingYear, type ReleasingOptions,
} from './hellenistic/zodiacal-releasing.js';
export { firdaria, FIRDARIA_VARIANTS, FIRDARIA_LORDS, type FirdariaPeriod, type FirdariaVariant, type FirdariaLord } from './hellenistic/firdaria.js';
export { chartDistribution, type ChartDistribution, type DistributionCount, type ZodiacElement, type Modality, type Hemisphere } from './analytics/distribution.js';
export { chartPatterns, PATTERN_TYPES, type AspectPattern, type PatternType, type PatternOptions } from './analytics/patterns.js';
export { chartShape, CHART_SHAPES, SHAPE_LIMITS, type ChartShape, type ChartShapeType } from './analytics/shape.js';
