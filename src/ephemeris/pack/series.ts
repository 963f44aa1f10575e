/**
 * A piecewise Chebyshev series of a 3-vector (one body of the ephemeris pack): position,
 * velocity and acceleration from the series and its first two derivatives.
 *
 * Segments come in blocks of equal length (see PackBodyHeader.blocks); segment s of a block
 * covers [start + s·len, start + (s + 1)·len) and maps it onto x ∈ [−1, 1]. Coefficients are
 * float64, 3n per segment (x, y, z), filled all at once (the generator) or segment by segment on
 * first use through `fill` (the reader, which decodes packed integers).
 *
 * Derivatives of T_k: T'_{k+1} = 2T_k + 2x·T'_k − T'_{k−1}, T''_{k+1} = 4T'_k + 2x·T''_k − T''_{k−1}
 * (from T_{k+1} = 2x·T_k − T_{k−1}).
 */
const MAX_COEF = 64;
// Scratch shared by every series (evaluation is synchronous): T_k, T'_k, T''_k at the current x.
const T = new Float64Array(MAX_COEF);
const D = new Float64Array(MAX_COEF);
const A = new Float64Array(MAX_COEF);

export class ChebyshevSeries {
  readonly blockStart: Float64Array;
  readonly blockLength: Float64Array;
  readonly blockCount: Int32Array;
  readonly blockFirst: Int32Array;
  readonly segments: number;
  /** 3n coefficients per segment, AU. */
  readonly coefficients: Float64Array;
  /** 1 once a segment's coefficients are present. */
  readonly ready: Uint8Array;
  readonly startJd: number;
  readonly endJd: number;
  private readonly nominalBlockDays: number;

  /**
   * @param n coefficients per coordinate
   * @param blocks [start JD, segment length (days), count] in time order, contiguous
   * @param fill decodes segment s into coefficients[3n·s … 3n·(s+1)) (lazy mode), or null when
   *   the caller fills `coefficients` and `ready` itself
   */
  constructor(readonly n: number, blocks: readonly (readonly [number, number, number])[], private readonly fill: ((s: number) => void) | null) {
    if (!(n >= 2 && n <= MAX_COEF)) throw new RangeError(`ChebyshevSeries: ${n} coefficients`);
    const nb = blocks.length;
    this.blockStart = new Float64Array(nb);
    this.blockLength = new Float64Array(nb);
    this.blockCount = new Int32Array(nb);
    this.blockFirst = new Int32Array(nb);
    let segments = 0;
    blocks.forEach(([s, len, count], i) => {
      this.blockStart[i] = s; this.blockLength[i] = len; this.blockCount[i] = count; this.blockFirst[i] = segments;
      segments += count;
    });
    this.segments = segments;
    this.coefficients = new Float64Array(segments * 3 * n);
    this.ready = new Uint8Array(segments);
    this.startJd = blocks[0][0];
    const last = blocks[nb - 1];
    this.endJd = last[0] + last[1] * last[2];
    this.nominalBlockDays = (this.endJd - this.startJd) / nb;
  }

  /**
   * Position, velocity (per day) and, for order 2, acceleration (per day²) at `jd`, written to
   * out[o … o + 5] (o + 8 for order 2). The caller checks the span.
   */
  evaluate(jd: number, out: Float64Array, o = 0, order: 1 | 2 = 1): void {
    // The segment of `jd` (clamped to the first/last): its block by the nominal length, then exactly.
    const nb = this.blockStart.length;
    let b = nb === 1 ? 0 : Math.min(nb - 1, Math.max(0, Math.floor((jd - this.startJd) / this.nominalBlockDays)));
    while (b > 0 && jd < this.blockStart[b]) b--;
    while (b + 1 < nb && jd >= this.blockStart[b + 1]) b++;
    const len = this.blockLength[b];
    let k = Math.floor((jd - this.blockStart[b]) / len);
    if (k >= this.blockCount[b]) k = this.blockCount[b] - 1;
    if (k < 0) k = 0;
    const seg = this.blockFirst[b] + k;
    if (this.ready[seg] === 0) {
      if (!this.fill) throw new Error(`ChebyshevSeries: segment ${seg} missing`);
      this.fill(seg);
    }
    const x = (2 * (jd - this.blockStart[b] - k * len)) / len - 1;
    const n = this.n;
    T[0] = 1; T[1] = x;
    D[0] = 0; D[1] = 1;
    const x2 = 2 * x;
    const c = this.coefficients;
    const base = seg * 3 * n;
    const dxdt = 2 / len;
    if (order === 2) {
      A[0] = 0; A[1] = 0;
      for (let i = 2; i < n; i++) {
        T[i] = x2 * T[i - 1] - T[i - 2];
        D[i] = 2 * T[i - 1] + x2 * D[i - 1] - D[i - 2];
        A[i] = 4 * D[i - 1] + x2 * A[i - 1] - A[i - 2];
      }
      for (let axis = 0; axis < 3; axis++) {
        const o2 = base + axis * n;
        let p = 0, v = 0, a = 0;
        for (let i = 0; i < n; i++) { const ci = c[o2 + i]; p += ci * T[i]; v += ci * D[i]; a += ci * A[i]; }
        out[o + axis] = p;
        out[o + 3 + axis] = v * dxdt;
        out[o + 6 + axis] = a * dxdt * dxdt;
      }
      return;
    }
    for (let i = 2; i < n; i++) {
      T[i] = x2 * T[i - 1] - T[i - 2];
      D[i] = 2 * T[i - 1] + x2 * D[i - 1] - D[i - 2];
    }
    for (let axis = 0; axis < 3; axis++) {
      const o2 = base + axis * n;
      let p = 0, v = 0;
      for (let i = 0; i < n; i++) { const ci = c[o2 + i]; p += ci * T[i]; v += ci * D[i]; }
      out[o + axis] = p;
      out[o + 3 + axis] = v * dxdt;
    }
  }
}
