/**
 * Chart assembly for the techniques: positions at a resolved moment, houses either computed for a
 * place or supplied (progressed angles, composite houses), aspects among bodies and the two main
 * angles. Same building blocks as the chart module (positions.ts, houses.ts, aspects.ts).
 */
import type {
  Ayanamsa, Body, Center, Chart, ChartRequest, GeoLocation, HouseSystem, Position, ResolvedMoment, Zodiac,
} from '../types.js';
import { computePositions } from '../positions.js';
import { computeHouses, computeHousesFromArmc, houseOfLongitude, type HousesResult } from '../houses.js';
import { findAspects, type AspectPoint, type ResolvedAspectOptions } from '../aspects.js';
import { momentPlaceOf, validateChartRequest } from '../validate.js';
import { ayanamsaDegrees } from '../sidereal-bridge.js';
import { resolveMoment } from '../time.js';
import { ValidationError, withFieldPrefix } from '../../errors.js';
import { trueObliquityDegrees } from './declinations.js';
import { normalizeDegrees } from './angles.js';

/** A chart request with defaults applied and options validated once. */
export interface NormalizedChartRequest {
  moment: ResolvedMoment;
  location: GeoLocation | null;
  bodies: Body[];
  houseSystem: HouseSystem;
  zodiac: Zodiac;
  ayanamsa: Ayanamsa | undefined;
  center: Center;
  aspects: ResolvedAspectOptions;
}

/**
 * Validates a chart request with the chart module's validator (validate.ts: bodies SUN…PLUTO,
 * MEAN_NODE, MEAN_LILITH, CHIRON; PLACIDUS; TROPICAL; GEOCENTRIC; location ranges) and resolves its
 * moment. `field` names the chart within the technique's input ("natal", "first" …; '' when the
 * chart is the whole input); every error field is put under it ("natal.location.latitude").
 */
export function normalizeChartRequest(req: ChartRequest, field = ''): NormalizedChartRequest {
  if (!req || typeof req !== 'object') throw new ValidationError(field, 'a chart input is required');
  return withFieldPrefix(field, () => {
    const v = validateChartRequest(req);
    return {
      moment: resolveMoment(v.moment, 'moment', momentPlaceOf(v.location)),
      location: v.location,
      bodies: v.bodies,
      houseSystem: v.houseSystem,
      zodiac: v.zodiac,
      ayanamsa: v.ayanamsa ?? undefined,
      center: v.center,
      aspects: v.aspects,
    };
  });
}

/** Ayanamsa (degrees, with nutation) to subtract for the sidereal zodiac, or 0 when tropical. */
export function ayanamsaAt(n: Pick<NormalizedChartRequest, 'zodiac' | 'ayanamsa'>, moment: ResolvedMoment): number {
  return n.zodiac === 'SIDEREAL' && n.ayanamsa ? ayanamsaDegrees(n.ayanamsa, moment.julianDayTt, { withNutation: true }) : 0;
}

/** Positions of `bodies` at `moment` with the request's frame (centre, zodiac). */
export function positionsAt(n: NormalizedChartRequest, moment: ResolvedMoment, bodies: readonly Body[] = n.bodies, location: GeoLocation | null = n.location): Position[] {
  return computePositions(moment, bodies, {
    center: n.center,
    ...(location ? { location } : {}),
    zodiac: n.zodiac,
    ...(n.ayanamsa ? { ayanamsa: n.ayanamsa } : {}),
  });
}

/** Houses for the request's system at `moment` and `location` (sidereal when asked). */
export function housesAt(n: NormalizedChartRequest, moment: ResolvedMoment, location: GeoLocation): HousesResult {
  const ay = ayanamsaAt(n, moment);
  return computeHouses(moment, location, n.houseSystem, ay ? { ayanamsaDegrees: ay } : undefined);
}

/**
 * Right ascension of an ecliptic point with β = 0 (Meeus eq. 13.3): tan α = cos ε · tan λ,
 * α in the same quadrant half as λ. Degrees [0, 360).
 */
export function rightAscensionOfEclipticPoint(longitude: number, obliquityDeg: number): number {
  const l = (longitude * Math.PI) / 180, e = (obliquityDeg * Math.PI) / 180;
  return normalizeDegrees((Math.atan2(Math.cos(e) * Math.sin(l), Math.cos(l)) * 180) / Math.PI);
}

/**
 * Houses from a given Midheaven (tropical longitude, degrees) at a latitude: ARMC = RA of the MC
 * (Meeus eq. 13.3 with β = 0), then the house system from the ARMC (houses.ts). Used for progressed
 * angles and composite houses. `jdUtForObliquity` fixes the true obliquity used.
 */
export function housesFromMidheaven(
  n: Pick<NormalizedChartRequest, 'houseSystem' | 'zodiac' | 'ayanamsa'>,
  midheavenTropical: number,
  latitude: number,
  moment: ResolvedMoment,
): HousesResult {
  const eps = trueObliquityDegrees(moment.julianDayUt);
  return housesAtArmc(n, rightAscensionOfEclipticPoint(midheavenTropical, eps), latitude, eps, moment);
}

/** Houses from a given ARMC (degrees) at a latitude with the true obliquity at `moment`. */
export function housesFromArmc(
  n: Pick<NormalizedChartRequest, 'houseSystem' | 'zodiac' | 'ayanamsa'>,
  armc: number,
  latitude: number,
  moment: ResolvedMoment,
): HousesResult {
  return housesAtArmc(n, normalizeDegrees(armc), latitude, trueObliquityDegrees(moment.julianDayUt), moment);
}

function housesAtArmc(
  n: Pick<NormalizedChartRequest, 'houseSystem' | 'zodiac' | 'ayanamsa'>,
  armc: number,
  latitude: number,
  eps: number,
  moment: ResolvedMoment,
): HousesResult {
  const ay = ayanamsaAt(n, moment);
  return computeHousesFromArmc(armc, latitude, eps, n.houseSystem, ay ? { ayanamsaDegrees: ay } : undefined);
}

/** Strips the angle speeds from a HousesResult: the public Houses shape. */
function publicHouses(h: HousesResult) {
  return {
    system: h.system, requestedSystem: h.requestedSystem, cusps: [...h.cusps], ascendant: h.ascendant,
    midheaven: h.midheaven, descendant: h.descendant, imumCoeli: h.imumCoeli, vertex: h.vertex, armc: h.armc,
    warnings: [...h.warnings],
  };
}

/** Aspect points of a chart: its bodies plus ASCENDANT and MIDHEAVEN when houses exist. */
export function aspectPoints(positions: readonly Position[], houses: HousesResult | null): AspectPoint[] {
  const pts: AspectPoint[] = positions.map((p) => ({ point: p.body, longitude: p.longitude, longitudeSpeed: p.longitudeSpeed }));
  if (houses) {
    pts.push({ point: 'ASCENDANT', longitude: houses.ascendant, longitudeSpeed: houses.ascendantSpeed });
    pts.push({ point: 'MIDHEAVEN', longitude: houses.midheaven, longitudeSpeed: houses.midheavenSpeed });
  }
  return pts;
}

/**
 * Assembles a chart: fills each position's house from `houses` (when given) and finds the aspects
 * among bodies and angles with the request's options.
 */
export function assembleChart(n: NormalizedChartRequest, moment: ResolvedMoment, positions: Position[], houses: HousesResult | null): Chart {
  const withHouses = houses ? positions.map((p) => ({ ...p, house: houseOfLongitude(p.longitude, houses.cusps) })) : positions;
  return {
    moment,
    positions: withHouses,
    houses: houses ? publicHouses(houses) : null,
    aspects: findAspects(aspectPoints(withHouses, houses), n.aspects),
  };
}

/** A full chart at `moment` (houses when a location is known), with the request's settings. */
export function chartAt(n: NormalizedChartRequest, moment: ResolvedMoment, location: GeoLocation | null = n.location): Chart {
  const positions = positionsAt(n, moment, n.bodies, location);
  const houses = location ? housesAt(n, moment, location) : null;
  return assembleChart(n, moment, positions, houses);
}

/** Natal chart and its raw houses (with angle speeds) for a request. */
export function natalChart(n: NormalizedChartRequest): { chart: Chart; houses: HousesResult | null } {
  const positions = positionsAt(n, n.moment);
  const houses = n.location ? housesAt(n, n.moment, n.location) : null;
  return { chart: assembleChart(n, n.moment, positions, houses), houses };
}
