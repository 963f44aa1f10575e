/**
 * The ephemeris pack file format (src/ephemeris/data/ephemeris.pack, written by
 * scripts/ephemeris-pack.ts): Chebyshev coefficients of positions, packed as integers.
 *
 * Layout (little-endian):
 *   bytes 0–7     magic "NOCTEPH1"
 *   bytes 8–11    uint32 H, the length of the JSON header that follows
 *   bytes 12…     the header: UTF-8 JSON ({@link PackHeader}): metadata only, no coefficients
 *   then zero padding to a multiple of 8, then the data section (`dataBytes` long)
 *
 * Data section: for each body, its segments one after the other, each `segmentBytes` long:
 * the x coefficients c_0 … c_{n−1}, then y, then z, coefficient k stored as a signed
 * two's-complement integer of `widths[k]` bytes (1–6) in units of `quantumAu`. A segment covers
 * [start, start + length) days of TDB (≈ TT, |TDB − TT| < 2 ms) and maps it onto x ∈ [−1, 1];
 * position = Σ c_k T_k(x) (T_k: Chebyshev polynomials of the first kind), ICRS axes, AU.
 */

export const PACK_MAGIC = 'NOCTEPH1';

/** Names of the series in a pack, in file order. */
export const PACK_BODIES = [
  'EARTH', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA', 'SUN',
] as const;
export type PackBody = (typeof PACK_BODIES)[number];

/** One series: a body's position relative to `center`. */
export interface PackBodyHeader {
  name: PackBody;
  /** SUN: heliocentric (Earth, Mercury, Venus); EARTH: geocentric (the Moon); SSB: barycentric (Mars … Vesta, the Sun). */
  center: 'SUN' | 'EARTH' | 'SSB';
  /** Where the positions come from (VSOP87B, ELP/MPP02, numerical integration …). */
  source: string;
  /** Coefficients per coordinate and segment. */
  ncoef: number;
  /** Chebyshev nodes per segment the generator sampled (≥ ncoef; for regeneration). */
  nodes: number;
  /** Integer unit of the coefficients, AU. */
  quantumAu: number;
  /** Byte width (1–6) of coefficient k, for k = 0 … ncoef − 1. */
  widths: number[];
  /** Offset of the body's first segment in the data section, bytes. */
  offset: number;
  /** Bytes per segment (3 × Σ widths). */
  segmentBytes: number;
  /**
   * Runs of equal segments: [first segment start (JD TDB), segment length (days), count]. Bodies
   * integrated between state vectors have one block per integration arc, so that no segment
   * straddles an arc boundary.
   */
  blocks: [number, number, number][];
  /** Fit tolerance, AU: 0.001″ seen from the body's closest approach to the Earth. */
  toleranceAu: number;
  /** Largest difference between the packed series and the source found by the generator, AU. */
  maxErrorAu: number;
}

export interface PackHeader {
  format: 1;
  title: string;
  /** Provenance of every series, with licences. */
  sources: string[];
  /** Covered span, Julian days TDB [start, end) and as text. */
  spanJd: [number, number];
  span: string;
  /** Fit tolerance in arcseconds (see PackBodyHeader.toleranceAu). */
  fitToleranceArcsec: number;
  frame: string;
  units: string;
  /** Constants the evaluator needs (Earth–Moon mass ratio …). */
  constants: Record<string, number>;
  /** SHA-256 (hex) of the data section. */
  dataSha256: string;
  dataBytes: number;
  generator: string;
  bodies: PackBodyHeader[];
}

/** Byte offset of the data section for a header of `headerBytes` bytes. */
export function dataSectionOffset(headerBytes: number): number {
  return Math.ceil((12 + headerBytes) / 8) * 8;
}
