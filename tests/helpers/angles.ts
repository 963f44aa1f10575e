/** Helpers shared by the unit and reference tests. */

/** |a − b| of two angles in degrees, wrapped to [0, 180], in arcseconds. */
export function angleDiffArcsec(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  return Math.abs(d) * 3600;
}

/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32), for property tests. scripts/bench-ephemeris.ts
 * keeps its own copy: scripts do not import from tests/, and a PRNG is not ephemeris code for src/.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
