/**
 * NaN-safe bookkeeping of worst errors for the reference tests: a NaN error must fail a test,
 * not vanish (`if (err > worst) worst = err` skips a NaN).
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
