/** Helpers shared by the reference tests. */

/** |a − b| of two angles in degrees, wrapped to [0, 180], in arcseconds. */
export function angleDiffArcsec(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  return Math.abs(d) * 3600;
}
