import { describe, expect, it } from 'vitest';
import { computeHouses, computeHousesFromArmc, houseOfLongitude } from '../../src/ephemeris/houses.js';
import { HOUSE_SYSTEMS } from '../../src/ephemeris/types.js';
import type { HouseSystem, ResolvedMoment } from '../../src/ephemeris/types.js';
import { ValidationError } from '../../src/errors.js';
import { angleDiffArcsec } from '../helpers/angles.js';

const DEG = Math.PI / 180;

function moment(jdUt: number): ResolvedMoment {
  return {
    utc: new Date((jdUt - 2440587.5) * 86400000),
    julianDayUt: jdUt,
    julianDayTt: jdUt + 69 / 86400,
    deltaTSeconds: 69,
    timeZone: null,
    utcOffsetMinutes: null,
    ephemeris: 'PRECISE',
  };
}

/** 2000-01-01T12:00Z plus days. */
const J2000 = 2451545.0;

function norm(x: number): number {
  return ((x % 360) + 360) % 360;
}
const arcsec = angleDiffArcsec;
function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('houseOfLongitude', () => {
  const equal = [15, 45, 75, 105, 135, 165, 195, 225, 255, 285, 315, 345];
  it('a cusp belongs to the house it begins', () => {
    for (let i = 0; i < 12; i++) {
      expect(houseOfLongitude(equal[i], equal)).toBe(i + 1);
      expect(houseOfLongitude(equal[i] + 29.999, equal)).toBe(i + 1);
      expect(houseOfLongitude(equal[i] - 1e-9, equal)).toBe(i === 0 ? 12 : i);
    }
  });
  it('wraps around 0° Aries and normalises the longitude', () => {
    expect(houseOfLongitude(0, equal)).toBe(12);
    expect(houseOfLongitude(360, equal)).toBe(12);
    expect(houseOfLongitude(-350, equal)).toBe(12); // 10°
    expect(houseOfLongitude(375, equal)).toBe(1); // 15°
  });
  it('unequal quadrant cusps', () => {
    const cusps = [200, 230, 265, 300, 340, 5, 20, 50, 85, 120, 160, 185];
    expect(houseOfLongitude(201, cusps)).toBe(1);
    expect(houseOfLongitude(359, cusps)).toBe(5);
    expect(houseOfLongitude(4.99, cusps)).toBe(5);
    expect(houseOfLongitude(5, cusps)).toBe(6);
    expect(houseOfLongitude(190, cusps)).toBe(12);
  });
  it('clockwise cusps (polar Regiomontanus/Campanus) are read clockwise', () => {
    const cw = [345, 315, 285, 255, 225, 195, 165, 135, 105, 75, 45, 15];
    expect(houseOfLongitude(345, cw)).toBe(1);
    expect(houseOfLongitude(330, cw)).toBe(1);
    expect(houseOfLongitude(315, cw)).toBe(2);
    expect(houseOfLongitude(10, cw)).toBe(12);
    expect(houseOfLongitude(350, cw)).toBe(12);
  });
  it('rejects a cusp list that is not 12 long', () => {
    expect(fieldOf(() => houseOfLongitude(10, [0, 30]))).toBe('cusps');
  });
});

describe('computeHousesFromArmc: hand-checkable geometry', () => {
  const eps = 23.4392911;
  it('ARMC 0 at the equator: MC 0°, ascendant 90°', () => {
    const h = computeHousesFromArmc(0, 0, eps, 'PORPHYRY');
    expect(h.midheaven).toBeCloseTo(0, 10);
    expect(h.ascendant).toBeCloseTo(90, 10);
    expect(h.cusps).toEqual([90, 120, 150, 180, 210, 240, 270, 300, 330, 0, 30, 60].map((x) => expect.closeTo(x, 9)));
    expect(h.descendant).toBeCloseTo(270, 10);
    expect(h.imumCoeli).toBeCloseTo(180, 10);
  });

  it('ascendant and MC agree with the textbook formulas (Meeus ch. 13) at random places', () => {
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let n = 0; n < 500; n++) {
      const armc = rand() * 360;
      const lat = (rand() - 0.5) * 130; // ±65°
      const h = computeHousesFromArmc(armc, lat, eps, 'REGIOMONTANUS');
      const r = armc * DEG;
      const e = eps * DEG;
      const mc = norm(Math.atan2(Math.sin(r), Math.cos(r) * Math.cos(e)) / DEG);
      // Ascendant: λ = atan2(cos θ, −(sin θ cos ε + tan φ sin ε)).
      const asc = norm(Math.atan2(Math.cos(r), -(Math.sin(r) * Math.cos(e) + Math.tan(lat * DEG) * Math.sin(e))) / DEG);
      expect(arcsec(h.midheaven, mc)).toBeLessThan(1e-6);
      if (Math.abs(lat) < 90 - eps) expect(arcsec(h.ascendant, asc)).toBeLessThan(1e-6);
      expect(arcsec(h.cusps[0], h.ascendant)).toBeLessThan(1e-6);
      expect(arcsec(h.cusps[9], h.midheaven)).toBeLessThan(1e-6);
    }
  });

  it('every system gives 12 finite cusps in [0, 360), opposite pairs 180° apart, at any latitude', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const system of HOUSE_SYSTEMS) {
      for (const lat of [-90, -89.9, -70, -66.6, -45, -0.001, 0, 0.001, 23.44, 45, 66.6, 70, 89.9, 90]) {
        for (const armc of [0, 45, 90, 135, 180, 225, 270, 315, 359.9]) {
          const h = computeHousesFromArmc(armc, lat, eps, system);
          const where = `${system} lat ${lat} armc ${armc}`;
          if (h.cusps.length !== 12) problems.push(`${where}: ${h.cusps.length} cusps`);
          for (const v of [...h.cusps, h.ascendant, h.midheaven, h.vertex, h.descendant, h.imumCoeli, h.armc]) {
            if (!(Number.isFinite(v) && v >= 0 && v < 360)) problems.push(`${where}: ${v}`);
            checked++;
          }
          for (let i = 0; i < 6; i++) {
            if (!(arcsec(h.cusps[i + 6], h.cusps[i] + 180) < 1e-6)) problems.push(`${where}: cusp ${i + 7}`);
          }
          if (!Number.isFinite(h.ascendantSpeed) || !Number.isFinite(h.midheavenSpeed)) problems.push(`${where}: speed`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(12 * 14 * 9 * 18);
  });

  it('quadrant systems put cusp 1 on the ascendant and cusp 10 on the MC (outside the polar circles)', () => {
    const quadrant: HouseSystem[] = ['PLACIDUS', 'KOCH', 'PORPHYRY', 'REGIOMONTANUS', 'CAMPANUS', 'ALCABITIUS', 'TOPOCENTRIC'];
    for (const system of quadrant) {
      const h = computeHousesFromArmc(123.4, 48.85, eps, system);
      expect(arcsec(h.cusps[0], h.ascendant)).toBeLessThan(1e-6);
      expect(arcsec(h.cusps[9], h.midheaven)).toBeLessThan(1e-6);
      // counter-clockwise order: the twelve house widths add up to 360°
      let total = 0;
      for (let i = 0; i < 12; i++) total += norm(h.cusps[(i + 1) % 12] - h.cusps[i]);
      expect(total).toBeCloseTo(360, 9);
    }
  });

  it('equal, Vehlow and whole-sign houses are 30° apart from the ascendant, its sign, or 15° before it', () => {
    const eq = computeHousesFromArmc(200, 40, eps, 'EQUAL');
    const ve = computeHousesFromArmc(200, 40, eps, 'VEHLOW');
    const ws = computeHousesFromArmc(200, 40, eps, 'WHOLE_SIGN');
    for (let i = 0; i < 12; i++) {
      expect(arcsec(eq.cusps[i], eq.ascendant + 30 * i)).toBeLessThan(1e-6);
      expect(arcsec(ve.cusps[i], ve.ascendant - 15 + 30 * i)).toBeLessThan(1e-6);
      expect(arcsec(ws.cusps[i], Math.floor(ws.ascendant / 30) * 30 + 30 * i)).toBeLessThan(1e-6);
    }
  });

  it('at the equator the space-based quadrant systems coincide with the axial-rotation system', () => {
    // At φ = 0 Placidus, Koch, Regiomontanus, Campanus, Polich–Page and the axial-rotation system
    // all reduce to the ecliptic points of right ascension ARMC + n·30° (reference sample case).
    const base = computeHousesFromArmc(51.5088338, 0, eps, 'MERIDIAN');
    for (const system of ['PLACIDUS', 'KOCH', 'REGIOMONTANUS', 'CAMPANUS', 'TOPOCENTRIC', 'ALCABITIUS'] as const) {
      const h = computeHousesFromArmc(51.5088338, 0, eps, system);
      for (let i = 0; i < 12; i++) expect(arcsec(h.cusps[i], base.cusps[i]), `${system} ${i + 1}`).toBeLessThan(1e-5);
    }
  });

  it('vertex at the equator is 0° or 180° (Swiss Ephemeris convention), on the western side', () => {
    const h = computeHousesFromArmc(51.5088338, 0, eps, 'PLACIDUS');
    expect(h.vertex).toBe(0);
  });

  it('Placidus and Koch fall back to Porphyry inside the polar circle, with a warning', () => {
    for (const system of ['PLACIDUS', 'KOCH'] as const) {
      const inside = computeHousesFromArmc(100, 70, eps, system);
      expect(inside.system).toBe('PORPHYRY');
      expect(inside.requestedSystem).toBe(system);
      expect(inside.warnings).toHaveLength(1);
      expect(inside.warnings[0]).toMatch(/within polar circle, switched to Porphyry/);
      const porphyry = computeHousesFromArmc(100, 70, eps, 'PORPHYRY');
      expect(inside.cusps).toEqual(porphyry.cusps);
      const outside = computeHousesFromArmc(100, 66, eps, system);
      expect(outside.system).toBe(system);
      expect(outside.warnings).toEqual([]);
      const south = computeHousesFromArmc(100, -66.6, eps, system);
      expect(south.system).toBe('PORPHYRY');
    }
  });
});

describe('computeHouses', () => {
  const paris = { latitude: 48.8566, longitude: 2.3522 };
  const m = moment(J2000 + 9000.3);

  it('ARMC is apparent sidereal time × 15 + east longitude', () => {
    const g = computeHouses(m, { latitude: 10, longitude: 0 }, 'PLACIDUS');
    const e = computeHouses(m, { latitude: 10, longitude: 30 }, 'PLACIDUS');
    expect(arcsec(e.armc, g.armc + 30)).toBeLessThan(1e-6);
    // one sidereal day later (0.99727 solar days) the ARMC is back
    const later = computeHouses(moment(m.julianDayUt + 0.9972695663), { latitude: 10, longitude: 0 }, 'PLACIDUS');
    expect(arcsec(later.armc, g.armc)).toBeLessThan(0.1);
  });

  it('angle speeds match a finite difference of the angles', () => {
    for (const lat of [-50, 0, 30, 60]) {
      const loc = { latitude: lat, longitude: 20 };
      const dt = 1 / 86400; // one second
      const a = computeHouses(moment(m.julianDayUt - dt), loc, 'PLACIDUS');
      const b = computeHouses(moment(m.julianDayUt + dt), loc, 'PLACIDUS');
      const h = computeHouses(m, loc, 'PLACIDUS');
      const dAsc = (((b.ascendant - a.ascendant + 540) % 360) - 180) / (2 * dt);
      const dMc = (((b.midheaven - a.midheaven + 540) % 360) - 180) / (2 * dt);
      expect(Math.abs(h.ascendantSpeed - dAsc)).toBeLessThan(0.05);
      expect(Math.abs(h.midheavenSpeed - dMc)).toBeLessThan(0.05);
      expect(h.midheavenSpeed).toBeGreaterThan(300);
      expect(h.ascendantSpeed).toBeGreaterThan(100);
    }
  });

  it('sidereal: cusps and angles minus the ayanamsa, ARMC unchanged', () => {
    const ay = 24.1234;
    for (const system of HOUSE_SYSTEMS) {
      const t = computeHouses(m, paris, system);
      const s = computeHouses(m, paris, system, { ayanamsaDegrees: ay });
      expect(s.armc).toBe(t.armc);
      expect(arcsec(s.ascendant, t.ascendant - ay)).toBeLessThan(1e-6);
      expect(arcsec(s.midheaven, t.midheaven - ay)).toBeLessThan(1e-6);
      expect(arcsec(s.vertex, t.vertex - ay)).toBeLessThan(1e-6);
      expect(arcsec(s.descendant, t.descendant - ay)).toBeLessThan(1e-6);
      if (system === 'WHOLE_SIGN') {
        // whole signs of the sidereal zodiac start at the sidereal sign of the ascendant
        expect(s.cusps[0]).toBe(Math.floor(s.ascendant / 30) * 30);
      } else {
        for (let i = 0; i < 12; i++) expect(arcsec(s.cusps[i], t.cusps[i] - ay)).toBeLessThan(1e-6);
      }
      for (const v of s.cusps) expect(v >= 0 && v < 360).toBe(true);
    }
  });

  it('validates its input, naming the field', () => {
    expect(fieldOf(() => computeHouses(m, { latitude: 95, longitude: 0 }, 'PLACIDUS'))).toBe('location.latitude');
    expect(fieldOf(() => computeHouses(m, { latitude: -90.5, longitude: 0 }, 'PLACIDUS'))).toBe('location.latitude');
    expect(fieldOf(() => computeHouses(m, { latitude: Number.NaN, longitude: 0 }, 'PLACIDUS'))).toBe('location.latitude');
    expect(fieldOf(() => computeHouses(m, { latitude: 10, longitude: 181 }, 'PLACIDUS'))).toBe('location.longitude');
    expect(fieldOf(() => computeHouses(m, { latitude: 10, longitude: -200 }, 'PLACIDUS'))).toBe('location.longitude');
    expect(fieldOf(() => computeHouses(m, { latitude: 10, longitude: 0 }, 'NOPE' as HouseSystem))).toBe('houseSystem');
    expect(fieldOf(() => computeHouses(moment(Number.NaN), paris, 'PLACIDUS'))).toBe('moment.julianDayUt');
    expect(fieldOf(() => computeHouses(m, paris, 'PLACIDUS', { ayanamsaDegrees: Number.NaN }))).toBe('ayanamsa');
    // The limits themselves are accepted.
    expect(computeHouses(m, { latitude: 90, longitude: 180 }, 'CAMPANUS').cusps).toHaveLength(12);
    expect(computeHouses(m, { latitude: -90, longitude: -180 }, 'PLACIDUS').system).toBe('PORPHYRY');
  });

  it('houseOfLongitude puts each cusp in its own house for a real chart', () => {
    for (const system of HOUSE_SYSTEMS) {
      const h = computeHouses(m, paris, system);
      for (let i = 0; i < 12; i++) {
        expect(houseOfLongitude(h.cusps[i], h.cusps)).toBe(i + 1);
        const mid = h.cusps[i] + norm(h.cusps[(i + 1) % 12] - h.cusps[i]) / 2;
        expect(houseOfLongitude(mid, h.cusps)).toBe(i + 1);
      }
    }
  });

  it('houseOfLongitude puts each cusp in its own house inside the polar circles too', () => {
    // Regiomontanus/Campanus turn clockwise there, Polich–Page cusps can even be out of order.
    const problems: string[] = [];
    for (const system of HOUSE_SYSTEMS) {
      for (const lat of [-80, -70, 67, 75, 85]) {
        for (let armc = 0; armc < 360; armc += 7) {
          const h = computeHousesFromArmc(armc, lat, 23.44, system);
          let forward = 0;
          for (let i = 0; i < 12; i++) forward += norm(h.cusps[(i + 1) % 12] - h.cusps[i]);
          const ccw = Math.abs(forward - 360) < 1e-6;
          for (let i = 0; i < 12; i++) {
            if (houseOfLongitude(h.cusps[i], h.cusps) !== i + 1) problems.push(`${system} ${lat} ${armc} cusp ${i + 1}`);
            const next = h.cusps[(i + 1) % 12];
            const mid = ccw ? h.cusps[i] + norm(next - h.cusps[i]) / 2 : h.cusps[i] - norm(h.cusps[i] - next) / 2;
            const width = ccw ? norm(next - h.cusps[i]) : norm(h.cusps[i] - next);
            const ordered = ccw || Math.abs([...Array(12).keys()].reduce((s, k) => s + norm(h.cusps[k] - h.cusps[(k + 1) % 12]), 0) - 360) < 1e-6;
            if (ordered && width > 1e-9 && houseOfLongitude(mid, h.cusps) !== i + 1) {
              problems.push(`${system} ${lat} ${armc} middle of house ${i + 1}`);
            }
          }
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
