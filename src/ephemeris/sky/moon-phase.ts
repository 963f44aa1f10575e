/**
 * The Moon's phase at an instant, from the chart module's apparent geocentric Sun and Moon
 * (computePositions: ecliptic longitude, latitude and distance of date).
 *
 * - phaseAngle: the angle Sun–Moon–Earth at the Moon, degrees [0, 180] (0 = full), as Swiss
 *   Ephemeris' `swe_pheno` attr[0] (the angle between the geocentric and the heliocentric
 *   position vectors of the Moon);
 * - illumination: illuminated fraction of the disc, (1 + cos phaseAngle) / 2 (`swe_pheno` attr[1];
 *   Meeus, "Astronomical Algorithms", 2nd ed., eq. 48.1);
 * - elongation: the Moon's apparent ecliptic longitude minus the Sun's, degrees [0, 360)
 *   (0 new, 90 first quarter, 180 full, 270 last quarter); this is what the tithi counts.
 *   `swe_pheno` attr[2] is the unsigned 3-D angle Sun–Earth–Moon (0–180), which we do not return;
 * - ageDays: days since the last new Moon (elongation 0), found by Newton steps on the same
 *   positions (< 1 s);
 * - phase: the octant of the elongation centred on the principal phases: NEW_MOON within 22.5°
 *   of 0°, FIRST_QUARTER within 22.5° of 90° …, the crescents and gibbous phases between. The
 *   eight names are the usual astronomical ones; the 45° octants centred on the four principal
 *   phases are this module's convention (Rudhyar's lunation cycle instead starts its eight 45°
 *   phases at the new Moon).
 * Known error: that of the positions (Moon ≈ 3″, Sun ≈ 1″), well under 0.001 in illumination.
 */
import type { ResolvedMoment } from '../types.js';
import { computePositions } from '../positions.js';
import { momentFromJulianDayUt } from '../time.js';
import { normalizeDegrees, signedSeparationDegrees } from '../techniques/angles.js';

export const LUNAR_PHASE_NAMES = [
  'NEW_MOON', 'WAXING_CRESCENT', 'FIRST_QUARTER', 'WAXING_GIBBOUS', 'FULL_MOON', 'WANING_GIBBOUS', 'LAST_QUARTER', 'WANING_CRESCENT',
] as const;
export type LunarPhaseName = (typeof LUNAR_PHASE_NAMES)[number];

/** The GraphQL `MoonPhase`. */
export interface MoonPhase {
  phaseAngle: number;
  illumination: number;
  elongation: number;
  ageDays: number;
  phase: LunarPhaseName;
}

const DEG = Math.PI / 180;
/** Mean synodic motion of the Moon relative to the Sun, degrees/day (360 / 29.530589 d). */
const MEAN_ELONGATION_RATE_DEG_PER_DAY = 360 / 29.530589;

type Vec = [number, number, number];
function cartesian(lonDeg: number, latDeg: number, dist: number): Vec {
  const cb = Math.cos(latDeg * DEG);
  return [dist * cb * Math.cos(lonDeg * DEG), dist * cb * Math.sin(lonDeg * DEG), dist * Math.sin(latDeg * DEG)];
}

function sunMoon(moment: ResolvedMoment) {
  const [sun, moon] = computePositions(moment, ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
  return { sun: sun, moon: moon };
}

/** Octant name of an elongation (degrees). */
export function lunarPhaseName(elongationDegrees: number): LunarPhaseName {
  return LUNAR_PHASE_NAMES[Math.floor(normalizeDegrees(elongationDegrees + 22.5) / 45) % 8];
}

/** Days since the last new Moon before `moment` (Newton on the elongation, from a mean-motion guess). */
function ageOfMoon(moment: ResolvedMoment, elongation: number): number {
  let jd = moment.julianDayUt - elongation / MEAN_ELONGATION_RATE_DEG_PER_DAY;
  for (let i = 0; i < 6; i++) {
    let m: ResolvedMoment;
    try {
      m = momentFromJulianDayUt(jd);
    } catch {
      break; // before the supported range starts: keep the estimate (at most a month before the range starts)
    }
    const { sun, moon } = sunMoon(m);
    const step = signedSeparationDegrees(moon.longitude - sun.longitude, 0) / (moon.longitudeSpeed - sun.longitudeSpeed);
    jd -= step;
    if (Math.abs(step) < 1e-7) break;
  }
  return moment.julianDayUt - jd;
}

/** Phase angle, illumination, elongation, age and phase name of the Moon at `moment` (see the module comment). */
export function moonPhase(moment: ResolvedMoment): MoonPhase {
  const { sun, moon } = sunMoon(moment);
  const s = cartesian(sun.longitude, sun.latitude, sun.distanceAu);
  const m = cartesian(moon.longitude, moon.latitude, moon.distanceAu);
  const helio: Vec = [m[0] - s[0], m[1] - s[1], m[2] - s[2]];
  const dot = m[0] * helio[0] + m[1] * helio[1] + m[2] * helio[2];
  const cosI = Math.max(-1, Math.min(1, dot / (Math.hypot(...m) * Math.hypot(...helio))));
  const phaseAngle = Math.acos(cosI) / DEG;
  const elongation = normalizeDegrees(moon.longitude - sun.longitude);
  return {
    phaseAngle,
    illumination: (1 + cosI) / 2,
    elongation,
    ageDays: ageOfMoon(moment, elongation),
    phase: lunarPhaseName(elongation),
  };
}
