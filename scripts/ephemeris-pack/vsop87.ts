/**
 * VSOP87B (Bretagnon & Francou 1988, A&A 202, 309), full series: heliocentric spherical
 * coordinates L, B (radians) and R (AU) referred to the dynamical ecliptic and equinox of J2000,
 * time t in Julian millennia TDB from J2000: X = Σα tᵅ Σ A·cos(B + C·t).
 * Data: the npm package astronomia (MIT), data/vsop87B*.js, a transcription of the CDS files
 * VI/81 (VSOP87B.ear, .mer, .ven …).
 *
 * Used by the pack generator only (scripts/ephemeris-pack.ts): the Earth, Mercury and Venus.
 */
import earth from 'astronomia/data/vsop87Bearth';
import mercury from 'astronomia/data/vsop87Bmercury';
import venus from 'astronomia/data/vsop87Bvenus';
import type { Vec3 } from './vector.js';

export type VsopPlanet = 'EARTH' | 'MERCURY' | 'VENUS';

interface Series {
  /** Per power α: flat [A, B, C, A, B, C, …]. */
  byPower: Float64Array[];
}

function compile(src: Record<string, number[][]>): Series {
  const powers = Object.keys(src).map(Number).sort((a, b) => a - b);
  const byPower: Float64Array[] = [];
  for (const p of powers) {
    if (p !== byPower.length) throw new Error('VSOP87 powers must be contiguous');
    const rows = src[String(p)];
    const flat = new Float64Array(rows.length * 3);
    rows.forEach((r, i) => { flat[3 * i] = r[0]; flat[3 * i + 1] = r[1]; flat[3 * i + 2] = r[2]; });
    byPower.push(flat);
  }
  return { byPower };
}

const DATA: Record<VsopPlanet, { L: Series; B: Series; R: Series }> = {
  EARTH: { L: compile(earth.L), B: compile(earth.B), R: compile(earth.R) },
  MERCURY: { L: compile(mercury.L), B: compile(mercury.B), R: compile(mercury.R) },
  VENUS: { L: compile(venus.L), B: compile(venus.B), R: compile(venus.R) },
};

/** Value and derivative (per millennium) of one VSOP87 variable at t (Julian millennia TDB from J2000). */
function evaluate(s: Series, t: number): [number, number] {
  let value = 0;
  let rate = 0;
  let tp = 1; // t^α
  let tpm1 = 0; // α·t^(α−1)
  for (let a = 0; a < s.byPower.length; a++) {
    const f = s.byPower[a];
    let sum = 0;
    let dsum = 0;
    for (let i = 0; i < f.length; i += 3) {
      const arg = f[i + 1] + f[i + 2] * t;
      sum += f[i] * Math.cos(arg);
      dsum -= f[i] * f[i + 2] * Math.sin(arg);
    }
    value += tp * sum;
    rate += tp * dsum + tpm1 * sum;
    tpm1 = (a + 1) * tp;
    tp *= t;
  }
  return [value, rate];
}

/**
 * Σα tᵅ Σ A·cos(B + C·t) at instants tc + dt[j], added into out[j]. Each phase B + C·tc is
 * reduced modulo 2π once per term, so the cosines see small arguments (several times faster in V8
 * than the raw 10³–10⁵ rad); the phase is linear in t, so this is exact.
 */
function sumAt(s: Series, tc: number, dt: ArrayLike<number>, out: Float64Array): void {
  const m = dt.length;
  const acc = new Float64Array(m);
  const TWO_PI = 2 * Math.PI;
  for (let a = 0; a < s.byPower.length; a++) {
    const f = s.byPower[a];
    acc.fill(0);
    for (let i = 0; i < f.length; i += 3) {
      let phase = f[i + 1] + f[i + 2] * tc;
      phase -= TWO_PI * Math.floor(phase / TWO_PI);
      const amp = f[i], rate = f[i + 2];
      for (let j = 0; j < m; j++) acc[j] += amp * Math.cos(phase + rate * dt[j]);
    }
    for (let j = 0; j < m; j++) out[j] += acc[j] * (a === 0 ? 1 : (tc + dt[j]) ** a);
  }
}

/**
 * Heliocentric positions (AU), rectangular, dynamical ecliptic and equinox of J2000, of a planet
 * at Julian days TDB that lie close together (one Chebyshev segment).
 */
export function vsop87EclipticMany(planet: VsopPlanet, jdTdb: ArrayLike<number>): Vec3[] {
  const m = jdTdb.length;
  let lo = Infinity, hi = -Infinity;
  for (let j = 0; j < m; j++) { lo = Math.min(lo, jdTdb[j]); hi = Math.max(hi, jdTdb[j]); }
  const tc = ((lo + hi) / 2 - 2451545.0) / 365250;
  const dt = new Float64Array(m);
  for (let j = 0; j < m; j++) dt[j] = (jdTdb[j] - 2451545.0) / 365250 - tc;
  const d = DATA[planet];
  const L = new Float64Array(m), B = new Float64Array(m), R = new Float64Array(m);
  sumAt(d.L, tc, dt, L);
  sumAt(d.B, tc, dt, B);
  sumAt(d.R, tc, dt, R);
  const out: Vec3[] = [];
  for (let j = 0; j < m; j++) {
    const cb = Math.cos(B[j]);
    out.push([R[j] * cb * Math.cos(L[j]), R[j] * cb * Math.sin(L[j]), R[j] * Math.sin(B[j])]);
  }
  return out;
}

/**
 * Heliocentric position (AU) and velocity (AU/day) of a planet, rectangular, in the dynamical
 * ecliptic and equinox of J2000 (VSOP87B's frame), at a Julian day TDB.
 */
export function vsop87Ecliptic(planet: VsopPlanet, jdTdb: number): { pos: Vec3; vel: Vec3 } {
  const t = (jdTdb - 2451545.0) / 365250;
  const d = DATA[planet];
  const [L, dL] = evaluate(d.L, t);
  const [B, dB] = evaluate(d.B, t);
  const [R, dR] = evaluate(d.R, t);
  const cL = Math.cos(L), sL = Math.sin(L), cB = Math.cos(B), sB = Math.sin(B);
  const pos: Vec3 = [R * cB * cL, R * cB * sL, R * sB];
  const k = 1 / 365250;
  const vx = (dR * cB * cL - R * sB * dB * cL - R * cB * sL * dL) * k;
  const vy = (dR * cB * sL - R * sB * dB * sL + R * cB * cL * dL) * k;
  const vz = (dR * sB + R * cB * dB) * k;
  return { pos, vel: [vx, vy, vz] };
}
