/**
 * Progressions and solar-arc directions.
 *
 * Progressed moment (symbolic time keys; Robert Hand, Planets in Transit; Hamblin, Progressions):
 * - SECONDARY: one day after birth for each year of life, a year being the tropical year
 *   365.242190 days (Meeus ch. 27 mean tropical year at J2000): tp = t0 + (t − t0) / 365.24219.
 * - TERTIARY (Troinski): one day after birth per tropical month of life (27.321582 days):
 *   tp = t0 + (t − t0) / 27.321582.
 * - MINOR: one tropical month after birth per year of life: tp = t0 + (t − t0) · 27.321582 / 365.24219.
 * (The old service returned the transiting chart at t instead: see the regression test.)
 *
 * Progressed angles are directed, not recomputed at tp for the birthplace (that would turn the MC
 * ≈ 361° per progressed day): SOLAR_ARC (default) adds the solar arc (progressed Sun − natal Sun)
 * to the natal MC in longitude; NAIBOD adds Naibod's mean rate 0.98564733° (the Sun's mean daily
 * motion, 59′08.33″) per progressed day to the natal ARMC (in right ascension). The Ascendant and
 * cusps follow from the directed MC/ARMC at the natal latitude with the house system.
 *
 * Solar-arc directions: every natal point (bodies and angles) advanced by the solar arc
 * arc = λ☉(progressed) − λ☉(natal) (secondary progression), measured forward, [0, 360).
 * (The old service used the transiting Sun, off by hundreds of degrees.)
 */
import type { Chart, ChartRequest, ChartPoint, ResolvedMoment } from '../types.js';
import { ValidationError } from '../../errors.js';
import { momentFromJulianDayUt, momentFromUtc } from '../time.js';
import {
  assembleChart, ayanamsaAt, housesFromArmc, housesFromMidheaven, natalChart, normalizeChartRequest, positionsAt,
  type NormalizedChartRequest,
} from './cast.js';
import { julianDayFromDate, normalizeDegrees, signOf, signLongitudeOf } from './angles.js';
import type { HousesResult } from '../houses.js';

export const PROGRESSION_METHODS = ['SECONDARY', 'TERTIARY', 'MINOR'] as const;
export type ProgressionMethod = (typeof PROGRESSION_METHODS)[number];
export const PROGRESSED_ANGLE_METHODS = ['SOLAR_ARC', 'NAIBOD'] as const;
export type ProgressedAngleMethod = (typeof PROGRESSED_ANGLE_METHODS)[number];

/** Mean tropical year, days (Meeus, Astronomical Algorithms ch. 27, at J2000). */
export const TROPICAL_YEAR_DAYS = 365.24219;
/** Mean tropical month, days (Meeus ch. 49 context; 27d 7h 43m 4.7s). */
export const TROPICAL_MONTH_DAYS = 27.321582;
/** Naibod's rate: the Sun's mean motion, degrees per day (0°59′08.33″). */
export const NAIBOD_DEGREES_PER_DAY = 0.98564733;

/**
 * Progressed Julian day (UT) for a natal Julian day and a target Julian day.
 * @returns tp, days; for SECONDARY about t0 + age in years (in days)
 */
export function progressedJulianDay(natalJd: number, targetJd: number, method: ProgressionMethod): number {
  const elapsed = targetJd - natalJd;
  switch (method) {
    case 'SECONDARY': return natalJd + elapsed / TROPICAL_YEAR_DAYS;
    case 'TERTIARY': return natalJd + elapsed / TROPICAL_MONTH_DAYS;
    case 'MINOR': return natalJd + (elapsed * TROPICAL_MONTH_DAYS) / TROPICAL_YEAR_DAYS;
  }
}

export interface ProgressionRequest {
  natal: ChartRequest;
  /** The instant of life the progression is for. */
  target: Date;
  method?: ProgressionMethod;
  angles?: ProgressedAngleMethod;
}

export interface ProgressedChart {
  method: ProgressionMethod;
  angleMethod: ProgressedAngleMethod;
  /** The ephemeris instant whose positions are the progressed ones. */
  progressedMoment: ResolvedMoment;
  /** Age at `target` in tropical years. */
  ageYears: number;
  /** Progressed Sun − natal Sun, degrees [0, 360). */
  solarArcDegrees: number;
  /** Arc added to the natal angles, degrees (solar arc or Naibod). */
  angleArcDegrees: number;
  /** Progressed positions; houses from the directed angles (when the natal chart has a location). */
  chart: Chart;
}

function checkTarget(target: Date, field: string): number {
  if (!(target instanceof Date) || Number.isNaN(target.getTime())) throw new ValidationError(field, 'invalid target date');
  momentFromUtc(target, field);
  return julianDayFromDate(target);
}

/** Geocentric Sun in the chart's zodiac (the solar arc is geocentric whatever the chart's centre). */
function sunLongitude(n: NormalizedChartRequest, m: ResolvedMoment): number {
  return positionsAt({ ...n, center: 'GEOCENTRIC' }, m, ['SUN'], null)[0].longitude;
}

/**
 * Progressed chart (secondary by default) for `target`, with angles directed by solar arc (default)
 * or Naibod. The chart's `moment` is the progressed moment.
 * @throws ValidationError for an invalid target or a progressed moment outside 1000–2999
 */
export function progressedChart(req: ProgressionRequest): ProgressedChart {
  const method = req.method ?? 'SECONDARY';
  if (!(PROGRESSION_METHODS as readonly string[]).includes(method)) throw new ValidationError('method', `unknown progression method ${method}`);
  const angleMethod = req.angles ?? 'SOLAR_ARC';
  if (!(PROGRESSED_ANGLE_METHODS as readonly string[]).includes(angleMethod)) throw new ValidationError('angles', `unknown angle method ${angleMethod}`);
  const n = normalizeChartRequest(req.natal, 'natal');
  const targetJd = checkTarget(req.target, 'target');
  const natalJd = n.moment.julianDayUt;
  const progressedMoment = momentFromJulianDayUt(progressedJulianDay(natalJd, targetJd, method), 'target');
  const positions = positionsAt(n, progressedMoment);
  const solarArc = normalizeDegrees(sunLongitude(n, progressedMoment) - sunLongitude(n, n.moment));
  let houses: HousesResult | null = null;
  let angleArc = solarArc;
  if (n.location) {
    const natal = natalChart(n).houses!;
    if (angleMethod === 'SOLAR_ARC') {
      const natalMcTropical = natal.midheaven + ayanamsaAt(n, n.moment);
      houses = housesFromMidheaven(n, natalMcTropical + solarArc, n.location.latitude, progressedMoment);
    } else {
      angleArc = (progressedMoment.julianDayUt - natalJd) * NAIBOD_DEGREES_PER_DAY;
      houses = housesFromArmc(n, natal.armc + angleArc, n.location.latitude, progressedMoment);
    }
  } else if (angleMethod === 'NAIBOD') {
    angleArc = (progressedMoment.julianDayUt - natalJd) * NAIBOD_DEGREES_PER_DAY;
  }
  return {
    method,
    angleMethod,
    progressedMoment,
    ageYears: (targetJd - natalJd) / TROPICAL_YEAR_DAYS,
    solarArcDegrees: solarArc,
    angleArcDegrees: normalizeDegrees(angleArc),
    chart: assembleChart(n, progressedMoment, positions, houses),
  };
}

export interface DirectedPoint {
  point: ChartPoint;
  natalLongitude: number;
  /** natal + arc, degrees [0, 360). */
  longitude: number;
  sign: ReturnType<typeof signOf>;
  signLongitude: number;
}

export interface SolarArcDirections {
  target: Date;
  ageYears: number;
  /** Secondary-progressed Sun − natal Sun, degrees [0, 360). */
  solarArcDegrees: number;
  progressedMoment: ResolvedMoment;
  points: DirectedPoint[];
}

/**
 * Solar-arc directions for `target`: arc = secondary-progressed Sun − natal Sun; every natal body
 * and (with a location) the Ascendant and Midheaven advanced by the arc.
 */
export function solarArcDirections(natal: ChartRequest, target: Date): SolarArcDirections {
  const n = normalizeChartRequest(natal, 'natal');
  const targetJd = checkTarget(target, 'target');
  const progressedMoment = momentFromJulianDayUt(progressedJulianDay(n.moment.julianDayUt, targetJd, 'SECONDARY'), 'target');
  const arc = normalizeDegrees(sunLongitude(n, progressedMoment) - sunLongitude(n, n.moment));
  const { chart } = natalChart(n);
  const natalPoints: { point: ChartPoint; longitude: number }[] = chart.positions.map((p) => ({ point: p.body, longitude: p.longitude }));
  if (chart.houses) {
    natalPoints.push({ point: 'ASCENDANT', longitude: chart.houses.ascendant }, { point: 'MIDHEAVEN', longitude: chart.houses.midheaven });
  }
  return {
    target,
    ageYears: (targetJd - n.moment.julianDayUt) / TROPICAL_YEAR_DAYS,
    solarArcDegrees: arc,
    progressedMoment,
    points: natalPoints.map((p) => {
      const l = normalizeDegrees(p.longitude + arc);
      return { point: p.point, natalLongitude: p.longitude, longitude: l, sign: signOf(l), signLongitude: signLongitudeOf(l) };
    }),
  };
}
