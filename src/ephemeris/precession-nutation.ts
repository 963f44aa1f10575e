/**
 * Precession–nutation for the precise engine: the rotation from ICRS (GCRS) axes to the true
 * ecliptic and equinox of date, once per instant.
 *
 * - Frame bias + precession, IAU 2006 (Capitaine et al. 2003, "P03"; Hilton et al. 2006, Celest.
 *   Mech. Dyn. Astron. 94, 351), in the Fukushima–Williams angles γ̄, φ̄, ψ̄ of the IERS
 *   Conventions 2010, eq. 5.40 (they include the frame bias: they start from the GCRS pole);
 * - mean obliquity ε_A, IAU 2006 (IERS Conventions 2010, eq. 5.40);
 * - nutation IAU 2000B (McCarthy & Luzum 2003, Celest. Mech. Dyn. Astron. 85, 37: the 77
 *   luni-solar terms of MHB2000_SHORT with the fixed planetary offsets −0.135 mas, +0.388 mas),
 *   Delaunay arguments of Simon et al. (1994) to first order in t, as that model prescribes. This is
 *   Swiss Ephemeris' default nutation; the reference data's nutation in longitude agrees with it
 *   to its rounding (tests/reference/positions.test.ts).
 *
 * The true ecliptic of date with the true equinox is reached from the GCRS by
 * R3(−(ψ̄ + Δψ)) · R1(φ̄) · R3(γ̄): the matrix N·P·B = R1(−(ε_A + Δε)) R3(−(ψ̄ + Δψ)) R1(φ̄) R3(γ̄)
 * (IERS Conventions 2010, eq. 5.39) followed by R1(ε_A + Δε) from the true equator to the ecliptic.
 * Time argument: TT (TDB − TT < 2 ms is negligible here).
 */

const AS2R = Math.PI / 648000;
const TURNAS = 1296000;

/**
 * IAU 2000B luni-solar nutation: multipliers of l, l′, F, D, Ω, then longitude (sin, t·sin, cos)
 * and obliquity (cos, t·cos, sin) coefficients in 0.1 µas (McCarthy & Luzum 2003, table 1).
 */
const NUT_2000B: readonly (readonly number[])[] = [
  [0, 0, 0, 0, 1, -172064161, -174666, 33386, 92052331, 9086, 15377],
  [0, 0, 2, -2, 2, -13170906, -1675, -13696, 5730336, -3015, -4587],
  [0, 0, 2, 0, 2, -2276413, -234, 2796, 978459, -485, 1374],
  [0, 0, 0, 0, 2, 2074554, 207, -698, -897492, 470, -291],
  [0, 1, 0, 0, 0, 1475877, -3633, 11817, 73871, -184, -1924],
  [0, 1, 2, -2, 2, -516821, 1226, -524, 224386, -677, -174],
  [1, 0, 0, 0, 0, 711159, 73, -872, -6750, 0, 358],
  [0, 0, 2, 0, 1, -387298, -367, 380, 200728, 18, 318],
  [1, 0, 2, 0, 2, -301461, -36, 816, 129025, -63, 367],
  [0, -1, 2, -2, 2, 215829, -494, 111, -95929, 299, 132],
  [0, 0, 2, -2, 1, 128227, 137, 181, -68982, -9, 39],
  [-1, 0, 2, 0, 2, 123457, 11, 19, -53311, 32, -4],
  [-1, 0, 0, 2, 0, 156994, 10, -168, -1235, 0, 82],
  [1, 0, 0, 0, 1, 63110, 63, 27, -33228, 0, -9],
  [-1, 0, 0, 0, 1, -57976, -63, -189, 31429, 0, -75],
  [-1, 0, 2, 2, 2, -59641, -11, 149, 25543, -11, 66],
  [1, 0, 2, 0, 1, -51613, -42, 129, 26366, 0, 78],
  [-2, 0, 2, 0, 1, 45893, 50, 31, -24236, -10, 20],
  [0, 0, 0, 2, 0, 63384, 11, -150, -1220, 0, 29],
  [0, 0, 2, 2, 2, -38571, -1, 158, 16452, -11, 68],
  [0, -2, 2, -2, 2, 32481, 0, 0, -13870, 0, 0],
  [-2, 0, 0, 2, 0, -47722, 0, -18, 477, 0, -25],
  [2, 0, 2, 0, 2, -31046, -1, 131, 13238, -11, 59],
  [1, 0, 2, -2, 2, 28593, 0, -1, -12338, 10, -3],
  [-1, 0, 2, 0, 1, 20441, 21, 10, -10758, 0, -3],
  [2, 0, 0, 0, 0, 29243, 0, -74, -609, 0, 13],
  [0, 0, 2, 0, 0, 25887, 0, -66, -550, 0, 11],
  [0, 1, 0, 0, 1, -14053, -25, 79, 8551, -2, -45],
  [-1, 0, 0, 2, 1, 15164, 10, 11, -8001, 0, -1],
  [0, 2, 2, -2, 2, -15794, 72, -16, 6850, -42, -5],
  [0, 0, -2, 2, 0, 21783, 0, 13, -167, 0, 13],
  [1, 0, 0, -2, 1, -12873, -10, -37, 6953, 0, -14],
  [0, -1, 0, 0, 1, -12654, 11, 63, 6415, 0, 26],
  [-1, 0, 2, 2, 1, -10204, 0, 25, 5222, 0, 15],
  [0, 2, 0, 0, 0, 16707, -85, -10, 168, -1, 10],
  [1, 0, 2, 2, 2, -7691, 0, 44, 3268, 0, 19],
  [-2, 0, 2, 0, 0, -11024, 0, -14, 104, 0, 2],
  [0, 1, 2, 0, 2, 7566, -21, -11, -3250, 0, -5],
  [0, 0, 2, 2, 1, -6637, -11, 25, 3353, 0, 14],
  [0, -1, 2, 0, 2, -7141, 21, 8, 3070, 0, 4],
  [0, 0, 0, 2, 1, -6302, -11, 2, 3272, 0, 4],
  [1, 0, 2, -2, 1, 5800, 10, 2, -3045, 0, -1],
  [2, 0, 2, -2, 2, 6443, 0, -7, -2768, 0, -4],
  [-2, 0, 0, 2, 1, -5774, -11, -15, 3041, 0, -5],
  [2, 0, 2, 0, 1, -5350, 0, 21, 2695, 0, 12],
  [0, -1, 2, -2, 1, -4752, -11, -3, 2719, 0, -3],
  [0, 0, 0, -2, 1, -4940, -11, -21, 2720, 0, -9],
  [-1, -1, 0, 2, 0, 7350, 0, -8, -51, 0, 4],
  [2, 0, 0, -2, 1, 4065, 0, 6, -2206, 0, 1],
  [1, 0, 0, 2, 0, 6579, 0, -24, -199, 0, 2],
  [0, 1, 2, -2, 1, 3579, 0, 5, -1900, 0, 1],
  [1, -1, 0, 0, 0, 4725, 0, -6, -41, 0, 3],
  [-2, 0, 2, 0, 2, -3075, 0, -2, 1313, 0, -1],
  [3, 0, 2, 0, 2, -2904, 0, 15, 1233, 0, 7],
  [0, -1, 0, 2, 0, 4348, 0, -10, -81, 0, 2],
  [1, -1, 2, 0, 2, -2878, 0, 8, 1232, 0, 4],
  [0, 0, 0, 1, 0, -4230, 0, 5, -20, 0, -2],
  [-1, -1, 2, 2, 2, -2819, 0, 7, 1207, 0, 3],
  [-1, 0, 2, 0, 0, -4056, 0, 5, 40, 0, -2],
  [0, -1, 2, 2, 2, -2647, 0, 11, 1129, 0, 5],
  [-2, 0, 0, 0, 1, -2294, 0, -10, 1266, 0, -4],
  [1, 1, 2, 0, 2, 2481, 0, -7, -1062, 0, -3],
  [2, 0, 0, 0, 1, 2179, 0, -2, -1129, 0, -2],
  [-1, 1, 0, 1, 0, 3276, 0, 1, -9, 0, 0],
  [1, 1, 0, 0, 0, -3389, 0, 5, 35, 0, -2],
  [1, 0, 2, 0, 0, 3339, 0, -13, -107, 0, 1],
  [-1, 0, 2, -2, 1, -1987, 0, -6, 1073, 0, -2],
  [1, 0, 0, 0, 2, -1981, 0, 0, 854, 0, 0],
  [-1, 0, 0, 1, 0, 4026, 0, -353, -553, 0, -139],
  [0, 0, 2, 1, 2, 1660, 0, -5, -710, 0, -2],
  [-1, 0, 2, 4, 2, -1521, 0, 9, 647, 0, 4],
  [-1, 1, 0, 1, 1, 1314, 0, 0, -700, 0, 0],
  [0, -2, 2, -2, 1, -1283, 0, 0, 672, 0, 0],
  [1, 0, 2, 2, 1, -1331, 0, 8, 663, 0, 4],
  [-2, 0, 2, 2, 2, 1383, 0, -2, -594, 0, -2],
  [-1, 0, 0, 0, 2, 1405, 0, 4, -610, 0, 2],
  [1, 1, 2, -2, 2, 1290, 0, 0, -556, 0, 0],
];
const NUT = Float64Array.from(NUT_2000B.flat());
const NUT_TERMS = NUT_2000B.length;
/** 0.1 µas in radians. */
const U2R = AS2R / 1e7;
/** IAU 2000B fixed offsets in lieu of the planetary terms, radians. */
const DPPLAN = -0.135e-3 * AS2R;
const DEPLAN = 0.388e-3 * AS2R;

/** Nutation in longitude and obliquity (radians) and the rate of Δψ (radians/day), IAU 2000B, at a Julian day TT. */
export function nutation2000B(jdTt: number): { dpsi: number; deps: number; dpsiRate: number } {
  const t = (jdTt - 2451545.0) / 36525;
  // Delaunay arguments (Simon et al. 1994) and their rates, radians and radians per century.
  const l = ((485868.249036 + 1717915923.2178 * t) % TURNAS) * AS2R;
  const lp = ((1287104.79305 + 129596581.0481 * t) % TURNAS) * AS2R;
  const F = ((335779.526232 + 1739527262.8478 * t) % TURNAS) * AS2R;
  const D = ((1072260.70369 + 1602961601.209 * t) % TURNAS) * AS2R;
  const Om = ((450160.398036 - 6962890.5431 * t) % TURNAS) * AS2R;
  const rl = 1717915923.2178 * AS2R, rlp = 129596581.0481 * AS2R, rF = 1739527262.8478 * AS2R;
  const rD = 1602961601.209 * AS2R, rOm = -6962890.5431 * AS2R;
  let dp = 0, de = 0, dpr = 0;
  for (let i = NUT_TERMS - 1; i >= 0; i--) {
    const o = i * 11;
    const arg = NUT[o] * l + NUT[o + 1] * lp + NUT[o + 2] * F + NUT[o + 3] * D + NUT[o + 4] * Om;
    const rate = NUT[o] * rl + NUT[o + 1] * rlp + NUT[o + 2] * rF + NUT[o + 3] * rD + NUT[o + 4] * rOm;
    const s = Math.sin(arg), c = Math.cos(arg);
    const ps = NUT[o + 5] + NUT[o + 6] * t;
    dp += ps * s + NUT[o + 7] * c;
    de += (NUT[o + 8] + NUT[o + 9] * t) * c + NUT[o + 10] * s;
    dpr += ps * c * rate - NUT[o + 7] * s * rate + NUT[o + 6] * s;
  }
  return { dpsi: dp * U2R + DPPLAN, deps: de * U2R + DEPLAN, dpsiRate: (dpr * U2R) / 36525 };
}

/** Mean obliquity of the ecliptic of date, IAU 2006, radians, at a Julian day TT. */
export function meanObliquity2006(jdTt: number): number {
  const t = (jdTt - 2451545.0) / 36525;
  return (84381.406 + t * (-46.836769 + t * (-0.0001831 + t * (0.0020034 + t * (-0.000000576 + t * -0.0000000434))))) * AS2R;
}

/** Per-instant frame of the precise engine. */
export interface EclipticFrame {
  /** Julian day TT. */
  jdTt: number;
  /** GCRS → true ecliptic and equinox of date, row-major. */
  m: Float64Array;
  /** Nutation in longitude and obliquity, radians. */
  dpsi: number;
  deps: number;
  /** Mean and true obliquity of date, radians. */
  meanObliquity: number;
  trueObliquity: number;
  /**
   * Rate at which ecliptic longitudes of a fixed direction grow, radians/day: the general
   * precession in longitude (d ψ̄/dt) plus dΔψ/dt.
   */
  longitudeRate: number;
}

/** Frame bias, IAU 2006 precession and IAU 2000B nutation at a Julian day TT (see the module comment). */
export function eclipticFrame(jdTt: number): EclipticFrame {
  const t = (jdTt - 2451545.0) / 36525;
  const gamb = (-0.052928 + t * (10.556378 + t * (0.4932044 + t * (-0.00031238 + t * (-0.000002788 + t * 0.000000026))))) * AS2R;
  const phib = (84381.412819 + t * (-46.811016 + t * (0.0511268 + t * (0.00053289 + t * (-0.00000044 + t * -0.0000000176))))) * AS2R;
  const psib = (-0.041775 + t * (5038.481484 + t * (1.5584175 + t * (-0.00018522 + t * (-0.000026452 + t * -0.0000000148))))) * AS2R;
  const psibRate = (5038.481484 + t * (2 * 1.5584175 + t * (3 * -0.00018522 + t * (4 * -0.000026452 + t * 5 * -0.0000000148)))) * AS2R / 36525;
  const nut = nutation2000B(jdTt);
  const epsA = meanObliquity2006(jdTt);
  // R3(−(ψ̄ + Δψ)) · R1(φ̄) · R3(γ̄), with Rk(a) the rotation of the axes by a.
  const psi = psib + nut.dpsi;
  const cg = Math.cos(gamb), sg = Math.sin(gamb);
  const cp = Math.cos(phib), sp = Math.sin(phib);
  const cs = Math.cos(psi), ss = Math.sin(psi);
  // R1(φ̄)·R3(γ̄)
  const a00 = cg, a01 = sg, a02 = 0;
  const a10 = -cp * sg, a11 = cp * cg, a12 = sp;
  const a20 = sp * sg, a21 = -sp * cg, a22 = cp;
  // R3(−ψ) = [[cos ψ, −sin ψ, 0], [sin ψ, cos ψ, 0], [0, 0, 1]]
  const m = new Float64Array([
    cs * a00 - ss * a10, cs * a01 - ss * a11, cs * a02 - ss * a12,
    ss * a00 + cs * a10, ss * a01 + cs * a11, ss * a02 + cs * a12,
    a20, a21, a22,
  ]);
  return {
    jdTt, m, dpsi: nut.dpsi, deps: nut.deps, meanObliquity: epsA, trueObliquity: epsA + nut.deps,
    longitudeRate: psibRate + nut.dpsiRate,
  };
}
