/**
 * Heliocentric and apparent geocentric/topocentric states of the Sun, Moon and planets from
 * astronomy-engine (VSOP87 for Mercury–Neptune with analytic velocities, its Pluto integration,
 * its lunar theory), with light-time and aberration applied here once per body, so that speeds
 * come from velocity vectors and no body is evaluated twice.
 *
 * Light-time: the body's heliocentric state is backdated by τ = |ρ|/c with a second-order
 * Taylor step (two-body acceleration), iterated three times on the cheap expansion (not on the
 * ephemeris). Aberration: classical first order, ρ + |ρ|·v⊕/c with the observer's heliocentric
 * velocity (the Sun's barycentric velocity, ≤ 13 m/s, changes it by < 0.02″). Gravitational light
 * deflection by the Sun (≤ 0.5″ beyond 1° from the Sun) is neglected. Frames: EQJ, AU, AU/day.
 */
import { Astronomy } from './astro.js';
import { C_AU_PER_DAY, GM_SUN_AU3_PER_DAY2, type State, type Vec3 } from './frames.js';

export type PlanetName = 'SUN' | 'MERCURY' | 'VENUS' | 'MARS' | 'JUPITER' | 'SATURN' | 'URANUS' | 'NEPTUNE' | 'PLUTO';

const ASTRO_BODY: Record<PlanetName, Astronomy.Body> = {
  SUN: Astronomy.Body.Sun,
  MERCURY: Astronomy.Body.Mercury,
  VENUS: Astronomy.Body.Venus,
  MARS: Astronomy.Body.Mars,
  JUPITER: Astronomy.Body.Jupiter,
  SATURN: Astronomy.Body.Saturn,
  URANUS: Astronomy.Body.Uranus,
  NEPTUNE: Astronomy.Body.Neptune,
  PLUTO: Astronomy.Body.Pluto,
};

/** Heliocentric geometric state (EQJ, AU, AU/day) of a planet at an astronomy-engine time. */
export function planetHelioState(name: PlanetName, time: Astronomy.AstroTime): State {
  if (name === 'SUN') return { pos: [0, 0, 0], vel: [0, 0, 0] };
  const s = Astronomy.HelioState(ASTRO_BODY[name], time);
  return { pos: [s.x, s.y, s.z], vel: [s.vx, s.vy, s.vz] };
}

/** sin and cos of the J2000 obliquity of the VSOP87 ecliptic (23.4392803°). */
const SIN_EPS0 = Math.sin(23.4392803 * (Math.PI / 180));
const COS_EPS0 = Math.cos(23.4392803 * (Math.PI / 180));

/**
 * Terms of the Earth's heliocentric latitude that astronomy-engine's truncated VSOP87 omits
 * (it keeps only B1 = 0.00227777722·cos(3.41376620530 + 6283.07584999140·t) and the next
 * B1 term). Source: VSOP87B (Bretagnon & Francou 1988, A&A 202, 309), Earth latitude series,
 * all terms ≥ 1·10⁻⁶ rad for |t| ≤ 0.5 millennia: [power of t, amplitude rad, phase, frequency].
 * Without them the Sun's latitude drifts by up to 6″ at the ends of 1800–2399 (and every
 * geocentric latitude with it).
 */
const EARTH_LATITUDE_TERMS: readonly (readonly [number, number, number, number])[] = [
  [0, 2.7962e-6, 3.19870156017, 84334.66158130829],
  [0, 1.01643e-6, 5.42248619256, 5507.5532386674],
  [1, 3.619589e-5, 0, 0],
  [2, 9.721424e-5, 5.1519280992, 6283.0758499914],
  [2, -2.33002e-6, 0, 0],
  [2, 1.34188e-6, 0.64406212977, 12566.1516999828],
  [3, 2.75993e-6, 0.59480097092, 6283.0758499914],
];

/** Missing VSOP87B latitude of the Earth, radians, at `ttDays` (days since J2000 TT). */
function earthLatitudeCorrection(ttDays: number): number {
  const t = ttDays / 365250;
  let sum = 0;
  for (const [power, amp, phase, freq] of EARTH_LATITUDE_TERMS) {
    sum += amp * Math.cos(phase + freq * t) * t ** power;
  }
  return sum;
}

/**
 * Heliocentric state of the Earth (EQJ), astronomy-engine's VSOP87 plus the missing latitude
 * terms (applied as a displacement r·δB normal to the J2000 ecliptic).
 */
export function earthHelioState(time: Astronomy.AstroTime): State {
  const s = Astronomy.HelioState(Astronomy.Body.Earth, time);
  const r = Math.hypot(s.x, s.y, s.z);
  const dz = r * earthLatitudeCorrection(time.tt);
  return { pos: [s.x, s.y - dz * SIN_EPS0, s.z + dz * COS_EPS0], vel: [s.vx, s.vy, s.vz] };
}

/** Geocentric geometric state of the Moon (EQJ), velocity by astronomy-engine's ±0.86 s difference. */
export function moonGeoState(time: Astronomy.AstroTime): State {
  const s = Astronomy.GeoMoonState(time);
  return { pos: [s.x, s.y, s.z], vel: [s.vx, s.vy, s.vz] };
}

/** Heliocentric position `tauDays` earlier, by a two-body second-order Taylor step. */
export function backdateHelio(s: State, tauDays: number): Vec3 {
  const [x, y, z] = s.pos;
  const r2 = x * x + y * y + z * z;
  if (r2 === 0) return [0, 0, 0];
  const k = (-0.5 * GM_SUN_AU3_PER_DAY2 * tauDays * tauDays) / (r2 * Math.sqrt(r2));
  return [
    x - s.vel[0] * tauDays + k * x,
    y - s.vel[1] * tauDays + k * y,
    z - s.vel[2] * tauDays + k * z,
  ];
}

/**
 * Apparent state of a body seen from an observer, both heliocentric (EQJ): light-time corrected
 * position plus aberration; velocity is the geometric relative velocity (the light-time rate
 * changes it by < 2·10⁻⁴ of itself).
 */
export function apparentFrom(observer: State, body: State): State {
  let tau = 0;
  let d: Vec3 = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const p = backdateHelio(body, tau);
    d = [p[0] - observer.pos[0], p[1] - observer.pos[1], p[2] - observer.pos[2]];
    tau = Math.hypot(d[0], d[1], d[2]) / C_AU_PER_DAY;
  }
  return {
    pos: [d[0] + observer.vel[0] * tau, d[1] + observer.vel[1] * tau, d[2] + observer.vel[2] * tau],
    vel: [body.vel[0] - observer.vel[0], body.vel[1] - observer.vel[1], body.vel[2] - observer.vel[2]],
  };
}

/**
 * Apparent geocentric (or topocentric, given the observer's geocentric state) Moon: the geometric
 * Moon τ earlier. Light-time and the annual aberration nearly cancel for the Moon, which shares
 * the Earth's orbital motion; only the observer's own motion (diurnal aberration) remains.
 */
export function apparentMoon(moonGeo: State, observerGeo?: State): State {
  const ox = observerGeo ? observerGeo.pos : [0, 0, 0];
  const ov = observerGeo ? observerGeo.vel : [0, 0, 0];
  const rel: Vec3 = [moonGeo.pos[0] - ox[0], moonGeo.pos[1] - ox[1], moonGeo.pos[2] - ox[2]];
  const tau = Math.hypot(rel[0], rel[1], rel[2]) / C_AU_PER_DAY;
  return {
    pos: [
      rel[0] - moonGeo.vel[0] * tau + ov[0] * tau,
      rel[1] - moonGeo.vel[1] * tau + ov[1] * tau,
      rel[2] - moonGeo.vel[2] * tau + ov[2] * tau,
    ],
    vel: [moonGeo.vel[0] - ov[0], moonGeo.vel[1] - ov[1], moonGeo.vel[2] - ov[2]],
  };
}
