/**
 * ΔT = TT − UT1, following the Swiss Ephemeris 2.10 default model (swephlib.c, `calc_deltat` with
 * SEMOD_DELTAT_STEPHENSON_ETC_2016), because the reference data were made with it:
 *
 * - before 1955-01-01: the cubic spline of Stephenson, Morrison & Hohenkerk (2016), "Measurement of
 *   the Earth's rotation: 720 BC to AD 2015", Proc. R. Soc. A 472: 20160404
 *   (doi:10.1098/rspa.2016.0404), segments as tabulated in swephlib.c (`dtcf16`, years replaced by
 *   Julian days by D. Koch), adjusted from the paper's tidal acceleration (−25.85″/cy²) to DE431's
 *   (−25.80″/cy²), with Swiss Ephemeris' 1000-day blend (+0.661 s) into the almanac table;
 * - 1955…2028: the yearly table of the Astronomical Almanac (pp. K8–K9) with IERS values from 1974
 *   (Swiss Ephemeris `dt[]`, last rows extrapolated by Astrodienst), with Bessel's fourth-order
 *   interpolation exactly as `deltat_aa`;
 * - after 2028: Stephenson–Morrison–Hohenkerk's long-term cubic
 *   ΔT = 64 + 521/3000·B + B²/1250 + 121/3e7·B³ (B = year − 2000), blended linearly over
 *   100 years from the end of the table (`deltat_aa`, "slow transition from tabulated data"),
 *   and from 2500 on the parabola 42.5 + 32.5·(B/100)² s, which meets the cubic there (855 s).
 *
 * Known error: the model itself is the reference; the future part is a prediction (real ΔT can
 * drift from it by tens of seconds per century).
 */

/** Julian day of J2000.0 (2000-01-01T12:00 TT). */
export const J2000_JD = 2451545.0;

const TAB_START_YEAR = 1620;
const TAB_END_YEAR = 2028;

/** ΔT in seconds at 1 January of each year 1620…2028 (Swiss Ephemeris 2.10 `dt[]`). */
const DT_TABLE_SECONDS: readonly number[] = [
  /* 1620.0 - 1659.0 */
  124.0, 119.0, 115.0, 110.0, 106.0, 102.0, 98.0, 95.0, 91.0, 88.0,
  85.0, 82.0, 79.0, 77.0, 74.0, 72.0, 70.0, 67.0, 65.0, 63.0,
  62.0, 60.0, 58.0, 57.0, 55.0, 54.0, 53.0, 51.0, 50.0, 49.0,
  48.0, 47.0, 46.0, 45.0, 44.0, 43.0, 42.0, 41.0, 40.0, 38.0,
  /* 1660.0 - 1699.0 */
  37.0, 36.0, 35.0, 34.0, 33.0, 32.0, 31.0, 30.0, 28.0, 27.0,
  26.0, 25.0, 24.0, 23.0, 22.0, 21.0, 20.0, 19.0, 18.0, 17.0,
  16.0, 15.0, 14.0, 14.0, 13.0, 12.0, 12.0, 11.0, 11.0, 10.0,
  10.0, 10.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0,
  /* 1700.0 - 1739.0 */
  9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 10.0, 10.0,
  10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 11.0, 11.0, 11.0,
  11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0,
  11.0, 11.0, 11.0, 11.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0,
  /* 1740.0 - 1779.0 */
  12.0, 12.0, 12.0, 12.0, 13.0, 13.0, 13.0, 13.0, 13.0, 13.0,
  13.0, 14.0, 14.0, 14.0, 14.0, 14.0, 14.0, 14.0, 15.0, 15.0,
  15.0, 15.0, 15.0, 15.0, 15.0, 16.0, 16.0, 16.0, 16.0, 16.0,
  16.0, 16.0, 16.0, 16.0, 16.0, 17.0, 17.0, 17.0, 17.0, 17.0,
  /* 1780.0 - 1799.0 */
  17.0, 17.0, 17.0, 17.0, 17.0, 17.0, 17.0, 17.0, 17.0, 17.0,
  17.0, 17.0, 16.0, 16.0, 16.0, 16.0, 15.0, 15.0, 14.0, 14.0,
  /* 1800.0 - 1819.0 */
  13.7, 13.4, 13.1, 12.9, 12.7, 12.6, 12.5, 12.5, 12.5, 12.5,
  12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.4, 12.3, 12.2,
  /* 1820.0 - 1859.0 */
  12.0, 11.7, 11.4, 11.1, 10.6, 10.2, 9.6, 9.1, 8.6, 8.0,
  7.5, 7.0, 6.6, 6.3, 6.0, 5.8, 5.7, 5.6, 5.6, 5.6,
  5.7, 5.8, 5.9, 6.1, 6.2, 6.3, 6.5, 6.6, 6.8, 6.9,
  7.1, 7.2, 7.3, 7.4, 7.5, 7.6, 7.7, 7.7, 7.8, 7.8,
  /* 1860.0 - 1899.0 */
  7.88, 7.82, 7.54, 6.97, 6.4, 6.02, 5.41, 4.1, 2.92, 1.82,
  1.61, 0.1, -1.02, -1.28, -2.69, -3.24, -3.64, -4.54, -4.71, -5.11,
  -5.4, -5.42, -5.2, -5.46, -5.46, -5.79, -5.63, -5.64, -5.8, -5.66,
  -5.87, -6.01, -6.19, -6.64, -6.44, -6.47, -6.09, -5.76, -4.66, -3.74,
  /* 1900.0 - 1939.0 */
  -2.72, -1.54, -0.02, 1.24, 2.64, 3.86, 5.37, 6.14, 7.75, 9.13,
  10.46, 11.53, 13.36, 14.65, 16.01, 17.2, 18.24, 19.06, 20.25, 20.95,
  21.16, 22.25, 22.41, 23.03, 23.49, 23.62, 23.86, 24.49, 24.34, 24.08,
  24.02, 24.0, 23.87, 23.95, 23.86, 23.93, 23.73, 23.92, 23.96, 24.02,
  /* 1940.0 - 1949.0 */
  24.33, 24.83, 25.3, 25.7, 26.24, 26.77, 27.28, 27.78, 28.25, 28.71,
  /* 1950.0 - 1959.0 */
  29.15, 29.57, 29.97, 30.36, 30.72, 31.07, 31.35, 31.68, 32.18, 32.68,
  /* 1960.0 - 1969.0 */
  33.15, 33.59, 34.0, 34.47, 35.03, 35.73, 36.54, 37.43, 38.29, 39.2,
  /* 1970.0 - 1979.0; from 1974 on values calculated from IERS data */
  40.18, 41.17, 42.23, 43.37, 44.4841, 45.4761, 46.4567, 47.5214, 48.5344, 49.5862,
  /* 1980.0 - 1989.0 */
  50.5387, 51.3808, 52.1668, 52.9565, 53.7882, 54.3427, 54.8713, 55.3222, 55.8197, 56.3,
  /* 1990.0 - 1999.0 */
  56.8553, 57.5653, 58.3092, 59.1218, 59.9845, 60.7854, 61.6287, 62.2951, 62.9659, 63.4673,
  /* 2000.0 - 2009.0 */
  63.8285, 64.0908, 64.2998, 64.4734, 64.5736, 64.6876, 64.8452, 65.1464, 65.4574, 65.7768,
  /* 2010.0 - 2019.0 */
  66.0699, 66.3246, 66.603, 66.9069, 67.281, 67.6439, 68.1024, 68.5927, 68.9676, 69.2202,
  /* 2020.0 - 2023.0 */
  69.3612, 69.3593, 69.2945, 69.1833,
  /* 2024 - 2028: extrapolated by Astrodienst */
  69.1, 69.0, 68.9, 68.8, 68.8,
];

/**
 * Stephenson–Morrison–Hohenkerk 2016 spline segments from 1000 to 1956 that this module needs:
 * [JD start, JD end, a0, a1, a2, a3], ΔT = a0 + a1·t + a2·t² + a3·t³ with t ∈ [0, 1) across the
 * segment. Coefficients: the paper's Table S15 (electronic supplement); knots as Julian days
 * (years before 1582 in the Julian calendar) as Swiss Ephemeris tabulates them (`dtcf16`, rows
 * 02–33; rows 00–01 cover −720…1000, before the supported range).
 */
const SMH2016_SEGMENTS: readonly (readonly [number, number, number, number, number, number])[] = [
  [2086302.5, 2268923.5, 1467.654, -2452.187, 2460.927, -1183.759], // 1000 to 1500
  [2268923.5, 2305447.5, 292.635, -216.322, -43.614, 56.681], // 1500 to 1600
  [2305447.5, 2323710.5, 89.38, -66.754, 31.607, -10.497], // 1600 to 1650
  [2323710.5, 2349276.5, 43.736, -49.043, 0.227, 15.811], // 1650 to 1720
  [2349276.5, 2378496.5, 10.73, -1.321, 62.25, -52.946], // 1720 to 1800
  [2378496.5, 2382148.5, 18.714, -4.457, -1.509, 2.507], // 1800 to 1810
  [2382148.5, 2385800.5, 15.255, 0.046, 6.012, -4.634], // 1810 to 1820
  [2385800.5, 2389453.5, 16.679, -1.831, -7.889, 3.799], // 1820 to 1830
  [2389453.5, 2393105.5, 10.758, -6.211, 3.509, -0.388], // 1830 to 1840
  [2393105.5, 2396758.5, 7.668, -0.357, 2.345, -0.338], // 1840 to 1850
  [2396758.5, 2398584.5, 9.317, 1.659, 0.332, -0.932], // 1850 to 1855
  [2398584.5, 2400410.5, 10.376, -0.472, -2.463, 1.596], // 1855 to 1860
  [2400410.5, 2402237.5, 9.038, -0.61, 2.325, -2.497], // 1860 to 1865
  [2402237.5, 2404063.5, 8.256, -3.45, -5.166, 2.729], // 1865 to 1870
  [2404063.5, 2405889.5, 2.369, -5.596, 3.02, -0.919], // 1870 to 1875
  [2405889.5, 2407715.5, -1.126, -2.312, 0.264, -0.037], // 1875 to 1880
  [2407715.5, 2409542.5, -3.211, -1.894, 0.154, 0.562], // 1880 to 1885
  [2409542.5, 2411368.5, -4.388, 0.101, 1.841, -1.438], // 1885 to 1890
  [2411368.5, 2413194.5, -3.884, -0.531, -2.473, 1.87], // 1890 to 1895
  [2413194.5, 2415020.5, -5.017, 0.134, 3.138, -0.232], // 1895 to 1900
  [2415020.5, 2416846.5, -1.977, 5.715, 2.443, -1.257], // 1900 to 1905
  [2416846.5, 2418672.5, 4.923, 6.828, -1.329, 0.72], // 1905 to 1910
  [2418672.5, 2420498.5, 11.142, 6.33, 0.831, -0.825], // 1910 to 1915
  [2420498.5, 2422324.5, 17.479, 5.518, -1.643, 0.262], // 1915 to 1920
  [2422324.5, 2424151.5, 21.617, 3.02, -0.856, 0.008], // 1920 to 1925
  [2424151.5, 2425977.5, 23.789, 1.333, -0.831, 0.127], // 1925 to 1930
  [2425977.5, 2427803.5, 24.418, 0.052, -0.449, 0.142], // 1930 to 1935
  [2427803.5, 2429629.5, 24.164, -0.419, -0.022, 0.702], // 1935 to 1940
  [2429629.5, 2431456.5, 24.426, 1.645, 2.086, -1.106], // 1940 to 1945
  [2431456.5, 2433282.5, 27.05, 2.499, -1.232, 0.614], // 1945 to 1950
  [2433282.5, 2434378.5, 28.932, 1.127, 0.22, -0.277], // 1950 to 1953
  [2434378.5, 2435473.5, 30.002, 0.737, -0.61, 0.631], // 1953 to 1956
];

/** Tidal acceleration of the Moon in DE431 (″/cy²), Swiss Ephemeris SE_TIDAL_DE431. */
const TIDAL_ACC_DE431 = -25.8;
/** Tidal acceleration assumed by Stephenson et al. 2016 (″/cy²), SE_TIDAL_STEPHENSON_2016. */
const TIDAL_ACC_SMH2016 = -25.85;

/** Swiss Ephemeris `adjust_for_tidacc`: −0.000091·(ṅ − ṅ₀)·(Y − 1955)² seconds. */
function tidalAdjustmentSeconds(year: number, fromAcc: number): number {
  const b = year - 1955.0;
  return -0.000091 * (TIDAL_ACC_DE431 - fromAcc) * b * b;
}

function smh2016Seconds(jdUt: number): number {
  const yearGreg = 2000.0 + (jdUt - J2000_JD) / 365.2425;
  let seconds: number;
  const seg = SMH2016_SEGMENTS.find((s) => jdUt >= s[0] && jdUt < s[1]);
  if (seg) {
    const t = (jdUt - seg[0]) / (seg[1] - seg[0]);
    seconds = seg[2] + t * (seg[3] + t * (seg[4] + t * seg[5]));
  } else {
    // Before 1000 (outside the supported range, callers refuse such dates): the paper's
    // long-term parabola, as swephlib.c does beyond its table.
    const t = (yearGreg - 1825) / 100.0;
    seconds = -320 + 32.5 * t * t + 269.4790417;
  }
  return seconds + tidalAdjustmentSeconds(yearGreg, TIDAL_ACC_SMH2016);
}

function futureCubicSeconds(b: number): number {
  return (b * b * b * 121.0) / 30000000.0 + (b * b) / 1250.0 + (b * 521.0) / 3000.0 + 64.0;
}

/** Swiss Ephemeris `deltat_aa`: Bessel interpolation in the yearly table, then the long-term cubic. */
function almanacSeconds(jdUt: number): number {
  const dt = DT_TABLE_SECONDS;
  const tabsiz = dt.length;
  const year = 2000.0 + (jdUt - 2451544.5) / 365.25;
  if (year <= TAB_END_YEAR) {
    const p0 = Math.floor(year);
    const iy = p0 - TAB_START_YEAR;
    let ans = dt[iy];
    let k = iy + 1;
    if (k >= tabsiz) return ans;
    const p = year - p0;
    ans += p * (dt[k] - dt[iy]);
    if (iy - 1 < 0 || iy + 2 >= tabsiz) return ans;
    const d = [0, 0, 0, 0, 0];
    k = iy - 2;
    for (let i = 0; i < 5; i++) {
      d[i] = k < 0 || k + 1 >= tabsiz ? 0 : dt[k + 1] - dt[k];
      k++;
    }
    for (let i = 0; i < 4; i++) d[i] = d[i + 1] - d[i];
    let b = 0.25 * p * (p - 1.0);
    ans += b * (d[1] + d[2]);
    if (iy + 2 >= tabsiz) return ans;
    for (let i = 0; i < 3; i++) d[i] = d[i + 1] - d[i];
    b = (2.0 * b) / 3.0;
    ans += (p - 0.5) * b * d[1];
    if (iy - 2 < 0 || iy + 3 > tabsiz) return ans;
    for (let i = 0; i < 2; i++) d[i] = d[i + 1] - d[i];
    b = 0.125 * b * (p + 1.0) * (p - 2.0);
    ans += b * (d[0] + d[1]);
    return ans;
  }
  let ans: number;
  if (year < 2500) {
    ans = futureCubicSeconds(year - 2000);
    const endValue = futureCubicSeconds(TAB_END_YEAR - 2000);
    if (year <= TAB_END_YEAR + 100) {
      ans += (endValue - dt[tabsiz - 1]) * (year - (TAB_END_YEAR + 100)) * 0.01;
    }
  } else {
    const b = 0.01 * (year - 2000);
    ans = b * b * 32.5 + 42.5;
  }
  return ans;
}

/**
 * ΔT = TT − UT in seconds for a Julian day in UT.
 * Follows Swiss Ephemeris 2.10's default model over the supported range 1000…2999: the SMH 2016
 * spline to 1955, the almanac table to 2028, the long-term cubic to 2500 and
 * 42.5 + 32.5·((year − 2000)/100)² s after it (swephlib.c `deltat_aa`; continuous at 2500).
 */
export function deltaTSecondsAtJdUt(jdUt: number): number {
  if (jdUt < 2435108.5) {
    let seconds = smh2016Seconds(jdUt);
    if (jdUt >= 2434108.5) seconds += (1.0 - (2435108.5 - jdUt) / 1000.0) * 0.6610218;
    return seconds;
  }
  return almanacSeconds(jdUt);
}

/**
 * ΔT in seconds for astronomy-engine's UT day count (days since 2000-01-01T12:00 UT);
 * the signature `SetDeltaTFunction` expects.
 */
export function deltaTSecondsAtAstroUt(ut: number): number {
  return deltaTSecondsAtJdUt(ut + J2000_JD);
}
