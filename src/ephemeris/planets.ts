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
import { C_AU_PER_DAY, GM_SUN, type State, type Vec3 } from './frames.js';

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

/** True for the Sun and the planets Mercury…Pluto (the bodies with an astronomy-engine ephemeris here). */
export function isPlanetName(name: string): name is PlanetName {
  return Object.hasOwn(ASTRO_BODY, name);
}

/** sin and cos of the J2000 obliquity of the VSOP87 ecliptic (23.4392803°). */
const SIN_EPS0 = Math.sin(23.4392803 * (Math.PI / 180));
const COS_EPS0 = Math.cos(23.4392803 * (Math.PI / 180));

/** A VSOP87 term: [power of t (Julian millennia TT from J2000), amplitude rad, phase rad, frequency rad/millennium]. */
type VsopTerm = readonly [number, number, number, number];

/**
 * Terms of the heliocentric latitude series of VSOP87B (Bretagnon & Francou 1988, A&A 202, 309;
 * J2000 ecliptic) with amplitude ≥ 2·10⁻⁶ rad that astronomy-engine's truncated VSOP87 omits
 * (its kept terms are identical to VSOP87B's, so these add without double counting). Without
 * them, latitudes drift by up to 6″ (Sun, i.e. the Earth), 27″ (Mercury) and 37″ (Saturn) at the
 * ends of 1800–2399; the other planets stay within their bounds without a supplement.
 */
const LATITUDE_SUPPLEMENT: Partial<Record<'EARTH' | PlanetName, readonly VsopTerm[]>> = {
  EARTH: [
    [0, 2.7962e-6, 3.19870156017, 84334.66158130829],
    [0, 1.01643e-6, 5.42248619256, 5507.5532386674],
    [1, 3.619589e-5, 0, 0],
    [2, 9.721424e-5, 5.1519280992, 6283.0758499914],
    [2, -2.33002e-6, 0, 0],
    [2, 1.34188e-6, 0.64406212977, 12566.1516999828],
    [3, 2.75993e-6, 0.59480097092, 6283.0758499914],
  ],
  MERCURY: [
    [0, 2.014189e-5, 1.35324164377, 182615.3219910194],
    [0, 5.13953e-6, 4.37835406663, 208703.2251325936],
    [0, 2.08584e-6, 2.02020295489, 24978.5245894808],
    [0, 2.07674e-6, 4.91772567908, 27197.2816936676],
    [1, 2.3970726e-4, 2.53272082947, 52175.8062831484],
    [1, 1.8772047e-4, 0.05141288887, 78263.70942472259],
    [1, 8.097508e-5, 3.20946389315, 104351.61256629678],
    [1, 2.890729e-5, 0.00943621371, 130439.51570787099],
    [1, 9.49669e-6, 3.06780459575, 156527.41884944518],
    [1, 2.98013e-6, 6.11414444304, 182615.3219910194],
    [2, 2.747165e-5, 5.24567337999, 26087.9031415742],
    [2, 2.047257e-5, 0, 0],
    [2, 5.1603e-6, 0.49321133154, 52175.8062831484],
    [2, 4.07309e-6, 4.32215500849, 78263.70942472259],
    [2, 2.66936e-6, 1.42744634495, 104351.61256629678],
  ],
  SATURN: [
    [0, 4.788392e-5, 4.96512926584, 110.2063212194],
    [0, 3.432125e-5, 2.732557466, 433.7117378768],
    [0, 1.506129e-5, 6.01304519391, 103.0927742186],
    [0, 1.060298e-5, 5.6309929646, 529.6909650946],
    [0, 9.69071e-6, 5.20434966293, 632.7837393132],
    [0, 9.4205e-6, 1.39646688872, 853.196381752],
    [0, 7.07645e-6, 3.80302289005, 323.5054166574],
    [0, 5.52314e-6, 5.13149119536, 202.2533951741],
    [0, 3.99674e-6, 3.35891409671, 227.5261894396],
    [0, 3.1938e-6, 3.62571687438, 209.3669421749],
    [0, 3.16063e-6, 1.99716693551, 647.0108333148],
    [0, 3.14224e-6, 0.46510248959, 217.2312487011],
    [0, 2.84495e-6, 4.88648507126, 224.3447957019],
    [0, 2.36441e-6, 2.13887684631, 11.0457002639],
    [0, 2.15354e-6, 5.9498256102, 846.0828347512],
    [0, 2.08523e-6, 2.12003937634, 415.5524906121],
    [0, 2.07214e-6, 0.73021353207, 199.0720014364],
    [1, 1.3320265e-4, 2.26481519893, 206.1855484372],
    [1, 1.0919721e-4, 1.79463271368, 220.4126424388],
    [1, 3.243428e-5, 1.21094033148, 419.4846438752],
    [1, 2.900519e-5, 6.17033461979, 639.897286314],
    [1, 1.584712e-5, 0.9341639713, 433.7117378768],
    [1, 1.580666e-5, 3.08171717435, 7.1135470008],
    [1, 7.00659e-6, 0.20545152078, 316.3918696566],
    [1, 3.10902e-6, 4.38351712708, 110.2063212194],
    [1, 3.03761e-6, 5.46322830151, 853.196381752],
    [1, 3.01237e-6, 1.66219956459, 227.5261894396],
    [1, 2.59878e-6, 3.93026240568, 103.0927742186],
    [1, 2.52673e-6, 0.9002092521, 632.7837393132],
    [2, 1.3884264e-4, 0.08994998691, 213.299095438],
    [2, 3.075713e-5, 3.9161093762, 206.1855484372],
    [2, 2.081666e-5, 0.09631968077, 220.4126424388],
    [2, 1.452574e-5, 5.48867576013, 426.598190876],
    [2, 5.46808e-6, 2.94585826799, 419.4846438752],
    [2, 3.91398e-6, 5.43939792344, 433.7117378768],
    [2, 3.1974e-6, 4.34820275048, 639.897286314],
    [2, 2.20164e-6, 0, 0],
    [2, 2.03518e-6, 1.37396136744, 7.1135470008],
    [3, 4.87242e-6, 5.57827705588, 206.1855484372],
    [3, 4.63357e-6, 1.69194209337, 213.299095438],
    [3, 2.77451e-6, 0, 0],
    [3, 2.70686e-6, 4.65445792593, 220.4126424388],
  ],
};

function seriesSum(terms: readonly VsopTerm[], t: number): number {
  const powers = [1, t, t * t, t * t * t];
  let sum = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    sum += term[1] * Math.cos(term[2] + term[3] * t) * powers[term[0]];
  }
  return sum;
}

/**
 * Adds δB (radians) to the heliocentric latitude of an EQJ position: a displacement r·δB along
 * the local direction of increasing latitude in the J2000 ecliptic frame.
 */
function shiftLatitude(pos: Vec3, deltaB: number): Vec3 {
  const [x, y, z] = pos;
  // EQJ → J2000 ecliptic
  const ey = y * COS_EPS0 + z * SIN_EPS0;
  const ez = -y * SIN_EPS0 + z * COS_EPS0;
  const rxy = Math.hypot(x, ey);
  const r = Math.hypot(rxy, ez);
  if (rxy === 0) return pos;
  const cosB = rxy / r;
  const sinB = ez / r;
  // unit vector of increasing latitude: (−sinB cosL, −sinB sinL, cosB)
  const dx = -sinB * (x / rxy) * r * deltaB;
  const dy = -sinB * (ey / rxy) * r * deltaB;
  const dz = cosB * r * deltaB;
  // back to EQJ
  return [x + dx, y + dy * COS_EPS0 - dz * SIN_EPS0, z + dy * SIN_EPS0 + dz * COS_EPS0];
}

function withSupplement(name: 'EARTH' | PlanetName, s: Astronomy.StateVector): State {
  const pos: Vec3 = [s.x, s.y, s.z];
  const terms = LATITUDE_SUPPLEMENT[name];
  return {
    pos: terms ? shiftLatitude(pos, seriesSum(terms, s.t.tt / 365250)) : pos,
    vel: [s.vx, s.vy, s.vz],
  };
}

/** astronomy-engine's heliocentric state of a planet (no supplement), for reuse within one instant. */
export function rawHelioState(name: Exclude<PlanetName, 'SUN'>, time: Astronomy.AstroTime): Astronomy.StateVector {
  return Astronomy.HelioState(ASTRO_BODY[name], time);
}

/** Heliocentric geometric state (EQJ, AU, AU/day) of a planet at an astronomy-engine time. */
export function planetHelioState(name: PlanetName, time: Astronomy.AstroTime): State {
  if (name === 'SUN') return { pos: [0, 0, 0], vel: [0, 0, 0] };
  return withSupplement(name, Astronomy.HelioState(ASTRO_BODY[name], time));
}

/** Same as {@link planetHelioState} from an already computed raw astronomy-engine state. */
export function planetHelioFromRaw(name: Exclude<PlanetName, 'SUN' | 'PLUTO'>, raw: Astronomy.StateVector): State {
  return withSupplement(name, raw);
}

/** astronomy-engine's GM values, AU³/day² (astronomy.js SUN_GM … NEPTUNE_GM). */
const GM = { SUN: 0.2959122082855911e-3, JUPITER: 0.2825345909524226e-6, SATURN: 0.8459715185680659e-7, URANUS: 0.1292024916781969e-7, NEPTUNE: 0.1524358900784276e-7 } as const;
export type GiantName = 'JUPITER' | 'SATURN' | 'URANUS' | 'NEPTUNE';

/**
 * Heliocentric Pluto without a second evaluation of the giant planets: astronomy-engine's
 * barycentric Pluto (its integrated table) minus the barycentric Sun, which astronomy-engine
 * itself defines from the four giants' VSOP87 states (astronomy.js `major_bodies_t`,
 * SSB = Σ GMᵢ/(GMᵢ + GM☉) · rᵢ); the giants' states are passed in (the chart needs them anyway).
 */
export function plutoHelioState(time: Astronomy.AstroTime, giants: Record<GiantName, Astronomy.StateVector>): State {
  const b = Astronomy.BaryState(Astronomy.Body.Pluto, time);
  let sx = 0, sy = 0, sz = 0, svx = 0, svy = 0, svz = 0;
  for (const name of ['JUPITER', 'SATURN', 'URANUS', 'NEPTUNE'] as const) {
    const g = giants[name];
    const shift = GM[name] / (GM[name] + GM.SUN);
    sx += g.x * shift; sy += g.y * shift; sz += g.z * shift;
    svx += g.vx * shift; svy += g.vy * shift; svz += g.vz * shift;
  }
  // helio = bary − bary(Sun) = bary + SSB(helio)
  return { pos: [b.x + sx, b.y + sy, b.z + sz], vel: [b.vx + svx, b.vy + svy, b.vz + svz] };
}

/** Heliocentric state of the Earth (EQJ), with the VSOP87B latitude supplement. */
export function earthHelioState(time: Astronomy.AstroTime): State {
  return withSupplement('EARTH', Astronomy.HelioState(Astronomy.Body.Earth, time));
}

/**
 * Secular corrections of the Moon's mean elements, arcseconds, T in Julian centuries TT from J2000.
 * astronomy-engine's lunar theory (Montenbruck & Pfleger, after Brown's Improved Lunar Ephemeris)
 * uses the mean longitude L0 = 0.60643382 + 1336.85522467·T − 0.00000313·T² rev and the argument
 * of latitude F = 0.25909118 + 1342.22782980·T − 0.00000892·T² rev. The JPL ephemerides (as fitted
 * by Moshier to DE404, ELP2000-85 mean elements; Swiss Ephemeris swemmoon.c `mean_elements`) have
 * L: 1732564372.154″/cy − 5.663161722″T² + 0.005722859″T³ − 0.0000846647″T⁴ and
 * F: 1739527262.890″/cy − 13.120452337″T² − 0.001138216″T³ − 0.0000096460″T⁴.
 * The differences (ΔL: +0.984″/cy, −1.607″/cy²; ΔF: −4.530″/cy, −1.560″/cy²) made the Moon drift
 * by up to 25″ at the ends of 1800–2399. Constant terms are left alone (each theory's periodic
 * terms absorb them differently). ΔF moves the Moon along its orbit, ΔΩ = ΔL − ΔF turns the orbit's
 * node about the ecliptic pole.
 */
function moonSecularCorrectionsRad(ttDays: number): { dF: number; dNode: number } {
  const T = ttDays / 36525;
  const T2 = T * T;
  const dL = 0.984149 * T + (-5.663161722088 + 4.05648) * T2 + 5.722859298199e-3 * T2 * T - 8.466472828815e-5 * T2 * T2;
  const dF = -4.530437 * T + (-13.12045233711 + 11.56032) * T2 - 1.13821591258e-3 * T2 * T - 9.646018347184e-6 * T2 * T2;
  const k = Math.PI / 648000;
  return { dF: dF * k, dNode: (dL - dF) * k };
}

/** Mean inclination of the lunar orbit, radians (5.1453964°, Swiss Ephemeris MOON_MEAN_INCL). */
const MOON_MEAN_INCLINATION = 5.1453964 * (Math.PI / 180);

/**
 * The Moon's ecliptic longitude (degrees, of date) from astronomy-engine's `EclipticGeoMoon`
 * corrected as {@link moonGeoState} corrects its state, for callers that use `EclipticGeoMoon`
 * directly (fast longitude searches): ΔF along the orbit — whose effect on the longitude is
 * ΔF·dλ/du = ΔF·cos i/(cos²u + cos²i·sin²u) on an orbit of inclination i (mean, 5.145°) at
 * argument of latitude u (from the latitude and the mean node) — plus ΔΩ about the ecliptic
 * pole. The correction reaches ≈ 3′ at the ends of 1000–2999; the dλ/du factor (±0.4 %) keeps
 * this within 0.05″ of moonGeoState's rotations.
 * @param lonDeg, latDeg the uncorrected geocentric ecliptic longitude and latitude, degrees
 * @param meanNodeDeg the mean ascending node of date, degrees
 */
export function correctedMoonLongitudeDeg(lonDeg: number, latDeg: number, meanNodeDeg: number, time: Astronomy.AstroTime): number {
  const { dF, dNode } = moonSecularCorrectionsRad(time.tt);
  const i = MOON_MEAN_INCLINATION;
  const sinU = Math.max(-1, Math.min(1, Math.sin(latDeg * (Math.PI / 180)) / Math.sin(i)));
  // The quadrant of u from the longitude past the node: tan(λ − Ω) = cos i · tan u.
  const lambdaFromNode = (lonDeg - meanNodeDeg) * (Math.PI / 180);
  const cosU = Math.cos(lambdaFromNode) * Math.sqrt(1 - sinU * sinU) >= 0 ? Math.sqrt(1 - sinU * sinU) : -Math.sqrt(1 - sinU * sinU);
  const cosI = Math.cos(i);
  const factor = cosI / (cosU * cosU + cosI * cosI * sinU * sinU);
  return lonDeg + ((dF * factor + dNode) * 180) / Math.PI;
}

/** Rotates an EQJ vector about the J2000 ecliptic pole by the angle with cosine c and sine s. */
function rotateAboutEclipticPole(v: Vec3, c: number, s: number): Vec3 {
  const [x, y, z] = v;
  const ey = y * COS_EPS0 + z * SIN_EPS0;
  const ez = -y * SIN_EPS0 + z * COS_EPS0;
  const rx = x * c - ey * s;
  const ry = x * s + ey * c;
  return [rx, ry * COS_EPS0 - ez * SIN_EPS0, ry * SIN_EPS0 + ez * COS_EPS0];
}

/** Rotates v about the unit axis n (Rodrigues) by the angle with cosine c and sine s. */
function rotateAbout(v: Vec3, n: Vec3, c: number, s: number): Vec3 {
  const dot = n[0] * v[0] + n[1] * v[1] + n[2] * v[2];
  const cx = n[1] * v[2] - n[2] * v[1];
  const cy = n[2] * v[0] - n[0] * v[2];
  const cz = n[0] * v[1] - n[1] * v[0];
  return [
    v[0] * c + cx * s + n[0] * dot * (1 - c),
    v[1] * c + cy * s + n[1] * dot * (1 - c),
    v[2] * c + cz * s + n[2] * dot * (1 - c),
  ];
}

/**
 * Distance scale of astronomy-engine's Moon. Its distance is ARC·R⊕ / (0.999953253·sin π) with
 * R⊕ = 6378.1366 km, but the sine-parallax series (Brown's Improved Lunar Ephemeris: constant
 * 3422.7″) is referred to the Hayford (1924 International) equatorial radius 6378.388 km, as the
 * ILE was; with it the mean distance is the accepted 384 400 km instead of 15 km less. The 15 km
 * bias (3.9·10⁻⁵) showed against the reference as a mean Moon distance error of −14 km and, through
 * the orbit's energy, moved the osculating apogee by up to ≈ 7′.
 */
const MOON_DISTANCE_SCALE = 6378.388 / 6378.1366;

/**
 * Geocentric geometric state of the Moon (EQJ): astronomy-engine's lunar theory, velocity by its
 * ±0.86 s difference, with the secular corrections above (ΔF about the orbit normal, ΔΩ about the
 * ecliptic pole; the ≤ 0.1″ difference between the J2000 and of-date poles is negligible).
 */
export function moonGeoState(time: Astronomy.AstroTime): State {
  const s = Astronomy.GeoMoonState(time);
  const k = MOON_DISTANCE_SCALE;
  const r: Vec3 = [s.x * k, s.y * k, s.z * k];
  const v: Vec3 = [s.vx * k, s.vy * k, s.vz * k];
  const h: Vec3 = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
  const hn = Math.hypot(h[0], h[1], h[2]);
  const n: Vec3 = [h[0] / hn, h[1] / hn, h[2] / hn];
  const { dF, dNode } = moonSecularCorrectionsRad(time.tt);
  const cF = Math.cos(dF), sF = Math.sin(dF), cN = Math.cos(dNode), sN = Math.sin(dNode);
  return {
    pos: rotateAboutEclipticPole(rotateAbout(r, n, cF, sF), cN, sN),
    vel: rotateAboutEclipticPole(rotateAbout(v, n, cF, sF), cN, sN),
  };
}

/** Heliocentric position `tauDays` earlier, by a two-body second-order Taylor step. */
export function backdateHelio(s: State, tauDays: number): Vec3 {
  const [x, y, z] = s.pos;
  const r2 = x * x + y * y + z * z;
  if (r2 === 0) return [0, 0, 0];
  const k = (-0.5 * GM_SUN * tauDays * tauDays) / (r2 * Math.sqrt(r2));
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
