/**
 * Astronomical events over a date range, all instants UTC:
 * lunar phases, solar and lunar eclipses, sign ingresses, stations, void-of-course Moon.
 * Ranges are bounded (see {@link MAX_EVENT_RANGE_DAYS}) and validated.
 */
import { Astronomy } from '../astro.js';
import type { Ayanamsa, Body, Sign } from '../types.js';
import { SIGNS } from '../types.js';
import { fieldPath, ValidationError } from '../../errors.js';
import { dateFromJulianDay, julianDayFromDate, normalizeDegrees, signedSeparationDegrees, signOf } from '../techniques/angles.js';
import { bodyLongitude, bodyMotion, longitudeFn, siderealLongitudeFn, type LongitudeProvider } from './body-longitude.js';
import { findCrossings, findStations, illinois } from './search.js';
import { computePositions } from '../positions.js';
import {
  momentFromJulianDayUt, PRECISE_RANGE_END, PRECISE_RANGE_START, SUPPORTED_RANGE_END, SUPPORTED_RANGE_START, SUPPORTED_RANGE_TEXT,
} from '../time.js';
import { deltaTSecondsAtJdUt } from '../deltat.js';
import { ephemerisPack } from '../pack/pack.js';
import { PreciseInstant } from '../precise.js';
import type { SphericalMotion } from '../frames.js';

/** Longest range accepted by one event search: 5 Julian years. */
export const MAX_EVENT_RANGE_DAYS = 5 * 365.25 + 1;
/** Supported instants: the ephemeris range of the project (1000-01-01 … 2999-12-31, both engines). */
const MIN_JD = julianDayFromDate(SUPPORTED_RANGE_START); // 1000-01-01T00:00Z
const MAX_JD = julianDayFromDate(SUPPORTED_RANGE_END); // 3000-01-01T00:00Z

/**
 * Validates a search range and returns it as Julian days (UT).
 * @throws ValidationError (`from` / `to`, under `field` when given) for inverted, too long or out-of-range ranges
 */
export function validateRange(from: Date, to: Date, field = '', maxDays = MAX_EVENT_RANGE_DAYS): [number, number] {
  const a = julianDayFromDate(from);
  const b = julianDayFromDate(to);
  if (!Number.isFinite(a)) throw new ValidationError(fieldPath(field, 'from'), 'invalid date');
  if (!Number.isFinite(b)) throw new ValidationError(fieldPath(field, 'to'), 'invalid date');
  if (!(b > a)) throw new ValidationError(fieldPath(field, 'to'), '`to` must be after `from`');
  if (b - a > maxDays) throw new ValidationError(fieldPath(field, 'to'), `range longer than ${Math.floor(maxDays / 365.25)} years`);
  if (a < MIN_JD || b > MAX_JD) throw new ValidationError(fieldPath(field, 'from'), `range outside ${SUPPORTED_RANGE_TEXT}`);
  return [a, b];
}

// ---------------------------------------------------------------------------------------------
// Lunar phases

export const LUNAR_PHASES = ['NEW_MOON', 'FIRST_QUARTER', 'FULL_MOON', 'LAST_QUARTER'] as const;
export type LunarPhase = (typeof LUNAR_PHASES)[number];

export interface LunarPhaseEvent {
  phase: LunarPhase;
  utc: Date;
  /** Apparent tropical longitude of the Moon at the instant, degrees [0, 360). */
  moonLongitude: number;
}

/**
 * Refines the instant where Moon − Sun = `target` with Newton steps on the chart module's positions
 * (the same ones charts show), starting from astronomy-engine's estimate:
 * t ← t − (Δλ − target) / (λ̇☾ − λ̇☉). Two steps reach ≈ 1 ms.
 */
function refineElongation(jd: number, target: number): { jd: number; moonLongitude: number } {
  let moonLongitude = 0;
  for (let i = 0; i < 3; i++) {
    const [sun, moon] = computePositions(momentFromJulianDayUt(jd), ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
    moonLongitude = moon.longitude;
    const err = signedSeparationDegrees(moon.longitude - sun.longitude, target);
    const step = err / (moon.longitudeSpeed - sun.longitudeSpeed);
    jd -= step;
    if (Math.abs(step) < 1e-8) break;
  }
  return { jd, moonLongitude };
}

/**
 * Exact times of the four lunar phases (Moon − Sun apparent longitude = 0°, 90°, 180°, 270°)
 * in [from, to], in order. astronomy-engine `SearchMoonQuarter` brackets each phase (tolerance
 * 1 s); Newton steps on the chart module's Sun and Moon make the instant consistent with charts
 * (elongation exact to < 0.1″).
 */
export function lunarPhases(from: Date, to: Date): LunarPhaseEvent[] {
  const [a, b] = validateRange(from, to);
  const out: LunarPhaseEvent[] = [];
  let q = Astronomy.SearchMoonQuarter(from);
  while (julianDayFromDate(q.time.date) <= b + 0.01) {
    const r = refineElongation(julianDayFromDate(q.time.date), 90 * q.quarter);
    if (r.jd >= a && r.jd <= b) out.push({ phase: LUNAR_PHASES[q.quarter], utc: dateFromJulianDay(r.jd), moonLongitude: r.moonLongitude });
    q = Astronomy.NextMoonQuarter(q);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Eclipses

export const ECLIPSE_KINDS = ['SOLAR', 'LUNAR'] as const;
export type EclipseKind = (typeof ECLIPSE_KINDS)[number];
export const ECLIPSE_TYPES = ['TOTAL', 'ANNULAR', 'HYBRID', 'PARTIAL', 'PENUMBRAL'] as const;
export type EclipseType = (typeof ECLIPSE_TYPES)[number];

export interface EclipseEvent {
  kind: EclipseKind;
  type: EclipseType;
  /** Greatest eclipse (solar: shadow axis closest to the Earth's centre; lunar: Moon closest to the shadow axis). */
  maximumUtc: Date;
  /** Tropical longitude of the eclipsed luminary at maximum (Sun for solar, Moon for lunar), degrees. */
  longitude: number;
  /** Solar total/annular: obscuration at the peak point; lunar: umbral obscuration of the Moon's disc. Null when undefined. */
  obscuration: number | null;
  /**
   * Solar eclipses: true when the shadow axis meets the Earth (central eclipse). A non-central
   * TOTAL/ANNULAR eclipse is one where only the edge of the umbra/antumbra grazes the Earth.
   * Always false for lunar eclipses.
   */
  central: boolean;
  /** Solar total/annular: geographic latitude/longitude of the shadow centre at maximum; else null. */
  latitude: number | null;
  geoLongitude: number | null;
}

function eclipseType(kind: Astronomy.EclipseKind): EclipseType {
  switch (kind) {
    case Astronomy.EclipseKind.Total: return 'TOTAL';
    case Astronomy.EclipseKind.Annular: return 'ANNULAR';
    case Astronomy.EclipseKind.Partial: return 'PARTIAL';
    default: return 'PENUMBRAL';
  }
}

/** Radii in km: Sun 695 700 (IAU 2015 nominal), Moon 1 737.4 (IAU), Earth equatorial 6 378.137 (WGS 84). */
const SUN_RADIUS_KM = 695_700;
const MOON_RADIUS_KM = 1_737.4;
const EARTH_RADIUS_KM = 6_378.137;

/**
 * Classifies a solar eclipse whose shadow axis misses the Earth (astronomy-engine calls them all
 * PARTIAL): if the umbral (or antumbral) cone still reaches the Earth's surface, the eclipse is a
 * non-central TOTAL (ANNULAR), as Swiss Ephemeris reports (SE_ECL_NONCENTRAL). Cone radius at the
 * point of the axis nearest the Earth's centre, r = R☾ − (R☉ − R☾)·d/D (d: Moon → that point,
 * D: Sun → Moon), compared with (axis distance − R⊕) (Meeus, Elements of Solar Eclipses, ch. 1).
 */
function nonCentralType(e: Astronomy.GlobalSolarEclipseInfo): EclipseType {
  const t = e.peak;
  const m = Astronomy.GeoMoon(t);
  const sun = Astronomy.GeoVector(Astronomy.Body.Sun, t, false);
  const dx = m.x - sun.x, dy = m.y - sun.y, dz = m.z - sun.z;
  const sunMoonAu = Math.hypot(dx, dy, dz);
  const d = -(m.x * dx + m.y * dy + m.z * dz) / sunMoonAu; // AU, Moon → closest point to the geocentre
  const coneKm = MOON_RADIUS_KM - ((SUN_RADIUS_KM - MOON_RADIUS_KM) * d) / sunMoonAu;
  if (Math.abs(coneKm) > e.distance - EARTH_RADIUS_KM) return coneKm > 0 ? 'TOTAL' : 'ANNULAR';
  return 'PARTIAL';
}

/** Earth polar radius, km (WGS 84: a·(1 − 1/298.257223563)). */
const EARTH_POLAR_RADIUS_KM = 6_356.752;

/**
 * Where the shadow axis meets the Earth at `t`: null when it misses; else `marginKm`, the distance
 * along the axis from the first surface point to the vertex of the umbral cone (> 0: the umbra
 * reaches that point, total there; < 0: the antumbra, annular there) and `discriminant` (≥ 0).
 * Frame: equator of date, the WGS 84 ellipsoid made a sphere by stretching z by a/b (an affine map
 * keeps points on a line in order). Cone vertex L = R☾·D/(R☉ − R☾) behind the Moon (D: Sun → Moon).
 */
function axisOnEarth(t: Astronomy.AstroTime): { marginKm: number; discriminant: number } {
  const rot = Astronomy.Rotation_EQJ_EQD(t);
  const km = Astronomy.KM_PER_AU;
  const moon = Astronomy.RotateVector(rot, Astronomy.GeoMoon(t));
  const sun = Astronomy.RotateVector(rot, Astronomy.GeoVector(Astronomy.Body.Sun, t, true));
  const stretch = EARTH_RADIUS_KM / EARTH_POLAR_RADIUS_KM;
  const m = [moon.x * km, moon.y * km, moon.z * km * stretch];
  const ux = moon.x - sun.x, uy = moon.y - sun.y, uz = moon.z - sun.z;
  const sunMoonKm = Math.hypot(ux, uy, uz) * km;
  const u = [(ux * km) / sunMoonKm, (uy * km) / sunMoonKm, ((uz * km) / sunMoonKm) * stretch];
  // |m + λu|² = a²  (λ: km along the unstretched axis from the Moon)
  const A = u[0] * u[0] + u[1] * u[1] + u[2] * u[2];
  const B = 2 * (m[0] * u[0] + m[1] * u[1] + m[2] * u[2]);
  const C = m[0] * m[0] + m[1] * m[1] + m[2] * m[2] - EARTH_RADIUS_KM * EARTH_RADIUS_KM;
  const discriminant = B * B - 4 * A * C;
  const surfaceKm = (-B - Math.sqrt(Math.max(0, discriminant))) / (2 * A);
  const vertexKm = (MOON_RADIUS_KM * sunMoonKm) / (SUN_RADIUS_KM - MOON_RADIUS_KM);
  return { marginKm: vertexKm - surfaceKm, discriminant };
}

/**
 * TOTAL or ANNULAR at the peak, or HYBRID when the central line is total on part of its length and
 * annular on another (NASA's definition: Espenak & Meeus, Five Millennium Canon of Solar Eclipses,
 * NASA/TP-2006-214141, § 2.3). Samples the central phase every minute within ±4 h of the peak and
 * at its two ends (the axis grazing the limb, found by bisection), where the surface is farthest
 * from the Moon and an eclipse total at the peak turns annular first.
 */
function centralType(e: Astronomy.GlobalSolarEclipseInfo): EclipseType {
  const atPeak = eclipseType(e.kind);
  const onEarth = (minutes: number) => axisOnEarth(e.peak.AddDays(minutes / 1440));
  let lo = Infinity, hi = -Infinity;
  const note = (m: number) => { lo = Math.min(lo, m); hi = Math.max(hi, m); };
  for (const dir of [-1, 1]) {
    let inside = 0;
    for (let k = 0; k <= 240; k++) {
      const s = onEarth(dir * k);
      if (!(s.discriminant >= 0)) {
        // bisect the end of the central phase between minute k − 1 (inside) and k (outside)
        let a = inside, b = dir * k;
        for (let i = 0; i < 30; i++) { const mid = (a + b) / 2; if (onEarth(mid).discriminant >= 0) a = mid; else b = mid; }
        note(onEarth(a).marginKm);
        break;
      }
      note(s.marginKm);
      inside = dir * k;
    }
  }
  if (lo < 0 && hi > 0) return 'HYBRID';
  return atPeak;
}

/** Cartesian ecliptic-of-date vector (AU) of an apparent place. */
function cartesian(m: SphericalMotion): [number, number, number] {
  const l = (m.longitude * Math.PI) / 180, b = (m.latitude * Math.PI) / 180;
  return [m.distanceAu * Math.cos(b) * Math.cos(l), m.distanceAu * Math.cos(b) * Math.sin(l), m.distanceAu * Math.sin(b)];
}

/**
 * Distance (AU) of the shadow axis from the Earth's centre (SOLAR: the line through the Moon
 * away from the Sun) or of the Moon from the Earth's shadow axis (LUNAR: the line from the Sun
 * through the Earth's centre), from the PRECISE engine's apparent geocentric Sun and Moon.
 */
function shadowAxisDistanceAu(kind: EclipseKind, jdUt: number): number {
  const inst = new PreciseInstant(jdUt + deltaTSecondsAtJdUt(jdUt) / 86_400);
  const S = cartesian(inst.sunApparent());
  const M = cartesian(inst.moonApparent());
  const d = kind === 'SOLAR' ? [M[0] - S[0], M[1] - S[1], M[2] - S[2]] : [-S[0], -S[1], -S[2]];
  const n = Math.hypot(d[0], d[1], d[2]);
  const p = (M[0] * d[0] + M[1] * d[1] + M[2] * d[2]) / n;
  return Math.hypot(M[0] - (p * d[0]) / n, M[1] - (p * d[1]) / n, M[2] - (p * d[2]) / n);
}

const PRECISE_START_JD = julianDayFromDate(PRECISE_RANGE_START);
const PRECISE_END_JD = julianDayFromDate(PRECISE_RANGE_END);

/**
 * Greatest eclipse on the PRECISE engine's Sun and Moon: the minimum of
 * {@link shadowAxisDistanceAu} within ±0.005 day (7 min) of astronomy-engine's peak (whose own
 * lunar theory puts it up to ≈ 7 s off), by golden-section search to 10⁻⁷ day. Outside
 * 1800–2399 astronomy-engine's peak is kept.
 */
function eclipseMaximumJd(kind: EclipseKind, jdUt: number): number {
  if (!(jdUt > PRECISE_START_JD + 0.01 && jdUt < PRECISE_END_JD - 0.01)) return jdUt;
  if (!ephemerisPack().covers(jdUt + deltaTSecondsAtJdUt(jdUt) / 86_400)) return jdUt;
  const f = (t: number) => shadowAxisDistanceAu(kind, t);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = jdUt - 0.005, b = jdUt + 0.005;
  let x1 = b - g * (b - a), x2 = a + g * (b - a);
  let f1 = f(x1), f2 = f(x2);
  while (b - a > 1e-7) {
    if (f1 < f2) { b = x2; x2 = x1; f2 = f1; x1 = b - g * (b - a); f1 = f(x1); }
    else { a = x1; x1 = x2; f1 = f2; x2 = a + g * (b - a); f2 = f(x2); }
  }
  return (a + b) / 2;
}

/**
 * Solar and/or lunar eclipses with maximum in [from, to], in time order. astronomy-engine
 * `SearchGlobalSolarEclipse` / `SearchLunarEclipse` (Espenak & Meeus shadow geometry) find and
 * classify them; inside 1800–2399 the maximum is refined on the ephemeris pack's Sun and Moon
 * ({@link eclipseMaximumJd}; within 5 s of Swiss Ephemeris, tests/reference/events.test.ts).
 * Hybrid eclipses (total on part of the central line, annular on another) are reported as HYBRID.
 * @param kind SOLAR, LUNAR or undefined for both
 */
export function eclipses(from: Date, to: Date, kind?: EclipseKind): EclipseEvent[] {
  const [, b] = validateRange(from, to);
  const out: EclipseEvent[] = [];
  if (kind !== 'LUNAR') {
    let e = Astronomy.SearchGlobalSolarEclipse(from);
    while (julianDayFromDate(e.peak.date) <= b) {
      const jd = eclipseMaximumJd('SOLAR', julianDayFromDate(e.peak.date));
      const central = e.kind === Astronomy.EclipseKind.Total || e.kind === Astronomy.EclipseKind.Annular;
      out.push({
        kind: 'SOLAR', type: central ? centralType(e) : nonCentralType(e), central, maximumUtc: dateFromJulianDay(jd), longitude: bodyLongitude('SUN', jd),
        obscuration: central && e.obscuration !== undefined ? e.obscuration : null,
        latitude: central && e.latitude !== undefined ? e.latitude : null,
        geoLongitude: central && e.longitude !== undefined ? e.longitude : null,
      });
      e = Astronomy.NextGlobalSolarEclipse(e.peak);
    }
  }
  if (kind !== 'SOLAR') {
    let e = Astronomy.SearchLunarEclipse(from);
    while (julianDayFromDate(e.peak.date) <= b) {
      const jd = eclipseMaximumJd('LUNAR', julianDayFromDate(e.peak.date));
      out.push({
        kind: 'LUNAR', type: eclipseType(e.kind), central: false, maximumUtc: dateFromJulianDay(jd), longitude: bodyLongitude('MOON', jd),
        obscuration: e.obscuration, latitude: null, geoLongitude: null,
      });
      e = Astronomy.NextLunarEclipse(e.peak);
    }
  }
  return out.sort((x, y) => x.maximumUtc.getTime() - y.maximumUtc.getTime());
}

// ---------------------------------------------------------------------------------------------
// Ingresses and stations

export interface IngressEvent {
  body: Body;
  utc: Date;
  /** The sign entered. A retrograde ingress enters the previous sign (e.g. 0° Taurus backwards → ARIES). */
  sign: Sign;
  /** Longitude of the crossed sign boundary, degrees (0, 30, … 330). */
  longitude: number;
  retrograde: boolean;
}

const SIGN_BOUNDARIES = Array.from({ length: 12 }, (_, i) => i * 30);

/**
 * Sign ingresses of a body in (from, to], in order, including retrograde re-entries.
 * Times are exact to ≈ 0.01 s of the ephemeris (Illinois refinement).
 * @param provider longitude source for bodies other than Sun…Pluto (nodes, Lilith, minor bodies)
 * @param ayanamsa sidereal signs: longitudes minus this true ayanamsa (with nutation), as charts do
 */
export function ingresses(body: Body, from: Date, to: Date, provider?: LongitudeProvider, ayanamsa?: Ayanamsa): IngressEvent[] {
  const [a, b] = validateRange(from, to);
  const tropical = longitudeFn(body, provider);
  const lon = ayanamsa ? siderealLongitudeFn(tropical, ayanamsa) : tropical;
  return findCrossings(lon, SIGN_BOUNDARIES, a, b, bodyMotion(body).sampleStepDays).map((r) => ({
    body,
    utc: dateFromJulianDay(r.jd),
    sign: r.retrograde ? SIGNS[(Math.round(r.target / 30) + 11) % 12] : SIGNS[Math.round(r.target / 30) % 12],
    longitude: r.target,
    retrograde: r.retrograde,
  }));
}

export interface StationEvent {
  body: Body;
  utc: Date;
  /** RETROGRADE: the body stations retrograde; DIRECT: stations direct. */
  kind: 'RETROGRADE' | 'DIRECT';
  longitude: number;
  sign: Sign;
}

/**
 * Stations (longitude speed crossing zero) of a body in [from, to]. The Sun and Moon have none
 * (geocentric), so the result is empty for them. Precision ≈ 0.1 s of the speed root; the instant
 * of a station is intrinsically soft (the longitude is stationary to 1″ for hours).
 */
export function stations(body: Body, from: Date, to: Date, provider?: LongitudeProvider): StationEvent[] {
  const [a, b] = validateRange(from, to);
  if (body === 'SUN' || body === 'MOON') return [];
  const lon = longitudeFn(body, provider);
  return findStations(lon, a, b, bodyMotion(body).sampleStepDays).map((s) => ({
    body, utc: dateFromJulianDay(s.jd), kind: s.kind, longitude: normalizeDegrees(s.longitude), sign: signOf(s.longitude),
  }));
}

// ---------------------------------------------------------------------------------------------
// Void-of-course Moon

/** Longest void-of-course search: 1 year (≈ 160 Moon signs, ≈ 0.6 s). */
export const MAX_VOID_OF_COURSE_RANGE_DAYS = 366;

/**
 * The check of voidOfCourseMoon, the first thing it does (a range of at most
 * MAX_VOID_OF_COURSE_RANGE_DAYS). @throws ValidationError (`from` / `to`)
 */
export function checkVoidOfCourseRange(from: Date, to: Date): [number, number] {
  return validateRange(from, to, '', MAX_VOID_OF_COURSE_RANGE_DAYS);
}

/** Ptolemaic aspects used for void-of-course (Lilly, Christian Astrology p. 112), degrees. */
const VOC_ASPECTS = [0, 60, 90, 120, 180] as const;
const MODERN_VOC_PLANETS: Body[] = ['SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];
const TRADITIONAL_VOC_PLANETS: Body[] = ['SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN'];

export interface VoidOfCoursePeriod {
  /** Instant of the Moon's last exact Ptolemaic aspect in its sign (or its sign ingress if it made none). */
  startUtc: Date;
  /** The Moon's next sign ingress, which ends the period. */
  endUtc: Date;
  /** Sign the Moon is void in. */
  sign: Sign;
  /** Sign the Moon enters at the end. */
  nextSign: Sign;
  /** The planet and aspect of the last contact; null when the Moon made no aspect in the sign. */
  lastAspectBody: Body | null;
  lastAspectAngle: number | null;
}

/**
 * Void-of-course Moon periods overlapping [from, to]: from the Moon's last exact Ptolemaic aspect
 * (conjunction, sextile, square, trine, opposition) to a planet while in a sign until it leaves that
 * sign (modern definition; Lilly's orb-based one is not used).
 * @param traditional true: aspects to Sun…Saturn only; false (default): Sun…Pluto
 * @throws ValidationError for a range longer than one year
 */
export function voidOfCourseMoon(from: Date, to: Date, traditional = false): VoidOfCoursePeriod[] {
  const [a, b] = checkVoidOfCourseRange(from, to);
  const planets = traditional ? TRADITIONAL_VOC_PLANETS : MODERN_VOC_PLANETS;
  const moon = longitudeFn('MOON');
  // Moon ingresses from 3 days before `from` (the Moon spends ≤ 2.7 days in a sign) to 3 days after `to`.
  const ing = findCrossings(moon, SIGN_BOUNDARIES, Math.max(a - 3, MIN_JD), Math.min(b + 3, MAX_JD), bodyMotion('MOON').sampleStepDays);
  const out: VoidOfCoursePeriod[] = [];
  for (let i = 0; i + 1 < ing.length; i++) {
    const entry = ing[i].jd, exit = ing[i + 1].jd;
    if (exit < a) continue;
    let last: { jd: number; body: Body; angle: number } | null = null;
    for (const p of planets) {
      // Planets move ≤ 2.3°/day: a quadratic through 3 samples is exact to < 0.1″ over 3 days.
      const mid = (entry + exit) / 2, h = (exit - entry) / 2;
      const p0 = bodyLongitude(p, entry), p1 = p0 + signedSeparationDegrees(bodyLongitude(p, mid), p0);
      const p2 = p1 + signedSeparationDegrees(bodyLongitude(p, exit), p1);
      const planetAt = (t: number) => {
        const x = (t - mid) / h;
        return p1 + x * (p2 - p0) / 2 + x * x * (p2 - 2 * p1 + p0) / 2;
      };
      const m0 = moon(entry);
      const rel = (t: number) => m0 + signedSeparationDegrees(moon(t), m0) - planetAt(t); // unwrapped Moon − planet
      const r0 = rel(entry), r1 = rel(exit);
      for (const asp of VOC_ASPECTS) {
        for (const target of asp === 0 || asp === 180 ? [asp] : [asp, 360 - asp]) {
          for (let k = Math.ceil((r0 - target) / 360); target + 360 * k <= r1; k++) {
            const T = target + 360 * k;
            const jd = illinois((t) => rel(t) - T, entry, exit, r0 - T, r1 - T, 1e-6);
            if (!last || jd > last.jd) last = { jd, body: p, angle: asp };
          }
        }
      }
    }
    const start = last ? last.jd : entry;
    if (exit < a || start > b) continue;
    const sign = signOf(ing[i + 1].target - 1);
    out.push({
      startUtc: dateFromJulianDay(start), endUtc: dateFromJulianDay(exit), sign,
      nextSign: signOf(ing[i + 1].target), lastAspectBody: last?.body ?? null, lastAspectAngle: last?.angle ?? null,
    });
  }
  return out;
}
