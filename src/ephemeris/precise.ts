/**
 * The precise engine (1800–2399): apparent places from the ephemeris pack (pack/pack.ts).
 *
 * Chain, for a body seen from an observer (the Earth's centre or a place on it), all vectors
 * ICRS-axes, AU, AU/day (Explanatory Supplement to the Astronomical Almanac, 3rd ed. 2013,
 * §7.2; the steps Swiss Ephemeris takes, see its documentation "swisseph.htm" §2.1):
 * 1. barycentric states: observer O = S☉ + E (+ the place), body P = S☉ + r (heliocentric
 *    series; the Moon is the Earth plus its geocentric series), with the Sun's barycentric S☉
 *    (Mars … Vesta are packed barycentric, r = P − S☉);
 * 2. light-time, iterated: ρ = P(t − τ) − O(t), τ = |ρ|/c, with P(t − τ) from the series'
 *    position, velocity and acceleration at t (second-order Taylor; the third-order term is
 *    < 10⁻¹⁰ AU even for Mercury) — `distanceAu` is |ρ|, the true distance;
 * 3. gravitational deflection of light by the Sun (Explanatory Supplement eq. 7.65, the
 *    point-mass formula; not for the Sun itself);
 * 4. aberration, relativistic, with the observer's barycentric velocity (eq. 7.40);
 * 5. rotation to the true ecliptic and equinox of date (precession-nutation.ts).
 * Speeds come from derivatives, no second evaluation: ρ̇ = Ṗ(t − τ)(1 − τ̇) − Ȯ, with τ̇ from
 * τ = |ρ|/c; the aberration's rate d(|ρ|·V/c)/dt; the frame's rotation (general precession and
 * the nutation rate) added to the longitude speed.
 */
import { ephemerisPack, PACK_INDEX, type PackReader } from './pack/pack.js';
import { eclipticFrame, type EclipticFrame } from './precession-nutation.js';
import { C_AU_PER_DAY, GM_SUN, type SphericalMotion, type Vec3 } from './frames.js';
const RAD = 180 / Math.PI;

/** The series a body's heliocentric position comes from. */
export type PackPlanet = 'MERCURY' | 'VENUS' | 'MARS' | 'JUPITER' | 'SATURN' | 'URANUS' | 'NEPTUNE' | 'PLUTO'
  | 'CHIRON' | 'PHOLUS' | 'CERES' | 'PALLAS' | 'JUNO' | 'VESTA';

const DEFLECTION_RATE_STEP_DAYS = 0.01;
const DEFLECTED = new Float64Array(9);

/**
 * Gravitational deflection of light by the Sun (Explanatory Supplement 2013 eq. 7.65; point mass):
 * p′ = |p|·(û + g·((û·q̂)ê − (ê·û)q̂)), g = 2μ☉/(c²|e|) / (1 + q̂·ê), for the geocentric vector p, the
 * body's heliocentric q (at t − τ) and the observer's heliocentric e; written to out[o … o + 2].
 */
function deflect(px: number, py: number, pz: number, qx: number, qy: number, qz: number,
  ex: number, ey: number, ez: number, out: Float64Array, o: number): void {
  const p = Math.sqrt(px * px + py * py + pz * pz);
  const q = Math.sqrt(qx * qx + qy * qy + qz * qz);
  const e = Math.sqrt(ex * ex + ey * ey + ez * ez);
  const ux = px / p, uy = py / p, uz = pz / p;
  const qu = (qx * ux + qy * uy + qz * uz) / q;
  const eu = (ex * ux + ey * uy + ez * uz) / e;
  const qe = (qx * ex + qy * ey + qz * ez) / (q * e);
  const g = (2 * GM_SUN) / (C_AU_PER_DAY * C_AU_PER_DAY * e) / (1 + qe);
  out[o] = p * (ux + g * ((qu * ex) / e - (eu * qx) / q));
  out[o + 1] = p * (uy + g * ((qu * ey) / e - (eu * qy) / q));
  out[o + 2] = p * (uz + g * ((qu * ez) / e - (eu * qz) / q));
}

/** Per-instant state shared by all bodies of one chart. */
export class PreciseInstant {
  readonly pack: PackReader;
  readonly frame: EclipticFrame;
  /** One allocation for the five 9-number states below (views into it). */
  private readonly buffer = new Float64Array(45);
  /** Earth heliocentric: position, velocity, acceleration (9). */
  readonly earth = this.buffer.subarray(0, 9);
  /** Sun barycentric: position, velocity, acceleration (9). */
  readonly sun = this.buffer.subarray(9, 18);
  /** Moon geocentric: position, velocity, acceleration (9); filled on demand. */
  private moonReady = false;
  readonly moon = this.buffer.subarray(18, 27);
  /** Observer barycentric position, velocity, acceleration (9). */
  readonly observer = this.buffer.subarray(27, 36);
  private readonly scratch = this.buffer.subarray(36, 45);

  /**
   * @param jdTt Julian day TT (inside the pack's span)
   * @param observerGeo the observer's geocentric position, velocity and acceleration (ICRS, AU,
   *   AU/day, AU/day²) for topocentric places, else null
   */
  constructor(readonly jdTt: number, observerGeo: Float64Array | null = null) {
    this.pack = ephemerisPack();
    this.frame = eclipticFrame(jdTt);
    this.pack.series[PACK_INDEX.EARTH].evaluate(jdTt, this.earth, 0, 2);
    this.pack.series[PACK_INDEX.SUN].evaluate(jdTt, this.sun, 0, 2);
    const o = this.observer, e = this.earth, s = this.sun;
    for (let k = 0; k < 9; k++) o[k] = s[k] + e[k];
    if (observerGeo) for (let k = 0; k < 9; k++) o[k] += observerGeo[k];
  }

  /** The Moon's geocentric geometric state (ICRS; position, velocity, acceleration). */
  moonState(): Float64Array {
    if (!this.moonReady) {
      this.pack.series[PACK_INDEX.MOON].evaluate(this.jdTt, this.moon, 0, 2);
      this.moonReady = true;
    }
    return this.moon;
  }

  /**
   * Heliocentric geometric state (position, velocity, acceleration) of a pack planet into `out`
   * (Mercury and Venus are packed heliocentric, the others barycentric).
   */
  helio(body: PackPlanet, out: Float64Array): void {
    this.pack.series[PACK_INDEX[body]].evaluate(this.jdTt, out, 0, 2);
    if (body !== 'MERCURY' && body !== 'VENUS') {
      const s = this.sun;
      for (let k = 0; k < 9; k++) out[k] -= s[k];
    }
  }

  /**
   * Apparent place of a body whose heliocentric state (position, velocity, acceleration) is `r`;
   * `isSun` skips the deflection. Returns the ecliptic-of-date motion (degrees, AU, degrees/day).
   */
  apparent(r: Float64Array, isSun = false): SphericalMotion {
    const s = this.sun, o = this.observer;
    const c = C_AU_PER_DAY;
    // Light-time.
    let tau = 0;
    let px = 0, py = 0, pz = 0;
    for (let i = 0; i < 3; i++) {
      const h = 0.5 * tau * tau;
      px = r[0] + s[0] - (r[3] + s[3]) * tau + (r[6] + s[6]) * h - o[0];
      py = r[1] + s[1] - (r[4] + s[4]) * tau + (r[7] + s[7]) * h - o[1];
      pz = r[2] + s[2] - (r[5] + s[5]) * tau + (r[8] + s[8]) * h - o[2];
      tau = Math.sqrt(px * px + py * py + pz * pz) / c;
    }
    const dist = Math.sqrt(px * px + py * py + pz * pz);
    // Barycentric velocity of the body at t − τ, and ρ̇.
    const vbx = r[3] + s[3] - (r[6] + s[6]) * tau, vby = r[4] + s[4] - (r[7] + s[7]) * tau, vbz = r[5] + s[5] - (r[8] + s[8]) * tau;
    const ux = px / dist, uy = py / dist, uz = pz / dist;
    const tauRate = (ux * (vbx - o[3]) + uy * (vby - o[4]) + uz * (vbz - o[5])) / (c + ux * vbx + uy * vby + uz * vbz);
    let dx = vbx * (1 - tauRate) - o[3], dy = vby * (1 - tauRate) - o[4], dz = vbz * (1 - tauRate) - o[5];
    const distRate = ux * dx + uy * dy + uz * dz;
    let ax = px, ay = py, az = pz;
    if (!isSun) {
      // Deflection: q = body − Sun at t − τ (heliocentric), e = observer − Sun at t; its rate by
      // central differences of ±0.01 day on linearly moved vectors (no ephemeris evaluation): it
      // matters only near the Sun, where the deflection changes by arcseconds within a day.
      const h = 0.5 * tau * tau;
      const qx = r[0] - r[3] * tau + r[6] * h, qy = r[1] - r[4] * tau + r[7] * h, qz = r[2] - r[5] * tau + r[8] * h;
      const qvx = r[3] - r[6] * tau, qvy = r[4] - r[7] * tau, qvz = r[5] - r[8] * tau;
      const ex = o[0] - s[0], ey = o[1] - s[1], ez = o[2] - s[2];
      const evx = o[3] - s[3], evy = o[4] - s[4], evz = o[5] - s[5];
      const D = DEFLECTED;
      deflect(px, py, pz, qx, qy, qz, ex, ey, ez, D, 0);
      ax = D[0]; ay = D[1]; az = D[2];
      const d = DEFLECTION_RATE_STEP_DAYS;
      deflect(px + dx * d, py + dy * d, pz + dz * d, qx + qvx * d, qy + qvy * d, qz + qvz * d, ex + evx * d, ey + evy * d, ez + evz * d, D, 3);
      deflect(px - dx * d, py - dy * d, pz - dz * d, qx - qvx * d, qy - qvy * d, qz - qvz * d, ex - evx * d, ey - evy * d, ez - evz * d, D, 6);
      dx = (D[3] - D[6]) / (2 * d);
      dy = (D[4] - D[7]) / (2 * d);
      dz = (D[5] - D[8]) / (2 * d);
    }
    // Aberration (relativistic): p′ ∥ β⁻¹·p + (1 + p̂·V/(1 + β⁻¹))·|p|·V, V = Ȯ/c (the full formula divides by 1 + p̂·V).
    const vx = o[3] / c, vy = o[4] / c, vz = o[5] / c;
    const v2 = vx * vx + vy * vy + vz * vz;
    const binv = Math.sqrt(1 - v2);
    const pn = Math.sqrt(ax * ax + ay * ay + az * az);
    const f1 = (ax * vx + ay * vy + az * vz) / pn;
    const f2 = 1 + f1 / (1 + binv);
    // Only the direction matters, and it is kept unnormalised (without the 1/(1 + p̂·V)): its length
    // is then that of p + |p|·V to first order, the vector whose rate is computed below. An angular
    // rate from a position and a velocity of different scales is off by p̂·V (≈ 10⁻⁴: 5″/day for the Moon).
    const fx = binv * ax + f2 * pn * vx, fy = binv * ay + f2 * pn * vy, fz = binv * az + f2 * pn * vz;
    // Rate of the aberrated vector to first order: ρ̇ + (d|ρ|/dt)·V + |ρ|·Ö/c.
    dx += distRate * vx + (dist * o[6]) / c;
    dy += distRate * vy + (dist * o[7]) / c;
    dz += distRate * vz + (dist * o[8]) / c;
    return this.ecliptic(fx, fy, fz, dx, dy, dz, dist);
  }

  /** Rotates an ICRS position and velocity to the true ecliptic of date: spherical motion (degrees, degrees/day). */
  ecliptic(x: number, y: number, z: number, vx: number, vy: number, vz: number, distanceAu: number): SphericalMotion {
    const m = this.frame.m;
    const X = m[0] * x + m[1] * y + m[2] * z;
    const Y = m[3] * x + m[4] * y + m[5] * z;
    const Z = m[6] * x + m[7] * y + m[8] * z;
    const VX = m[0] * vx + m[1] * vy + m[2] * vz;
    const VY = m[3] * vx + m[4] * vy + m[5] * vz;
    const VZ = m[6] * vx + m[7] * vy + m[8] * vz;
    const rxy2 = X * X + Y * Y;
    const rxy = Math.sqrt(rxy2);
    const r2 = rxy2 + Z * Z;
    let lon = Math.atan2(Y, X) * RAD;
    if (lon < 0) lon += 360;
    if (lon >= 360) lon -= 360;
    return {
      longitude: lon,
      latitude: Math.atan2(Z, rxy) * RAD,
      distanceAu,
      longitudeSpeed: ((X * VY - Y * VX) / rxy2 + this.frame.longitudeRate) * RAD,
      latitudeSpeed: ((VZ * rxy2 - Z * (X * VX + Y * VY)) / (r2 * rxy)) * RAD,
    };
  }

  /** Apparent Sun. */
  sunApparent(): SphericalMotion {
    const z = this.scratch;
    z.fill(0);
    return this.apparent(z, true);
  }

  /** Apparent Moon (its heliocentric state is the Earth's plus its geocentric one). */
  moonApparent(): SphericalMotion {
    const m = this.moonState(), e = this.earth, r = this.scratch;
    for (let k = 0; k < 9; k++) r[k] = e[k] + m[k];
    return this.apparent(r);
  }

  /** Apparent place of a pack planet or minor body. */
  planetApparent(body: PackPlanet): SphericalMotion {
    const r = this.scratch;
    this.helio(body, r);
    return this.apparent(r);
  }

  /**
   * Heliocentric place as Swiss Ephemeris gives it: the body's barycentric position light-time
   * earlier, with the light-time counted from the solar-system barycentre (τ = |P(t − τ)|/c),
   * minus the Sun's barycentric position at t; no deflection or aberration. (Counting τ from the
   * Sun's centre instead moves Mercury by up to 1″: the Sun is up to 0.01 AU, 5 light-seconds,
   * from the barycentre.)
   */
  heliocentric(body: PackPlanet | 'MOON'): SphericalMotion {
    const r = this.scratch, s = this.sun;
    if (body === 'MOON') {
      const m = this.moonState(), e = this.earth;
      for (let k = 0; k < 9; k++) r[k] = e[k] + m[k];
    } else {
      this.helio(body, r);
    }
    let tau = 0;
    let px = 0, py = 0, pz = 0;
    for (let i = 0; i < 3; i++) {
      const h = 0.5 * tau * tau;
      px = r[0] + s[0] - (r[3] + s[3]) * tau + (r[6] + s[6]) * h;
      py = r[1] + s[1] - (r[4] + s[4]) * tau + (r[7] + s[7]) * h;
      pz = r[2] + s[2] - (r[5] + s[5]) * tau + (r[8] + s[8]) * h;
      tau = Math.sqrt(px * px + py * py + pz * pz) / C_AU_PER_DAY;
    }
    px -= s[0]; py -= s[1]; pz -= s[2];
    const vx = r[3] + s[3] - (r[6] + s[6]) * tau - s[3];
    const vy = r[4] + s[4] - (r[7] + s[7]) * tau - s[4];
    const vz = r[5] + s[5] - (r[8] + s[8]) * tau - s[5];
    return this.ecliptic(px, py, pz, vx, vy, vz, Math.sqrt(px * px + py * py + pz * pz));
  }
}

/** Rotates an ICRS vector by the frame's matrix (GCRS → true ecliptic of date). */
export function toEclipticOfDate(frame: EclipticFrame, v: ArrayLike<number>, o = 0): Vec3 {
  const m = frame.m;
  return [
    m[0] * v[o] + m[1] * v[o + 1] + m[2] * v[o + 2],
    m[3] * v[o] + m[4] * v[o + 1] + m[5] * v[o + 2],
    m[6] * v[o] + m[7] * v[o + 1] + m[8] * v[o + 2],
  ];
}
