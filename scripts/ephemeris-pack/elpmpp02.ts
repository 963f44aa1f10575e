/**
 * ELP/MPP02 lunar theory, the version fitted to JPL DE405 (Chapront & Francou 2003, "The lunar
 * theory ELP revisited. Introduction of new planetary perturbations", A&A 404, 735; the series
 * and the documentation elpmpp02.pdf from ftp://cyrano-se.obspm.fr/pub/2_lunar_solutions/2_elpmpp02/),
 * full series (35,901 terms). Data: the npm package astronomia (MIT), data/elpMppDeFull.js:
 * longitude V = W1(T) + Σ, latitude U = Σ (arcseconds), distance r = Σ (km), each Σ over powers
 * Tⁿ of A·sin(φ0 + φ1·T + φ2·T² + φ3·T³ + φ4·T⁴), T in Julian centuries TDB from J2000.
 * The mean-ecliptic-of-date coordinates go to the inertial mean ecliptic and equinox of J2000 with
 * Laskar's P, Q precession polynomials as in the ELP/MPP02 documentation (section 5).
 *
 * Used by the pack generator only (scripts/ephemeris-pack.ts).
 */
import elp from 'astronomia/data/elpMppDeFull';
import type { Vec3 } from './vector.js';

const SEC = Math.PI / 648000;

interface Series {
  /** Per power n: flat [A, φ0, φ1, φ2, φ3, φ4, …]. */
  byPower: Float64Array[];
}

function compile(src: Record<string, number[][]>): Series {
  const powers = Object.keys(src).map(Number).sort((a, b) => a - b);
  const byPower: Float64Array[] = [];
  for (const p of powers) {
    if (p !== byPower.length) throw new Error('ELP powers must be contiguous');
    const rows = src[String(p)];
    const flat = new Float64Array(rows.length * 6);
    rows.forEach((r, i) => { for (let k = 0; k < 6; k++) flat[6 * i + k] = r[k] ?? 0; });
    byPower.push(flat);
  }
  return { byPower };
}

const L = compile(elp.L);
const B = compile(elp.B);
const R = compile(elp.R);
const W1 = elp.W1;

/** Number of terms in the three series (for documentation and tests). */
export const ELP_TERM_COUNT = [L, B, R].reduce((n, s) => n + s.byPower.reduce((m, f) => m + f.length / 6, 0), 0);

/**
 * Σ over the series at instants Tc + dT[j] (Julian centuries TDB from J2000), added into out[j].
 * Each phase is expanded about Tc, φ(Tc + dT) = φ(Tc) + φ′(Tc)·dT + ½φ″(Tc)·dT² (the cubic
 * term, ≤ 10⁻¹⁴ rad for |dT| ≤ 0.002 century ≈ 70 days, is dropped), with φ(Tc) reduced modulo 2π
 * once per term: the sine then sees small arguments, about four times faster in V8 than the
 * 10⁵–10⁶ rad of the raw polynomial.
 */
function sumAt(s: Series, Tc: number, dT: ArrayLike<number>, out: Float64Array): void {
  const m = dT.length;
  const T2 = Tc * Tc, T3 = T2 * Tc, T4 = T3 * Tc;
  const TWO_PI = 2 * Math.PI;
  const acc = new Float64Array(m);
  for (let a = 0; a < s.byPower.length; a++) {
    const f = s.byPower[a];
    acc.fill(0);
    for (let i = 0; i < f.length; i += 6) {
      const amp = f[i];
      let phase = f[i + 1] + f[i + 2] * Tc + f[i + 3] * T2 + f[i + 4] * T3 + f[i + 5] * T4;
      phase -= TWO_PI * Math.floor(phase / TWO_PI);
      const rate = f[i + 2] + 2 * f[i + 3] * Tc + 3 * f[i + 4] * T2 + 4 * f[i + 5] * T3;
      const half = f[i + 3] + 3 * f[i + 4] * Tc + 6 * f[i + 5] * T2;
      for (let j = 0; j < m; j++) {
        const d = dT[j];
        acc[j] += amp * Math.sin(phase + d * (rate + d * half));
      }
    }
    for (let j = 0; j < m; j++) out[j] += acc[j] * (a === 0 ? 1 : (Tc + dT[j]) ** a);
  }
}

/**
 * Geocentric positions of the Moon (km), rectangular, in the inertial mean ecliptic and equinox of
 * J2000 (ELP/MPP02's reference frame), at Julian days TDB that lie within ±70 days of each other.
 */
export function elpMoonEclipticMany(jdTdb: ArrayLike<number>): Vec3[] {
  const m = jdTdb.length;
  let lo = Infinity, hi = -Infinity;
  for (let j = 0; j < m; j++) { lo = Math.min(lo, jdTdb[j]); hi = Math.max(hi, jdTdb[j]); }
  if (!(hi - lo <= 140)) throw new RangeError('elpMoonEclipticMany: instants more than 140 days apart');
  const Tc = ((lo + hi) / 2 - 2451545.0) / 36525;
  const dT = new Float64Array(m);
  for (let j = 0; j < m; j++) dT[j] = (jdTdb[j] - 2451545.0) / 36525 - Tc;
  const V = new Float64Array(m), U = new Float64Array(m), r = new Float64Array(m);
  sumAt(L, Tc, dT, V);
  sumAt(B, Tc, dT, U);
  sumAt(R, Tc, dT, r);
  const out: Vec3[] = [];
  for (let j = 0; j < m; j++) {
    const T = Tc + dT[j];
    const lon = W1[0] + T * (W1[1] + T * (W1[2] + T * (W1[3] + T * W1[4]))) + V[j] * SEC;
    const lat = U[j] * SEC;
    const cb = Math.cos(lat);
    const x = r[j] * cb * Math.cos(lon);
    const y = r[j] * cb * Math.sin(lon);
    const z = r[j] * Math.sin(lat);
    // Laskar's precession: mean ecliptic of date → inertial ecliptic of J2000 (ELP/MPP02 doc. §5).
    const P = T * (0.10180391e-4 + T * (0.47020439e-6 + T * (-0.5417367e-9 + T * (-0.2507948e-11 + T * 0.463486e-14))));
    const Q = T * (-0.113469002e-3 + T * (0.12372674e-6 + T * (0.12654170e-8 + T * (-0.1371808e-11 + T * -0.320334e-14))));
    const sq = Math.sqrt(1 - P * P - Q * Q);
    out.push([
      (1 - 2 * P * P) * x + 2 * P * Q * y + 2 * P * sq * z,
      2 * P * Q * x + (1 - 2 * Q * Q) * y - 2 * Q * sq * z,
      -2 * P * sq * x + 2 * Q * sq * y + (1 - 2 * P * P - 2 * Q * Q) * z,
    ]);
  }
  return out;
}

/** {@link elpMoonEclipticMany} at one instant. */
export function elpMoonEcliptic(jdTdb: number): Vec3 {
  return elpMoonEclipticMany([jdTdb])[0];
}
