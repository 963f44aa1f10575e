/**
 * Body positions for a chart: geocentric apparent ecliptic of date (true equinox, "tropical"),
 * topocentric, heliocentric; tropical or sidereal. Two engines (see EphemerisEngine):
 * PRECISE (1800–2399) evaluates the ephemeris pack through precise.ts; EXTENDED (1000–1799,
 * 2400–2999) uses astronomy-engine with the corrections of planets.ts. Lunar points:
 * lunar-points.ts. The accuracy against Swiss Ephemeris is in src/ephemeris/README.md.
 */
import { ValidationError } from '../errors.js';
import { Astronomy, astroTimeFromJdUt, guardAstronomy } from './astro.js';
import {
  C_AU_PER_DAY, frameOfDate, norm360, PRECESSION_RATE_DEG_PER_DAY, rotate, sphericalMotion,
  type FrameOfDate, type SphericalMotion, type State, type Vec3,
} from './frames.js';
import {
  meanApogee, meanNodeLongitude, MEAN_APOGEE_DISTANCE_AU, MEAN_NODE_DISTANCE_AU, osculatingLunarPoints,
  type OsculatingLunarPoints,
} from './lunar-points.js';
import { minorBodyHelioState, type MinorBody } from './minor-bodies.js';
import {
  apparentFrom, apparentMoon, backdateHelio, earthHelioState, moonGeoState, planetHelioFromRaw, plutoHelioState, rawHelioState,
  type GiantName, type PlanetName,
} from './planets.js';
import { PreciseInstant, toEclipticOfDate, type PackPlanet } from './precise.js';
import { ephemerisPack } from './pack/pack.js';
import { ayanamsaDegrees } from './sidereal-bridge.js';
import { ephemerisEngineAt } from './time.js';
import {
  BODIES, SIGNS, type Ayanamsa, type Body, type Center, type GeoLocation, type Position, type ResolvedMoment, type Zodiac,
} from './types.js';

/** Options of {@link computePositions}. */
export interface PositionOptions {
  center: Center;
  /** Required for TOPOCENTRIC. */
  location?: GeoLocation;
  zodiac: Zodiac;
  /** Required for SIDEREAL. */
  ayanamsa?: Ayanamsa;
}

const PLANETS: ReadonlySet<string> = new Set(['SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO']);
const MINOR: ReadonlySet<string> = new Set(['CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA']);
/** Bodies that have no heliocentric meaning (the Sun itself and points of the lunar orbit). */
export const NOT_HELIOCENTRIC: ReadonlySet<Body> = new Set<Body>([
  'SUN', 'MEAN_NODE', 'TRUE_NODE', 'SOUTH_NODE', 'MEAN_LILITH', 'OSCULATING_LILITH',
]);

/** Step for the numerical speeds of the osculating lunar points (EXTENDED engine), days. */
const OSCULATING_SPEED_STEP_DAYS = 0.01;
/**
 * Step for the central-difference speeds of the osculating lunar points (PRECISE engine), days:
 * long enough to average out the ≈ 1-day wiggles the osculating elements inherit from the lunar
 * theory's short-period terms, short enough (≪ the 3–4 days over which the osculating apogee turns)
 * to be the local rate. 0.05 day matched the reference best (0.01 day: noisier by ≈ 5×).
 */
const PRECISE_OSCULATING_STEP_DAYS = 0.05;
/** Step for the numerical speeds of the mean lunar points, days. */
const MEAN_SPEED_STEP_DAYS = 0.5;

/** EXTENDED engine: lazily computed, per-instant shared state (each evaluation happens at most once). */
class ExtendedContext {
  readonly time: Astronomy.AstroTime;
  readonly frame: FrameOfDate;
  private earth?: State = undefined;
  private moon?: State = undefined;
  private observerGeo?: State | null = undefined;
  private readonly raw = new Map<string, Astronomy.StateVector>();
  private osculating?: [OsculatingLunarPoints, OsculatingLunarPoints, OsculatingLunarPoints] = undefined;

  constructor(readonly moment: ResolvedMoment, readonly opts: PositionOptions) {
    this.time = astroTimeFromJdUt(moment.julianDayUt);
    this.frame = frameOfDate(this.time);
  }

  earthState(): State {
    return (this.earth ??= earthHelioState(this.time));
  }

  moonState(): State {
    return (this.moon ??= moonGeoState(this.time));
  }

  /** astronomy-engine's heliocentric state of a planet, computed at most once per instant. */
  rawPlanet(name: Exclude<PlanetName, 'SUN'>): Astronomy.StateVector {
    let s = this.raw.get(name);
    if (!s) {
      s = rawHelioState(name, this.time);
      this.raw.set(name, s);
    }
    return s;
  }

  /** Heliocentric geometric state of a planet (EQJ); Pluto reuses the giants' states. */
  planetHelio(name: PlanetName): State {
    if (name === 'SUN') return { pos: [0, 0, 0], vel: [0, 0, 0] };
    if (name === 'PLUTO') {
      const giants = {} as Record<GiantName, Astronomy.StateVector>;
      for (const g of ['JUPITER', 'SATURN', 'URANUS', 'NEPTUNE'] as const) giants[g] = this.rawPlanet(g);
      return plutoHelioState(this.time, giants);
    }
    return planetHelioFromRaw(name, this.rawPlanet(name));
  }

  /**
   * Osculating lunar points at t − h, t, t + h with h = OSCULATING_SPEED_STEP_DAYS (computed once,
   * shared by TRUE_NODE and OSCULATING_LILITH).
   */
  osculatingTriplet(): [OsculatingLunarPoints, OsculatingLunarPoints, OsculatingLunarPoints] {
    if (!this.osculating) {
      const h = OSCULATING_SPEED_STEP_DAYS;
      const m = this.frame.eqjToEct;
      const at = (s: State) => osculatingLunarPoints(rotate(m, s.pos), rotate(m, s.vel));
      this.osculating = [at(moonGeoState(this.time.AddDays(-h))), at(this.moonState()), at(moonGeoState(this.time.AddDays(h)))];
    }
    return this.osculating;
  }

  /** Observer's geocentric state (EQJ) for TOPOCENTRIC, else null. */
  observer(): State | null {
    if (this.observerGeo === undefined) {
      if (this.opts.center !== 'TOPOCENTRIC' || !this.opts.location) {
        this.observerGeo = null;
      } else {
        const loc = this.opts.location;
        const obs = new Astronomy.Observer(loc.latitude, loc.longitude, loc.elevationMeters ?? 0);
        const s = Astronomy.ObserverState(this.time, obs, false);
        this.observerGeo = { pos: [s.x, s.y, s.z], vel: [s.vx, s.vy, s.vz] };
      }
    }
    return this.observerGeo;
  }

  /** Observer's heliocentric state (EQJ): Earth centre or a place on it. */
  observerHelio(): State {
    const e = this.earthState();
    const o = this.observer();
    if (!o) return e;
    return {
      pos: [e.pos[0] + o.pos[0], e.pos[1] + o.pos[1], e.pos[2] + o.pos[2]],
      vel: [e.vel[0] + o.vel[0], e.vel[1] + o.vel[1], e.vel[2] + o.vel[2]],
    };
  }

  /** Rotates an EQJ state into the true ecliptic of date and returns spherical motion. */
  ecliptic(s: State): SphericalMotion {
    const m = this.frame.eqjToEct;
    const sph = sphericalMotion(rotate(m, s.pos), rotate(m, s.vel));
    sph.longitudeSpeed += PRECESSION_RATE_DEG_PER_DAY;
    return sph;
  }
}

function heliocentricState(ctx: ExtendedContext, body: Body): State {
  if (PLANETS.has(body)) return ctx.planetHelio(body as PlanetName);
  if (MINOR.has(body)) {
    const s = minorBodyHelioState(body as MinorBody, ctx.frame.jdTt);
    return { pos: [s.x, s.y, s.z], vel: [s.vx, s.vy, s.vz] };
  }
  if (body === 'MOON') {
    const e = ctx.earthState();
    const m = ctx.moonState();
    return {
      pos: [e.pos[0] + m.pos[0], e.pos[1] + m.pos[1], e.pos[2] + m.pos[2]],
      vel: [e.vel[0] + m.vel[0], e.vel[1] + m.vel[1], e.vel[2] + m.vel[2]],
    };
  }
  throw new ValidationError('bodies', `${body} has no heliocentric position`);
}

/** Mean node or mean apogee as apparent ecliptic-of-date motion (numerical speed, cheap). */
function meanPointMotion(jd: number, dpsi: number, body: 'MEAN_NODE' | 'MEAN_LILITH'): SphericalMotion {
  const h = MEAN_SPEED_STEP_DAYS;
  if (body === 'MEAN_NODE') {
    const lon = meanNodeLongitude(jd);
    let d = meanNodeLongitude(jd + h) - meanNodeLongitude(jd - h);
    if (d > 180) d -= 360;
    else if (d < -180) d += 360;
    return { longitude: norm360(lon + dpsi), latitude: 0, distanceAu: MEAN_NODE_DISTANCE_AU, longitudeSpeed: d / (2 * h), latitudeSpeed: 0 };
  }
  const p = meanApogee(jd);
  const a = meanApogee(jd - h);
  const b = meanApogee(jd + h);
  let d = b.longitude - a.longitude;
  if (d > 180) d -= 360;
  else if (d < -180) d += 360;
  return {
    longitude: norm360(p.longitude + dpsi),
    latitude: p.latitude,
    distanceAu: MEAN_APOGEE_DISTANCE_AU,
    longitudeSpeed: d / (2 * h),
    latitudeSpeed: (b.latitude - a.latitude) / (2 * h),
  };
}

/** True node or osculating apogee from the Moon's geocentric state, with a central-difference speed. */
function osculatingPointMotion(triplet: [OsculatingLunarPoints, OsculatingLunarPoints, OsculatingLunarPoints], h: number, body: 'TRUE_NODE' | 'OSCULATING_LILITH'): SphericalMotion {
  const [before, now, after] = triplet;
  if (body === 'TRUE_NODE') {
    let d = after.nodeLongitude - before.nodeLongitude;
    if (d > 180) d -= 360;
    else if (d < -180) d += 360;
    return {
      longitude: now.nodeLongitude,
      latitude: 0,
      distanceAu: now.nodeDistanceAu,
      longitudeSpeed: d / (2 * h) + PRECESSION_RATE_DEG_PER_DAY,
      latitudeSpeed: 0,
    };
  }
  const velocity: Vec3 = [
    (after.apogee[0] - before.apogee[0]) / (2 * h),
    (after.apogee[1] - before.apogee[1]) / (2 * h),
    (after.apogee[2] - before.apogee[2]) / (2 * h),
  ];
  const sph = sphericalMotion(now.apogee, velocity);
  sph.longitudeSpeed += PRECESSION_RATE_DEG_PER_DAY;
  return sph;
}

function bodyMotionExtended(ctx: ExtendedContext, body: Body): SphericalMotion {
  const center = ctx.opts.center;
  if (center === 'HELIOCENTRIC') {
    if (NOT_HELIOCENTRIC.has(body)) throw new ValidationError('bodies', `${body} has no heliocentric position`);
    // Heliocentric, as Swiss Ephemeris: light-time from the body to the Sun applied, no aberration
    // (the Sun's own velocity, ≤ 13 m/s, would add < 0.01″).
    const s = heliocentricState(ctx, body);
    const tau = Math.hypot(s.pos[0], s.pos[1], s.pos[2]) / C_AU_PER_DAY;
    return ctx.ecliptic({ pos: backdateHelio(s, tau), vel: s.vel });
  }
  switch (body) {
    case 'MOON':
      return ctx.ecliptic(apparentMoon(ctx.moonState(), ctx.observer() ?? undefined));
    case 'MEAN_NODE':
    case 'MEAN_LILITH':
      return meanPointMotion(ctx.frame.jdTt, ctx.frame.nutationLongitudeDeg, body);
    case 'SOUTH_NODE': {
      const n = meanPointMotion(ctx.frame.jdTt, ctx.frame.nutationLongitudeDeg, 'MEAN_NODE');
      return { ...n, longitude: norm360(n.longitude + 180) };
    }
    case 'TRUE_NODE':
    case 'OSCULATING_LILITH':
      return osculatingPointMotion(ctx.osculatingTriplet(), OSCULATING_SPEED_STEP_DAYS, body);
    default:
      return ctx.ecliptic(apparentFrom(ctx.observerHelio(), heliocentricState(ctx, body)));
  }
}

const PACK_PLANETS: ReadonlySet<string> = new Set([
  'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO', 'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA',
]);
/** Earth's rotation rate, radians per day (IERS: 1.00273781191135448 turns per UT1 day). */
const EARTH_ROTATION_RAD_PER_DAY = 2 * Math.PI * 1.00273781191135448;

/** PRECISE engine: one PreciseInstant per chart, plus the osculating lunar points on demand. */
class PreciseContext {
  readonly inst: PreciseInstant;
  private osculating?: [OsculatingLunarPoints, OsculatingLunarPoints, OsculatingLunarPoints] = undefined;

  constructor(readonly moment: ResolvedMoment, readonly opts: PositionOptions) {
    let observerGeo: Float64Array | null = null;
    if (opts.center === 'TOPOCENTRIC' && opts.location) {
      // The place's geocentric state (WGS-84 geodetic → J2000 mean equator, astronomy-engine's
      // Earth rotation and precession-nutation; within metres, 0.001″ of the topocentric Moon).
      const loc = opts.location;
      const s = Astronomy.ObserverState(astroTimeFromJdUt(moment.julianDayUt), new Astronomy.Observer(loc.latitude, loc.longitude, loc.elevationMeters ?? 0), false);
      const w2 = EARTH_ROTATION_RAD_PER_DAY * EARTH_ROTATION_RAD_PER_DAY;
      observerGeo = Float64Array.from([s.x, s.y, s.z, s.vx, s.vy, s.vz, -w2 * s.x, -w2 * s.y, 0]);
    }
    this.inst = new PreciseInstant(moment.julianDayTt, observerGeo);
  }

  /**
   * Osculating lunar points at t − h, t, t + h (h = PRECISE_OSCULATING_STEP_DAYS) from the pack's
   * geometric geocentric Moon, rotated into the ecliptic of date of t.
   */
  osculatingTriplet(): [OsculatingLunarPoints, OsculatingLunarPoints, OsculatingLunarPoints] {
    if (!this.osculating) {
      const h = PRECISE_OSCULATING_STEP_DAYS;
      const moon = this.inst.pack.series[1];
      const s = new Float64Array(6);
      const at = (jd: number): OsculatingLunarPoints => {
        moon.evaluate(jd, s, 0, 1);
        return osculatingLunarPoints(toEclipticOfDate(this.inst.frame, s, 0), toEclipticOfDate(this.inst.frame, s, 3));
      };
      const t = this.inst.jdTt;
      this.osculating = [at(t - h), at(t), at(t + h)];
    }
    return this.osculating;
  }
}

function bodyMotionPrecise(ctx: PreciseContext, body: Body): SphericalMotion {
  const inst = ctx.inst;
  const dpsiDeg = (inst.frame.dpsi * 180) / Math.PI;
  if (ctx.opts.center === 'HELIOCENTRIC') {
    if (NOT_HELIOCENTRIC.has(body)) throw new ValidationError('bodies', `${body} has no heliocentric position`);
    return inst.heliocentric(body as PackPlanet | 'MOON');
  }
  switch (body) {
    case 'SUN':
      return inst.sunApparent();
    case 'MOON':
      return inst.moonApparent();
    case 'MEAN_NODE':
    case 'MEAN_LILITH':
      return meanPointMotion(inst.jdTt, dpsiDeg, body);
    case 'SOUTH_NODE': {
      const n = meanPointMotion(inst.jdTt, dpsiDeg, 'MEAN_NODE');
      return { ...n, longitude: norm360(n.longitude + 180) };
    }
    case 'TRUE_NODE':
    case 'OSCULATING_LILITH': {
      const m = osculatingPointMotion(ctx.osculatingTriplet(), PRECISE_OSCULATING_STEP_DAYS, body);
      // osculatingPointMotion adds the general precession; the precise frame's rate also has dΔψ/dt.
      m.longitudeSpeed += (inst.frame.longitudeRate * 180) / Math.PI - PRECESSION_RATE_DEG_PER_DAY;
      return m;
    }
    default:
      if (!PACK_PLANETS.has(body)) throw new ValidationError('bodies', `Unknown body "${String(body)}"`);
      return inst.planetApparent(body);
  }
}

/** True when the PRECISE engine serves the moment (its date is in 1800–2399 and inside the pack). */
function isPrecise(moment: ResolvedMoment): boolean {
  const engine = moment.ephemeris ?? ephemerisEngineAt(moment.utc.getTime());
  return engine === 'PRECISE' && ephemerisPack().covers(moment.julianDayTt);
}

/** Turns ecliptic-of-date motion into a Position (sidereal offset applied to longitude only). */
function toPosition(body: Body, sph: SphericalMotion, frame: Pick<FrameOfDate, 'cosEps' | 'sinEps'>, ayanamsaDeg: number | null): Position {
  // Right ascension and declination of date (as equatorialOfDate, inlined: once per body per chart).
  const lonR = sph.longitude * (Math.PI / 180), latR = sph.latitude * (Math.PI / 180);
  const cl = Math.cos(latR), sl = Math.sin(latR);
  const ex = cl * Math.cos(lonR), ey0 = cl * Math.sin(lonR);
  const ey = ey0 * frame.cosEps - sl * frame.sinEps;
  const ez = ey0 * frame.sinEps + sl * frame.cosEps;
  let longitude = sph.longitude;
  let longitudeSpeed = sph.longitudeSpeed;
  if (ayanamsaDeg !== null) {
    longitude = norm360(longitude - ayanamsaDeg);
    longitudeSpeed -= PRECESSION_RATE_DEG_PER_DAY;
  }
  let signIndex = Math.floor(longitude / 30);
  if (signIndex > 11) signIndex = 11;
  return {
    body,
    longitude,
    latitude: sph.latitude,
    distanceAu: sph.distanceAu,
    longitudeSpeed,
    latitudeSpeed: sph.latitudeSpeed,
    rightAscension: norm360(Math.atan2(ey, ex) * (180 / Math.PI)),
    declination: Math.atan2(ez, Math.sqrt(ex * ex + ey * ey)) * (180 / Math.PI),
    retrograde: longitudeSpeed < 0,
    sign: SIGNS[signIndex],
    signLongitude: longitude - signIndex * 30,
    house: null,
  };
}

/**
 * Positions of `bodies` at `moment`.
 *
 * Frame: ecliptic of date with the true equinox (apparent: light-time, aberration, nutation);
 * GEOCENTRIC from the Earth's centre, TOPOCENTRIC from `location` (geodetic, WGS-84, elevation in
 * metres), HELIOCENTRIC from the Sun's centre (geometric). SIDEREAL subtracts the true ayanamsa
 * (with nutation) of `ayanamsa` from longitudes; RA/Dec stay of date. Angles degrees
 * (longitude, RA in [0, 360)), distances AU, speeds degrees/day. SOUTH_NODE is opposite the mean
 * node. `house` is null (computeChart fills it). Range: 1000–2999 (the moment is already checked);
 * the moment's `ephemeris` says which engine serves it.
 *
 * @throws ValidationError (fields 'bodies', 'location', 'ayanamsa'); CalculationError when
 *   astronomy-engine fails.
 */
export function computePositions(moment: ResolvedMoment, bodies: readonly Body[], opts: PositionOptions): Position[] {
  if (opts.center === 'TOPOCENTRIC' && !opts.location) {
    throw new ValidationError('location', 'TOPOCENTRIC positions need a location');
  }
  if (opts.zodiac === 'SIDEREAL' && !opts.ayanamsa) {
    throw new ValidationError('ayanamsa', 'The SIDEREAL zodiac needs an ayanamsa');
  }
  for (const b of bodies) {
    if (!(BODIES as readonly string[]).includes(b)) throw new ValidationError('bodies', `Unknown body "${String(b)}"`);
  }
  return guardAstronomy('positions', () => {
    const ayanamsaDeg = opts.zodiac === 'SIDEREAL' ? ayanamsaDegrees(opts.ayanamsa as Ayanamsa, moment.julianDayTt, { withNutation: true }) : null;
    if (isPrecise(moment)) {
      const ctx = new PreciseContext(moment, opts);
      const eps = ctx.inst.frame.trueObliquity;
      const rot = { cosEps: Math.cos(eps), sinEps: Math.sin(eps) };
      return bodies.map((body) => toPosition(body, bodyMotionPrecise(ctx, body), rot, ayanamsaDeg));
    }
    const ctx = new ExtendedContext(moment, opts);
    return bodies.map((body) => toPosition(body, bodyMotionExtended(ctx, body), ctx.frame, ayanamsaDeg));
  });
}
