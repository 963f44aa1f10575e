/**
 * Lunar nodes and apogees ("Lilith").
 *
 * Mean node and mean apogee follow Swiss Ephemeris 2.10 exactly (swemmoon.c `mean_elements`,
 * `swi_mean_node`, `swi_mean_apog`): S. Moshier's mean lunar elements, ELP2000-85 fitted to
 * JPL DE404 (Chapront-Touzé & Chapront 1988 with Moshier's secular corrections). Swiss
 * Ephemeris' extra correction tables (`corr_mean_node`, `corr_mean_apog`) are zero between the
 * years 0 and 3000, so they are omitted. The mean apogee is the point 180° from the mean
 * perigee on the mean lunar orbit (inclination 5.1453964°), projected from that orbit onto the
 * ecliptic as Swiss Ephemeris does (the naive "longitude of perigee + 180°" is off by up to 7′).
 * Both are referred to the mean equinox of date; the apparent (true equinox) value adds the
 * nutation in longitude Δψ (exact for a rotation of the ecliptic about its pole).
 *
 * True node and osculating apogee are the ascending node and the apogee of the osculating
 * Keplerian orbit of the Moon about the Earth, from the Moon's geocentric position and velocity
 * (astronomy-engine's lunar theory) with GM(Earth + Moon), in the true ecliptic of date.
 */
import { DEG, RAD, AU_KM, norm360, type Vec3 } from './frames.js';

/** Mean Earth–Moon distance, km (Swiss Ephemeris MOON_MEAN_DIST). */
const MOON_MEAN_DIST_KM = 384_400;
/** Mean eccentricity of the lunar orbit (Swiss Ephemeris MOON_MEAN_ECC). */
const MOON_MEAN_ECC = 0.054900489;
/** Mean inclination of the lunar orbit to the ecliptic, degrees (Swiss Ephemeris MOON_MEAN_INCL). */
const MOON_MEAN_INCL_DEG = 5.1453964;
/** GM of the Earth + Moon, km³/s² (IERS 2010: GM⊕ 398600.4418, GM☾ = GM⊕/81.30056). */
const GM_EARTH_MOON_KM3_S2 = 398_600.4418 * (1 + 1 / 81.30056);
/** Same in AU³/day². */
export const GM_EARTH_MOON_AU3_DAY2 = (GM_EARTH_MOON_KM3_S2 * 86400 * 86400) / AU_KM ** 3;

/** Moshier's DE404 secular corrections, arcseconds and Julian centuries (swemmoon.c `z[0..11]`). */
const Z = [
  -1.312045233711e1, -1.138215912580e-3, -9.646018347184e-6, // F
  3.146734198839e1, 4.768357585780e-2, -3.421689790404e-4, // l
  -6.847070905410e0, -5.834100476561e-3, -2.905334122698e-4, // D
  -5.663161722088e0, 5.722859298199e-3, -8.466472828815e-5, // L
];

function mods3600(x: number): number {
  return x - 1296000.0 * Math.floor(x / 1296000.0);
}

/** Mean elements in arcseconds: L (mean longitude), F (argument of latitude), l (mean anomaly). */
function meanElementsArcsec(jdTt: number): { L: number; F: number; l: number } {
  const T = (jdTt - 2451545.0) / 36525.0;
  const T2 = T * T;
  const fracT = T % 1; // C fmod: keeps the sign
  let F = mods3600(1739232000.0 * fracT + 295263.0983 * T - 2.07941990176e-1 * T + 335779.55755);
  let l = mods3600(1717200000.0 * fracT + 715923.4728 * T - 2.035946368532e-1 * T + 485868.28096);
  let L = mods3600(1731456000.0 * fracT + 1108372.83264 * T - 6.784914260953e-1 * T + 785939.95571);
  F += ((Z[2] * T + Z[1]) * T + Z[0]) * T2;
  l += ((Z[5] * T + Z[4]) * T + Z[3]) * T2;
  L += ((Z[11] * T + Z[10]) * T + Z[9]) * T2;
  return { L, F, l };
}

/** Mean ascending node, degrees, mean ecliptic and equinox of date, [0, 360). */
export function meanNodeLongitude(jdTt: number): number {
  const { L, F } = meanElementsArcsec(jdTt);
  return norm360((L - F) / 3600);
}

/** Mean node distance, AU (Swiss Ephemeris reports the mean lunar distance). */
export const MEAN_NODE_DISTANCE_AU = MOON_MEAN_DIST_KM / AU_KM;
/** Mean apogee distance a(1 + e), AU. */
export const MEAN_APOGEE_DISTANCE_AU = (MOON_MEAN_DIST_KM * (1 + MOON_MEAN_ECC)) / AU_KM;

/**
 * Mean lunar apogee (mean Lilith, "Black Moon") projected onto the ecliptic: longitude and
 * latitude in degrees, mean ecliptic and equinox of date.
 */
export function meanApogee(jdTt: number): { longitude: number; latitude: number } {
  const { L, F, l } = meanElementsArcsec(jdTt);
  const apogee = ((L - l) / 3600 + 180) * DEG;
  const node = ((L - F) / 3600) * DEG;
  const u = apogee - node; // argument of latitude of the apogee on the mean orbit
  const i = MOON_MEAN_INCL_DEG * DEG;
  const x = Math.cos(u);
  const y = Math.sin(u) * Math.cos(i);
  const z = Math.sin(u) * Math.sin(i);
  return {
    longitude: norm360((Math.atan2(y, x) + node) * RAD),
    latitude: Math.atan2(z, Math.sqrt(x * x + y * y)) * RAD,
  };
}

/** Osculating lunar orbit points from the Moon's geocentric state (ecliptic of date, AU, AU/day). */
export interface OsculatingLunarPoints {
  /** Ascending node longitude, degrees [0, 360). */
  nodeLongitude: number;
  /** Distance of the orbit at the node, AU. */
  nodeDistanceAu: number;
  /** Apogee vector (ecliptic of date), AU. */
  apogee: Vec3;
}

/** Node and apogee of the osculating Keplerian orbit with GM(Earth + Moon). */
export function osculatingLunarPoints(pos: Vec3, vel: Vec3): OsculatingLunarPoints {
  const mu = GM_EARTH_MOON_AU3_DAY2;
  const [x, y, z] = pos;
  const [vx, vy, vz] = vel;
  const r = Math.hypot(x, y, z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const hx = y * vz - z * vy;
  const hy = z * vx - x * vz;
  const rv = x * vx + y * vy + z * vz;
  const k = v2 - mu / r;
  const ex = (k * x - rv * vx) / mu;
  const ey = (k * y - rv * vy) / mu;
  const ez = (k * z - rv * vz) / mu;
  const e = Math.hypot(ex, ey, ez);
  const a = 1 / (2 / r - v2 / mu);
  const apoDist = a * (1 + e);
  const nodeAngle = Math.atan2(hx, -hy); // node direction n = ẑ × h = (−h_y, h_x, 0)
  const nx = Math.cos(nodeAngle);
  const ny = Math.sin(nodeAngle);
  const cosNu = (ex * nx + ey * ny) / e;
  const p = a * (1 - e * e);
  return {
    nodeLongitude: norm360(nodeAngle * RAD),
    nodeDistanceAu: p / (1 + e * cosNu),
    apogee: [(-ex / e) * apoDist, (-ey / e) * apoDist, (-ez / e) * apoDist],
  };
}
