/**
 * House cusps and angles (ascendant, midheaven, vertex, ARMC) for the twelve house systems of the
 * API (the `HouseSystem` enum).
 *
 * Frame: ecliptic of date, true equinox (tropical); sidereal results are the tropical ones minus
 * the ayanamsa (the "traditional" method of Swiss Ephemeris, swehouse.c `sidereal_houses_trad`).
 * All angles in degrees, longitudes normalised to [0, 360), speeds in degrees per day.
 *
 * Sources of the formulas:
 * - Swiss Ephemeris, "General documentation of the Swiss Ephemeris" (Astrodienst, swisseph.htm),
 *   its chapter on houses (the definitions of the house methods), and its implementation swehouse.c (`CalcH`, `Asc1`, `AscDash`, aloistr/swisseph):
 *   the definitions of every system below, the Placidus iteration and its stopping rule, the Koch
 *   formula, the Polich–Page ("topocentric") pole heights, the axial-rotation (Meridian, 'X') and
 *   Morinus projections, Alcabitius' division of the ascendant's semi-arcs, Vehlow (equal houses
 *   with the ascendant in the middle of house 1), the vertex convention, and the polar-circle
 *   rules (Placidus and Koch fall back to Porphyry where |φ| ≥ 90° − ε; other systems swap the
 *   ascendant to the eastern horizon). This module re-derives those formulas (no code is copied):
 *   the reference data (tests/reference/houses.json) was produced by Swiss Ephemeris 2.10.03.
 * - Meeus, "Astronomical Algorithms" 2nd ed., ch. 13 (eq. 13.3 ecliptic longitude from right
 *   ascension, the ascendant formula) and ch. 12 (sidereal time).
 *
 * The one formula everything is built on ("Asc1" in swehouse.c): the ecliptic point cut by a
 * great circle through the north and south points of a horizon of pole height f, at oblique
 * ascension x (x = ARMC + 90° and f = φ gives the ascendant):
 *     λ = atan2(sin x, cos x · cos ε − tan f · sin ε)
 * Its derivative with respect to x (for the speeds) is
 *     dλ/dx = (cos x · c + cos ε · sin² x) / (sin² x + c²),  c = cos x · cos ε − tan f · sin ε.
 *
 * Known error against Swiss Ephemeris 2.10.03 (tests/reference/houses.test.ts prints the worst):
 * the formulas are identical, so the difference comes from the ARMC and obliquity inputs.
 * astronomy-engine's apparent sidereal time (IAU 2006 ERA-based GMST + equation of the equinoxes
 * from IAU 2000B nutation) agrees with Swiss Ephemeris' ARMC within 0.18″ over 1850–2050 and 0.37″
 * over 1800–1850 (measured on houses.json); Swiss Ephemeris switches to its own long-term
 * sidereal-time model (Simon et al. 1994 mean Earth longitude, precessed) outside 1850–2050, which
 * departs from the IERS definition by up to 8.3″ over 2050–2399. We keep the IERS/IAU 2006 value.
 * Cusps amplify an ARMC error by a factor that grows with latitude (worst cusp errors per system
 * are printed by tests/reference/houses.test.ts: ≤ 5″ for |φ| ≤ 60° before 2100, ≤ 23″ elsewhere).
 * The Placidus iteration stops, like Swiss Ephemeris', when a step changes the cusp by < 0.01″.
 */
import { AstroTime, SiderealTime, e_tilt } from 'astronomy-engine';
import { CalculationError, ValidationError, toError } from '../errors.js';
import { HOUSE_SYSTEMS } from './types.js';
import type { GeoLocation, HouseSystem, Houses, ResolvedMoment } from './types.js';

/** Houses plus the daily motions of the two main angles (needed for applying/separating aspects). */
export interface HousesResult extends Houses {
  /** d(ascendant)/dt, degrees per day (a few hundred; larger at high latitudes), analytic derivative. */
  ascendantSpeed: number;
  /** d(midheaven)/dt, degrees per day, from the analytic derivative. */
  midheavenSpeed: number;
}

/** Options of {@link computeHouses}. */
export interface HousesOptions {
  /**
   * Sidereal zodiac: the ayanamsa in degrees to subtract from every cusp and angle (Swiss
   * Ephemeris' traditional method). Omit (or 0) for the tropical zodiac.
   */
  ayanamsaDegrees?: number;
}

const DEG = Math.PI / 180;
const RAD = 180 / Math.PI;
/** swehouse.h VERY_SMALL: guards for the poles and singular points. */
const VERY_SMALL = 1e-10;
/** Swiss Ephemeris' Placidus stopping rule: change between iterations below 0.01″. */
const PLACIDUS_TOLERANCE_DEGREES = 1 / 360000;
/** Swiss Ephemeris' Placidus iteration limit. */
const PLACIDUS_MAX_ITERATIONS = 100;
/** Tropical year in days (swehouse.c SOLAR_YEAR). */
const SOLAR_YEAR_DAYS = 365.24219893;
/** Rate of the ARMC, degrees per (solar) day: (SOLAR_YEAR + 1) / SOLAR_YEAR × 360. */
const ARMC_DEGREES_PER_DAY = ((SOLAR_YEAR_DAYS + 1) / SOLAR_YEAR_DAYS) * 360;
const J2000_JD = 2451545.0;

const SYSTEM_SET: ReadonlySet<string> = new Set(HOUSE_SYSTEMS);

/** Normalises an angle in degrees to [0, 360). */
function norm360(x: number): number {
  const r = x % 360;
  return r < 0 ? (r + 360 === 360 ? 0 : r + 360) : r;
}

/** a − b normalised to [−180, 180), degrees. */
function diff180(a: number, b: number): number {
  const d = norm360(a - b);
  return d >= 180 ? d - 360 : d;
}

/**
 * Ecliptic longitude (degrees, [0, 360)) of the point where the ecliptic meets the great circle
 * through the north/south points of a horizon of pole height `f` at oblique ascension `x`.
 * Swiss Ephemeris' `Asc1`; its pole guards (f = ±90° gives 180° / 0°) are kept.
 */
function asc1(x: number, f: number, sine: number, cose: number): number {
  if (Math.abs(90 - f) < VERY_SMALL) return 180;
  if (Math.abs(90 + f) < VERY_SMALL) return 0;
  const xr = x * DEG;
  return norm360(Math.atan2(Math.sin(xr), Math.cos(xr) * cose - Math.tan(f * DEG) * sine) * RAD);
}

/** d asc1 / dt in degrees per day (the oblique ascension moves at the ARMC's rate). */
function asc1Speed(x: number, f: number, sine: number, cose: number): number {
  const xr = x * DEG;
  const cosx = Math.cos(xr);
  const sinx = Math.sin(xr);
  const sinx2 = sinx * sinx;
  const c = cose * cosx - Math.tan(f * DEG) * sine;
  const d = sinx2 + c * c;
  if (d <= VERY_SMALL) return 0; // on the axis of the ecliptic
  return ((cosx * c + cose * sinx2) / d) * ARMC_DEGREES_PER_DAY;
}

/** Ecliptic longitude of the ecliptic point with right ascension `ra` (Meeus 13.3 with β = 0). */
function raToLongitude(ra: number, cose: number): number {
  const r = ra * DEG;
  return norm360(Math.atan2(Math.sin(r), Math.cos(r) * cose) * RAD);
}

/** Mutable scratch of one house computation (tropical, before the ayanamsa). */
interface RawHouses {
  /** cusps[1..12]; index 0 unused (keeps the house numbers readable). */
  cusps: number[];
  ascendant: number;
  midheaven: number;
  vertex: number;
  ascendantSpeed: number;
  midheavenSpeed: number;
  system: HouseSystem;
  warning: string | null;
}

/** Porphyry: trisect both quadrants in longitude. Swaps the ascendant if it is on the wrong side. */
function porphyry(h: RawHouses): void {
  let acmc = diff180(h.ascendant, h.midheaven);
  if (acmc < 0) {
    h.ascendant = norm360(h.ascendant + 180);
    acmc = diff180(h.ascendant, h.midheaven);
  }
  const c = h.cusps;
  c[1] = h.ascendant;
  c[10] = h.midheaven;
  c[2] = norm360(h.ascendant + (180 - acmc) / 3);
  c[3] = norm360(h.ascendant + ((180 - acmc) / 3) * 2);
  c[11] = norm360(h.midheaven + acmc / 3);
  c[12] = norm360(h.midheaven + (acmc / 3) * 2);
}

/** Within the polar circle the ascendant may lie west of the meridian: put it back east. */
function swapAscendantIfWest(h: RawHouses): void {
  if (diff180(h.ascendant, h.midheaven) < 0) h.ascendant = norm360(h.ascendant + 180);
}

/**
 * One Placidus cusp: the ecliptic point whose hour angle has run `1/divisor` of its semi-arc
 * (divisor 3 for cusps 11 and 3, 1.5 for 12 and 2), found by Swiss Ephemeris' fixed-point
 * iteration on the pole height f (same start, same 0.01″ stopping rule, same limit), so the result
 * matches the reference to its own convergence. Returns NaN if it does not converge.
 *
 * One step: δ = declination of the current cusp, tan f = sin(asin(tan φ · tan δ) / divisor) / tan δ,
 * cusp = Asc1(rectasc, f). Evaluated without redundant trigonometry: Asc1's atan2 arguments give
 * sin λ directly (sin λ = y / hypot(x, y)), tan(asin s) = s / √(1 − s²), and tan f is used as is.
 */
function placidusCusp(
  rectasc: number,
  fhStart: number,
  divisor: number,
  tanfi: number,
  sine: number,
  cose: number,
): number {
  const xr = rectasc * DEG;
  const y = Math.sin(xr);
  const xc = Math.cos(xr) * cose;
  /** tan δ of the ecliptic point Asc1(rectasc, f) given tan f. */
  const tanDeclination = (tanf: number): number => {
    const x = xc - tanf * sine;
    const r = Math.sqrt(x * x + y * y);
    const sd = r === 0 ? 0 : (sine * y) / r;
    return sd / Math.sqrt(1 - sd * sd);
  };
  const longitude = (tanf: number): number =>
    Math.abs(tanf) < 5e11 ? norm360(Math.atan2(y, xc - tanf * sine) * RAD) : asc1(rectasc, Math.atan(tanf) * RAD, sine, cose);
  let tant = tanDeclination(Math.tan(fhStart * DEG));
  if (Math.abs(tant) < VERY_SMALL) return norm360(rectasc);
  let tanf = Math.sin(Math.asin(tanfi * tant) / divisor) / tant;
  let cusp = longitude(tanf);
  let previous = 0;
  for (let i = 1; i <= PLACIDUS_MAX_ITERATIONS; i++) {
    tant = tanDeclination(tanf);
    if (Math.abs(tant) < VERY_SMALL) return norm360(rectasc);
    tanf = Math.sin(Math.asin(tanfi * tant) / divisor) / tant;
    cusp = longitude(tanf);
    if (i > 1 && Math.abs(diff180(cusp, previous)) < PLACIDUS_TOLERANCE_DEGREES) {
      return i >= PLACIDUS_MAX_ITERATIONS ? Number.NaN : cusp;
    }
    previous = cusp;
  }
  return Number.NaN;
}

function polarWarning(system: HouseSystem, fi: number, ekl: number, detail: string): string {
  return (
    `${system} houses are undefined here (${detail}; |latitude| ${Math.abs(fi).toFixed(4)}°, ` +
    `90° − obliquity = ${(90 - ekl).toFixed(4)}°): within polar circle, switched to Porphyry`
  );
}

/**
 * Tropical cusps and angles from the ARMC, geographic latitude and true obliquity (all degrees).
 * Follows swehouse.c `CalcH` system by system; see the module comment for the sources.
 */
function calcHouses(armc: number, latitude: number, obliquity: number, system: HouseSystem): RawHouses {
  const th = norm360(armc);
  let fi = latitude;
  const ekl = obliquity;
  const sine = Math.sin(ekl * DEG);
  const cose = Math.cos(ekl * DEG);
  // At the exact poles the horizon is the equator: nudge like Swiss Ephemeris.
  if (Math.abs(Math.abs(fi) - 90) < VERY_SMALL) fi = fi < 0 ? -90 + VERY_SMALL : 90 - VERY_SMALL;
  const tanfi = Math.tan(fi * DEG);
  const polar = Math.abs(fi) >= 90 - ekl;

  const h: RawHouses = {
    cusps: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ascendant: asc1(th + 90, fi, sine, cose),
    midheaven: raToLongitude(th, cose),
    vertex: 0,
    ascendantSpeed: asc1Speed(th + 90, fi, sine, cose),
    midheavenSpeed: asc1Speed(th, 0, sine, cose),
    system,
    warning: null,
  };
  const c = h.cusps;
  c[1] = h.ascendant;
  c[10] = h.midheaven;

  /** Regiomontanus, Campanus, Polich–Page: inside the polar circle, when the MC has set and the
   * ascendant moved west, every cusp (and both angles) is turned by 180° (houses run clockwise). */
  const flipAllIfPolarWest = (): void => {
    if (polar && diff180(h.ascendant, h.midheaven) < 0) {
      h.ascendant = norm360(h.ascendant + 180);
      h.midheaven = norm360(h.midheaven + 180);
      for (const i of [1, 2, 3, 10, 11, 12]) c[i] = norm360(c[i] + 180);
    }
  };

  switch (system) {
    case 'EQUAL': {
      swapAscendantIfWest(h);
      for (let i = 1; i <= 12; i++) c[i] = norm360(h.ascendant + (i - 1) * 30);
      break;
    }
    case 'VEHLOW': {
      // Equal houses with the ascendant in the middle of house 1.
      swapAscendantIfWest(h);
      for (let i = 1; i <= 12; i++) c[i] = norm360(h.ascendant - 15 + (i - 1) * 30);
      break;
    }
    case 'WHOLE_SIGN': {
      swapAscendantIfWest(h);
      const first = h.ascendant - (h.ascendant % 30);
      for (let i = 1; i <= 12; i++) c[i] = norm360(first + (i - 1) * 30);
      break;
    }
    case 'PORPHYRY':
      porphyry(h);
      break;
    case 'CAMPANUS': {
      // Prime vertical trisected; cusps are the ecliptic points on the house circles through the
      // north and south points of the horizon.
      const fh1 = Math.asin(Math.sin(fi * DEG) / 2) * RAD;
      const fh2 = Math.asin((Math.sqrt(3) / 2) * Math.sin(fi * DEG)) * RAD;
      const cosfi = Math.cos(fi * DEG);
      let xh1: number;
      let xh2: number;
      if (cosfi === 0) {
        xh1 = xh2 = fi > 0 ? 90 : 270;
      } else {
        xh1 = Math.atan(Math.sqrt(3) / cosfi) * RAD;
        xh2 = Math.atan(1 / Math.sqrt(3) / cosfi) * RAD;
      }
      c[11] = asc1(th + 90 - xh1, fh1, sine, cose);
      c[12] = asc1(th + 90 - xh2, fh2, sine, cose);
      c[2] = asc1(th + 90 + xh2, fh2, sine, cose);
      c[3] = asc1(th + 90 + xh1, fh1, sine, cose);
      flipAllIfPolarWest();
      break;
    }
    case 'REGIOMONTANUS':
    case 'TOPOCENTRIC': {
      // Regiomontanus (equator trisected): pole heights tan f = tan φ · sin(30°), tan φ · sin(60°).
      // Topocentric (Polich–Page): tan f = tan φ / 3 and 2 tan φ / 3.
      const regio = system === 'REGIOMONTANUS';
      const fh1 = Math.atan(regio ? tanfi * 0.5 : tanfi / 3) * RAD;
      const fh2 = Math.atan(regio ? tanfi * Math.cos(30 * DEG) : (tanfi * 2) / 3) * RAD;
      c[11] = asc1(30 + th, fh1, sine, cose);
      c[12] = asc1(60 + th, fh2, sine, cose);
      c[2] = asc1(120 + th, fh2, sine, cose);
      c[3] = asc1(150 + th, fh1, sine, cose);
      flipAllIfPolarWest();
      break;
    }
    case 'KOCH': {
      if (polar) {
        h.system = 'PORPHYRY';
        h.warning = polarWarning('KOCH', fi, ekl, 'Koch');
        porphyry(h);
        break;
      }
      // Birthplace system: the MC's oblique ascension trisected by its ascensional difference.
      let sina = (Math.sin(h.midheaven * DEG) * sine) / Math.cos(fi * DEG);
      if (sina > 1) sina = 1;
      if (sina < -1) sina = -1;
      const cosa = Math.sqrt(1 - sina * sina);
      const cc = Math.atan(tanfi / cosa);
      const ad3 = (Math.asin(Math.sin(cc) * sina) * RAD) / 3;
      c[11] = asc1(th + 30 - 2 * ad3, fi, sine, cose);
      c[12] = asc1(th + 60 - ad3, fi, sine, cose);
      c[2] = asc1(th + 120 + ad3, fi, sine, cose);
      c[3] = asc1(th + 150 + 2 * ad3, fi, sine, cose);
      break;
    }
    case 'PLACIDUS': {
      if (polar) {
        h.system = 'PORPHYRY';
        h.warning = polarWarning('PLACIDUS', fi, ekl, 'Placidus');
        porphyry(h);
        break;
      }
      const a = Math.asin(tanfi * (sine / cose)) * RAD;
      const fh1 = Math.atan(Math.sin((a / 3) * DEG) / (sine / cose)) * RAD;
      const fh2 = Math.atan(Math.sin(((a * 2) / 3) * DEG) / (sine / cose)) * RAD;
      const c11 = placidusCusp(30 + th, fh1, 3, tanfi, sine, cose);
      const c12 = placidusCusp(60 + th, fh2, 1.5, tanfi, sine, cose);
      const c2 = placidusCusp(120 + th, fh2, 1.5, tanfi, sine, cose);
      const c3 = placidusCusp(150 + th, fh1, 3, tanfi, sine, cose);
      if (Number.isNaN(c11) || Number.isNaN(c12) || Number.isNaN(c2) || Number.isNaN(c3)) {
        h.system = 'PORPHYRY';
        h.warning =
          `PLACIDUS iteration did not converge (|latitude| ${Math.abs(fi).toFixed(4)}° is very ` +
          `close to the polar circle): switched to Porphyry`;
        porphyry(h);
        break;
      }
      c[11] = c11;
      c[12] = c12;
      c[2] = c2;
      c[3] = c3;
      break;
    }
    case 'ALCABITIUS': {
      // Semi-arcs of the ascendant trisected on the equator, projected along declination circles.
      swapAscendantIfWest(h);
      c[1] = h.ascendant;
      const dek = Math.asin(Math.sin(h.ascendant * DEG) * sine);
      let r = -tanfi * Math.tan(dek);
      if (r > 1) r = 1;
      if (r < -1) r = -1;
      const sda = Math.acos(r) * RAD;
      const sna = 180 - sda;
      const sd3 = sda / 3;
      const sn3 = sna / 3;
      c[11] = raToLongitude(th + sd3, cose);
      c[12] = raToLongitude(th + 2 * sd3, cose);
      c[2] = raToLongitude(th + 180 - 2 * sn3, cose);
      c[3] = raToLongitude(th + 180 - sn3, cose);
      break;
    }
    case 'MERIDIAN': {
      // Axial rotation: ecliptic points with right ascension ARMC + n·30° (cusp 1 is the
      // equatorial ascendant, not the ascendant).
      for (let i = 1; i <= 12; i++) {
        const j = i + 10 > 12 ? i - 2 : i + 10;
        c[j] = raToLongitude(th + 30 * i, cose);
      }
      swapAscendantIfWest(h);
      break;
    }
    case 'MORINUS': {
      // Equator points ARMC + n·30° rotated into ecliptic coordinates (their ecliptic longitude).
      for (let i = 1; i <= 12; i++) {
        const j = i + 10 > 12 ? i - 2 : i + 10;
        const ar = (th + 30 * i) * DEG;
        c[j] = norm360(Math.atan2(Math.sin(ar) * cose, Math.cos(ar)) * RAD);
      }
      swapAscendantIfWest(h);
      break;
    }
  }
  // The lower half is the opposite of the upper half.
  c[4] = norm360(c[10] + 180);
  c[5] = norm360(c[11] + 180);
  c[6] = norm360(c[12] + 180);
  c[7] = norm360(c[1] + 180);
  c[8] = norm360(c[2] + 180);
  c[9] = norm360(c[3] + 180);

  // Vertex: the western intersection of the prime vertical with the ecliptic ("ascendant" of the
  // colatitude at ARMC − 90°). Between the tropics it is kept west of the meridian; at the
  // equator this gives 0° or 180° (Swiss Ephemeris' convention, matched by the reference).
  const f = fi >= 0 ? 90 - fi : -90 - fi;
  h.vertex = asc1(th - 90, f, sine, cose);
  if (Math.abs(fi) <= ekl && diff180(h.vertex, h.midheaven) > 0) {
    h.vertex = norm360(h.vertex + 180);
  }
  return h;
}

function finish(
  h: RawHouses,
  armc: number,
  requestedSystem: HouseSystem,
  ayanamsaDegrees: number,
): HousesResult {
  const ay = ayanamsaDegrees;
  const cusps = new Array<number>(12);
  for (let i = 1; i <= 12; i++) cusps[i - 1] = ay === 0 ? h.cusps[i] : norm360(h.cusps[i] - ay);
  const ascendant = ay === 0 ? h.ascendant : norm360(h.ascendant - ay);
  const midheaven = ay === 0 ? h.midheaven : norm360(h.midheaven - ay);
  if (h.system === 'WHOLE_SIGN' && ay !== 0) {
    // Whole signs of the sidereal zodiac: the sign of the sidereal ascendant.
    const first = ascendant - (ascendant % 30);
    for (let i = 0; i < 12; i++) cusps[i] = norm360(first + i * 30);
  }
  return {
    system: h.system,
    requestedSystem,
    cusps,
    ascendant,
    midheaven,
    descendant: norm360(ascendant + 180),
    imumCoeli: norm360(midheaven + 180),
    vertex: ay === 0 ? h.vertex : norm360(h.vertex - ay),
    armc: norm360(armc),
    warnings: h.warning === null ? [] : [h.warning],
    ascendantSpeed: h.ascendantSpeed,
    midheavenSpeed: h.midheavenSpeed,
  };
}

function checkSystem(system: HouseSystem, field: string): void {
  if (!SYSTEM_SET.has(system)) {
    throw new ValidationError(
      field,
      `unknown house system ${JSON.stringify(system)}; expected one of ${HOUSE_SYSTEMS.join(', ')}`,
    );
  }
}

function checkLatitude(latitude: number, field: string): void {
  if (typeof latitude !== 'number' || !Number.isFinite(latitude) || Math.abs(latitude) > 90) {
    throw new ValidationError(field, `latitude must be a number of degrees within [-90, 90], got ${latitude}`);
  }
}

function checkAyanamsa(opts: HousesOptions | undefined): number {
  const ay = opts?.ayanamsaDegrees ?? 0;
  if (typeof ay !== 'number' || !Number.isFinite(ay)) {
    throw new ValidationError('ayanamsa', `ayanamsaDegrees must be a finite number, got ${ay}`);
  }
  return ay;
}

/**
 * House cusps and angles from a local sidereal angle, for callers without an instant (composite
 * or progressed charts) and for tests.
 *
 * @param armcDegrees right ascension of the MC (local apparent sidereal time × 15), degrees.
 * @param latitudeDegrees geographic latitude, degrees, north positive, [-90, 90].
 * @param obliquityDegrees true obliquity of the ecliptic of date, degrees.
 * @param system the requested house system; PLACIDUS and KOCH fall back to PORPHYRY inside the
 *   polar circles (|φ| ≥ 90° − ε) with a warning, as Swiss Ephemeris does.
 * @param opts `ayanamsaDegrees` for the sidereal zodiac.
 * @returns cusps (12, house 1 first) and angles in degrees [0, 360) of the ecliptic of date
 *   (minus the ayanamsa if given); ARMC in [0, 360); angle speeds in degrees per day.
 */
export function computeHousesFromArmc(
  armcDegrees: number,
  latitudeDegrees: number,
  obliquityDegrees: number,
  system: HouseSystem,
  opts?: HousesOptions,
): HousesResult {
  checkSystem(system, 'houseSystem');
  checkLatitude(latitudeDegrees, 'location.latitude');
  if (!Number.isFinite(armcDegrees)) throw new ValidationError('armc', `ARMC must be finite, got ${armcDegrees}`);
  if (!Number.isFinite(obliquityDegrees) || obliquityDegrees <= 0 || obliquityDegrees >= 90) {
    throw new ValidationError('obliquity', `obliquity must be within (0, 90) degrees, got ${obliquityDegrees}`);
  }
  const ay = checkAyanamsa(opts);
  const raw = calcHouses(armcDegrees, latitudeDegrees, obliquityDegrees, system);
  return finish(raw, armcDegrees, system, ay);
}

/**
 * House cusps, ascendant, midheaven, descendant, imum coeli, vertex and ARMC at an instant and
 * place.
 *
 * ARMC = Greenwich apparent sidereal time (astronomy-engine `SiderealTime`, IAU 2006 GMST plus
 * the equation of the equinoxes) × 15 + east longitude; obliquity = true obliquity of date
 * (astronomy-engine `e_tilt(time).tobl`, IAU 2006 mean obliquity + IAU 2000B nutation).
 *
 * @param moment the resolved instant; only `julianDayUt` is used (TT follows from the ΔT model
 *   installed in astronomy-engine).
 * @param location geographic latitude [-90, 90] (north positive) and longitude [-180, 180]
 *   (east positive), degrees; elevation is irrelevant to houses.
 * @param system the requested system. PLACIDUS and KOCH are undefined inside the polar circles
 *   (|latitude| ≥ 90° − obliquity): there the result is PORPHYRY (`system`), `requestedSystem`
 *   keeps the request, and `warnings` says why.
 * @param opts `ayanamsaDegrees`: sidereal zodiac; cusps and angles minus the ayanamsa, [0, 360).
 * @returns cusps (12, house 1 first) and angles in degrees [0, 360); angle speeds in degrees/day.
 *   Accuracy against Swiss Ephemeris 2.10.03: see the module comment and the reference test.
 * @throws ValidationError naming `location.latitude`, `location.longitude`, `houseSystem`,
 *   `moment.julianDayUt` or `ayanamsa`; CalculationError if astronomy-engine fails.
 */
export function computeHouses(
  moment: ResolvedMoment,
  location: GeoLocation,
  system: HouseSystem,
  opts?: HousesOptions,
): HousesResult {
  checkSystem(system, 'houseSystem');
  if (location === null || typeof location !== 'object') {
    throw new ValidationError('location', 'a location (latitude, longitude) is required for houses');
  }
  checkLatitude(location.latitude, 'location.latitude');
  const lon = location.longitude;
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new ValidationError(
      'location.longitude',
      `longitude must be a number of degrees within [-180, 180] (east positive), got ${lon}`,
    );
  }
  const jdUt = moment?.julianDayUt;
  if (typeof jdUt !== 'number' || !Number.isFinite(jdUt)) {
    throw new ValidationError('moment.julianDayUt', `julianDayUt must be a finite number, got ${jdUt}`);
  }
  const ay = checkAyanamsa(opts);
  let gastHours: number;
  let obliquity: number;
  try {
    const time = new AstroTime(jdUt - J2000_JD);
    gastHours = SiderealTime(time);
    obliquity = e_tilt(time).tobl;
  } catch (thrown) {
    throw new CalculationError('sidereal time / obliquity calculation failed', { cause: toError(thrown) });
  }
  const armc = norm360(gastHours * 15 + lon);
  const raw = calcHouses(armc, location.latitude, obliquity, system);
  return finish(raw, armc, system, ay);
}

/**
 * The house (1..12) containing an ecliptic longitude. A cusp belongs to the house it begins:
 * a longitude exactly on cusp n is in house n.
 *
 * Works for either direction of the cusps: counter-clockwise (the normal case) and clockwise
 * (Regiomontanus, Campanus and Polich–Page inside the polar circles, where Swiss Ephemeris turns
 * the cusps by 180°). If the cusps are in neither order (not a partition of the circle), the house
 * is that of the nearest cusp at or before the longitude.
 *
 * @param longitude ecliptic longitude, degrees (any real; normalised to [0, 360)).
 * @param cusps the 12 cusp longitudes in degrees, house 1 first, same zodiac as `longitude`.
 * @returns the house number, 1..12.
 */
export function houseOfLongitude(longitude: number, cusps: readonly number[]): number {
  return houseLocator(cusps)(longitude);
}

/**
 * {@link houseOfLongitude} for many longitudes against the same cusps: the cusps' orientation is
 * worked out once. Same rules, errors and result.
 */
export function houseLocator(cusps: readonly number[]): (longitude: number) => number {
  if (cusps.length !== 12) {
    throw new ValidationError('cusps', `expected 12 house cusps, got ${cusps.length}`);
  }
  let forward = 0;
  let backward = 0;
  for (let i = 0; i < 12; i++) {
    const next = cusps[i === 11 ? 0 : i + 1];
    forward += norm360(next - cusps[i]);
    backward += norm360(cusps[i] - next);
  }
  const clockwise = Math.abs(forward - 360) > 1e-6 && Math.abs(backward - 360) <= 1e-6;
  const partition = Math.abs(forward - 360) <= 1e-6 || clockwise;
  return (longitude) => {
    if (!Number.isFinite(longitude)) {
      throw new ValidationError('longitude', `longitude must be finite, got ${longitude}`);
    }
    return houseIn(norm360(longitude), cusps, partition, clockwise);
  };
}

function houseIn(lon: number, cusps: readonly number[], partition: boolean, clockwise: boolean): number {
  if (partition) {
    for (let i = 0; i < 12; i++) {
      const start = cusps[i];
      const end = cusps[i === 11 ? 0 : i + 1];
      const width = clockwise ? norm360(start - end) : norm360(end - start);
      const offset = clockwise ? norm360(start - lon) : norm360(lon - start);
      if (offset < width) return i + 1;
    }
  }
  // Degenerate cusps: the nearest cusp at or before the longitude.
  let best = 0;
  let bestOffset = Infinity;
  for (let i = 0; i < 12; i++) {
    const offset = norm360(lon - cusps[i]);
    if (offset < bestOffset) {
      bestOffset = offset;
      best = i;
    }
  }
  return best + 1;
}
