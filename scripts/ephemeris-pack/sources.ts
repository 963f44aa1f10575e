/**
 * The analytic sources of the pack in the pack's frame (ICRS axes, AU, TDB):
 * the Earth, Mercury and Venus (heliocentric) from VSOP87B, the Moon (geocentric) from ELP/MPP02,
 * and the DE431 state vectors every 5 years (scripts/data/) that tie the frames and bound the
 * integration.
 *
 * Frames. ELP/MPP02 (DE405 fit) refers to the inertial mean ecliptic of J2000, which its
 * documentation places at ε = 23°26′21.406″ (84381.406″) from the ICRS equator: R1(−ε) takes it
 * to ICRS axes (the Moon then agrees with the DE431 states within 0.11 km at all 121 epochs).
 * VSOP87B refers to the dynamical ecliptic of J2000 of DE200; after R1(−84381.406″) a small
 * residual rotation remains (≈ 0.1″). It is fitted here, by least squares over the 121 DE431
 * heliocentric Earth positions, as three small angles (about x, y, z of the ICRS): the frame
 * tie of VSOP87 to DE431, nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AU_KM } from '../../src/ephemeris/frames.js';
import { elpMoonEclipticMany } from './elpmpp02.js';
import { mulMM, mulMV, rotX, ARCSEC, type Mat3, type Vec3 } from './vector.js';
import { vsop87Ecliptic, vsop87EclipticMany, type VsopPlanet } from './vsop87.js';

export { AU_KM };
/** J2000 obliquity used to turn the ELP/VSOP ecliptic of J2000 into ICRS axes, arcseconds (IAU 2006). */
const EPS0_ARCSEC = 84381.406;

export interface EpochState { jdTt: number; x: number; y: number; z: number; vx: number; vy: number; vz: number }

/** scripts/data/<name>, from scripts/ephemeris-pack/ (sources) or dist/scripts/ephemeris-pack/ (compiled). */
function dataUrl(name: string): URL {
  const fromSource = new URL(`../data/${name}`, import.meta.url);
  return existsSync(fromSource) ? fromSource : new URL(`../../../scripts/data/${name}`, import.meta.url);
}

/** DE431 barycentric states (SUN, MERCURY … PLUTO, EARTH, MOON_GEOCENTRIC), scripts/data/planet-states.json. */
export function planetStates(): Record<string, EpochState[]> {
  return (JSON.parse(readFileSync(dataUrl('planet-states.json'), 'utf8')) as { bodies: Record<string, EpochState[]> }).bodies;
}

/** DE431-based heliocentric states of the six minor bodies, scripts/data/minor-body-states-5y.json. */
export function minorBodyStates(): Record<string, EpochState[]> {
  return (JSON.parse(readFileSync(dataUrl('minor-body-states-5y.json'), 'utf8')) as { bodies: Record<string, EpochState[]> }).bodies;
}

const ELP_TO_ICRS: Mat3 = rotX(-EPS0_ARCSEC * ARCSEC);

function solve3(m: number[][], b: number[]): number[] {
  const det = (a: number[][]) => a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
    - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  return [0, 1, 2].map((c) => det(m.map((row, i) => row.map((v, j) => (j === c ? b[i] : v)))) / d);
}

let vsopTie: { matrix: Mat3; anglesArcsec: Vec3 } | null = null;

/**
 * The rotation VSOP87 ecliptic of J2000 → ICRS axes: R1(−ε0) followed by the small rotation
 * (angles about x, y, z, arcseconds) fitted to the DE431 heliocentric Earth (see the module comment).
 */
export function vsopFrameTie(): { matrix: Mat3; anglesArcsec: Vec3 } {
  if (vsopTie) return vsopTie;
  const states = planetStates();
  const N = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const rhs = [0, 0, 0];
  for (let i = 0; i < states.EARTH.length; i++) {
    const e = states.EARTH[i], s = states.SUN[i];
    const a0 = mulMV(ELP_TO_ICRS, vsop87Ecliptic('EARTH', e.jdTt).pos);
    const b0: Vec3 = [e.x - s.x, e.y - s.y, e.z - s.z];
    const r = Math.hypot(...a0);
    const a = a0.map((v) => v / r), b = b0.map((v) => v / r);
    const res = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    // ω × a = J·ω with J = [[0, a_z, −a_y], [−a_z, 0, a_x], [a_y, −a_x, 0]]
    const J = [[0, a[2], -a[1]], [-a[2], 0, a[0]], [a[1], -a[0], 0]];
    for (let row = 0; row < 3; row++) for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 3; k++) N[j][k] += J[row][j] * J[row][k];
      rhs[j] += J[row][j] * res[row];
    }
  }
  const [wx, wy, wz] = solve3(N, rhs);
  // Small rotation v → v + ω × v, as a matrix.
  const small: Mat3 = [1, -wz, wy, wz, 1, -wx, -wy, wx, 1];
  vsopTie = { matrix: mulMM(small, ELP_TO_ICRS), anglesArcsec: [wx / ARCSEC, wy / ARCSEC, wz / ARCSEC] };
  return vsopTie;
}

/** Heliocentric ICRS positions (AU) of a VSOP87B planet at Julian days TDB. */
export function vsopIcrs(planet: VsopPlanet, jds: ArrayLike<number>): Vec3[] {
  const m = vsopFrameTie().matrix;
  return vsop87EclipticMany(planet, jds).map((p) => mulMV(m, p));
}

/** Geocentric ICRS positions (AU) of the Moon (ELP/MPP02) at Julian days TDB within ±70 days of each other. */
export function moonIcrs(jds: ArrayLike<number>): Vec3[] {
  return elpMoonEclipticMany(jds).map((p) => {
    const q = mulMV(ELP_TO_ICRS, p);
    return [q[0] / AU_KM, q[1] / AU_KM, q[2] / AU_KM] as Vec3;
  });
}
