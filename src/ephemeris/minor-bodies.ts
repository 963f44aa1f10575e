/**
 * Chiron, Pholus, Ceres, Pallas, Juno and Vesta outside the ephemeris pack (the EXTENDED engine:
 * 1000–1799 and 2400–2999). Inside 1800–2399 the pack serves them (precise.ts).
 *
 * The pack's own integration is continued outward: from its first DE431 epoch (1800-01-02 0h TT)
 * backward to 1000 and from its last (2399-12-31 0h TT) forward to 3000, starting from the pack's
 * heliocentric states there (position and velocity of its Chebyshev series, so EXTENDED meets
 * PRECISE without a jump). No reference data exist outside 1800–2399: the accuracy figure in
 * src/ephemeris/README.md comes from running this same integrator over 600 years inside the pack
 * and comparing (tests/unit/minor-bodies.test.ts). Chiron's orbit is chaotic (close approaches to
 * Saturn and Uranus), so its extrapolation over centuries is uncertain by nature.
 *
 * Force model: astronomy-engine's GravitySimulator model, unchanged: the Sun and the eight
 * planets from astronomy-engine's VSOP87 series (`SolarSystemBodyState` of a simulator without
 * small bodies), astronomy-engine's GM constants (the Earth carrying the Earth + Moon mass),
 * Newtonian point masses, no asteroid–asteroid attraction and no relativity. Heliocentric:
 * r'' = −μ☉ r/|r|³ + Σ μp [(rp − r)/|rp − r|³ − rp/|rp|³].
 *
 * Integrator: classical fourth-order Runge–Kutta with a fixed 4-day step (converged to ≈ 100 km
 * on this force model), planets evaluated once per step and Hermite-interpolated at the half step.
 * Every fourth state (16 days) is kept in a lazily grown table and read by cubic Hermite
 * interpolation (position and velocity at both nodes; < 70 km even for Juno at perihelion, below
 * the integration's own error). A node's value depends only on its index, so answers do not
 * depend on the order of requests.
 *
 * Cost: ≈ 45 µs CPU per 4-day step (one VSOP87 evaluation of the 8 planets + RK4 for 6 bodies):
 * the first request at year 1000 integrates 800 years once (≈ 3 s of CPU, then cached; 6 bodies ×
 * 6 doubles per 16 days ≈ 6.6 kB per simulated year, ≈ 5 MB for 1000–1800); later calls ≈ 0.3 µs.
 */
import { AstroTime, Body as AeBody, GravitySimulator } from 'astronomy-engine';
import { OutOfRangeError, ValidationError } from '../errors.js';
import { ephemerisPack, PACK_INDEX } from './pack/pack.js';

export const MINOR_BODIES = ['CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA'] as const;
export type MinorBody = (typeof MINOR_BODIES)[number];

/** Heliocentric geometric state in EQJ (ICRS axes): position in AU, velocity in AU/day. */
export interface StateVector {
  x: number;
  y: number;
  z: number;
  vx: number;
  vy: number;
  vz: number;
}

const J2000 = 2451545.0;
/** Integration step, days. */
export const MINOR_BODY_STEP_DAYS = 4;
/** Integration steps per stored node (the table holds a state every 16 days). */
const STEPS_PER_NODE = 4;
const NODE_DAYS = MINOR_BODY_STEP_DAYS * STEPS_PER_NODE;
/** Nodes added at least whenever a table must grow (amortises the per-extension overhead). */
const GROW_MIN_NODES = 16;

const BODY_INDEX: Record<MinorBody, number> = { CHIRON: 0, PHOLUS: 1, CERES: 2, PALLAS: 3, JUNO: 4, VESTA: 5 };
const NB = MINOR_BODIES.length;

/** The pack's first and last DE431 epochs (1800-01-02 and 2399-12-31, 0h TT), where the continuations start. */
export const CONTINUATION_EPOCHS_JD_TT = [2378497.5, 2597640.5] as const;

/**
 * Range of {@link minorBodyHelioState}, Julian days TT: 1000-01-01 (Gregorian) − 2 days to
 * 3000-01-01 + 2 days (light-time and ΔT margins).
 */
export const MINOR_BODY_MIN_JD_TT = 2086302.5 - 2;
export const MINOR_BODY_MAX_JD_TT = 2816787.5 + 2;

// ---- planets (astronomy-engine's GravitySimulator model) ----

const PLANETS: readonly AeBody[] = [
  AeBody.Mercury, AeBody.Venus, AeBody.Earth, AeBody.Mars,
  AeBody.Jupiter, AeBody.Saturn, AeBody.Uranus, AeBody.Neptune,
];
/**
 * GM of the Sun and planets, AU³/day², exactly the constants of astronomy-engine 2.1.19's
 * GravitySimulator (DE405 values; Earth carries the Earth+Moon mass, Moon = Earth/81.30056).
 */
const SUN_GM = 0.2959122082855911e-3;
const EARTH_GM = 0.8887692390113509e-9;
const PLANET_GM: readonly number[] = [
  0.4912547451450812e-10, 0.7243452486162703e-9, EARTH_GM + EARTH_GM / 81.30056,
  0.9549535105779258e-10, 0.2825345909524226e-6, 0.8459715185680659e-7,
  0.1292024916781969e-7, 0.1524358900784276e-7,
];
const NP = PLANETS.length;

/** AstroTime whose `tt` is exactly `tt` (days since J2000 TT), independent of the ΔT model. */
function timeFromTt(tt: number): AstroTime {
  const time = new AstroTime(tt);
  time.tt = tt;
  return time;
}

/** Heliocentric EQJ positions and velocities of the 8 planets at `tt`: 48 numbers, planet-major. */
function planetStates(tt: number, out: Float64Array): void {
  const sim = new GravitySimulator(AeBody.Sun, timeFromTt(tt), []);
  for (let p = 0; p < NP; p++) {
    const s = sim.SolarSystemBodyState(PLANETS[p]);
    const o = p * 6;
    out[o] = s.x; out[o + 1] = s.y; out[o + 2] = s.z;
    out[o + 3] = s.vx; out[o + 4] = s.vy; out[o + 5] = s.vz;
  }
}

/** Planet positions at the middle of a step of length `h` by cubic Hermite from both ends. */
function planetMidpoint(a: Float64Array, b: Float64Array, h: number, out: Float64Array): void {
  for (let p = 0; p < NP; p++) {
    const o = p * 6;
    for (let k = 0; k < 3; k++) {
      out[o + k] = 0.5 * (a[o + k] + b[o + k]) + (h / 8) * (a[o + 3 + k] - b[o + 3 + k]);
    }
  }
}

/** Heliocentric acceleration (AU/day²) of a massless body at (x, y, z) given planet positions. */
function accelerate(x: number, y: number, z: number, pl: Float64Array, out: Float64Array, o: number): void {
  const r2 = x * x + y * y + z * z;
  const sun = -SUN_GM / (r2 * Math.sqrt(r2));
  let ax = sun * x;
  let ay = sun * y;
  let az = sun * z;
  for (let p = 0; p < NP; p++) {
    const q = p * 6;
    const px = pl[q], py = pl[q + 1], pz = pl[q + 2];
    const dx = px - x, dy = py - y, dz = pz - z;
    const d2 = dx * dx + dy * dy + dz * dz;
    const fd = PLANET_GM[p] / (d2 * Math.sqrt(d2));
    const p2 = px * px + py * py + pz * pz;
    const fi = PLANET_GM[p] / (p2 * Math.sqrt(p2));
    ax += fd * dx - fi * px;
    ay += fd * dy - fi * py;
    az += fd * dz - fi * pz;
  }
  out[o] = ax; out[o + 1] = ay; out[o + 2] = az;
}

interface Scratch {
  K: Float64Array;
  TMP: Float64Array;
}
function newScratch(): Scratch {
  return { K: new Float64Array(4 * 6 * NB), TMP: new Float64Array(6 * NB) };
}

/**
 * One RK4 step of `h` days for the six bodies whose states (6 numbers each) are in `s`, given the
 * planets at the start (`p0`), middle (`pm`) and end (`p1`) of the step. Updates `s` in place.
 */
function rk4Step(s: Float64Array, h: number, p0: Float64Array, pm: Float64Array, p1: Float64Array, { K, TMP }: Scratch): void {
  const stage = (j: number, src: Float64Array, pl: Float64Array) => {
    for (let b = 0; b < NB; b++) {
      const o = b * 6;
      const ko = (j * NB + b) * 6;
      K[ko] = src[o + 3]; K[ko + 1] = src[o + 4]; K[ko + 2] = src[o + 5];
      accelerate(src[o], src[o + 1], src[o + 2], pl, K, ko + 3);
    }
  };
  const advance = (j: number, f: number) => {
    for (let b = 0; b < NB; b++) {
      const o = b * 6;
      const ko = (j * NB + b) * 6;
      for (let k = 0; k < 6; k++) TMP[o + k] = s[o + k] + f * K[ko + k];
    }
  };
  stage(0, s, p0);
  advance(0, h / 2);
  stage(1, TMP, pm);
  advance(1, h / 2);
  stage(2, TMP, pm);
  advance(2, h);
  stage(3, TMP, p1);
  for (let b = 0; b < NB; b++) {
    const o = b * 6;
    for (let k = 0; k < 6; k++) {
      s[o + k] += (h / 6) * (K[(0 * NB + b) * 6 + k] + 2 * K[(1 * NB + b) * 6 + k] + 2 * K[(2 * NB + b) * 6 + k] + K[(3 * NB + b) * 6 + k]);
    }
  }
}

/** Heliocentric states (36 numbers, MINOR_BODIES order) of the six bodies from the pack at `jdTt`. */
export function packMinorBodyStates(jdTt: number): Float64Array {
  const pack = ephemerisPack();
  const sun = new Float64Array(6);
  const b = new Float64Array(6);
  pack.series[PACK_INDEX.SUN].evaluate(jdTt, sun);
  const out = new Float64Array(6 * NB);
  for (const body of MINOR_BODIES) {
    pack.series[PACK_INDEX[body]].evaluate(jdTt, b);
    for (let k = 0; k < 6; k++) out[BODY_INDEX[body] * 6 + k] = b[k] - sun[k];
  }
  return out;
}

/** A lazily grown integration of all six bodies from `jd0` in direction `dir`, a node every 16 days. */
class Run {
  /** nodes × 6 bodies × 6 numbers. */
  table: Float64Array;
  nodes = 1;
  private readonly state: Float64Array;
  private planetsAtLast = new Float64Array(6 * NP);
  private planetsNext = new Float64Array(6 * NP);
  private readonly planetsMid = new Float64Array(6 * NP);
  private readonly scratch = newScratch();
  private steps = 0;

  constructor(readonly jd0: number, readonly dir: 1 | -1) {
    this.state = packMinorBodyStates(jd0);
    this.table = new Float64Array((GROW_MIN_NODES + 1) * 6 * NB);
    this.table.set(this.state, 0);
    planetStates(jd0 - J2000, this.planetsAtLast);
  }

  /** Makes sure nodes 0..k exist. */
  ensure(k: number): void {
    if (k < this.nodes) return;
    const target = Math.max(k, this.nodes - 1 + GROW_MIN_NODES);
    const need = (target + 1) * 6 * NB;
    if (need > this.table.length) {
      const bigger = new Float64Array(Math.max(need, this.table.length * 2));
      bigger.set(this.table.subarray(0, this.nodes * 6 * NB));
      this.table = bigger;
    }
    const h = this.dir * MINOR_BODY_STEP_DAYS;
    while (this.nodes <= target) {
      for (let i = 0; i < STEPS_PER_NODE; i++) {
        this.steps++;
        planetStates(this.jd0 + this.steps * h - J2000, this.planetsNext);
        planetMidpoint(this.planetsAtLast, this.planetsNext, h, this.planetsMid);
        rk4Step(this.state, h, this.planetsAtLast, this.planetsMid, this.planetsNext, this.scratch);
        const swap = this.planetsAtLast;
        this.planetsAtLast = this.planetsNext;
        this.planetsNext = swap;
      }
      this.table.set(this.state, this.nodes * 6 * NB);
      this.nodes++;
    }
  }

  /** Hermite-interpolated state of body `b` at `jdTt` (on this run's side of jd0). */
  stateAt(b: number, jdTt: number): StateVector {
    const h = this.dir * NODE_DAYS;
    const u = (jdTt - this.jd0) / h;
    let k = Math.floor(u);
    if (k < 0) k = 0;
    this.ensure(k + 1);
    const s = u - k;
    const t = this.table;
    const o0 = (k * NB + b) * 6;
    const o1 = o0 + 6 * NB;
    const s2 = s * s, s3 = s2 * s;
    const h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
    const d00 = (6 * s2 - 6 * s) / h, d10 = 3 * s2 - 4 * s + 1, d01 = (-6 * s2 + 6 * s) / h, d11 = 3 * s2 - 2 * s;
    const px = h00 * t[o0] + h10 * h * t[o0 + 3] + h01 * t[o1] + h11 * h * t[o1 + 3];
    const py = h00 * t[o0 + 1] + h10 * h * t[o0 + 4] + h01 * t[o1 + 1] + h11 * h * t[o1 + 4];
    const pz = h00 * t[o0 + 2] + h10 * h * t[o0 + 5] + h01 * t[o1 + 2] + h11 * h * t[o1 + 5];
    const vx = d00 * t[o0] + d10 * t[o0 + 3] + d01 * t[o1] + d11 * t[o1 + 3];
    const vy = d00 * t[o0 + 1] + d10 * t[o0 + 4] + d01 * t[o1 + 1] + d11 * t[o1 + 4];
    const vz = d00 * t[o0 + 2] + d10 * t[o0 + 5] + d01 * t[o1 + 2] + d11 * t[o1 + 5];
    return { x: px, y: py, z: pz, vx, vy, vz };
  }
}

/** The two continuations (backward from 1800, forward from 2400), created on first use. The module's only mutable state. */
const runs: [Run | null, Run | null] = [null, null];

/**
 * Heliocentric geometric state vector of a minor body outside the pack (EXTENDED engine).
 *
 * Frame: heliocentric, ICRS/J2000 equatorial axes (astronomy-engine EQJ), geometric (no
 * light-time, aberration or deflection: apply those for apparent positions).
 * Units: AU and AU/day. Time: `jdTt` is a Julian day in Terrestrial Time, at most 1800-01-02 or
 * at least 2399-12-31 (between them the pack serves, precise.ts), within
 * MINOR_BODY_MIN_JD_TT … MINOR_BODY_MAX_JD_TT (1000–3000 with 2-day margins); outside throws
 * OutOfRangeError (field "moment").
 * Cost: see the module comment (≈ 0.3 µs once the table reaches the instant).
 */
export function minorBodyHelioState(body: MinorBody, jdTt: number): StateVector {
  const b = BODY_INDEX[body];
  if (b === undefined) throw new ValidationError('bodies', `not a minor body: ${String(body)}`);
  if (!(jdTt >= MINOR_BODY_MIN_JD_TT && jdTt <= MINOR_BODY_MAX_JD_TT)) {
    throw new OutOfRangeError('moment', `minor bodies are available for 1000-01-01 to 3000-01-01 TT; got JD TT ${jdTt}`);
  }
  const [start, end] = CONTINUATION_EPOCHS_JD_TT;
  if (jdTt > start && jdTt < end) {
    throw new RangeError(`minorBodyHelioState: JD TT ${jdTt} lies inside the pack; use the PRECISE engine`);
  }
  const i = jdTt <= start ? 0 : 1;
  const run = (runs[i] ??= new Run(i === 0 ? start : end, i === 0 ? -1 : 1));
  return run.stateAt(b, jdTt);
}

/**
 * Integrates all six bodies together from `jd0` to `jd1` (Julian days TT) with the same
 * integrator and step as the continuations (fixed 4-day steps from `jd0`, the last one shortened
 * to land exactly). `states` holds 36 numbers: for CHIRON, PHOLUS, CERES, PALLAS, JUNO, VESTA in
 * that order, heliocentric EQJ x, y, z (AU), vx, vy, vz (AU/day). Slow (no cache): for
 * verification.
 */
export function propagateMinorBodies(jd0: number, states: ArrayLike<number>, jd1: number): Float64Array {
  const s = Float64Array.from(states);
  if (s.length !== 6 * NB) throw new RangeError(`expected ${6 * NB} numbers`);
  const span = jd1 - jd0;
  const dir = span >= 0 ? 1 : -1;
  const full = Math.floor(Math.abs(span) / MINOR_BODY_STEP_DAYS + 1e-12);
  let p0 = new Float64Array(6 * NP);
  let p1 = new Float64Array(6 * NP);
  const pm = new Float64Array(6 * NP);
  const scratch = newScratch();
  planetStates(jd0 - J2000, p0);
  let t = jd0;
  const steps: number[] = new Array<number>(full).fill(dir * MINOR_BODY_STEP_DAYS);
  const rest = span - dir * full * MINOR_BODY_STEP_DAYS;
  if (Math.abs(rest) > 1e-9) steps.push(rest);
  for (const h of steps) {
    planetStates(t + h - J2000, p1);
    planetMidpoint(p0, p1, h, pm);
    rk4Step(s, h, p0, pm, p1, scratch);
    t += h;
    const sw = p0; p0 = p1; p1 = sw;
  }
  return s;
}

/** Number of cached nodes of both continuations (for the memory figure: × 6 bodies × 6 × 8 bytes). */
export function minorBodyCacheNodes(): number {
  return (runs[0]?.nodes ?? 0) + (runs[1]?.nodes ?? 0);
}
