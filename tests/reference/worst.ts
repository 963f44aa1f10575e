/**
 * NaN-safe bookkeeping of worst errors for the reference tests: a NaN error must fail a test,
 * not vanish (`if (err > worst)` and `Math.max` over a later finite value would drop it).
 */

/** The larger of two errors; NaN when either is NaN, so it reaches the final `within`. */
export function worse(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b);
}

/** err ≤ bound, false for NaN (written as !(err > bound) would let NaN through). */
export function within(err: number, bound: number): boolean {
  return err <= bound;
}

/** Distance bound of the reference: 2 ppm of the distance, or its rounding (1.5·10⁻⁷ AU), whichever is larger. */
export function distanceBoundAu(distanceAu: number): number {
  return Math.max(2e-6 * distanceAu, 1.5e-7);
}

/** Median, 95th percentile and maximum (NaN if any value is NaN). */
export function stats(xs: readonly number[]): { median: number; p95: number; max: number } {
  if (xs.some((x) => Number.isNaN(x))) return { median: Number.NaN, p95: Number.NaN, max: Number.NaN };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}
