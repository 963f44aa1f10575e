/**
 * computeChart: one request → moment, positions (each body computed once), houses (when a location
 * is given), house numbers, aspects among the bodies and the ascendant/midheaven.
 */
import { ValidationError } from '../errors.js';
import { findAspects, type AspectPoint } from './aspects.js';
import { computeHouses, houseLocator, type HousesResult } from './houses.js';
import { computePositions } from './positions.js';
import { ayanamsaDegrees } from './sidereal-bridge.js';
import { resolveMoment } from './time.js';
import type { Chart, ChartRequest, Houses, ResolvedMoment } from './types.js';
import { momentPlaceOf, validateChartRequest, type ValidChartRequest } from './validate.js';

function housesOf(valid: ValidChartRequest, moment: ResolvedMoment): HousesResult | null {
  if (!valid.location) return null;
  const opts = valid.zodiac === 'SIDEREAL' && valid.ayanamsa
    ? { ayanamsaDegrees: ayanamsaDegrees(valid.ayanamsa, moment.julianDayTt, { withNutation: true }) }
    : undefined;
  return computeHouses(moment, valid.location, valid.houseSystem, opts);
}

function publicHouses(h: HousesResult): Houses {
  return {
    system: h.system,
    requestedSystem: h.requestedSystem,
    cusps: h.cusps,
    ascendant: h.ascendant,
    midheaven: h.midheaven,
    descendant: h.descendant,
    imumCoeli: h.imumCoeli,
    vertex: h.vertex,
    armc: h.armc,
    warnings: h.warnings,
  };
}

/**
 * Computes a chart.
 *
 * Positions: ecliptic of date, true equinox (tropical) or minus the true ayanamsa (sidereal),
 * degrees and degrees/day; houses and angles in the same zodiac; aspects between all bodies
 * and, when houses exist, the ASCENDANT and MIDHEAVEN (with their daily motions for
 * applying/separating). Defaults: DEFAULT_BODIES, PLACIDUS, TROPICAL, GEOCENTRIC, all aspect types.
 * Supported range 1000-01-01 … 2999-12-31 UTC (the moment's `ephemeris` names the engine).
 *
 * @throws ValidationError / OutOfRangeError naming the ChartInput field ('moment.utc',
 *   'location.latitude', 'bodies', 'ayanamsa', 'aspects.orbs.TRINE' …); CalculationError when a
 *   library fails.
 */
export function computeChart(req: ChartRequest): Chart {
  return computeValidChart(validateChartRequest(req));
}

/**
 * computeChart of a request that validateChartRequest already checked (the services validate once,
 * key their per-request cache with the valid request, then compute it).
 * @throws ValidationError / OutOfRangeError under 'moment' (the moment is resolved here); CalculationError
 */
export function computeValidChart(valid: ValidChartRequest): Chart {
  const moment = resolveMoment(valid.moment, 'moment', momentPlaceOf(valid.location));
  const positions = computePositions(moment, valid.bodies, {
    center: valid.center,
    location: valid.location ?? undefined,
    zodiac: valid.zodiac,
    ayanamsa: valid.ayanamsa ?? undefined,
  });
  const houses = housesOf(valid, moment);
  const points: AspectPoint[] = positions.map((p) => ({ point: p.body, longitude: p.longitude, longitudeSpeed: p.longitudeSpeed }));
  if (houses) {
    const houseOf = houseLocator(houses.cusps);
    for (const p of positions) p.house = houseOf(p.longitude);
    points.push({ point: 'ASCENDANT', longitude: houses.ascendant, longitudeSpeed: houses.ascendantSpeed });
    points.push({ point: 'MIDHEAVEN', longitude: houses.midheaven, longitudeSpeed: houses.midheavenSpeed });
  }
  const aspects = findAspects(points, valid.aspects);
  return { moment, positions, houses: houses ? publicHouses(houses) : null, aspects, location: valid.location };
}

/**
 * Houses of a chart request (the `houses` query): like computeChart without positions.
 * @throws ValidationError('location') when the request has no location.
 */
export function computeChartHouses(req: ChartRequest): Houses {
  const valid = validateChartRequest({ ...req, aspects: undefined });
  if (!valid.location) throw new ValidationError('location', 'Houses need a location (latitude, longitude)');
  const moment = resolveMoment(valid.moment, 'moment', momentPlaceOf(valid.location));
  return publicHouses(housesOf(valid, moment) as HousesResult);
}
