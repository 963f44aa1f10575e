import { describe, expect, it } from 'vitest';
import { GM_EARTH_MOON_AU3_DAY2, meanApogee, meanNodeLongitude, osculatingLunarPoints } from '../../src/ephemeris/lunar-points.js';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import type { Body } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from '../reference/positions.json' with { type: 'json' };
import { within, worse } from '../reference/worst.js';

interface RefCase { utc: string; jdUt: number; bodies: Record<string, { longitude: number; latitude: number; longitudeSpeed: number }> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

describe('lunar points', () => {
  it('the mean node regresses once in ≈ 18.61 years', () => {
    const jd0 = 2451545.0;
    const rateDegPerDay = (((meanNodeLongitude(jd0 + 1) - meanNodeLongitude(jd0 - 1) + 540) % 360) - 180) / 2;
    expect(360 / -rateDegPerDay / 365.25).toBeCloseTo(18.61, 1);
  });

  it('mean Lilith differs from the naive Meeus "perigee + 180°" by the ecliptic projection, up to ≈ 7′', () => {
    // Meeus, Astronomical Algorithms (2nd ed.) ch. 47/50: mean perigee Π of the lunar orbit.
    const naive = (jd: number) => {
      const T = (jd - 2451545) / 36525;
      return (83.3532465 + 4069.0137287 * T - 0.01032 * T * T - (T * T * T) / 80053 + (T * T * T * T) / 18999000 + 180) % 360;
    };
    let maxArcmin = 0;
    for (let jd = 2451545; jd < 2451545 + 6800; jd += 3) {
      const d = (((meanApogee(jd).longitude - naive(jd)) % 360) + 540) % 360 - 180;
      maxArcmin = Math.max(maxArcmin, Math.abs(d) * 60);
      expect(Math.abs(meanApogee(jd).latitude)).toBeLessThanOrEqual(5.1453964 + 1e-9);
    }
    expect(maxArcmin).toBeGreaterThan(6);
    expect(maxArcmin).toBeLessThan(7.5);
  });

  it('osculating node and apogee of a known Kepler orbit', () => {
    // Ellipse with a = 0.00257 AU, e = 0.055, inclination 5°, node at 40°, perigee argument 30°, at perigee.
    const mu = GM_EARTH_MOON_AU3_DAY2;
    const a = 0.00257, e = 0.055, inc = (5 * Math.PI) / 180, node = (40 * Math.PI) / 180, argp = (30 * Math.PI) / 180;
    const rp = a * (1 - e);
    const vp = Math.sqrt((mu * (1 + e)) / (a * (1 - e)));
    // perifocal → ecliptic: R3(−node) R1(−inc) R3(−argp)
    const rot = (x: number, y: number): [number, number, number] => {
      const x1 = x * Math.cos(argp) - y * Math.sin(argp);
      const y1 = x * Math.sin(argp) + y * Math.cos(argp);
      const y2 = y1 * Math.cos(inc);
      const z2 = y1 * Math.sin(inc);
      return [x1 * Math.cos(node) - y2 * Math.sin(node), x1 * Math.sin(node) + y2 * Math.cos(node), z2];
    };
    const pts = osculatingLunarPoints(rot(rp, 0), rot(0, vp));
    expect(pts.nodeLongitude).toBeCloseTo(40, 9);
    const apo = pts.apogee;
    expect(Math.hypot(...apo)).toBeCloseTo(a * (1 + e), 12);
    const apoExpected = rot(-a * (1 + e), 0);
    for (let k = 0; k < 3; k++) expect(apo[k]).toBeCloseTo(apoExpected[k], 12);
  });
});

describe('lunar points of the PRECISE engine against Swiss Ephemeris (first 60 instants of positions.json)', () => {
  // Bounds of the precision ephemeris: mean node and mean apogee 1″, true node 2″, osculating
  // apogee 10″; speeds 2″/day, the osculating apogee's 20″/day.
  const bounds: Record<string, [number, number]> = {
    MEAN_NODE: [1, 2], MEAN_LILITH: [1, 2], TRUE_NODE: [2, 2], OSCULATING_LILITH: [10, 20],
  };
  const bodies = Object.keys(bounds) as Body[];
  it('positions and speeds within bounds', () => {
    const worst: Record<string, [number, number]> = {};
    for (const b of bodies) worst[b] = [0, 0];
    const sample = cases.slice(0, 60);
    expect(sample.length).toBe(60);
    for (const c of sample) {
      const ps = computePositions(momentFromJulianDayUt(c.jdUt), bodies, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
      for (const p of ps) {
        const r = c.bodies[p.body];
        worst[p.body] = [
          worse(worst[p.body][0], Math.max(angleDiffArcsec(p.longitude, r.longitude), Math.abs(p.latitude - r.latitude) * 3600)),
          worse(worst[p.body][1], Math.abs(p.longitudeSpeed - r.longitudeSpeed) * 3600),
        ];
      }
    }
    console.log('lunar points, worst (″, ″/day):', bodies.map((b) => `${b} ${worst[b][0].toFixed(3)} / ${worst[b][1].toFixed(3)}`).join(', '));
    for (const b of bodies) {
      expect(within(worst[b][0], bounds[b][0]), `${b} position ${worst[b][0]}″`).toBe(true);
      expect(within(worst[b][1], bounds[b][1]), `${b} speed ${worst[b][1]}″/day`).toBe(true);
    }
  });
});
