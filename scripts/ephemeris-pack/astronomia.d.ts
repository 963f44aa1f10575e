/** Types of the astronomia (MIT) data modules the pack generator reads. */
declare module 'astronomia/data/vsop87B*' {
  /** VSOP87B series: per variable (L, B, R) and power of t, rows [A, B, C] of A·cos(B + C·t). */
  const data: { L: Record<string, number[][]>; B: Record<string, number[][]>; R: Record<string, number[][]>; name: string; type: string };
  export default data;
}
declare module 'astronomia/data/elpMppDeFull' {
  /** ELP/MPP02 (DE405 fit): W1 polynomial, and per variable and power of T rows [A, φ0, φ1, φ2, φ3, φ4] of A·sin(Σ φk·Tᵏ). */
  const data: { name: string; W1: number[]; L: Record<string, number[][]>; B: Record<string, number[][]>; R: Record<string, number[][]> };
  export default data;
}
