/**
 * Astrocartography (Jim Lewis' A*C*G, 1976): the places on Earth where a body was on one of the
 * four angles at an instant.
 *
 * - MC line: the meridian where the body culminates, i.e. where its apparent right ascension α
 *   equals the local apparent sidereal time: east longitude λ = α − GAST (reduced to
 *   [−180, 180)); the IC line is the opposite meridian. Both are meridians at every latitude.
 * - ASC / DSC lines: where the body is on the horizon, rising / setting. With declination δ and
 *   latitude φ the semi-diurnal arc is H₀ = arccos(−tan φ · tan δ) (Meeus, "Astronomical
 *   Algorithms", 2nd ed., eq. 15.1 with h₀ = 0), defined where |tan φ · tan δ| ≤ 1, i.e.
 *   |φ| ≤ 90° − |δ|; rising at hour angle −H₀ (λ = α − H₀ − GAST), setting at +H₀ (λ = α + H₀ − GAST).
 *   The two curves meet at the limiting latitudes, where the body just grazes the horizon.
 * Conventions: geocentric apparent α, δ of date (computePositions) and the geometric horizon
 * (no refraction, no parallax), "in mundo" as Lewis' maps; GAST from the house module (ARMC at
 * longitude 0). Sampling: every whole degree of latitude and every whole degree of H₀ (so
 * successive points differ by ≤ 1° in latitude, and by ≤ 1° in longitude where the curve turns
 * fast), plus the limiting latitudes; latitudes are kept within ±89.9°. Points are in order of
 * latitude, longitudes in [−180, 180) (a curve can cross the antimeridian between two points).
 */
import { fieldPath, ValidationError } from '../../errors.js';
import { BODIES, type Body, type ResolvedMoment } from '../types.js';
import { computePositions } from '../positions.js';
import { computeHouses } from '../houses.js';

export const ACG_ANGLES = ['MC', 'IC', 'ASC', 'DSC'] as const;
export type AcgAngle = (typeof ACG_ANGLES)[number];

/** Default bodies: the Sun, the Moon and the planets. */
export const DEFAULT_ACG_BODIES: readonly Body[] = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];

/** The GraphQL `GeoPoint`: geodetic latitude and east longitude, degrees. */
export interface GeoPoint { latitude: number; longitude: number }

/** The GraphQL `AstrocartographyLine`. */
export interface AstrocartographyLine {
  body: Body;
  angle: AcgAngle;
  /** East longitude of an MC or IC meridian, degrees [−180, 180); null for ASC/DSC. */
  longitude: number | null;
  /** The line as points (two for a meridian: its ends at ±89.9°). */
  points: GeoPoint[];
}

const DEG = Math.PI / 180;
const MAX_LATITUDE = 89.9;

/** Reduces degrees to [−180, 180). */
export function norm180(deg: number): number {
  const r = (((deg + 180) % 360) + 360) % 360;
  return r - 180;
}

/** Greenwich apparent sidereal time, degrees [0, 360): the house module's ARMC at longitude 0. */
export function greenwichSiderealDegrees(moment: ResolvedMoment): number {
  return computeHouses(moment, { latitude: 0, longitude: 0 }, 'EQUAL').armc;
}

/** Rising (ASC) and setting (DSC) curves of a body of right ascension `ra` and declination `dec` (degrees). */
export function horizonCurves(ra: number, dec: number, gastDegrees: number): { asc: GeoPoint[]; dsc: GeoPoint[] } {
  const tanDec = Math.tan(dec * DEG);
  const limit = Math.min(MAX_LATITUDE, 90 - Math.abs(dec));
  const lats = new Set<number>();
  for (let lat = Math.ceil(-limit); lat <= Math.floor(limit); lat++) lats.add(lat);
  lats.add(-limit);
  lats.add(limit);
  if (Math.abs(tanDec) > 1e-12) {
    for (let h = 1; h < 180; h++) {
      const lat = Math.atan(-Math.cos(h * DEG) / tanDec) / DEG;
      if (Math.abs(lat) <= limit) lats.add(lat);
    }
  }
  const sorted = [...lats].sort((a, b) => a - b);
  const asc: GeoPoint[] = [];
  const dsc: GeoPoint[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const lat of sorted) {
    if (lat - previous < 1e-9) continue;
    previous = lat;
    // At the limiting latitudes the body grazes the horizon: cos H is exactly ∓1 there, and acos
    // near ±1 would turn a rounding error of 1e-16 into 1e-6° of longitude.
    const cosH = Math.abs(lat) === limit && limit < MAX_LATITUDE
      ? -Math.sign(lat) * Math.sign(dec)
      : Math.max(-1, Math.min(1, -Math.tan(lat * DEG) * tanDec));
    const h0 = Math.acos(cosH) / DEG;
    asc.push({ latitude: lat, longitude: norm180(ra - h0 - gastDegrees) });
    dsc.push({ latitude: lat, longitude: norm180(ra + h0 - gastDegrees) });
  }
  return { asc, dsc };
}

/**
 * The MC, IC, ASC and DSC lines of `bodies` (default Sun…Pluto) at `moment`, four per body in
 * that order.
 * @throws ValidationError(`field`.bodies) for unknown or repeated bodies or an empty list
 */
export function astrocartography(moment: ResolvedMoment, bodies: readonly Body[] = DEFAULT_ACG_BODIES, field = ''): AstrocartographyLine[] {
  const list: readonly unknown[] = Array.isArray(bodies) ? bodies : [];
  if (list.length === 0) throw new ValidationError(fieldPath(field, 'bodies'), 'give at least one body');
  const seen = new Set<Body>();
  for (const b of list as readonly Body[]) {
    if (!(BODIES as readonly string[]).includes(b)) throw new ValidationError(fieldPath(field, 'bodies'), `unknown body "${String(b)}"`);
    if (seen.has(b)) throw new ValidationError(fieldPath(field, 'bodies'), `${b} is listed twice`);
    seen.add(b);
  }
  const gast = greenwichSiderealDegrees(moment);
  const positions = computePositions(moment, bodies, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
  const lines: AstrocartographyLine[] = [];
  for (const p of positions) {
    const mc = norm180(p.rightAscension - gast);
    const ic = norm180(mc + 180);
    const meridian = (lon: number): GeoPoint[] => [{ latitude: -MAX_LATITUDE, longitude: lon }, { latitude: MAX_LATITUDE, longitude: lon }];
    const { asc, dsc } = horizonCurves(p.rightAscension, p.declination, gast);
    lines.push(
      { body: p.body, angle: 'MC', longitude: mc, points: meridian(mc) },
      { body: p.body, angle: 'IC', longitude: ic, points: meridian(ic) },
      { body: p.body, angle: 'ASC', longitude: null, points: asc },
      { body: p.body, angle: 'DSC', longitude: null, points: dsc },
    );
  }
  return lines;
}
