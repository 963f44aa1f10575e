/**
 * Public API of the ephemeris module (pure calculations, no I/O). Other layers import from here.
 */
export * from './types.js';
export {
  resolveMoment, momentFromUtc, momentFromJulianDayUt, julianDayFromDate, dateFromJulianDay, zoneOffsetMs,
  SUPPORTED_RANGE_START, SUPPORTED_RANGE_END, SUPPORTED_RANGE_TEXT,
} from './time.js';
export { deltaTSecondsAtJdUt } from './deltat.js';
export { computePositions, type PositionOptions } from './positions.js';
export { computeChart, computeChartHouses, computeValidChart } from './chart.js';
export { validateChartRequest, validateLocation, ELEVATION_RANGE_METERS, type ValidChartRequest } from './validate.js';
export { computeHouses, houseOfLongitude, type HousesResult, type HousesOptions } from './houses.js';
export {
  findAspects, findAspectsBetween, resolveAspectOptions, type AspectPoint, type ResolvedAspectOptions,
} from './aspects.js';
export { ayanamsaDegrees } from './sidereal-bridge.js';
