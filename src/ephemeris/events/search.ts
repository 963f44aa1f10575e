/**
 * Root finding on ecliptic longitudes: crossings of a longitude (ingresses, returns, transits) and
 * stations. Strategy: sample the body at a speed-aware step (see `bodyMotion`), unwrap the samples
 * into a continuous angle, split the range at stations (extrema of the unwrapped longitude), then
 * refine each bracketed root with the Illinois variant of regula falsi (Dowell & Jarratt 1971,
 * superlinear, never leaves its bracket) to 1e-7 day (≈ 0.01 s).
 * All instants are Julian days in UT; angles degrees.
 */
import type { Body } from '../types.js';
import { signedSeparationDegrees, normalizeDegrees } from '../techniques/angles.js';
import { bodyMotion, longitudeFn, type BodyMotion, type LongitudeFn, type LongitudeProvider } from './body-longitude.js';

/** Default time tolerance of refined roots: 1e-7 day ≈ 0.009 s. */
export const ROOT_TOLERANCE_DAYS = 1e-7;

/**
 * Illinois root finder on a continuous function with g(a)·g(b) ≤ 0.
 * @returns the root, within `tolDays` of the true one (bracket width or last step)
 */
export function illinois(
  g: (t: number) => number,
  a: number,
  b: number,
  ga: number,
  gb: number,
  tolDays = ROOT_TOLERANCE_DAYS,
): number {
  if (ga === 0) return a;
  if (gb === 0) return b;
  let side = 0;
  let prev = Number.NaN;
  for (let i = 0; i < 100; i++) {
    const c = (a * gb - b * ga) / (gb - ga);
    const gc = g(c);
    if (gc === 0 || Math.abs(c - prev) < tolDays || Math.abs(b - a) < tolDays) return c;
    prev = c;
    if (gc * gb > 0) {
      b = c; gb = gc;
      if (side === -1) ga /= 2;
      side = -1;
    } else {
      a = c; ga = gc;
      if (side === 1) gb /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}

/** A sampled, unwrapped longitude track. */
interface Track {
  t: number[];
  /** Unwrapped longitudes (continuous, may exceed [0, 360)). */
  u: number[];
}

function sampleTrack(lon: LongitudeFn, fromJd: number, toJd: number, stepDays: number): Track {
  const n = Math.max(1, Math.ceil((toJd - fromJd) / stepDays));
  const h = (toJd - fromJd) / n;
  const t: number[] = [];
  const u: number[] = [];
  let prevLon = 0;
  for (let i = 0; i <= n; i++) {
    const ti = i === n ? toJd : fromJd + i * h;
    const l = lon(ti);
    t.push(ti);
    u.push(i === 0 ? l : u[i - 1] + signedSeparationDegrees(l, prevLon));
    prevLon = l;
  }
  return { t, u };
}

/** Unwrapped longitude near a reference value. */
function unwrapNear(lon: LongitudeFn, t: number, reference: number): number {
  const l = lon(t);
  return reference + signedSeparationDegrees(l, normalizeDegrees(reference));
}

/** Longitude speed by central difference (h = 1e-3 day), degrees/day. */
export function speedAt(lon: LongitudeFn, t: number, hDays = 1e-3): number {
  return signedSeparationDegrees(lon(t + hDays), lon(t - hDays)) / (2 * hDays);
}

/** A station: the longitude speed changes sign. */
export interface StationRoot {
  jd: number;
  /** RETROGRADE: the body turns retrograde (speed + → −); DIRECT: turns direct. */
  kind: 'RETROGRADE' | 'DIRECT';
  longitude: number;
}

function refineStation(lon: LongitudeFn, a: number, b: number): number {
  const sa = speedAt(lon, a);
  const sb = speedAt(lon, b);
  if (sa * sb < 0) return illinois((t) => speedAt(lon, t), a, b, sa, sb, 1e-6);
  // Fallback: golden-section search for the extremum of the unwrapped longitude.
  const ref = lon(a);
  const f = (t: number) => unwrapNear(lon, t, ref);
  const sign = f((a + b) / 2) > ref ? -1 : 1; // maximise for a retrograde turn, minimise otherwise
  const gr = (Math.sqrt(5) - 1) / 2;
  let x1 = b - gr * (b - a), x2 = a + gr * (b - a);
  let f1 = sign * f(x1), f2 = sign * f(x2);
  while (b - a > 1e-6) {
    if (f1 < f2) { b = x2; x2 = x1; f2 = f1; x1 = b - gr * (b - a); f1 = sign * f(x1); }
    else { a = x1; x1 = x2; f1 = f2; x2 = a + gr * (b - a); f2 = sign * f(x2); }
  }
  return (a + b) / 2;
}

function stationsOnTrack(lon: LongitudeFn, track: Track): StationRoot[] {
  const out: StationRoot[] = [];
  const { t, u } = track;
  for (let i = 1; i + 1 < t.length; i++) {
    const d0 = u[i] - u[i - 1];
    const d1 = u[i + 1] - u[i];
    if (d0 > 0 && d1 <= 0) {
      const jd = refineStation(lon, t[i - 1], t[i + 1]);
      out.push({ jd, kind: 'RETROGRADE', longitude: lon(jd) });
    } else if (d0 < 0 && d1 >= 0) {
      const jd = refineStation(lon, t[i - 1], t[i + 1]);
      out.push({ jd, kind: 'DIRECT', longitude: lon(jd) });
    }
  }
  // Two sign changes in consecutive intervals yield the same station twice: keep distinct ones.
  return out.filter((s, k) => k === 0 || Math.abs(s.jd - out[k - 1].jd) > 1e-3 || s.kind !== out[k - 1].kind);
}

/**
 * Stations of a longitude function in [fromJd, toJd].
 * @param stepDays sampling step: shorter than half the shortest retrograde/direct phase
 */
export function findStations(lon: LongitudeFn, fromJd: number, toJd: number, stepDays: number): StationRoot[] {
  const pad = stepDays;
  const track = sampleTrack(lon, fromJd - pad, toJd + pad, stepDays);
  return stationsOnTrack(lon, track).filter((s) => s.jd >= fromJd && s.jd <= toJd);
}

/** A crossing of a target longitude. */
export interface CrossingRoot {
  jd: number;
  /** The target longitude crossed, degrees [0, 360). */
  target: number;
  /** True when the body was moving backwards (retrograde) through the target. */
  retrograde: boolean;
}

/**
 * All crossings of any of `targets` (degrees) by a longitude function in (fromJd, toJd], in time order.
 * @param stepDays sampling step (see `bodyMotion`): the body must not move ≥ 180° nor turn twice in two steps
 */
export function findCrossings(
  lon: LongitudeFn,
  targets: readonly number[],
  fromJd: number,
  toJd: number,
  stepDays: number,
): CrossingRoot[] {
  if (!(toJd > fromJd)) return [];
  const track = sampleTrack(lon, fromJd, toJd, stepDays);
  const stations = stationsOnTrack(lon, track);
  // Monotonic segments: sample points plus station instants.
  const knots: { t: number; u: number }[] = track.t.map((t, i) => ({ t, u: track.u[i] }));
  for (const s of stations) {
    const i = knots.findIndex((k) => k.t > s.jd);
    if (i > 0) knots.splice(i, 0, { t: s.jd, u: unwrapNear(lon, s.jd, knots[i - 1].u) });
  }
  const normTargets = targets.map(normalizeDegrees);
  const out: CrossingRoot[] = [];
  for (let i = 0; i + 1 < knots.length; i++) {
    const a = knots[i], b = knots[i + 1];
    if (a.u === b.u) continue;
    const lo = Math.min(a.u, b.u), hi = Math.max(a.u, b.u);
    const retrograde = b.u < a.u;
    for (const target of normTargets) {
      // Every unwrapped value target + 360k inside (lo, hi].
      const kStart = Math.ceil((lo - target) / 360);
      for (let k = kStart; target + 360 * k <= hi; k++) {
        const T = target + 360 * k;
        // A root exactly on the segment's first knot belongs to the previous segment (or to fromJd,
        // which is excluded): each segment owns (start, end].
        if (T === a.u) continue;
        const g = (t: number) => unwrapNear(lon, t, a.u) - T;
        const jd = illinois(g, a.t, b.t, a.u - T, b.u - T);
        if (jd > fromJd && jd <= toJd) out.push({ jd, target, retrograde });
      }
    }
  }
  return out.sort((x, y) => x.jd - y.jd);
}

/**
 * The first crossing of `target` by `body` strictly after (`direction` +1) or before (−1) `startJd`.
 * Speed-aware: the body cannot cover the remaining arc sooner than arc / max speed, so the search
 * jumps ahead by that much before sampling; a solar return costs a few dozen evaluations.
 * @param limitDays give up after this many days (returns null)
 */
export function findNextCrossing(
  body: Body,
  target: number,
  startJd: number,
  direction: 1 | -1,
  limitDays: number,
  provider?: LongitudeProvider,
): CrossingRoot | null {
  return findNextCrossingOf(longitudeFn(body, provider), bodyMotion(body), target, startJd, direction, limitDays);
}

/** {@link findNextCrossing} for any longitude function with the given motion bounds. */
export function findNextCrossingOf(
  lon: LongitudeFn,
  motion: BodyMotion,
  target: number,
  startJd: number,
  direction: 1 | -1,
  limitDays: number,
): CrossingRoot | null {
  let t = startJd;
  const end = startJd + direction * limitDays;
  const windowDays = motion.sampleStepDays * 8;
  while (direction > 0 ? t < end : t > end) {
    {
      // The body cannot cover the remaining arc sooner than arc / vmax: jump ahead safely. A body
      // that never retrogrades must go the long way round in the direction of travel.
      const l = lon(t);
      const fwd = direction > 0 ? normalizeDegrees(target - l) : normalizeDegrees(l - target);
      const arc = motion.retrogradeCapable ? Math.min(fwd, 360 - fwd) : fwd;
      const jump = Math.max(0, arc / motion.maxSpeedDegPerDay - motion.sampleStepDays);
      if (jump > 0) {
        t += direction * jump;
        if (direction > 0 ? t >= end : t <= end) return null;
      }
    }
    const w = direction > 0 ? [t, Math.min(t + windowDays, end)] : [Math.max(t - windowDays, end), t];
    const roots = findCrossings(lon, [target], w[0], w[1], motion.sampleStepDays).filter((r) =>
      direction > 0 ? r.jd > startJd : r.jd < startJd,
    );
    if (roots.length > 0) return direction > 0 ? roots[0] : roots[roots.length - 1];
    t = direction > 0 ? w[1] : w[0];
  }
  return null;
}
