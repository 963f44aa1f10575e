/**
 * Fast apparent geocentric ecliptic longitudes (true equinox of date, degrees) of one body at a
 * Julian day (UT), for root finding. No chart, no houses: one position per sample.
 *
 * Inside 1800–2399 (the PRECISE engine) the Sun, Moon, planets and minor bodies come from the
 * ephemeris pack through precise.ts — the very values charts show, so event times agree with
 * charts to the root finder's tolerance and inherit the pack's accuracy (src/ephemeris/README.md).
 * Outside it (the EXTENDED engine):
 * - Sun: `SunPosition` (VSOP87 Earth, light-time, aberration, nutation);
 * - Moon: `EclipticGeoMoon` (ELP/Brown "Improved Lunar Ephemeris", true ecliptic of date) plus the
 *   chart module's secular correction (`correctedMoonLongitudeDeg`) and its light-time (≈ 1.3 s,
 *   ≈ 0.7″; mean lunar motion), so events and charts show the same Moon (< 0.5″);
 * - Mercury…Pluto: the chart module's `computePositions`, the same values charts show.
 * TT comes from the Swiss-Ephemeris-compatible ΔT, so times of fast bodies (Moon, 0.5″/s) agree
 * with the UT reference data.
 *
 * Bodies other than the Sun, Moon, planets and minor bodies (nodes, Lilith) are evaluated through
 * a {@link LongitudeProvider} (default: the chart module's `computePositions`), slower but consistent.
 */
// astro.js installs the Swiss-Ephemeris-compatible ΔT into astronomy-engine (once, at import).
import { Astronomy, astroTimeFromJdUt } from '../astro.js';
import type { Ayanamsa, Body } from '../types.js';
import { computePositions } from '../positions.js';
import { C_AU_PER_DAY } from '../frames.js';
import { deltaTSecondsAtJdUt } from '../deltat.js';
import { ayanamsaDegrees } from '../sidereal-bridge.js';
import { correctedMoonLongitudeDeg, isPlanetName } from '../planets.js';
import { meanNodeLongitude } from '../lunar-points.js';
import { julianDayFromDate, momentFromJulianDayUt, PRECISE_RANGE_END, PRECISE_RANGE_START } from '../time.js';
import { ephemerisPack } from '../pack/pack.js';
import { PreciseInstant, type PackPlanet } from '../precise.js';
import { normalizeDegrees } from '../techniques/angles.js';
import { ValidationError } from '../../errors.js';

/** Longitude in degrees [0, 360) of a body at a Julian day (UT). */
export type LongitudeFn = (jdUt: number) => number;

/** Supplies longitudes for bodies this module does not compute natively. */
export type LongitudeProvider = (body: Body, jdUt: number) => number;

const MINOR: ReadonlySet<Body> = new Set<Body>(['CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA']);

/** True when {@link bodyLongitude} computes the body without a provider. */
export function isNativeBody(body: Body): boolean {
  return body === 'MOON' || isPlanetName(body);
}

const PRECISE_START_JD = julianDayFromDate(PRECISE_RANGE_START);
const PRECISE_END_JD = julianDayFromDate(PRECISE_RANGE_END);

/**
 * The PRECISE engine's apparent longitude of a body at a Julian day UT, or null when the instant
 * (or the body) is not served by it.
 */
function preciseLongitude(body: Body, jdUt: number): number | null {
  if (!(jdUt >= PRECISE_START_JD && jdUt < PRECISE_END_JD)) return null;
  if (body !== 'SUN' && body !== 'MOON' && !isPlanetName(body) && !MINOR.has(body)) return null;
  const jdTt = jdUt + deltaTSecondsAtJdUt(jdUt) / 86_400;
  if (!ephemerisPack().covers(jdTt)) return null;
  const inst = new PreciseInstant(jdTt);
  if (body === 'SUN') return inst.sunApparent().longitude;
  if (body === 'MOON') return inst.moonApparent().longitude;
  return inst.planetApparent(body as PackPlanet).longitude;
}

/**
 * Default provider for the other bodies: the chart module's geocentric tropical positions
 * (nodes, Lilith, minor bodies), one `computePositions` call per sample.
 */
export const chartLongitudeProvider: LongitudeProvider = (body, jdUt) =>
  computePositions(momentFromJulianDayUt(jdUt), [body], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' })[0].longitude;

let fallbackProvider: LongitudeProvider | null = chartLongitudeProvider;

/**
 * Registers the provider used for non-native bodies (nodes, Lilith, minor bodies). The chart module
 * (positions.ts) is the natural provider; call once at start-up.
 */
export function setLongitudeProvider(provider: LongitudeProvider | null): void {
  fallbackProvider = provider;
}

/**
 * Apparent geocentric tropical longitude of `body`, degrees [0, 360), at `jdUt`.
 * @throws ValidationError when the body needs a provider and none was given or registered
 */
export function bodyLongitude(body: Body, jdUt: number, provider?: LongitudeProvider): number {
  const precise = preciseLongitude(body, jdUt);
  if (precise !== null) return precise;
  if (body === 'SUN') return Astronomy.SunPosition(astroTimeFromJdUt(jdUt)).elon;
  if (body === 'MOON') return moonLongitude(jdUt);
  if (isPlanetName(body)) {
    // Mercury…Pluto: the chart module's own pipeline is faster here (25–60 µs against 35–150 µs
    // for GeoVector + Ecliptic) and makes exact times agree with the charts to < 0.01″.
    return chartLongitudeProvider(body, jdUt);
  }
  const p = provider ?? fallbackProvider;
  if (!p) throw new ValidationError('body', `${body} is not supported by event searches yet`);
  return normalizeDegrees(p(body, jdUt));
}

/** Mean geocentric motion of the Moon, °/day; its true speed (11.8–15.4) changes light-time by < 0.2″. */
const MOON_MEAN_MOTION_DEG_PER_DAY = 13.176358;

/**
 * The chart module's apparent Moon (planets.ts `moonGeoState` + `apparentMoon`) from the cheaper
 * `EclipticGeoMoon`: its secular correction, and the geometric Moon τ = distance/c earlier.
 */
function moonLongitude(jdUt: number): number {
  const t = astroTimeFromJdUt(jdUt);
  const m = Astronomy.EclipticGeoMoon(t);
  const lightTimeDeg = MOON_MEAN_MOTION_DEG_PER_DAY * (m.dist / C_AU_PER_DAY);
  return normalizeDegrees(correctedMoonLongitudeDeg(m.lon, m.lat, meanNodeLongitude(t.tt + 2451545), t) - lightTimeDeg);
}

/** A longitude function bound to one body (see {@link bodyLongitude}). */
export function longitudeFn(body: Body, provider?: LongitudeProvider): LongitudeFn {
  return (jd) => bodyLongitude(body, jd, provider);
}

/**
 * `lon` in the sidereal zodiac of `ayanamsa`: the tropical longitude minus the true ayanamsa (with
 * nutation) at the instant's TT, as the chart module does (positions.ts).
 */
export function siderealLongitudeFn(lon: LongitudeFn, ayanamsa: Ayanamsa): LongitudeFn {
  return (jd) => normalizeDegrees(lon(jd) - ayanamsaDegrees(ayanamsa, jd + deltaTSecondsAtJdUt(jd) / 86_400, { withNutation: true }));
}

/**
 * Motion characteristics used to bracket roots safely: a sampling step short enough that the body
 * never turns twice (station to station) within two steps, and an upper bound of its speed.
 * Maximum geocentric speeds (°/day, with margin): Sun 1.02, Moon 15.4, Mercury 2.2, Venus 1.26,
 * Mars 0.79, Jupiter 0.24, Saturn 0.13, Uranus 0.066, Neptune 0.038, Pluto 0.041 (e.g. Swiss
 * Ephemeris' planet speed tables; checked against positions.json speeds). Steps are conservative
 * (shortest retrograde loops: Mercury ≈ 20 d, Venus ≈ 40 d, Mars ≈ 60 d; the true node turns every
 * few days). Minor bodies: a generous 1°/day and a 3-day step.
 */
export interface BodyMotion {
  sampleStepDays: number;
  maxSpeedDegPerDay: number;
  retrogradeCapable: boolean;
}

export function bodyMotion(body: Body): BodyMotion {
  switch (body) {
    case 'SUN': return { sampleStepDays: 10, maxSpeedDegPerDay: 1.03, retrogradeCapable: false };
    case 'MOON': return { sampleStepDays: 0.5, maxSpeedDegPerDay: 15.5, retrogradeCapable: false };
    case 'MERCURY': return { sampleStepDays: 1, maxSpeedDegPerDay: 2.3, retrogradeCapable: true };
    case 'VENUS': return { sampleStepDays: 2, maxSpeedDegPerDay: 1.3, retrogradeCapable: true };
    case 'MARS': return { sampleStepDays: 3, maxSpeedDegPerDay: 0.8, retrogradeCapable: true };
    case 'TRUE_NODE': case 'SOUTH_NODE': case 'OSCULATING_LILITH': return { sampleStepDays: 0.25, maxSpeedDegPerDay: 7, retrogradeCapable: true };
    case 'MEAN_NODE': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.06, retrogradeCapable: true };
    case 'MEAN_LILITH': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.12, retrogradeCapable: true };
    case 'JUPITER': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.25, retrogradeCapable: true };
    case 'SATURN': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.14, retrogradeCapable: true };
    case 'URANUS': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.07, retrogradeCapable: true };
    case 'NEPTUNE': case 'PLUTO': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.045, retrogradeCapable: true };
    case 'CHIRON': case 'PHOLUS': return { sampleStepDays: 5, maxSpeedDegPerDay: 0.2, retrogradeCapable: true };
    default: return { sampleStepDays: 3, maxSpeedDegPerDay: 1.0, retrogradeCapable: true };
  }
}
