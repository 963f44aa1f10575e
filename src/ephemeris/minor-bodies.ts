/**
 * Chiron, Pholus, Ceres, Pallas, Juno and Vesta by numerical integration.
 *
 * Initial conditions: heliocentric geometric state vectors (ICRS/EQJ, AU, AU/day) every
 * 25 years in TT from 1800 to 2400, read from Swiss Ephemeris 2.10.03's asteroid file
 * seas_18.se1 (JPL DE431-based), in `data/minor-body-states.json` (copied unchanged from the
 * project's reference data). The reference positions are used as they are; the velocities are
 * refitted (data/minor-body-fitted-velocities.json, scripts/fit-minor-body-velocities.ts) so that
 * this integrator carries each reference position onto the next epoch's: the reference
 * velocities (derivatives of SE's Chebyshev fits) are off by 1e-7 to 2.5e-5 relative, which
 * alone misses the next epoch by up to 343,000 km and puts Juno 91″ off.
 *
 * Accuracy (tests/unit/minor-bodies.test.ts, geocentric apparent vs SE positions.json, 300
 * instants 1800–2399): worst 3.5″ in longitude and 5.2″ in latitude (Pallas, 1800–1825), median
 * 0.06″–0.4″. Tried and left out: solar relativity and Ceres/Pallas/Juno/Vesta attraction
 * (changed the worst errors by < 1″).
 *
 * Force model: astronomy-engine's GravitySimulator model, unchanged: the Sun and the eight
 * planets from astronomy-engine's VSOP87 series (obtained from a `GravitySimulator` with no small
 * bodies, `SolarSystemBodyState`), astronomy-engine's GM constants (Earth carrying the Earth+Moon
 * mass), Newtonian point masses, no asteroid–asteroid attraction and no relativity. Written in
 * the heliocentric frame: r'' = −μ☉ r/|r|³ + Σ μp [(rp − r)/|rp − r|³ − rp/|rp|³].
 *
 * Integrator: classical fourth-order Runge–Kutta with a fixed 4-day step, planets evaluated
 * once per step and Hermite-interpolated at the half step. Why not `GravitySimulator.Update`
 * itself: its predictor–corrector is second order, and it needs a ≤ 0.25-day step before Ceres
 * over 25 years converges to the same few thousand km (≈ 36,500 VSOP evaluations of all
 * planets per 25 years, ≈ 3 s); RK4 on the same force model converges (to ≈ 100 km) at 4 days,
 * with one planet evaluation per step. Measured figures are in tests/unit/minor-bodies.test.ts.
 *
 * Cache: for each reference epoch and direction (forward/backward to the midpoint between
 * epochs) one integration of all six bodies together, grown lazily in steps of 4 days as far as
 * requests need, stored as a dense table of states (every 4 days) and read by cubic Hermite
 * interpolation (position and velocity at both nodes; interpolation error < 1 km). A node's value
 * depends only on its index (fixed step grid from the epoch), so answers do not depend on the
 * order of requests. Memory: 6 bodies × 6 doubles × 8 B per 4 days ≈ 26 kB per simulated year;
 * each half-segment's table (≈ 330 kB) is allocated whole on first use, so ≈ 16 MB if every
 * instant 1800–2400 has been asked for. Cost (scripts/bench-minor-bodies.ts): ≈ 45 µs CPU per
 * 4-day step (one VSOP87 evaluation of the 8 planets + RK4 for 6 bodies), so a cold half-segment
 * costs up to ≈ 50 ms; a warm call ≈ 0.2–0.3 µs.
 */
import { AstroTime, Body as AeBody, GravitySimulator } from 'astronomy-engine';
import { OutOfRangeError, ValidationError } from '../errors.js';
import minorBodyStates from './data/minor-body-states.json' with { type: 'json' };
import fittedVelocities from './data/minor-body-fitted-velocities.json' with { type: 'json' };

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

interface EpochState extends StateVector {
  jdTt: number;
}

const J2000 = 2451545.0;
/** Integration step, days (see the module comment for the convergence figures). */
export const MINOR_BODY_STEP_DAYS = 4;
/** Steps added at least whenever a table must grow (amortises the per-extension overhead). */
const GROW_MIN_STEPS = 16;

const BODY_INDEX: Record<MinorBody, number> = {
  CHIRON: 0, PHOLUS: 1, CERES: 2, PALLAS: 3, JUNO: 4, VESTA: 5,
};
const NB = MINOR_BODIES.length;

const statesByBody = (minorBodyStates as { bodies: Record<MinorBody, EpochState[]> }).bodies;
/** Reference epochs (Julian days TT), identical for every body. */
const EPOCHS: readonly number[] = statesByBody.CHIRON.map((s) => s.jdTt);
interface FittedInterval {
  fromJdTt: number;
  toJdTt: number;
  start: Record<MinorBody, number[]>;
  end: Record<MinorBody, number[]>;
}
const FITTED: readonly FittedInterval[] = (fittedVelocities as { intervals: FittedInterval[] }).intervals;
if (FITTED.length !== EPOCHS.length - 1 || FITTED.some((f, i) => f.fromJdTt !== EPOCHS[i] || f.toJdTt !== EPOCHS[i + 1])) {
  throw new Error('minor-body-fitted-velocities.json does not match minor-body-states.json');
}
for (const b of MINOR_BODIES) {
  const list = statesByBody[b];
  if (list.length !== EPOCHS.length || list.some((s, i) => s.jdTt !== EPOCHS[i])) {
    throw new Error(`minor-body-states.json: epochs of ${b} differ from Chiron's`);
  }
}

/**
 * Supported range, Julian day TT: the first to the last reference epoch (1800-01-01 to
 * 2400-01-01 TT) widened by one day on each side so that light-time (≤ 0.2 day for Pholus)
 * can be applied at the very ends of 1800–2399.
 */
export const MINOR_BODY_MIN_JD_TT = EPOCHS[0] - 1;
export const MINOR_BODY_MAX_JD_TT = EPOCHS[EPOCHS.length - 1] + 1;

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

/**
 * One RK4 step of `h` days for `n` bodies whose states (6 numbers each) are in `s`, given the
 * planets at the start (`p0`), middle (`pm`) and end (`p1`) of the step. Updates `s` in place.
 */
interface Scratch {
  K: Float64Array;
  TMP: Float64Array;
}
function newScratch(): Scratch {
  return { K: new Float64Array(4 * 6 * NB), TMP: new Float64Array(6 * NB) };
}
function rk4Step(
  s: Float64Array, n: number, h: number,
  p0: Float64Array, pm: Float64Array, p1: Float64Array, { K, TMP }: Scratch,
): void {
  // K layout: stage j (0..3), body b: [dx, dy, dz, dvx, dvy, dvz] derivatives.
  const stage = (j: number, src: Float64Array, pl: Float64Array) => {
    for (let b = 0; b < n; b++) {
      const o = b * 6;
      const ko = (j * NB + b) * 6;
      K[ko] = src[o + 3]; K[ko + 1] = src[o + 4]; K[ko + 2] = src[o + 5];
      accelerate(src[o], src[o + 1], src[o + 2], pl, K, ko + 3);
    }
  };
  const advance = (j: number, f: number) => {
    for (let b = 0; b < n; b++) {
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
  for (let b = 0; b < n; b++) {
    const o = b * 6;
    for (let k = 0; k < 6; k++) {
      s[o + k] += (h / 6) * (
        K[(0 * NB + b) * 6 + k] + 2 * K[(1 * NB + b) * 6 + k]
        + 2 * K[(2 * NB + b) * 6 + k] + K[(3 * NB + b) * 6 + k]);
    }
  }
}

// ---- integration runs ----

/**
 * A lazily grown integration of all six bodies from reference epoch `epochIndex` in direction
 * `dir` (+1 forward, −1 backward) with step `dir × stepDays`.
 */
class Run {
  /** nodes × 6 bodies × 6 numbers. */
  table: Float64Array;
  nodes = 1;
  private readonly state = new Float64Array(6 * NB);
  private planetsAtLast = new Float64Array(6 * NP);
  private planetsNext = new Float64Array(6 * NP);
  private readonly planetsMid = new Float64Array(6 * NP);
  private readonly scratch = newScratch();

  constructor(
    readonly epochIndex: number,
    readonly dir: 1 | -1,
    readonly stepDays: number,
  ) {
    const jd0 = EPOCHS[epochIndex];
    this.state.set(initialStates(epochIndex, dir));
    // Capacity for the whole half-segment (to the midpoint between epochs, or the 1-day margin
    // beyond the first/last epoch), so the table never reallocates: ≈ 1,150 nodes, 330 kB.
    const neighbour = EPOCHS[epochIndex + dir];
    const reachDays = neighbour === undefined ? 1 : Math.abs(neighbour - jd0) / 2;
    this.table = new Float64Array((Math.ceil(reachDays / stepDays) + GROW_MIN_STEPS + 2) * 6 * NB);
    this.table.set(this.state, 0);
    planetStates(jd0 - J2000, this.planetsAtLast);
  }

  get jd0(): number {
    return EPOCHS[this.epochIndex];
  }

  /** Makes sure nodes 0..k exist. */
  ensure(k: number): void {
    if (k < this.nodes) return;
    const target = Math.max(k, this.nodes - 1 + GROW_MIN_STEPS);
    const need = (target + 1) * 6 * NB;
    if (need > this.table.length) {
      const bigger = new Float64Array(Math.max(need, this.table.length * 2));
      bigger.set(this.table.subarray(0, this.nodes * 6 * NB));
      this.table = bigger;
    }
    const h = this.dir * this.stepDays;
    while (this.nodes <= target) {
      const i = this.nodes; // computing node i from node i-1
      planetStates(this.jd0 + i * h - J2000, this.planetsNext);
      planetMidpoint(this.planetsAtLast, this.planetsNext, h, this.planetsMid);
      rk4Step(this.state, NB, h, this.planetsAtLast, this.planetsMid, this.planetsNext, this.scratch);
      this.table.set(this.state, i * 6 * NB);
      const swap = this.planetsAtLast;
      this.planetsAtLast = this.planetsNext;
      this.planetsNext = swap;
      this.nodes++;
    }
  }

  /** Hermite-interpolated state of body `b` at `jdTt` (must lie on this run's side). */
  stateAt(b: number, jdTt: number): StateVector {
    const h = this.dir * this.stepDays;
    const u = (jdTt - this.jd0) / h; // ≥ 0
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

/**
 * Initial states (36 numbers) at reference epoch `epochIndex` for integrating in direction `dir`:
 * the reference positions with the velocities refitted on the interval being entered (forward:
 * that interval's `start`; backward: the previous interval's `end`). Why refitted: the
 * reference velocities (derivatives of Swiss Ephemeris' Chebyshev fits) carry relative errors
 * of 1e-7 to 2.5e-5, which grow into up to 340,000 km after 25 years (Pallas 1800–1825) and
 * 91″ geocentric for Juno; a velocity that carries the reference position at one epoch onto the
 * reference position at the next removes that (shooting fit in scripts/fit-minor-body-velocities.ts).
 */
function initialStates(epochIndex: number, dir: 1 | -1): Float64Array {
  const out = new Float64Array(6 * NB);
  const last = EPOCHS.length - 1;
  // Interval whose fitted velocities apply, and which end of it this epoch is.
  const useStart = dir > 0 ? epochIndex < last : epochIndex === 0;
  const interval = FITTED[useStart ? Math.min(epochIndex, last - 1) : Math.max(epochIndex - 1, 0)];
  for (const b of MINOR_BODIES) {
    const e = statesByBody[b][epochIndex];
    const v = useStart ? interval.start[b] : interval.end[b];
    out.set([e.x, e.y, e.z, v[0], v[1], v[2]], BODY_INDEX[b] * 6);
  }
  return out;
}

/** The cache: runs keyed by 2 × epochIndex + (dir > 0 ? 1 : 0). The module's only mutable state. */
const runs = new Map<number, Run>();

function runFor(epochIndex: number, dir: 1 | -1): Run {
  const key = 2 * epochIndex + (dir > 0 ? 1 : 0);
  let run = runs.get(key);
  if (!run) {
    run = new Run(epochIndex, dir, MINOR_BODY_STEP_DAYS);
    runs.set(key, run);
  }
  return run;
}

/** Nearest reference epoch to `jdTt` and the direction to integrate from it. */
function nearestEpoch(jdTt: number): { epochIndex: number; dir: 1 | -1 } {
  const n = EPOCHS.length;
  if (jdTt <= EPOCHS[0]) return { epochIndex: 0, dir: -1 };
  if (jdTt >= EPOCHS[n - 1]) return { epochIndex: n - 1, dir: 1 };
  // Epochs are ~9131 days apart: guess, then correct.
  let i = Math.floor(((jdTt - EPOCHS[0]) / (EPOCHS[n - 1] - EPOCHS[0])) * (n - 1));
  if (i > n - 2) i = n - 2;
  while (i > 0 && EPOCHS[i] > jdTt) i--;
  while (i < n - 2 && EPOCHS[i + 1] <= jdTt) i++;
  return jdTt - EPOCHS[i] <= EPOCHS[i + 1] - jdTt ? { epochIndex: i, dir: 1 } : { epochIndex: i + 1, dir: -1 };
}

function checkRange(jdTt: number): void {
  if (!(jdTt >= MINOR_BODY_MIN_JD_TT && jdTt <= MINOR_BODY_MAX_JD_TT)) {
    throw new OutOfRangeError(
      'moment',
      `minor bodies are available for 1800-01-01 to 2400-01-01 TT (JD ${EPOCHS[0]}–${EPOCHS[EPOCHS.length - 1]}); got JD TT ${jdTt}`,
    );
  }
}

/**
 * Heliocentric geometric state vector of a minor body.
 *
 * Frame: heliocentric, ICRS/J2000 equatorial axes (astronomy-engine EQJ), geometric (no
 * light-time, aberration or deflection: apply those for apparent positions).
 * Units: AU and AU/day. Time: `jdTt` is a Julian day in Terrestrial Time.
 * Range: JD TT 2378495.5–2597642.5 (1800-01-01 − 1 day to 2400-01-01 + 1 day); outside it throws
 * OutOfRangeError (field "moment").
 * Accuracy (vs Swiss Ephemeris / DE431): integrated from the nearest reference epoch (≤ 12.5
 * years); see tests/unit/minor-bodies.test.ts for the measured worst errors.
 * Cost: the first call in a 12.5-year half-segment integrates from the epoch to the requested
 * date (≈ 45 µs CPU per simulated 4 days, all six bodies at once, ≤ ≈ 50 ms); later calls
 * interpolate (≈ 0.2–0.3 µs).
 */
export function minorBodyHelioState(body: MinorBody, jdTt: number): StateVector {
  const b = BODY_INDEX[body];
  if (b === undefined) throw new ValidationError('bodies', `not a minor body: ${String(body)}`);
  checkRange(jdTt);
  const { epochIndex, dir } = nearestEpoch(jdTt);
  return runFor(epochIndex, dir).stateAt(b, jdTt);
}

/**
 * Integrates all six bodies together from `jd0` to `jd1` (Julian days TT) with the same
 * integrator and step as the cache (fixed 4-day steps from `jd0`, the last one shortened to land
 * exactly). `states` holds 36 numbers: for CHIRON, PHOLUS, CERES, PALLAS, JUNO, VESTA in that
 * order, heliocentric EQJ x, y, z (AU), vx, vy, vz (AU/day). Slow (no cache): for verification
 * and for fitting initial conditions.
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
  const steps: number[] = Array(full).fill(dir * MINOR_BODY_STEP_DAYS);
  const rest = span - dir * full * MINOR_BODY_STEP_DAYS;
  if (Math.abs(rest) > 1e-9) steps.push(rest);
  for (const h of steps) {
    planetStates(t + h - J2000, p1);
    planetMidpoint(p0, p1, h, pm);
    rk4Step(s, NB, h, p0, pm, p1, scratch);
    t += h;
    const sw = p0; p0 = p1; p1 = sw;
  }
  return s;
}

/**
 * Verification helper (slow, no cache): integrates from reference epoch `epochIndex` straight
 * to `jdTt`, with the same initial state the cache uses for that epoch and direction (reference
 * position, refitted velocity), or with the reference velocity unchanged when
 * `useReferenceVelocity` is set. Frame and units as {@link minorBodyHelioState}.
 */
export function integrateMinorBodiesFromEpoch(
  epochIndex: number, jdTt: number, useReferenceVelocity = false,
): Record<MinorBody, StateVector> {
  if (!(epochIndex >= 0 && epochIndex < EPOCHS.length)) throw new RangeError(`no reference epoch ${epochIndex}`);
  const start = initialStates(epochIndex, jdTt >= EPOCHS[epochIndex] ? 1 : -1);
  if (useReferenceVelocity) {
    for (const b of MINOR_BODIES) {
      const e = statesByBody[b][epochIndex];
      start.set([e.vx, e.vy, e.vz], BODY_INDEX[b] * 6 + 3);
    }
  }
  const s = propagateMinorBodies(EPOCHS[epochIndex], start, jdTt);
  const out = {} as Record<MinorBody, StateVector>;
  for (const b of MINOR_BODIES) {
    const o = BODY_INDEX[b] * 6;
    out[b] = { x: s[o], y: s[o + 1], z: s[o + 2], vx: s[o + 3], vy: s[o + 4], vz: s[o + 5] };
  }
  return out;
}

/** Reference epochs (Julian days TT) of the initial conditions, 1800–2400 every 25 years. */
export function minorBodyEpochs(): readonly number[] {
  return EPOCHS;
}

/** The reference state of `body` at reference epoch `epochIndex` (frame and units as above). */
export function minorBodyReferenceState(body: MinorBody, epochIndex: number): StateVector & { jdTt: number } {
  const e = statesByBody[body][epochIndex];
  if (!e) throw new RangeError(`no reference epoch ${epochIndex}`);
  return { ...e };
}

/** Number of cached nodes (for the memory figure: × 6 bodies × 6 × 8 bytes). */
export function minorBodyCacheNodes(): number {
  let n = 0;
  for (const r of runs.values()) n += r.nodes;
  return n;
}
