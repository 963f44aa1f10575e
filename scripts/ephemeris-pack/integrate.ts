/**
 * Numerical integration of Mars … Pluto and six minor bodies between DE431 state vectors, each
 * 5-year arc solved as a two-point boundary-value problem.
 *
 * Equations of motion, heliocentric (ICRS axes, AU, days), for each integrated body i:
 *   r̈_i = −(μ☉ + μ_i) r_i/r_i³ + Σ_{j≠i} μ_j [(r_j − r_i)/|r_j − r_i|³ − r_j/r_j³] + a_GR,i
 * (the exact Newtonian N-body equations written relative to the Sun; e.g. Murray & Dermott,
 * Solar System Dynamics, eq. 6.8), where j runs over Mercury, Venus, the Earth and the Moon (taken
 * from the pack's VSOP87B / ELP/MPP02 series, not integrated) and the integrated massive bodies
 * (Mars … Pluto, Ceres, Pallas, Vesta; Juno, Chiron and Pholus are massless), and
 *   a_GR = μ☉/(c² r³) [(4μ☉/r − v²) r + 4 (r·v) v]
 * is the Sun's Schwarzschild term (PPN β = γ = 1; Moyer 2003, "Formulation for Observed and
 * Computed Values of Deep Space Network Data Types", eq. 4-61 reduced to one central mass).
 * Masses: JPL DE430/DE431 (Folkner et al. 2014, IPN Progress Report 42-196, tables 8 and 10).
 *
 * Integrator: classical fourth-order Runge–Kutta with a fixed step (`STEP_DAYS`, shortened
 * slightly so that an arc holds a whole number of steps). Boundary-value problem: the positions at
 * both epochs are the DE431 ones; the initial velocities start from DE431's and are corrected by
 * Newton steps, Δv₀ = −(∂r(t₁)/∂v₀)⁻¹ (r(t₁) − r_DE431(t₁)), with each body's 3×3 sensitivity
 * from its variational equations under the Sun's attraction alone (the planets' share of the
 * sensitivity, ≈ 10⁻³ of it, only slows convergence), until every body lands within
 * `LANDING_TOLERANCE_AU` of its next state. The DE431 velocities themselves disagree with this
 * force model by up to a few hundred metres per day; integrating forward from them leaves Mars at
 * about 14″ after five years.
 */
import type { Vec3 } from './vector.js';
import { GM_SUN } from '../../src/ephemeris/frames.js';

export const INTEGRATED = ['MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO', 'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA'] as const;
export type IntegratedBody = (typeof INTEGRATED)[number];
/** Bodies given from outside (the pack's analytic series), heliocentric. */
export const PRESCRIBED = ['MERCURY', 'VENUS', 'EARTH', 'MOON'] as const;

/** GM☉, AU³/day² (DE430/DE431), the constant the run-time ephemeris uses too. */
export { GM_SUN };
/** Earth/Moon mass ratio (DE430/DE431). */
export const EMRAT = 81.3005690741906;
const GM_EMB = 8.9970116036316091e-10;
export const GM: Record<string, number> = {
  MERCURY: 4.9125474514508118e-11,
  VENUS: 7.2434524861627027e-10,
  EARTH: (GM_EMB * EMRAT) / (1 + EMRAT),
  MOON: GM_EMB / (1 + EMRAT),
  MARS: 9.5495351057792580e-11,
  JUPITER: 2.8253458420837780e-7,
  SATURN: 8.4597151856806587e-8,
  URANUS: 1.2920249167819693e-8,
  NEPTUNE: 1.5243589007842762e-8,
  PLUTO: 2.1750964648933581e-12,
  CERES: 1.400476556172344e-13,
  PALLAS: 3.104448198938713e-14,
  VESTA: 3.854750187808810e-14,
  JUNO: 0,
  CHIRON: 0,
  PHOLUS: 0,
};
/** Speed of light, AU/day. */
const C = 173.1446326846693;
const C2 = C * C;

/** Nominal RK4 step, days. */
export const STEP_DAYS = 0.5;
/** Newton stops when every body lands this close to its next DE431 position, AU (≈ 15 m). */
export const LANDING_TOLERANCE_AU = 1e-10;
const MAX_NEWTON = 12;

const NI = INTEGRATED.length;
const NP = PRESCRIBED.length;
const MU_I = INTEGRATED.map((b) => GM[b]);
const MU_P = PRESCRIBED.map((b) => GM[b]);

/** Heliocentric positions (AU) of the prescribed bodies at a Julian day TDB, 3 × PRESCRIBED.length numbers. */
export type Perturbers = (jd: number, out: Float64Array) => void;

// State layout per integrated body: r (3), v (3), Φr = ∂r/∂v₀ (9, row-major), Φv = ∂v/∂v₀ (9).
const W = 24;

class Deriv {
  readonly pre = new Float64Array(3 * NP);
  readonly indirect = new Float64Array(3);

  constructor(private readonly perturbers: Perturbers) {}

  /** dy/dt at time t for the full state y (NI × W numbers) into dy. */
  eval(t: number, y: Float64Array, dy: Float64Array, withVariational: boolean): void {
    const pre = this.pre;
    this.perturbers(t, pre);
    // Indirect term: Σ_j μ_j r_j/r_j³ over every massive body.
    let ix = 0, iy = 0, iz = 0;
    for (let p = 0; p < NP; p++) {
      const x = pre[3 * p], yy = pre[3 * p + 1], z = pre[3 * p + 2];
      const r2 = x * x + yy * yy + z * z;
      const f = MU_P[p] / (r2 * Math.sqrt(r2));
      ix += f * x; iy += f * yy; iz += f * z;
    }
    for (let i = 0; i < NI; i++) {
      if (MU_I[i] === 0) continue;
      const o = i * W;
      const x = y[o], yy = y[o + 1], z = y[o + 2];
      const r2 = x * x + yy * yy + z * z;
      const f = MU_I[i] / (r2 * Math.sqrt(r2));
      ix += f * x; iy += f * yy; iz += f * z;
    }
    for (let i = 0; i < NI; i++) {
      const o = i * W;
      const x = y[o], yy = y[o + 1], z = y[o + 2];
      const vx = y[o + 3], vy = y[o + 4], vz = y[o + 5];
      const r2 = x * x + yy * yy + z * z;
      const r = Math.sqrt(r2);
      const r3 = r2 * r;
      const central = -(GM_SUN + MU_I[i]) / r3;
      let ax = central * x, ay = central * yy, az = central * z;
      // Indirect term without the body itself.
      let jx = ix, jy = iy, jz = iz;
      if (MU_I[i] !== 0) {
        const f = MU_I[i] / r3;
        jx -= f * x; jy -= f * yy; jz -= f * z;
      }
      ax -= jx; ay -= jy; az -= jz;
      // Direct terms.
      for (let p = 0; p < NP; p++) {
        const dx = pre[3 * p] - x, dyy = pre[3 * p + 1] - yy, dz = pre[3 * p + 2] - z;
        const d2 = dx * dx + dyy * dyy + dz * dz;
        const f = MU_P[p] / (d2 * Math.sqrt(d2));
        ax += f * dx; ay += f * dyy; az += f * dz;
      }
      for (let j = 0; j < NI; j++) {
        if (j === i || MU_I[j] === 0) continue;
        const q = j * W;
        const dx = y[q] - x, dyy = y[q + 1] - yy, dz = y[q + 2] - z;
        const d2 = dx * dx + dyy * dyy + dz * dz;
        const f = MU_I[j] / (d2 * Math.sqrt(d2));
        ax += f * dx; ay += f * dyy; az += f * dz;
      }
      // Schwarzschild term of the Sun.
      const v2 = vx * vx + vy * vy + vz * vz;
      const rv = x * vx + yy * vy + z * vz;
      const g = GM_SUN / (C2 * r3);
      const k1 = (4 * GM_SUN) / r - v2;
      ax += g * (k1 * x + 4 * rv * vx);
      ay += g * (k1 * yy + 4 * rv * vy);
      az += g * (k1 * z + 4 * rv * vz);
      dy[o] = vx; dy[o + 1] = vy; dy[o + 2] = vz;
      dy[o + 3] = ax; dy[o + 4] = ay; dy[o + 5] = az;
      if (withVariational) {
        // d/dt Φr = Φv; d/dt Φv = G Φr with G = μ/r³ (3 r̂r̂ᵀ − I).
        const mu = GM_SUN + MU_I[i];
        const s = mu / r3;
        const ux = x / r, uy = yy / r, uz = z / r;
        const G = [3 * ux * ux - 1, 3 * ux * uy, 3 * ux * uz, 3 * uy * ux, 3 * uy * uy - 1, 3 * uy * uz, 3 * uz * ux, 3 * uz * uy, 3 * uz * uz - 1];
        for (let m = 0; m < 9; m++) dy[o + 6 + m] = y[o + 15 + m];
        for (let row = 0; row < 3; row++) {
          for (let col = 0; col < 3; col++) {
            dy[o + 15 + row * 3 + col] = s * (G[row * 3] * y[o + 6 + col] + G[row * 3 + 1] * y[o + 9 + col] + G[row * 3 + 2] * y[o + 12 + col]);
          }
        }
      }
    }
  }
}

/** Integrates y from t0 over `steps` steps of h (h may be negative); calls `record` after each step. */
function rk4(deriv: Deriv, t0: number, y: Float64Array, h: number, steps: number, withVariational: boolean,
  record?: (t: number, y: Float64Array) => void): void {
  const n = y.length;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const tmp = new Float64Array(n);
  let t = t0;
  for (let s = 0; s < steps; s++) {
    deriv.eval(t, y, k1, withVariational);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
    deriv.eval(t + 0.5 * h, tmp, k2, withVariational);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
    deriv.eval(t + 0.5 * h, tmp, k3, withVariational);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
    deriv.eval(t + h, tmp, k4, withVariational);
    for (let i = 0; i < n; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    t = t0 + (s + 1) * h;
    record?.(t, y);
  }
}

function invert3(m: ArrayLike<number>, o: number): number[] {
  const a = m[o], b = m[o + 1], c = m[o + 2], d = m[o + 3], e = m[o + 4], f = m[o + 5], g = m[o + 6], h = m[o + 7], i = m[o + 8];
  const A = e * i - f * h, B = -(d * i - f * g), Cc = d * h - e * g;
  const det = a * A + b * B + c * Cc;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
    B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
    Cc / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/** Heliocentric state of each integrated body at one epoch. */
export type ArcStates = Record<IntegratedBody, { pos: Vec3; vel: Vec3 }>;

export interface ArcSolution {
  /** Start and end of the arc (the two epochs), Julian days TDB. */
  t0: number;
  t1: number;
  /** Converged initial velocities, AU/day, per body. */
  v0: Record<IntegratedBody, Vec3>;
  /** Newton iterations used, and the final landing miss (AU) of the worst body. */
  iterations: number;
  missAu: number;
}

/**
 * Solves one arc: positions at t0 and t1 given (`start`, `end`), initial velocities from
 * `start` corrected until every body lands on its `end` position.
 */
export function solveArc(t0: number, t1: number, start: ArcStates, end: ArcStates, perturbers: Perturbers): ArcSolution {
  const deriv = new Deriv(perturbers);
  const steps = Math.max(1, Math.round(Math.abs(t1 - t0) / STEP_DAYS));
  const h = (t1 - t0) / steps;
  const v0 = Object.fromEntries(INTEGRATED.map((b) => [b, [...start[b].vel] as Vec3])) as Record<IntegratedBody, Vec3>;
  let miss = Infinity;
  let it = 0;
  for (; it < MAX_NEWTON; it++) {
    const y = new Float64Array(NI * W);
    INTEGRATED.forEach((b, i) => {
      y.set(start[b].pos, i * W);
      y.set(v0[b], i * W + 3);
      y[i * W + 15] = 1; y[i * W + 19] = 1; y[i * W + 23] = 1; // Φv(t0) = I
    });
    rk4(deriv, t0, y, h, steps, true);
    miss = 0;
    INTEGRATED.forEach((b, i) => {
      const o = i * W;
      const res = [y[o] - end[b].pos[0], y[o + 1] - end[b].pos[1], y[o + 2] - end[b].pos[2]];
      miss = Math.max(miss, Math.hypot(res[0], res[1], res[2]));
      const inv = invert3(y, o + 6);
      for (let r = 0; r < 3; r++) v0[b][r] -= inv[3 * r] * res[0] + inv[3 * r + 1] * res[1] + inv[3 * r + 2] * res[2];
    });
    if (miss <= LANDING_TOLERANCE_AU) break;
  }
  if (!(miss <= LANDING_TOLERANCE_AU)) throw new Error(`arc ${t0}–${t1}: Newton did not converge (miss ${miss} AU)`);
  return { t0, t1, v0, iterations: it + 1, missAu: miss };
}

/**
 * Dense trajectory of a solved arc from `from` to `to` (Julian days TDB; may extend beyond the
 * arc's epochs, e.g. to the pack's ends): states every step, read by cubic Hermite interpolation
 * (error ≈ h⁴·|r⁗|/384 < 10⁻¹¹ AU for Mars at h = 0.5 day).
 */
export class ArcTrajectory {
  private readonly times: number[] = [];
  private readonly states: Float64Array[] = [];

  constructor(sol: ArcSolution, start: ArcStates, perturbers: Perturbers, from: number, to: number) {
    const deriv = new Deriv(perturbers);
    const steps = Math.max(1, Math.round(Math.abs(sol.t1 - sol.t0) / STEP_DAYS));
    const h = (sol.t1 - sol.t0) / steps;
    const y0 = new Float64Array(NI * W);
    INTEGRATED.forEach((b, i) => { y0.set(start[b].pos, i * W); y0.set(sol.v0[b], i * W + 3); });
    const fwd: [number, Float64Array][] = [[sol.t0, y0.slice()]];
    const fwdSteps = Math.ceil((to - sol.t0) / h - 1e-9);
    if (fwdSteps > 0) rk4(deriv, sol.t0, y0.slice(), h, fwdSteps, false, (t, y) => fwd.push([t, y.slice()]));
    const back: [number, Float64Array][] = [];
    const backSteps = Math.ceil((sol.t0 - from) / h - 1e-9);
    if (backSteps > 0) rk4(deriv, sol.t0, y0.slice(), -h, backSteps, false, (t, y) => back.push([t, y.slice()]));
    for (const [t, y] of [...back.reverse(), ...fwd]) { this.times.push(t); this.states.push(y); }
  }

  /** Heliocentric position (AU) of integrated body `i` (index into INTEGRATED) at `jd`. */
  position(i: number, jd: number): Vec3 {
    const ts = this.times;
    let lo = 0, hi = ts.length - 1;
    if (jd < ts[0] || jd > ts[hi]) throw new RangeError(`trajectory: JD ${jd} outside ${ts[0]}–${ts[hi]}`);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ts[mid] <= jd) lo = mid; else hi = mid;
    }
    const h = ts[hi] - ts[lo];
    const s = (jd - ts[lo]) / h;
    const a = this.states[lo], b = this.states[hi];
    const o = i * W;
    const s2 = s * s, s3 = s2 * s;
    const h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
    return [0, 1, 2].map((k) => h00 * a[o + k] + h10 * h * a[o + 3 + k] + h01 * b[o + k] + h11 * h * b[o + 3 + k]) as Vec3;
  }

  /** Heliocentric state of integrated body `i` at a recorded step time nearest `jd` (for checks). */
  stateNear(i: number, jd: number): { t: number; pos: Vec3; vel: Vec3 } {
    let best = 0;
    for (let k = 1; k < this.times.length; k++) if (Math.abs(this.times[k] - jd) < Math.abs(this.times[best] - jd)) best = k;
    const y = this.states[best];
    const o = i * W;
    return { t: this.times[best], pos: [y[o], y[o + 1], y[o + 2]], vel: [y[o + 3], y[o + 4], y[o + 5]] };
  }
}
