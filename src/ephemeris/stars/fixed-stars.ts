/**
 * Fixed stars: apparent geocentric ecliptic positions of date (true equinox) for the 50 stars of
 * `data/fixed-stars-catalog.json`, and their conjunctions with chart points.
 *
 * Reduction (IERS Conventions / Explanatory Supplement to the Astronomical Almanac, 3rd ed., ch. 7):
 *   1. space motion from the catalogue epoch J2000.0 (TT): barycentric position in AU from RA, Dec and
 *      parallax, velocity from both proper-motion components and the radial velocity, propagated
 *      linearly (rigorous "space motion" method, Expl. Suppl. 7.2.2);
 *   2. annual parallax: subtract the Earth's barycentric position (astronomy-engine `BaryState`);
 *   3. annual aberration, first order in v/c (error ≤ (v/c)² ≈ 0.002″);
 *   4. frame bias ignored (ICRS vs J2000 mean equator, ≤ 0.02″), FK5 "2000" entries treated as ICRS
 *      (≤ 0.05″); gravitational light deflection by the Sun ignored (≤ 0.1″ more than 5° from the Sun,
 *      1.75″ at the limb);
 *   5. precession (IAU 2006) and nutation (IAU 2000B) with astronomy-engine's `Rotation_EQJ_ECT`.
 * Tested against Swiss Ephemeris `swe_fixstar2_ut` (tests/reference/fixed-stars.json): within 5″ from
 * 1850 to 2350 (see tests/reference/fixed-stars.test.ts for the worst error seen).
 */
import { Astronomy } from '../astro.js';
import catalogJson from './data/fixed-stars-catalog.json' with { type: 'json' };
import { C_AU_PER_DAY } from '../frames.js';
import type { ChartPoint } from '../types.js';
import { ValidationError } from '../../errors.js';
import { normalizeDegrees, signedSeparationDegrees } from '../techniques/angles.js';

interface CatalogRow {
  name: string;
  designation: string;
  frame: string;
  raHours: number;
  raMinutes: number;
  raSeconds: number;
  decDegrees: number;
  decSign: number;
  decMinutes: number;
  decSeconds: number;
  properMotionRaMasPerYear: number;
  properMotionDecMasPerYear: number;
  radialVelocityKmPerS: number;
  parallaxMas: number;
  magnitudeV: number;
}

/** One catalogue star, angles converted to degrees. */
export interface FixedStarEntry {
  name: string;
  /** Bayer-style designation, e.g. "alTau". */
  designation: string;
  /** ICRS right ascension at J2000.0, degrees [0, 360). */
  rightAscensionDeg: number;
  /** ICRS declination at J2000.0, degrees [-90, 90]. */
  declinationDeg: number;
  /** Proper motion in RA (includes cos δ), milliarcseconds per Julian year. */
  properMotionRaMasPerYear: number;
  properMotionDecMasPerYear: number;
  radialVelocityKmPerS: number;
  parallaxMas: number;
  magnitudeV: number;
}

/** Apparent position of a star at an instant. */
export interface FixedStarPosition {
  name: string;
  designation: string;
  /** Apparent geocentric ecliptic longitude of date (true equinox), degrees [0, 360). */
  longitude: number;
  /** Apparent geocentric ecliptic latitude of date, degrees [-90, 90]. */
  latitude: number;
  magnitudeV: number;
}

const rows = (catalogJson as { stars: CatalogRow[] }).stars;

/** The catalogue (50 stars), in file order. */
export const FIXED_STARS: readonly FixedStarEntry[] = rows.map((r) => ({
  name: r.name,
  designation: r.designation,
  rightAscensionDeg: 15 * (r.raHours + r.raMinutes / 60 + r.raSeconds / 3600),
  declinationDeg: (r.decSign < 0 ? -1 : 1) * (Math.abs(r.decDegrees) + r.decMinutes / 60 + r.decSeconds / 3600),
  properMotionRaMasPerYear: r.properMotionRaMasPerYear,
  properMotionDecMasPerYear: r.properMotionDecMasPerYear,
  radialVelocityKmPerS: r.radialVelocityKmPerS,
  parallaxMas: r.parallaxMas,
  magnitudeV: r.magnitudeV,
}));

export const FIXED_STAR_NAMES: readonly string[] = FIXED_STARS.map((s) => s.name);

const DEG = Math.PI / 180;
const MAS_TO_RAD = DEG / 3_600_000;
/** AU per parsec (IAU 2012: 648000/π AU). */
const AU_PER_PARSEC = 648_000 / Math.PI;
/** km/s → AU per Julian year (1 au = 149 597 870.7 km, IAU 2012). */
const KMS_TO_AU_PER_YEAR = (365.25 * 86_400) / 149_597_870.7;
/** Distance used when the parallax is zero or unknown: 10⁹ AU (annual parallax < 0.0002″). */
const FAR_AU = 1e9;

function findStar(name: string): FixedStarEntry {
  const key = name.trim().toLowerCase();
  const star = FIXED_STARS.find((s) => s.name.toLowerCase() === key || s.designation.toLowerCase() === key);
  if (!star) throw new ValidationError('names', `unknown fixed star "${name}"; known: ${FIXED_STAR_NAMES.join(', ')}`);
  return star;
}

/**
 * Apparent geocentric position of one catalogue star.
 * @param star catalogue entry (see {@link FIXED_STARS})
 * @param time astronomy-engine time (UT with its installed ΔT)
 * @param ctx precomputed per-instant quantities (Earth state, rotation), shared across stars
 */
function apparentStar(star: FixedStarEntry, ctx: InstantContext): FixedStarPosition {
  const ra = star.rightAscensionDeg * DEG;
  const dec = star.declinationDeg * DEG;
  const cosRa = Math.cos(ra), sinRa = Math.sin(ra), cosDec = Math.cos(dec), sinDec = Math.sin(dec);
  // Unit vectors: toward the star, east (increasing RA), north (increasing Dec).
  const u = [cosDec * cosRa, cosDec * sinRa, sinDec];
  const east = [-sinRa, cosRa, 0];
  const north = [-sinDec * cosRa, -sinDec * sinRa, cosDec];
  const distanceAu = star.parallaxMas > 0 ? AU_PER_PARSEC / (star.parallaxMas / 1000) : FAR_AU;
  const muRa = star.properMotionRaMasPerYear * MAS_TO_RAD * distanceAu; // AU/yr
  const muDec = star.properMotionDecMasPerYear * MAS_TO_RAD * distanceAu;
  const vr = star.parallaxMas > 0 ? star.radialVelocityKmPerS * KMS_TO_AU_PER_YEAR : 0;
  const t = ctx.yearsSinceJ2000;
  const p = [0, 1, 2].map((i) => u[i] * distanceAu + (east[i] * muRa + north[i] * muDec + u[i] * vr) * t - ctx.earthPos[i]);
  const norm = Math.hypot(p[0], p[1], p[2]);
  // First-order annual aberration: u' = u + v/c, renormalised.
  const a = p.map((x, i) => x / norm + ctx.earthVel[i] / C_AU_PER_DAY);
  const v = Astronomy.RotateVector(ctx.eqjToEct, new Astronomy.Vector(a[0], a[1], a[2], ctx.time));
  const sph = Astronomy.SphereFromVector(v);
  return {
    name: star.name,
    designation: star.designation,
    longitude: normalizeDegrees(sph.lon),
    latitude: sph.lat,
    magnitudeV: star.magnitudeV,
  };
}

interface InstantContext {
  time: Astronomy.AstroTime;
  yearsSinceJ2000: number;
  earthPos: number[];
  earthVel: number[];
  eqjToEct: Astronomy.RotationMatrix;
}

function instantContext(utc: Date): InstantContext {
  const time = Astronomy.MakeTime(utc);
  const earth = Astronomy.BaryState(Astronomy.Body.Earth, time);
  return {
    time,
    yearsSinceJ2000: time.tt / 365.25,
    earthPos: [earth.x, earth.y, earth.z],
    earthVel: [earth.vx, earth.vy, earth.vz],
    eqjToEct: Astronomy.Rotation_EQJ_ECT(time),
  };
}

/**
 * Apparent geocentric ecliptic positions (true ecliptic and equinox of date) of fixed stars.
 * @param utc instant (UTC ≈ UT1; TT from the ΔT model installed in astronomy-engine)
 * @param names star names or designations (case-insensitive); default: all 50
 * @returns positions in catalogue order of `names`; longitudes [0, 360), latitudes [-90, 90] degrees.
 *   Error vs Swiss Ephemeris ≤ 5″ over 1850–2350.
 * @throws ValidationError for an unknown name
 */
export function fixedStarPositions(utc: Date, names?: readonly string[]): FixedStarPosition[] {
  const stars = names && names.length > 0 ? names.map(findStar) : FIXED_STARS;
  const ctx = instantContext(utc);
  return stars.map((s) => apparentStar(s, ctx));
}

/** A chart point within orb of a star's ecliptic longitude. */
export interface FixedStarConjunction {
  star: string;
  point: ChartPoint | string;
  starLongitude: number;
  pointLongitude: number;
  /** |point − star| along the ecliptic, degrees [0, orb]. */
  orbDegrees: number;
}

/** Default conjunction orb with fixed stars, degrees (a common modern convention, e.g. Brady: 1°–1.5°). */
export const DEFAULT_STAR_ORB_DEGREES = 1;

/**
 * Conjunctions in ecliptic longitude between chart points and fixed stars.
 * @param utc instant of the chart
 * @param points chart points with ecliptic longitudes (degrees, same zodiac as the stars: tropical)
 * @param orbDegrees maximum |Δλ|, (0, 10] degrees; default 1°
 * @param names optional subset of stars
 * @returns conjunctions sorted by orb, tightest first
 */
export function fixedStarConjunctions(
  utc: Date,
  points: ReadonlyArray<{ point: ChartPoint | string; longitude: number }>,
  orbDegrees = DEFAULT_STAR_ORB_DEGREES,
  names?: readonly string[],
): FixedStarConjunction[] {
  if (!(orbDegrees > 0 && orbDegrees <= 10)) throw new ValidationError('orbDegrees', 'orb must be in (0, 10] degrees');
  const stars = fixedStarPositions(utc, names);
  const out: FixedStarConjunction[] = [];
  for (const s of stars) {
    for (const p of points) {
      const d = Math.abs(signedSeparationDegrees(p.longitude, s.longitude));
      if (d <= orbDegrees) {
        out.push({ star: s.name, point: p.point, starLongitude: s.longitude, pointLongitude: p.longitude, orbDegrees: d });
      }
    }
  }
  return out.sort((a, b) => a.orbDegrees - b.orbDegrees);
}
