/**
 * Minor bodies outside the ephemeris pack (the EXTENDED engine, 1000–1799 and 2400–2999): the
 * integration continued from the pack's ends (src/ephemeris/minor-bodies.ts). Inside 1800–2399 the
 * pack serves them (tests/reference/positions.test.ts holds them to 1″–2″ of Swiss Ephemeris).
 */
import { describe, expect, it, vi } from 'vitest';
import { OutOfRangeError } from '../../src/errors.js';
import {
  CONTINUATION_EPOCHS_JD_TT, MINOR_BODIES, MINOR_BODY_MAX_JD_TT, MINOR_BODY_MIN_JD_TT,
  minorBodyHelioState, packMinorBodyStates, propagateMinorBodies,
} from '../../src/ephemeris/minor-bodies.js';
import { computePositions, momentFromUtc } from '../../src/ephemeris/index.js';
import { worse, within } from '../reference/worst.js';

const AU_KM = 149_597_870.7;
const ARCSEC_PER_RAD = 206_264.806;
const [FIRST, LAST] = CONTINUATION_EPOCHS_JD_TT;

describe('continuation of the pack\'s integration (EXTENDED minor bodies)', () => {
  it('starts exactly on the pack at its first and last DE431 epochs', () => {
    for (const jd of [FIRST, LAST]) {
      const pack = packMinorBodyStates(jd);
      MINOR_BODIES.forEach((b, i) => {
        const s = minorBodyHelioState(b, jd);
        expect(Math.hypot(s.x - pack[6 * i], s.y - pack[6 * i + 1], s.z - pack[6 * i + 2]) * AU_KM, `${b} at JD ${jd}`).toBeLessThan(1e-6);
        expect(Math.hypot(s.vx - pack[6 * i + 3], s.vy - pack[6 * i + 4], s.vz - pack[6 * i + 5]), `${b} velocity`).toBeLessThan(1e-15);
      });
    }
  });

  it('meets the pack again where both exist (the pack reaches 2 days beyond its end epochs): < 15 km', () => {
    // The table keeps a state every 16 days (cubic Hermite between them: up to ≈ 10 km for the
    // main-belt asteroids, 0.01″ at 1 AU); the integration itself agrees with the pack to < 0.1 km here.
    let worstKm = 0;
    for (const [jd, pack] of [[FIRST - 1.9, packMinorBodyStates(FIRST - 1.9)], [LAST + 1.9, packMinorBodyStates(LAST + 1.9)]] as const) {
      MINOR_BODIES.forEach((b, i) => {
        const s = minorBodyHelioState(b, jd);
        worstKm = worse(worstKm, Math.hypot(s.x - pack[6 * i], s.y - pack[6 * i + 1], s.z - pack[6 * i + 2]) * AU_KM);
      });
    }
    console.log(`continuation vs pack 1.9 days beyond the end epochs: worst ${worstKm.toFixed(3)} km`);
    expect(within(worstKm, 15)).toBe(true);
  });

  it('drifts from the pack by ≤ 30″ in 100 years, 4′ in 300 and 12′ in 600 (run backward from 2399 through the pack)', { timeout: 120_000 }, () => {
    // The extrapolation error of the EXTENDED minor bodies, measured where the truth is known: the
    // same integrator (astronomy-engine's planets, 4-day RK4) from the pack's 2399 state back to
    // 2300, 2100, 1900 and 1800, against the pack (which is pinned to DE431 every 5 years). The
    // drift is the force model's (planets from truncated VSOP87, no Pluto, no asteroid masses) and
    // the centaurs' sensitivity to their encounters with Saturn and Uranus; it is what a chart in
    // 1700 / 1500 / 1200 (or 2500 / 2700 / 3000) may be off by heliocentrically.
    const bounds: Record<number, number> = { 2300: 30, 2100: 240, 1900: 720, 1800: 720 };
    const start = packMinorBodyStates(LAST);
    const lines: string[] = [];
    let from: number = LAST;
    let state: ArrayLike<number> = start;
    for (const year of [2300, 2100, 1900, 1800]) {
      const jd = year === 1800 ? FIRST : 2451545 + (year - 2000) * 365.25;
      state = propagateMinorBodies(from, state, jd);
      from = jd;
      const pack = packMinorBodyStates(jd);
      let worst = 0;
      let which = '';
      MINOR_BODIES.forEach((b, i) => {
        const o = 6 * i;
        const d = Math.hypot(state[o] - pack[o], state[o + 1] - pack[o + 1], state[o + 2] - pack[o + 2]);
        const arcsec = (d / Math.hypot(pack[o], pack[o + 1], pack[o + 2])) * ARCSEC_PER_RAD;
        if (!(arcsec <= worst)) which = b;
        worst = worse(worst, arcsec);
      });
      lines.push(`${2399 - year} years: worst ${worst.toFixed(1)}″ (${which})`);
      expect(within(worst, bounds[year]), `${2399 - year} years: ${worst}″ (${which})`).toBe(true);
    }
    console.log(`continuation vs pack, heliocentric: ${lines.join('; ')}`);
  });

  it('does not depend on the order of requests (fresh module instances)', async () => {
    const t1 = FIRST - 1234.567;
    const t2 = FIRST - 4100.25;
    vi.resetModules();
    const a = await import('../../src/ephemeris/minor-bodies.js');
    const a2 = a.minorBodyHelioState('CERES', t2);
    const a1 = a.minorBodyHelioState('CERES', t1);
    vi.resetModules();
    const b = await import('../../src/ephemeris/minor-bodies.js');
    const b1 = b.minorBodyHelioState('CERES', t1);
    const b2 = b.minorBodyHelioState('CERES', t2);
    expect(b1).toEqual(a1);
    expect(b2).toEqual(a2);
  });

  it('refuses instants outside 1000–3000 with OutOfRangeError on "moment", and instants the pack serves', () => {
    for (const jd of [MINOR_BODY_MIN_JD_TT - 0.01, MINOR_BODY_MAX_JD_TT + 0.01, Number.NaN]) {
      try {
        minorBodyHelioState('CHIRON', jd);
        expect.unreachable(`accepted JD ${jd}`);
      } catch (e) {
        expect(e).toBeInstanceOf(OutOfRangeError);
        expect((e as OutOfRangeError).field).toBe('moment');
      }
    }
    expect(() => minorBodyHelioState('VESTA', 2451545)).toThrow(RangeError);
  });

  it('charts outside 1800–2399 get minor bodies from the continuation (EXTENDED), continuous with the pack at 1800', () => {
    const before = momentFromUtc(new Date('1799-12-31T23:59:00Z'));
    const after = momentFromUtc(new Date('1800-01-01T00:01:00Z'));
    expect(before.ephemeris).toBe('EXTENDED');
    expect(after.ephemeris).toBe('PRECISE');
    const opts = { center: 'GEOCENTRIC', zodiac: 'TROPICAL' } as const;
    const a = computePositions(before, ['CHIRON', 'CERES', 'JUNO'], opts);
    const b = computePositions(after, ['CHIRON', 'CERES', 'JUNO'], opts);
    a.forEach((p, i) => {
      // 2 minutes of motion (≤ 1″ for these bodies) plus the EXTENDED engine's Earth (≤ a few ″).
      const d = Math.abs(((p.longitude - b[i].longitude + 540) % 360) - 180) * 3600;
      expect(within(d, 15), `${p.body}: ${d}″ across the 1800 boundary`).toBe(true);
    });
    const late = computePositions(momentFromUtc(new Date('2650-06-01T00:00:00Z')), ['PHOLUS', 'PALLAS', 'VESTA'], opts);
    for (const p of late) expect(Number.isFinite(p.longitude) && Number.isFinite(p.longitudeSpeed), p.body).toBe(true);
  });
});
