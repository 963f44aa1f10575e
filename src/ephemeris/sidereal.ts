/**
 * Sidereal zodiacs: the ayanamsa (sidereal offset of the vernal point) for the nine ayanamsas of
 * the API, following Swiss Ephemeris 2.10 (`swi_get_ayanamsa_ex` and `get_aya_correction` in
 * sweph.c, the `ayanamsa[]` table in sweph.h, precession and obliquity in swephlib.c), because the
 * reference data (tests/reference/sidereal.json) were made with it.
 *
 * Precession-based ayanamsas (SE's default path, no SE_SIDBIT_* option):
 *   1. take the mean vernal point of date, unit vector (1, 0, 0) on the mean equator of date;
 *   2. precess it to J2000 and on to the ayanamsa's epoch t0 with SE 2.10's default precession,
 *      Vondrák, Capitaine & Wallace (2011), "New precession expressions, valid for long time
 *      intervals", A&A 534, A22, with the corrigendum A&A 541, C1 (2012) (SEMOD_PREC_DEFAULT =
 *      SEMOD_PREC_DEFAULT_SHORT = SEMOD_PREC_VONDRAK_2011 in swephexp.h 2.10);
 *   3. rotate to the mean ecliptic of t0 (Vondrák 2011 obliquity, `swi_ldp_peps`); its longitude
 *      λ there gives ayanamsa = ayan_t0 − λ;
 *   4. subtract SE's "precession offset" correction for ayanamsas that were defined with an older
 *      precession model (`prec_offset` in sweph.h: Newcomb for Fagan/Bradley, Raman,
 *      Krishnamurti; IAU 1976 for Lahiri): the longitude, on the t0 ecliptic, of the t0 equinox
 *      taken to J2000 with Vondrák and back with the old model (`get_aya_correction`).
 * Star-based ayanamsas: TRUE_CITRA puts Spica at 180°, GALACTIC_CENTER_0SAG puts Sgr A* at 240°,
 * using the star's geocentric position of date without nutation as `swe_fixstar` computes it:
 * space motion from the catalogue (SE's built-in records for "Spica" and ",SgrA*", sweph.c
 * `get_builtin_star`), annual parallax, gravitational deflection by the Sun, relativistic annual
 * aberration, ICRS→J2000 frame bias (IAU 2006), Vondrák precession, mean obliquity of date.
 * The "true" ayanamsa adds the nutation in longitude (`swe_get_ayanamsa_ex` without
 * SEFLG_NONUT), the full IAU 2000B series of precession-nutation.ts (Swiss Ephemeris' default
 * nutation; the same term is in the precise engine's tropical longitudes, so it cancels in
 * sidereal longitudes).
 *
 * Known differences from SE: the Earth's heliocentric state from astronomy-engine (VSOP87) stands
 * in for its barycentric one (aberration error ≤ 0.01″, parallax < 0.001″); Sgr A*'s "2000" (FK5) record is
 * taken as ICRS (≤ 0.03″); DeLuce's t0 is UT, converted with a fixed ΔT of 10,600 s (SE's ΔT
 * model at 1 BC; 1000 s of error would move the ayanamsa by 0.0016″). Measured errors are in
 * tests/unit/sidereal-ayanamsa.test.ts.
 */
import { AstroTime, Body as AeBody, HelioState } from 'astronomy-engine';
import { C_AU_PER_DAY } from './frames.js';
import { nutation2000B } from './precession-nutation.js';
import type { Ayanamsa } from './types.js';
import { AYANAMSAS } from './types.js';
import { ValidationError } from '../errors.js';

type Vec3 = [number, number, number];
type Mat3 = [Vec3, Vec3, Vec3];

const J2000 = 2451545.0;
const J1900 = 2415020.0;
/** Besselian epochs as defined in Swiss Ephemeris sweph.h. */
const B1850 = 2396758.203581;
const DEG = Math.PI / 180;
const AS2R = DEG / 3600;
const TWO_PI = 2 * Math.PI;

// ---- Vondrák, Capitaine & Wallace (2011, 2012) long-term precession (SE swephlib.c) ----

/** Obliquity and general precession (swi_ldp_peps): polynomial [p, eps] and periodic terms. */
const PEPOL: readonly (readonly [number, number])[] = [
  [8134.017132, 84028.206305],
  [5043.0520035, 0.3624445],
  [-0.00710733, -0.00004039],
  [0.000000271, -0.000000110],
];
const PEPER: readonly (readonly number[])[] = [
  [409.90, 396.15, 537.22, 402.90, 417.15, 288.92, 4043.00, 306.00, 277.00, 203.00],
  [-6908.287473, -3198.706291, 1453.674527, -857.748557, 1173.231614, -156.981465, 371.836550, -216.619040, 193.691479, 11.891524],
  [753.872780, -247.805823, 379.471484, -53.880558, -90.109153, -353.600190, -63.115353, -28.248187, 17.703387, 38.911307],
  [-2845.175469, 449.844989, -1255.915323, 886.736783, 418.887514, 997.912441, -240.979710, 76.541307, -36.788069, -170.964086],
  [-1704.720302, -862.308358, 447.832178, -889.571909, 190.402846, -56.564991, -296.222622, -75.859952, 67.473503, 3.014055],
];
/** Ecliptic pole (pre_pecl). */
const PQPOL: readonly (readonly [number, number])[] = [
  [5851.607687, -1600.886300],
  [-0.1189000, 1.1689818],
  [-0.00028913, -0.00000020],
  [0.000000101, -0.000000437],
];
const PQPER: readonly (readonly number[])[] = [
  [708.15, 2309, 1620, 492.2, 1183, 622, 882, 547],
  [-5486.751211, -17.127623, -617.517403, 413.44294, 78.614193, -180.732815, -87.676083, 46.140315],
  // 198.296701: the corrected value of A&A 541, C1 (2012).
  [-684.66156, 2446.28388, 399.671049, -356.652376, -186.387003, -316.80007, 198.296701, 101.135679],
  [667.66673, -2354.886252, -428.152441, 376.202861, 184.778874, 335.321713, -185.138669, -120.97283],
  [-5523.863691, -549.74745, -310.998056, 421.535876, -36.776172, -145.278396, -34.74445, 22.885731],
];
/** Equator pole (pre_pequ). */
const XYPOL: readonly (readonly [number, number])[] = [
  [5453.282155, -73750.930350],
  [0.4252841, -0.7675452],
  [-0.00037173, -0.00018725],
  [-0.000000152, 0.000000231],
];
const XYPER: readonly (readonly number[])[] = [
  [256.75, 708.15, 274.2, 241.45, 2309, 492.2, 396.1, 288.9, 231.1, 1610, 620, 157.87, 220.3, 1200],
  [-819.940624, -8444.676815, 2600.009459, 2755.17563, -167.659835, 871.855056, 44.769698, -512.313065, -819.415595, -538.071099, -189.793622, -402.922932, 179.516345, -9.814756],
  [75004.344875, 624.033993, 1251.136893, -1102.212834, -2660.66498, 699.291817, 153.16722, -950.865637, 499.754645, -145.18821, 558.116553, -23.923029, -165.405086, 9.344131],
  [81491.287984, 787.163481, 1251.296102, -1257.950837, -2966.79973, 639.744522, 131.600209, -445.040117, 584.522874, -89.756563, 524.42963, -13.549067, -210.157124, -44.919798],
  [1558.515853, 7774.939698, -2219.534038, -2523.969396, 247.850422, -846.485643, -1393.124055, 368.526116, 749.045012, 444.704518, 235.934465, 374.049623, -171.33018, -22.899655],
];
const EPS0_RAD = 84381.406 * AS2R;

/** Sums the periodic and polynomial terms of one Vondrák series; both results in radians. */
function vondrakSeries(
  jdTt: number, pol: readonly (readonly [number, number])[], per: readonly (readonly number[])[],
): [number, number] {
  const t = (jdTt - J2000) / 36525;
  let a = 0;
  let b = 0;
  const w = TWO_PI * t;
  for (let i = 0; i < per[0].length; i++) {
    const arg = w / per[0][i];
    const s = Math.sin(arg);
    const c = Math.cos(arg);
    a += c * per[1][i] + s * per[3][i];
    b += c * per[2][i] + s * per[4][i];
  }
  let tn = 1;
  for (let i = 0; i < pol.length; i++) {
    a += pol[i][0] * tn;
    b += pol[i][1] * tn;
    tn *= t;
  }
  return [a * AS2R, b * AS2R];
}

/** Mean obliquity of the ecliptic of date, radians (Vondrák 2011; SE `swi_epsiln` default). */
export function meanObliquityVondrakRad(jdTt: number): number {
  return vondrakSeries(jdTt, PEPOL, PEPER)[1];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/**
 * Precession matrix (rows: equinox, pole × equinox, pole of date, in J2000 mean coordinates),
 * so that v_date = M · v_J2000 (SE `pre_pmat`, SOFA `iauLtp`).
 */
export function precessionMatrixVondrak(jdTt: number): Mat3 {
  const [x, y] = vondrakSeries(jdTt, XYPOL, XYPER);
  const w = x * x + y * y;
  const peq: Vec3 = [x, y, w < 1 ? Math.sqrt(1 - w) : 0];
  const [p, q] = vondrakSeries(jdTt, PQPOL, PQPER);
  let z = 1 - p * p - q * q;
  z = z < 0 ? 0 : Math.sqrt(z);
  const s = Math.sin(EPS0_RAD);
  const c = Math.cos(EPS0_RAD);
  const pecl: Vec3 = [p, -q * c - z * s, -q * s + z * c];
  const v = cross(peq, pecl);
  const n = Math.hypot(v[0], v[1], v[2]);
  const eqx: Vec3 = [v[0] / n, v[1] / n, v[2] / n];
  return [eqx, cross(peq, eqx), peq];
}

function mul(m: Mat3, v: Vec3): Vec3 {
  return [
    m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
    m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
    m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
  ];
}

function mulT(m: Mat3, v: Vec3): Vec3 {
  return [
    m[0][0] * v[0] + m[1][0] * v[1] + m[2][0] * v[2],
    m[0][1] * v[0] + m[1][1] * v[1] + m[2][1] * v[2],
    m[0][2] * v[0] + m[1][2] * v[1] + m[2][2] * v[2],
  ];
}

/** Equatorial → ecliptic rotation by obliquity `eps` (SE `swi_coortrf` with eps > 0). */
function equatorialToEcliptic(v: Vec3, eps: number): Vec3 {
  const s = Math.sin(eps);
  const c = Math.cos(eps);
  return [v[0], v[1] * c + v[2] * s, -v[1] * s + v[2] * c];
}

function longitudeRad(v: Vec3): number {
  const l = Math.atan2(v[1], v[0]);
  return l < 0 ? l + TWO_PI : l;
}

function degnorm(x: number): number {
  const y = x % 360;
  return y < 0 ? y + 360 : y;
}

type OldPrecession = 'NEWCOMB' | 'IAU_1976';

/**
 * Precession by the three angles ζ, z, θ (SE `precess_1`) for the two older models an ayanamsa
 * may be tied to: IAU 1976 (Lieske et al. 1977, A&A 58, 1) and Newcomb (SE 2.10's active branch,
 * Newcomb's constants in tropical millennia from B1850). `toDate`: J2000 → date; else date → J2000.
 */
function precessAngles(v: Vec3, jdTt: number, toDate: boolean, model: OldPrecession): Vec3 {
  let Z: number;
  let z: number;
  let TH: number;
  if (model === 'IAU_1976') {
    const T = (jdTt - J2000) / 36525;
    Z = ((0.017998 * T + 0.30188) * T + 2306.2181) * T * AS2R;
    z = ((0.018203 * T + 1.09468) * T + 2306.2181) * T * AS2R;
    TH = ((-0.041833 * T - 0.42665) * T + 2004.3109) * T * AS2R;
  } else {
    const mills = 365242.198782;
    const t1 = (J2000 - B1850) / mills;
    const t2 = (jdTt - B1850) / mills;
    const T = t2 - t1;
    const T2 = T * T;
    const T3 = T2 * T;
    const Z1 = 23035.5548 + 139.720 * t1 + 0.069 * t1 * t1;
    Z = (Z1 * T + (30.242 - 0.269 * t1) * T2 + 17.996 * T3) * AS2R;
    z = (Z1 * T + (109.478 - 0.387 * t1) * T2 + 18.324 * T3) * AS2R;
    TH = ((20051.125 - 85.294 * t1 - 0.365 * t1 * t1) * T + (-42.647 - 0.365 * t1) * T2 - 41.802 * T3) * AS2R;
  }
  const sinth = Math.sin(TH), costh = Math.cos(TH);
  const sinZ = Math.sin(Z), cosZ = Math.cos(Z);
  const sinz = Math.sin(z), cosz = Math.cos(z);
  const A = cosZ * costh;
  const B = sinZ * costh;
  const [r0, r1, r2] = v;
  if (toDate) {
    return [
      (A * cosz - sinZ * sinz) * r0 - (B * cosz + cosZ * sinz) * r1 - sinth * cosz * r2,
      (A * sinz + sinZ * cosz) * r0 - (B * sinz - cosZ * cosz) * r1 - sinth * sinz * r2,
      cosZ * sinth * r0 - sinZ * sinth * r1 + costh * r2,
    ];
  }
  return [
    (A * cosz - sinZ * sinz) * r0 + (A * sinz + sinZ * cosz) * r1 + cosZ * sinth * r2,
    -(B * cosz + cosZ * sinz) * r0 - (B * sinz - cosZ * cosz) * r1 - sinZ * sinth * r2,
    -sinth * cosz * r0 - sinth * sinz * r1 + costh * r2,
  ];
}

// ---- the ayanamsa definitions (Swiss Ephemeris 2.10 sweph.h `ayanamsa[]`) ----

interface PrecessionAyanamsa {
  kind: 'precession';
  /** SE mode number, for reference. */
  seMode: number;
  /** Epoch t0, Julian day (TT unless `t0IsUt`). */
  t0: number;
  /** Ayanamsa at t0, degrees. */
  ayanT0Deg: number;
  t0IsUt: boolean;
  /** Precession model the definition was made with (SE `prec_offset`); null: none / unknown. */
  precOffset: OldPrecession | null;
}
interface StarAyanamsa {
  kind: 'star';
  seMode: number;
  star: StarRecord;
  /** Sidereal longitude assigned to the star, degrees. */
  starLongitudeDeg: number;
}

/** A star record as in SE's sefstars.txt / `get_builtin_star` (new format: mas/yr, mas). */
interface StarRecord {
  name: string;
  raHours: number; raMinutes: number; raSeconds: number;
  decSign: 1 | -1; decDegrees: number; decMinutes: number; decSeconds: number;
  /** Proper motion in RA × cos δ, mas/yr. */
  pmRaMasPerYear: number;
  pmDecMasPerYear: number;
  radialVelocityKmPerS: number;
  parallaxMas: number;
}

/** Spica, SE built-in record (same as the project's fixed-star catalogue, Hipparcos/SIMBAD). */
const SPICA: StarRecord = {
  name: 'Spica,alVir',
  raHours: 13, raMinutes: 25, raSeconds: 11.57937,
  decSign: -1, decDegrees: 11, decMinutes: 9, decSeconds: 40.7501,
  pmRaMasPerYear: -42.35, pmDecMasPerYear: -30.67, radialVelocityKmPerS: 1, parallaxMas: 13.06,
};
/** Galactic centre, SE built-in record ",SgrA*" ("Gal. Center,SgrA*,2000,17,45,40.03599,-29,00,28.1699,-2.755718425,-5.547,0.0,0.125"). */
const SGR_A_STAR: StarRecord = {
  name: 'Gal. Center,SgrA*',
  raHours: 17, raMinutes: 45, raSeconds: 40.03599,
  decSign: -1, decDegrees: 29, decMinutes: 0, decSeconds: 28.1699,
  pmRaMasPerYear: -2.755718425, pmDecMasPerYear: -5.547, radialVelocityKmPerS: 0, parallaxMas: 0.125,
};

/** ΔT at 1 BC Jan 1 (SE's Stephenson–Morrison–Hohenkerk 2016 model), for DeLuce's UT epoch. */
const DELTA_T_1BC_SECONDS = 10600;

/**
 * The nine ayanamsas (SE mode numbers and values from sweph.h 2.10, `ayanamsa[]`).
 * Fagan/Bradley: SVP 335°57′28.64″ at B1950 (American Sidereal Ephemeris). Lahiri: Indian
 * Calendar Reform Committee 1956, 23.25° minus nutation. DeLuce: zero at 1 Jan 1 BC (UT).
 * Raman, Krishnamurti, Yukteshwar, J.N. Bhasin: values at J1900 (R. Hand, D. Cochrane).
 */
const DEFINITIONS: Record<Ayanamsa, PrecessionAyanamsa | StarAyanamsa> = {
  FAGAN_BRADLEY: { kind: 'precession', seMode: 0, t0: 2433282.42346, ayanT0Deg: 24.042044444, t0IsUt: false, precOffset: 'NEWCOMB' },
  LAHIRI: { kind: 'precession', seMode: 1, t0: 2435553.5, ayanT0Deg: 23.250182778 - 0.004658035, t0IsUt: false, precOffset: 'IAU_1976' },
  DELUCE: { kind: 'precession', seMode: 2, t0: 1721057.5, ayanT0Deg: 0, t0IsUt: true, precOffset: null },
  RAMAN: { kind: 'precession', seMode: 3, t0: J1900, ayanT0Deg: 360 - 338.98556, t0IsUt: false, precOffset: 'NEWCOMB' },
  KRISHNAMURTI: { kind: 'precession', seMode: 5, t0: J1900, ayanT0Deg: 360 - 337.636111, t0IsUt: false, precOffset: 'NEWCOMB' },
  YUKTESHWAR: { kind: 'precession', seMode: 7, t0: J1900, ayanT0Deg: 360 - 338.917778, t0IsUt: false, precOffset: null },
  JN_BHASIN: { kind: 'precession', seMode: 8, t0: J1900, ayanT0Deg: 360 - 338.634444, t0IsUt: false, precOffset: null },
  TRUE_CITRA: { kind: 'star', seMode: 27, star: SPICA, starLongitudeDeg: 180 },
  GALACTIC_CENTER_0SAG: { kind: 'star', seMode: 17, star: SGR_A_STAR, starLongitudeDeg: 240 },
};

/** t0 in TT and the Vondrák quantities at t0, computed once per definition (pure constants). */
interface EpochFrame {
  t0Tt: number;
  /** Precession matrix J2000 → mean equator/equinox of t0. */
  p0: Mat3;
  eps0: number;
  /** SE's precession-offset correction, degrees. */
  corrDeg: number;
}

function epochFrame(def: PrecessionAyanamsa): EpochFrame {
  const t0Tt = def.t0 + (def.t0IsUt ? DELTA_T_1BC_SECONDS / 86400 : 0);
  const p0 = precessionMatrixVondrak(t0Tt);
  const eps0 = meanObliquityVondrakRad(t0Tt);
  let corrDeg = 0;
  if (def.precOffset) {
    // get_aya_correction: t0 equinox → J2000 (Vondrák) → t0 (old model), longitude on the t0 ecliptic.
    const x = precessAngles(mulT(p0, [1, 0, 0]), t0Tt, true, def.precOffset);
    corrDeg = longitudeRad(equatorialToEcliptic(x, eps0)) / DEG;
    if (corrDeg > 350) corrDeg -= 360;
  }
  return { t0Tt, p0, eps0, corrDeg };
}

const EPOCH_FRAMES = new Map<Ayanamsa, EpochFrame>();
for (const a of AYANAMSAS) {
  const def = DEFINITIONS[a];
  if (def.kind === 'precession') EPOCH_FRAMES.set(a, epochFrame(def));
}

function meanPrecessionAyanamsaDeg(def: PrecessionAyanamsa, frame: EpochFrame, jdTt: number): number {
  // Vernal point of date → J2000 → equator of t0 → ecliptic of t0.
  const j2000 = mulT(precessionMatrixVondrak(jdTt), [1, 0, 0]);
  const x = equatorialToEcliptic(mul(frame.p0, j2000), frame.eps0);
  const ayan = -longitudeRad(x) / DEG + def.ayanT0Deg;
  return degnorm(degnorm(ayan) - frame.corrDeg);
}

// ---- star positions (SE swe_fixstar without nutation) ----

const AU_M = 1.49597870700e11;
const C_M_PER_S = 2.99792458e8;
/** 2 GM☉ / c² in AU (SE: HELGRAVCONST 1.32712440017987e20 m³/s², CLIGHT, AUNIT). */
const TWO_MU_OVER_C2_AU = (2 * 1.32712440017987e20) / (C_M_PER_S * C_M_PER_S) / AU_M;
const PARSEC_AU = 206264.8062471;
const KM_S_TO_AU_PER_DAY = 86400 / (AU_M / 1000);

/**
 * Frame bias ICRS → J2000 mean equator and equinox (IAU 2006: dψ = −0.041775″,
 * dε = −0.0068192″, dα0 = −0.0146″; SOFA iauBi00/iauBp06), as SE `swi_bias` applies (≤ 0.02″).
 */
const FRAME_BIAS: Mat3 = (() => {
  const dpsi = -0.041775 * AS2R;
  const deps = -0.0068192 * AS2R;
  const dra0 = -0.0146 * AS2R;
  const sEps0 = Math.sin(84381.448 * AS2R);
  // R1(−deps) · R2(dpsi sin ε0) · R3(dra0), small-angle second-order form is enough at 1e-12.
  const rx = -deps, ry = dpsi * sEps0, rz = dra0;
  const r3: Mat3 = [[Math.cos(rz), Math.sin(rz), 0], [-Math.sin(rz), Math.cos(rz), 0], [0, 0, 1]];
  const r2: Mat3 = [[Math.cos(ry), 0, -Math.sin(ry)], [0, 1, 0], [Math.sin(ry), 0, Math.cos(ry)]];
  const r1: Mat3 = [[1, 0, 0], [0, Math.cos(rx), Math.sin(rx)], [0, -Math.sin(rx), Math.cos(rx)]];
  const m = (a: Mat3, b: Mat3): Mat3 => [0, 1, 2].map((i) => [0, 1, 2].map((j) =>
    a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j])) as Mat3;
  return m(r1, m(r2, r3));
})();

interface StarCartesian {
  pos: Vec3;
  /** AU/day. */
  vel: Vec3;
}

/** Barycentric ICRS position (AU) and velocity (AU/day) at J2000 from a catalogue record (SE `fixstar_cut_string` + `swi_polcart_sp`). */
function starCartesian(s: StarRecord): StarCartesian {
  const ra = (s.raHours + s.raMinutes / 60 + s.raSeconds / 3600) * 15 * DEG;
  const de = s.decSign * (s.decDegrees + s.decMinutes / 60 + s.decSeconds / 3600) * DEG;
  // rad/day; SE divides the RA proper motion (a great-circle rate) by cos δ.
  const raDot = (s.pmRaMasPerYear / 1000) * AS2R / Math.cos(de) / 365.25;
  const deDot = (s.pmDecMasPerYear / 1000) * AS2R / 365.25;
  const r = s.parallaxMas === 0 ? 1e9 : PARSEC_AU / (s.parallaxMas / 1000);
  const rDot = s.radialVelocityKmPerS * KM_S_TO_AU_PER_DAY;
  const cl = Math.cos(ra), sl = Math.sin(ra), cb = Math.cos(de), sb = Math.sin(de);
  const pos: Vec3 = [r * cb * cl, r * cb * sl, r * sb];
  // d/dt of (r cosδ cosα, r cosδ sinα, r sinδ)
  const vel: Vec3 = [
    rDot * cb * cl - r * sb * deDot * cl - r * cb * sl * raDot,
    rDot * cb * sl - r * sb * deDot * sl + r * cb * cl * raDot,
    rDot * sb + r * cb * deDot,
  ];
  return { pos, vel };
}

const STAR_CARTESIAN = new Map<string, StarCartesian>([
  [SPICA.name, starCartesian(SPICA)],
  [SGR_A_STAR.name, starCartesian(SGR_A_STAR)],
]);

function timeFromTt(jdTt: number): AstroTime {
  const tt = jdTt - J2000;
  const time = new AstroTime(tt);
  time.tt = tt;
  return time;
}

/**
 * Geocentric ecliptic longitude of a star, mean equinox and ecliptic of date (no nutation),
 * with parallax, light deflection and aberration, degrees [0, 360).
 */
function starMeanLongitudeDeg(star: StarRecord, jdTt: number, time: AstroTime): number {
  const sc = STAR_CARTESIAN.get(star.name)!;
  const dt = jdTt - J2000;
  // Heliocentric Earth stands in for the barycentric one (SE uses barycentric): the Sun's
  // barycentric velocity (≤ 15 m/s) changes the aberration by ≤ 0.01″ and its offset (≤ 0.01 AU)
  // the parallax by < 0.001″; BaryState would cost 5× more (all planets).
  const earth = HelioState(AeBody.Earth, time);
  const sun = { x: 0, y: 0, z: 0 };
  // Space motion, then geocentric (annual parallax).
  let u: Vec3 = [
    sc.pos[0] + dt * sc.vel[0] - earth.x,
    sc.pos[1] + dt * sc.vel[1] - earth.y,
    sc.pos[2] + dt * sc.vel[2] - earth.z,
  ];
  const ru = Math.hypot(u[0], u[1], u[2]);
  u = [u[0] / ru, u[1] / ru, u[2] / ru];
  // Gravitational deflection by the Sun (SE swi_deflect_light; star: q ∥ u).
  const e: Vec3 = [earth.x - sun.x, earth.y - sun.y, earth.z - sun.z];
  const re = Math.hypot(e[0], e[1], e[2]);
  const eu: Vec3 = [e[0] / re, e[1] / re, e[2] / re];
  const ue = u[0] * eu[0] + u[1] * eu[1] + u[2] * eu[2];
  const g = TWO_MU_OVER_C2_AU / re / (1 + ue);
  u = [u[0] + g * (eu[0] - ue * u[0]), u[1] + g * (eu[1] - ue * u[1]), u[2] + g * (eu[2] - ue * u[2])];
  // Relativistic annual aberration (SE swi_aberr_light), Earth's barycentric velocity.
  const v: Vec3 = [earth.vx / C_AU_PER_DAY, earth.vy / C_AU_PER_DAY, earth.vz / C_AU_PER_DAY];
  const b1 = Math.sqrt(1 - (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
  const f1 = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const f2 = 1 + f1 / (1 + b1);
  u = [(b1 * u[0] + f2 * v[0]) / (1 + f1), (b1 * u[1] + f2 * v[1]) / (1 + f1), (b1 * u[2] + f2 * v[2]) / (1 + f1)];
  // ICRS → J2000 → mean equator of date → mean ecliptic of date.
  const ofDate = mul(precessionMatrixVondrak(jdTt), mul(FRAME_BIAS, u));
  return longitudeRad(equatorialToEcliptic(ofDate, meanObliquityVondrakRad(jdTt))) / DEG;
}

/** Supported range of `ayanamsaDegrees`, Julian day TT (1800-01-01 − 1 day … 2400-01-01 + 1 day). */
export const AYANAMSA_MIN_JD_TT = 2378495.5;
export const AYANAMSA_MAX_JD_TT = 2597642.5;

/**
 * The ayanamsa: sidereal longitude of the vernal point subtracted from tropical longitudes
 * (sidereal λ = tropical λ − ayanamsa), as Swiss Ephemeris 2.10 `swe_get_ayanamsa_ex` defines it.
 *
 * @param ayanamsa one of the nine ayanamsas of the API.
 * @param jdTt Julian day, Terrestrial Time; 1800–2400 (precession-based ones are sound far
 *   outside, but the module's range is checked by callers; star-based ones need astronomy-engine).
 * @param opts.withNutation default true: the "true" ayanamsa (mean + nutation in longitude, what
 *   SE uses for sidereal positions); false: the mean ayanamsa (SEFLG_NONUT).
 * @returns degrees in [0, 360) (about 20°–30° over 1800–2400).
 * Accuracy vs SE 2.10: see tests/unit/sidereal-ayanamsa.test.ts (worst error per mode printed).
 * Cost: ≈ 1–2 µs (precession-based), ≈ 10 µs (star-based: astronomy-engine's Earth state).
 */
export function ayanamsaDegrees(ayanamsa: Ayanamsa, jdTt: number, opts?: { withNutation?: boolean }): number {
  const def = DEFINITIONS[ayanamsa];
  if (!def) throw new ValidationError('ayanamsa', `unknown ayanamsa: ${String(ayanamsa)}`);
  if (!Number.isFinite(jdTt)) throw new ValidationError('moment', `invalid Julian day: ${jdTt}`);
  const withNutation = opts?.withNutation ?? true;
  let mean: number;
  if (def.kind === 'precession') {
    mean = meanPrecessionAyanamsaDeg(def, EPOCH_FRAMES.get(ayanamsa)!, jdTt);
  } else {
    const time = timeFromTt(jdTt);
    mean = degnorm(starMeanLongitudeDeg(def.star, jdTt, time) - def.starLongitudeDeg);
  }
  if (!withNutation) return mean;
  return degnorm(mean + (nutation2000B(jdTt).dpsi * 180) / Math.PI);
}

/** Swiss Ephemeris `SE_SIDM_*` number of an ayanamsa (for documentation and cross-checks). */
export function swissEphemerisSiderealMode(ayanamsa: Ayanamsa): number {
  return DEFINITIONS[ayanamsa].seMode;
}
