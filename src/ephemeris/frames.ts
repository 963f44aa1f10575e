/**
 * Reference frames and vector helpers. Frames (astronomy-engine's names):
 * - EQJ: mean equator and equinox of J2000 (≈ ICRS), what astronomy-engine's state vectors use;
 * - ECT: true ecliptic and true equinox of date (precession IAU 2006 + nutation IAU 2000B, as in
 *   astronomy-engine and Swiss Ephemeris' default), what astrologers call tropical;
 * - EQD: true equator and equinox of date (right ascension and declination of date).
 * Vectors are AU, velocities AU/day, angles degrees.
 */
import { Astronomy } from './astro.js';

export const DEG = Math.PI / 180;
export const RAD = 180 / Math.PI;
/** Speed of light, AU per day (IAU 2009: c = 299792.458 km/s, au = 149597870.7 km). */
export const C_AU_PER_DAY = 173.1446326846693;
/** au in km (IAU 2012 B2). */
export const AU_KM = 149_597_870.7;
/** Heliocentric gravitational constant, AU³/day² (DE430/431; equals the Gaussian constant k² to 1e-16). */
export const GM_SUN = 2.9591220828559115e-4;
/**
 * General precession in longitude, degrees per day (IAU 2006, 5028.796195″ per Julian century):
 * the rate at which ecliptic-of-date longitudes of a fixed direction grow.
 */
export const PRECESSION_RATE_DEG_PER_DAY = 5028.796195 / 3600 / 36525;

export type Vec3 = [number, number, number];
export type Matrix3 = number[][];

/** A position and velocity (AU, AU/day). */
export interface State {
  pos: Vec3;
  vel: Vec3;
}

/** Per-instant frame data, computed once per chart. */
export interface FrameOfDate {
  /** astronomy-engine time (its `tt` uses the installed Swiss Ephemeris ΔT). */
  time: Astronomy.AstroTime;
  /** Julian day TT. */
  jdTt: number;
  /** Rotation EQJ → ECT. */
  eqjToEct: Matrix3;
  /** Nutation in longitude Δψ, degrees (IAU 2000B). */
  nutationLongitudeDeg: number;
  /** Mean obliquity of date, degrees (IAU 2006). */
  meanObliquityDeg: number;
  /** True obliquity of date ε = ε₀ + Δε, degrees. */
  trueObliquityDeg: number;
  cosEps: number;
  sinEps: number;
}

/** Frame data for an astronomy-engine time (EQJ→ECT rotation, nutation, obliquities). */
export function frameOfDate(time: Astronomy.AstroTime): FrameOfDate {
  const tilt = Astronomy.e_tilt(time);
  const rot = Astronomy.Rotation_EQJ_ECT(time).rot;
  const eps = tilt.tobl * DEG;
  return {
    time,
    jdTt: time.tt + 2451545.0,
    // astronomy-engine's matrices are column-major (rot[col][row]); store row-major.
    eqjToEct: [
      [rot[0][0], rot[1][0], rot[2][0]],
      [rot[0][1], rot[1][1], rot[2][1]],
      [rot[0][2], rot[1][2], rot[2][2]],
    ],
    nutationLongitudeDeg: tilt.dpsi / 3600,
    meanObliquityDeg: tilt.mobl,
    trueObliquityDeg: tilt.tobl,
    cosEps: Math.cos(eps),
    sinEps: Math.sin(eps),
  };
}

/** m · v for a row-major 3×3 matrix. */
export function rotate(m: Matrix3, v: Vec3): Vec3 {
  return [
    m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
    m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
    m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
  ];
}

/** Ecliptic spherical coordinates with rates (degrees, AU, degrees/day). */
export interface SphericalMotion {
  longitude: number;
  latitude: number;
  distanceAu: number;
  longitudeSpeed: number;
  latitudeSpeed: number;
}

/** Normalises an angle in degrees to [0, 360). */
export function norm360(deg: number): number {
  const r = deg % 360;
  const n = r < 0 ? r + 360 : r;
  // A tiny negative r (e.g. -1e-17) rounds to exactly 360 after adding 360: keep the range half-open.
  return n === 360 ? 0 : n;
}

/** Spherical longitude/latitude/distance and their time derivatives from a Cartesian state. */
export function sphericalMotion(pos: Vec3, vel: Vec3): SphericalMotion {
  const [x, y, z] = pos;
  const [vx, vy, vz] = vel;
  const rxy2 = x * x + y * y;
  const rxy = Math.sqrt(rxy2);
  const r2 = rxy2 + z * z;
  const r = Math.sqrt(r2);
  const longitudeSpeed = rxy2 > 0 ? ((x * vy - y * vx) / rxy2) * RAD : 0;
  const latitudeSpeed = rxy > 0 ? ((vz * rxy2 - z * (x * vx + y * vy)) / (r2 * rxy)) * RAD : 0;
  return {
    longitude: norm360(Math.atan2(y, x) * RAD),
    latitude: Math.atan2(z, rxy) * RAD,
    distanceAu: r,
    longitudeSpeed,
    latitudeSpeed,
  };
}

/**
 * Right ascension and declination of date (degrees, RA in [0, 360)) from true-ecliptic-of-date
 * longitude and latitude (degrees), by a rotation through the true obliquity.
 */
export function equatorialOfDate(longitudeDeg: number, latitudeDeg: number, frame: Pick<FrameOfDate, 'cosEps' | 'sinEps'>): { rightAscension: number; declination: number } {
  const lon = longitudeDeg * DEG;
  const lat = latitudeDeg * DEG;
  const cl = Math.cos(lat);
  const x = cl * Math.cos(lon);
  const y0 = cl * Math.sin(lon);
  const z0 = Math.sin(lat);
  const y = y0 * frame.cosEps - z0 * frame.sinEps;
  const z = y0 * frame.sinEps + z0 * frame.cosEps;
  return {
    rightAscension: norm360(Math.atan2(y, x) * RAD),
    declination: Math.atan2(z, Math.sqrt(x * x + y * y)) * RAD,
  };
}
