/**
 * Planetary returns (solar, lunar, any body): the instant the body comes back to its natal
 * longitude, next after or last before a given instant, and the chart cast for it.
 *
 * Root finding on the body's longitude from the chart module (`computePositions`, same frame and
 * zodiac as the natal chart, so the return chart's body equals the natal one to < 0.01″):
 * speed-aware bracketing (search.ts `findNextCrossing`: jumps by remaining arc / maximum speed,
 * then samples at the body's step), refinement by Illinois regula falsi to 1e-7 day (0.01 s).
 * Returned instants are rounded to the millisecond. A solar return costs ≈ 20–30 position
 * evaluations (milliseconds).
 */
import type { Body, Chart, ChartRequest, GeoLocation, LocationRequest, ResolvedMoment } from '../types.js';
import { OutOfRangeError, ValidationError } from '../../errors.js';
import { momentFromJulianDayUt, momentFromUtc } from '../time.js';
import { validateLocation } from '../validate.js';
import { findNextCrossingOf } from '../events/search.js';
import { bodyMotion } from '../events/body-longitude.js';
import { chartAt, normalizeChartRequest, positionsAt, type NormalizedChartRequest } from './cast.js';
import { julianDayFromDate } from './angles.js';

export interface ReturnRequest {
  natal: ChartRequest;
  body: Body;
  /** Find the first return strictly after this instant … */
  after?: Date;
  /** … or the last one strictly before it. Exactly one of `after` / `before`. */
  before?: Date;
  /** Where the return chart is cast (houses, topocentric positions). Default: the natal location. */
  location?: LocationRequest | null;
}

export interface ReturnChart {
  body: Body;
  /** The natal longitude the body returns to, degrees [0, 360) (natal zodiac). */
  natalLongitude: number;
  /** The return chart; `chart.moment.utc` is the exact return. */
  chart: Chart;
}

/** Bodies that return: not the nodes' mirror point alone but every body with a longitude. */
function searchLimitDays(body: Body): number {
  switch (body) {
    case 'MOON': return 40;
    case 'SUN': return 400;
    case 'MERCURY': case 'VENUS': return 800;
    case 'MARS': return 1000;
    default: return 600 * 365.25; // the range check stops the search at the supported range
  }
}

/**
 * Finds the exact return of `body` to its natal longitude.
 * @returns the return instant as a resolved moment, or throws NOT_FOUND-like ValidationError when
 *   no return lies in the supported range (1000–2999) in that direction
 * @throws ValidationError (fields `after`, `before`, `body`)
 */
export function findReturnMoment(n: NormalizedChartRequest, body: Body, natalLongitude: number, from: Date, direction: 1 | -1): ResolvedMoment {
  const lon = (jd: number) => positionsAt(n, momentFromJulianDayUt(jd), [body], n.center === 'TOPOCENTRIC' ? n.location : null)[0].longitude;
  const startJd = julianDayFromDate(from);
  let root: number | null = null;
  try {
    const r = findNextCrossingOf(lon, bodyMotion(body), natalLongitude, startJd, direction, searchLimitDays(body));
    root = r ? r.jd : null;
  } catch (e) {
    // Sampling beyond 1000–2999: no return in range.
    if (e instanceof OutOfRangeError) root = null;
    else throw e;
  }
  if (root === null) {
    throw new ValidationError(direction > 0 ? 'after' : 'before', `no ${body} return found in the supported range ${direction > 0 ? 'after' : 'before'} ${from.toISOString()}`);
  }
  // Millisecond instant (the public moment); keep the chart consistent with it.
  return momentFromUtc(new Date(Math.round((root - 2440587.5) * 86_400_000)));
}

/** A return request checked: what the search and the chart are computed from. */
export interface CheckedReturn {
  n: NormalizedChartRequest;
  /** The body's natal longitude, degrees [0, 360) (natal zodiac). */
  natalLongitude: number;
  /** The instant the search starts from, and its direction (1: after, −1: before). */
  from: Date;
  direction: 1 | -1;
  /** Where the return chart is cast. */
  location: GeoLocation | null;
}

/**
 * Checks a return request (the first thing `planetaryReturn` does; cheap: the natal positions of
 * the body, no search).
 * @throws ValidationError (fields `after`, `before`, `body`, `natal.…`, `location.…`)
 */
export function checkPlanetaryReturn(req: ReturnRequest): CheckedReturn {
  const hasAfter = req.after !== undefined && req.after !== null;
  const hasBefore = req.before !== undefined && req.before !== null;
  if (hasAfter === hasBefore) throw new ValidationError('after', 'give exactly one of `after` or `before`');
  const n = normalizeChartRequest(req.natal, 'natal');
  let natalPos;
  try {
    natalPos = positionsAt(n, n.moment, [req.body])[0]!;
  } catch (e) {
    if (e instanceof ValidationError && e.field === 'bodies') throw new ValidationError('body', e.message, { cause: e });
    throw e;
  }
  const from = (hasAfter ? req.after : req.before)!;
  momentFromUtc(from, hasAfter ? 'after' : 'before'); // range check
  const location = req.location ? validateLocation(req.location, 'location') : n.location;
  return { n, natalLongitude: natalPos.longitude, from, direction: hasAfter ? 1 : -1, location };
}

/**
 * Planetary return chart (solar, lunar, Saturn … returns): cast for `location` (default natal) with
 * the natal chart's settings (bodies, house system, zodiac, centre, aspect options).
 * Example (the worked example of docs/techniques.md): birth 2024-03-20T12:00Z, solar return before 2023-12-31 → 2023-03-21 06:17 UTC.
 * @throws ValidationError as checkPlanetaryReturn, or `after` / `before` when no return lies in the supported range
 */
export function planetaryReturn(req: ReturnRequest): ReturnChart {
  const { n, natalLongitude, from, direction, location } = checkPlanetaryReturn(req);
  const moment = findReturnMoment(n, req.body, natalLongitude, from, direction);
  return { body: req.body, natalLongitude, chart: chartAt(n, moment, location) };
}
