/**
 * Fitting and integer packing of one series of the ephemeris pack (format:
 * src/ephemeris/pack/pack-format.ts).
 */
import { chebyshevCoefficients, chebyshevNodes } from './fit.js';
import type { Vec3 } from './vector.js';

/** Positions (AU) of a body at Julian days TDB; `jds` lie within one segment. */
export type SegmentSource = (jds: Float64Array) => Vec3[];

/** Julian days TDB of the `nodes` Chebyshev nodes of [start, start + length). */
export function segmentNodeTimes(start: number, length: number, nodes: number): Float64Array {
  const x = chebyshevNodes(nodes);
  const t = new Float64Array(nodes);
  for (let j = 0; j < nodes; j++) t[j] = start + (length * (x[j] + 1)) / 2;
  return t;
}

/** Full Chebyshev coefficients (3 × nodes: x, y, z) of a segment from the positions at its nodes. */
export function fitSegment(positions: readonly Vec3[]): Float64Array {
  const n = positions.length;
  const out = new Float64Array(3 * n);
  for (let axis = 0; axis < 3; axis++) {
    const c = chebyshevCoefficients(positions.map((p) => p[axis]));
    out.set(c, axis * n);
  }
  return out;
}

/**
 * Coefficients needed on a segment: the smallest n whose dropped tail Σ_{k≥n} |c_k| stays within
 * `tailAu` on each axis (a bound of the truncation error on [−1, 1], since |T_k| ≤ 1).
 */
export function neededCoefficients(full: Float64Array, nodes: number, tailAu: number): number {
  let need = 1;
  for (let axis = 0; axis < 3; axis++) {
    let tail = 0;
    let n = nodes;
    while (n > 1 && tail + Math.abs(full[axis * nodes + n - 1]) <= tailAu) {
      tail += Math.abs(full[axis * nodes + n - 1]);
      n--;
    }
    need = Math.max(need, n);
  }
  return need;
}

/** Integer coefficients (3 × n) of a segment: the first n of each axis, in units of `quantumAu`. */
export function quantize(full: Float64Array, nodes: number, n: number, quantumAu: number): Float64Array {
  const out = new Float64Array(3 * n);
  for (let axis = 0; axis < 3; axis++) {
    for (let k = 0; k < n; k++) out[axis * n + k] = Math.round(full[axis * nodes + k] / quantumAu);
  }
  return out;
}

/** Smallest byte width (1–6) holding the signed integer v. */
export function byteWidth(v: number): number {
  for (let w = 1; w <= 6; w++) {
    const lim = 2 ** (8 * w - 1);
    if (v >= -lim && v < lim) return w;
  }
  throw new RangeError(`coefficient ${v} needs more than 6 bytes`);
}

/** Writes the signed integer v in `w` bytes little-endian (two's complement) at `o`. */
export function writeInt(buf: Uint8Array, o: number, v: number, w: number): void {
  let u = v < 0 ? v + 2 ** (8 * w) : v;
  for (let i = 0; i < w; i++) {
    buf[o + i] = u % 256;
    u = Math.floor(u / 256);
  }
}
