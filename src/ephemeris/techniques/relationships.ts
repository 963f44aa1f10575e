/**
 * Relationship techniques: synastry, composite chart, Davison chart.
 *
 * - Synastry: aspects between the points of two charts (A's point first), with the aspect options of
 *   the request (types, orbs, orb multiplier), and each chart's bodies placed in the other's houses.
 * - Composite (Robert Hansen / John Townley, 1970s; Hand, Planets in Composite, 1975): each body at
 *   the shorter-arc midpoint of its two natal longitudes; the composite MC is the shorter-arc
 *   midpoint of the two MCs and the houses are derived from it (ARMC = RA of the composite MC with
 *   the true obliquity at the mean instant) at the mean of the two latitudes — the usual "derived
 *   Ascendant" method, not the midpoint of the Ascendants.
 * - Davison (Ronald Davison, Synastry, 1977): a real chart cast for the midpoint in time (mean Julian
 *   day UT) and in place (mean latitude; mean longitude along the shorter arc).
 */
import type { Aspect, Body, Chart, ChartRequest, GeoLocation, Position } from '../types.js';
import { ValidationError } from '../../errors.js';
import { findAspectsBetween, resolveAspectOptions } from '../aspects.js';
import { houseOfLongitude } from '../houses.js';
import { momentFromJulianDayUt } from '../time.js';
import type { AspectOptions } from '../types.js';
import {
  aspectPoints, assembleChart, ayanamsaAt, chartAt, housesFromMidheaven, natalChart, normalizeChartRequest,
} from './cast.js';
import { normalizeDegrees, shortArcMidpoint, signedSeparationDegrees, signOf, signLongitudeOf } from './angles.js';

export interface HouseOverlay {
  /** Whose body: 'A' (first chart) or 'B'. */
  owner: 'A' | 'B';
  body: Body;
  longitude: number;
  /** House of the other chart the body falls in, 1..12. */
  house: number;
}

export interface SynastryResult {
  first: Chart;
  second: Chart;
  /** Aspects with `first` a point of chart A and `second` a point of chart B. */
  aspects: Aspect[];
  /** A's bodies in B's houses and B's bodies in A's houses (only where the other chart has houses). */
  overlays: HouseOverlay[];
}

/**
 * Synastry between two charts.
 * @param aspects aspect options (types, orbs, orbMultiplier); default: chart A's options
 */
export function synastry(a: ChartRequest, b: ChartRequest, aspects?: AspectOptions): SynastryResult {
  const na = normalizeChartRequest(a, 'first');
  const nb = normalizeChartRequest(b, 'second');
  if (na.zodiac !== nb.zodiac) throw new ValidationError('second.zodiac', 'both charts must use the same zodiac');
  const ca = natalChart(na), cb = natalChart(nb);
  const opts = aspects ? resolveAspectOptions(aspects, 'aspects') : na.aspects;
  const overlays: HouseOverlay[] = [];
  const place = (owner: 'A' | 'B', positions: Position[], cusps: readonly number[] | undefined) => {
    if (!cusps) return;
    for (const p of positions) overlays.push({ owner, body: p.body, longitude: p.longitude, house: houseOfLongitude(p.longitude, cusps) });
  };
  place('A', ca.chart.positions, cb.houses?.cusps);
  place('B', cb.chart.positions, ca.houses?.cusps);
  return {
    first: ca.chart,
    second: cb.chart,
    aspects: findAspectsBetween(aspectPoints(ca.chart.positions, ca.houses), aspectPoints(cb.chart.positions, cb.houses), opts),
    overlays,
  };
}

function midLocation(a: GeoLocation, b: GeoLocation): GeoLocation {
  return {
    latitude: (a.latitude + b.latitude) / 2,
    longitude: signedSeparationDegrees(shortArcMidpoint(a.longitude, b.longitude), 0),
    elevationMeters: ((a.elevationMeters ?? 0) + (b.elevationMeters ?? 0)) / 2,
  };
}

/**
 * Composite chart: shorter-arc midpoints of the bodies both charts contain (chart A's body list and
 * settings), houses from the composite MC at the mean latitude when both charts have a location.
 * The chart's moment is the mean instant (used only for the obliquity); speeds are the mean speeds.
 */
export function compositeChart(a: ChartRequest, b: ChartRequest): Chart {
  const na = normalizeChartRequest(a, 'first');
  const nb = normalizeChartRequest({ ...b, bodies: na.bodies, zodiac: na.zodiac, ...(na.ayanamsa ? { ayanamsa: na.ayanamsa } : {}) }, 'second');
  const ca = natalChart(na), cb = natalChart(nb);
  const mean = momentFromJulianDayUt((na.moment.julianDayUt + nb.moment.julianDayUt) / 2);
  const positions: Position[] = ca.chart.positions.map((pa, i) => {
    const pb = cb.chart.positions[i];
    const longitude = shortArcMidpoint(pa.longitude, pb.longitude);
    const longitudeSpeed = (pa.longitudeSpeed + pb.longitudeSpeed) / 2;
    return {
      body: pa.body, longitude, latitude: (pa.latitude + pb.latitude) / 2, distanceAu: (pa.distanceAu + pb.distanceAu) / 2,
      longitudeSpeed, latitudeSpeed: (pa.latitudeSpeed + pb.latitudeSpeed) / 2,
      rightAscension: shortArcMidpoint(pa.rightAscension, pb.rightAscension), declination: (pa.declination + pb.declination) / 2,
      retrograde: longitudeSpeed < 0, sign: signOf(longitude), signLongitude: signLongitudeOf(longitude), house: null,
    };
  });
  let houses = null;
  if (ca.houses && cb.houses && na.location && nb.location) {
    const ay = ayanamsaAt(na, mean);
    const mcTropical = normalizeDegrees(shortArcMidpoint(ca.houses.midheaven, cb.houses.midheaven) + ay);
    houses = housesFromMidheaven(na, mcTropical, midLocation(na.location, nb.location).latitude, mean);
  }
  return assembleChart(na, mean, positions, houses);
}

/**
 * Davison relationship chart: a chart for the mean instant (UT) at the mid-place, with chart A's
 * settings (bodies, house system, zodiac, aspects).
 */
export function davisonChart(a: ChartRequest, b: ChartRequest): Chart {
  const na = normalizeChartRequest(a, 'first');
  const nb = normalizeChartRequest(b, 'second');
  const mean = momentFromJulianDayUt((na.moment.julianDayUt + nb.moment.julianDayUt) / 2);
  const location = na.location && nb.location ? midLocation(na.location, nb.location) : null;
  return chartAt(na, mean, location);
}
