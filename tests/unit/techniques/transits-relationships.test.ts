/**
 * Transits (at a moment and searched over a range), synastry, composite and Davison charts.
 * Exact times are checked by recomputing the positions independently with the chart module.
 */
import { describe, expect, it } from 'vitest';
import { transitSearch, transitsAt } from '../../../src/ephemeris/techniques/transits.js';
import { compositeChart, davisonChart, synastry } from '../../../src/ephemeris/techniques/relationships.js';
import { computePositions } from '../../../src/ephemeris/positions.js';
import { computeHouses } from '../../../src/ephemeris/houses.js';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { ingresses } from '../../../src/ephemeris/events/events.js';
import { ASPECT_ANGLES, type Body } from '../../../src/ephemeris/types.js';
import { separationDegrees, shortArcMidpoint, signedSeparationDegrees } from '../../../src/ephemeris/techniques/angles.js';

const london = { latitude: 51.5074, longitude: -0.1278 };
const natal = { moment: { utc: '1990-01-15T14:30:00Z' }, location: london };
/** House 1…12 of a longitude: the cusp at or before it, going round from the 1st cusp (cusps[0]). */
function houseIn(longitude: number, cusps: readonly number[]): number {
  const from1 = (x: number) => (((x - cusps[0]) % 360) + 360) % 360;
  let house = 1;
  for (let i = 1; i < 12; i++) if (from1(cusps[i]) <= from1(longitude)) house = i + 1;
  return house;
}
const lonAt = (body: Body, d: Date) => computePositions(momentFromUtc(d), [body], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' })[0].longitude;

describe('transit search over 2024', () => {
  const events = transitSearch({ natal, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') });

  it('returns events in time order', () => {
    expect(events.length).toBeGreaterThan(100);
    for (let i = 1; i < events.length; i++) expect(events[i].utc.getTime()).toBeGreaterThanOrEqual(events[i - 1].utc.getTime());
  });

  it('at each exact aspect the transiting body is at natal point ± aspect angle (within 2″, checked with the chart module)', () => {
    const natalPos = computePositions(momentFromUtc(new Date('1990-01-15T14:30:00Z')), ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
    const houses = computeHouses(momentFromUtc(new Date('1990-01-15T14:30:00Z')), london, 'PLACIDUS');
    let worst = 0;
    for (const e of events.filter((x) => x.kind === 'ASPECT')) {
      const natalLon = e.natalPoint === 'ASCENDANT' ? houses.ascendant : e.natalPoint === 'MIDHEAVEN' ? houses.midheaven : natalPos.find((p) => p.body === e.natalPoint)?.longitude;
      if (natalLon === undefined) continue; // nodes, Lilith, Chiron: not in this independent list
      const sep = separationDegrees(lonAt(e.transitingBody, e.utc), natalLon);
      const err = Math.abs(sep - ASPECT_ANGLES[e.aspect!]) * 3600;
      worst = Math.max(worst, err);
      expect(err, `${e.transitingBody} ${e.aspect} ${e.natalPoint} ${e.utc.toISOString()}`).toBeLessThan(2);
    }
    console.log(`transit search: worst aspect error at the exact time ${worst.toFixed(3)}″`);
  });

  it('the transiting Sun conjoins the natal Sun once, on the birthday (≈ 15 January)', () => {
    const solar = events.filter((e) => e.kind === 'ASPECT' && e.transitingBody === 'SUN' && e.natalPoint === 'SUN' && e.aspect === 'CONJUNCTION');
    expect(solar).toHaveLength(1);
    expect(solar[0].utc.toISOString().slice(0, 7)).toBe('2024-01');
    expect(Math.abs(solar[0].utc.getUTCDate() - 15)).toBeLessThanOrEqual(1);
  });

  it('sign ingresses of the Sun match the events module (12 in a year) and house ingresses cover the 12 houses', () => {
    const sun = events.filter((e) => e.kind === 'SIGN_INGRESS' && e.transitingBody === 'SUN');
    const ref = ingresses('SUN', new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
    expect(sun.map((e) => e.sign)).toEqual(ref.map((e) => e.sign));
    sun.forEach((e, i) => expect(Math.abs(e.utc.getTime() - ref[i].utc.getTime())).toBeLessThan(1000));
    const houses = new Set(events.filter((e) => e.kind === 'HOUSE_INGRESS' && e.transitingBody === 'SUN').map((e) => e.house));
    expect(houses.size).toBe(12);
  });

  it('validates the range', () => {
    expect(() => transitSearch({ natal, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2031-01-01T00:00:00Z') })).toThrow(/years/);
    expect(() => transitSearch({ natal, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2023-01-01T00:00:00Z') })).toThrow(/after/);
  });
});

describe('transits at a moment', () => {
  it('transiting positions carry natal houses, and aspects are transiting (first) → natal (second)', () => {
    const at = new Date('2024-06-01T00:00:00Z');
    const t = transitsAt(natal, at);
    const natalHouses = computeHouses(momentFromUtc(new Date(natal.moment.utc)), london, 'PLACIDUS');
    expect(t.positions.length).toBeGreaterThan(10);
    for (const p of t.positions) {
      expect(p.longitude, p.body).toBeCloseTo(lonAt(p.body, at), 9);
      expect(p.house, p.body).toBe(houseIn(p.longitude, natalHouses.cusps));
    }
    expect(t.aspects.length).toBeGreaterThan(5);
    // Each aspect's separation is the transiting first point's longitude now against the natal second
    // point's at birth; the reverse reading (natal first) gives other separations and fails.
    const natalLon = (point: string) => point === 'ASCENDANT' ? natalHouses.ascendant : point === 'MIDHEAVEN' ? natalHouses.midheaven : lonAt(point as Body, new Date(natal.moment.utc));
    const failures: string[] = [];
    for (const a of t.aspects) {
      const sep = separationDegrees(lonAt(a.first as Body, at), natalLon(a.second));
      if (!(Math.abs(sep - a.separation) <= 1e-6 && Math.abs(a.orb - Math.abs(sep - ASPECT_ANGLES[a.type])) <= 1e-6)) failures.push(`${a.first} ${a.type} natal ${a.second}: separation ${a.separation}, expected ${sep}`);
    }
    expect(failures).toEqual([]);
    // By hand: on 1 June 2024 Jupiter is at ≈ 1° Gemini (it entered Gemini on 25 May), the natal Sun at ≈ 25° Capricorn:
    // 234° apart the long way, 126° the short way, a trine with an orb of ≈ 6°.
    const jupiterTrine = t.aspects.find((a) => a.first === 'JUPITER' && a.second === 'SUN' && a.type === 'TRINE');
    expect(jupiterTrine?.orb).toBeGreaterThan(4);
    expect(jupiterTrine?.orb).toBeLessThan(8);
  });
});

describe('synastry, composite, Davison', () => {
  const partner = { moment: { utc: '1992-07-04T08:00:00Z' }, location: { latitude: 48.8566, longitude: 2.3522 } };

  it('synastry: A\'s points (first) against B\'s (second) at their own instants, A\'s bodies in B\'s houses and B\'s in A\'s', () => {
    const s = synastry(natal, partner);
    const tA = new Date(natal.moment.utc), tB = new Date(partner.moment.utc);
    const hA = computeHouses(momentFromUtc(tA), london, 'PLACIDUS'), hB = computeHouses(momentFromUtc(tB), partner.location, 'PLACIDUS');
    const lon = (point: string, t: Date, h: typeof hA) => point === 'ASCENDANT' ? h.ascendant : point === 'MIDHEAVEN' ? h.midheaven : lonAt(point as Body, t);
    expect(s.aspects.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const a of s.aspects) {
      const sep = separationDegrees(lon(a.first, tA, hA), lon(a.second, tB, hB));
      if (!(Math.abs(sep - a.separation) <= 1e-6 && Math.abs(a.orb - Math.abs(sep - ASPECT_ANGLES[a.type])) <= 1e-6)) failures.push(`A ${a.first} ${a.type} B ${a.second}: ${a.separation}, expected ${sep}`);
    }
    expect(failures).toEqual([]);
    // By hand: A's Sun at ≈ 25° Capricorn opposes B's Sun at ≈ 12° Cancer with an orb of ≈ 13°, too wide for the default 10°.
    expect(s.aspects.some((a) => a.first === 'SUN' && a.second === 'SUN')).toBe(false);
    for (const o of s.overlays) {
      const [t, cusps] = o.owner === 'A' ? [tA, hB.cusps] : [tB, hA.cusps];
      expect(o.longitude, `${o.owner} ${o.body}`).toBeCloseTo(lonAt(o.body, t), 9);
      expect(o.house, `${o.owner} ${o.body}`).toBe(houseIn(o.longitude, cusps));
    }
    expect(s.overlays.filter((o) => o.owner === 'A')).toHaveLength(13);
    expect(s.overlays.filter((o) => o.owner === 'B')).toHaveLength(13);
  });

  it('synastry of a chart with itself: every body conjunct itself with orb 0, bodies in their own houses', () => {
    const s = synastry(natal, natal);
    const sunSun = s.aspects.find((a) => a.first === 'SUN' && a.second === 'SUN')!;
    expect(sunSun.type).toBe('CONJUNCTION');
    expect(sunSun.orb).toBeCloseTo(0, 12);
    for (const o of s.overlays) expect(o.house).toBe(s.first.positions.find((p) => p.body === o.body)!.house);
  });

  it('synastry aspects follow the orb multiplier', () => {
    const wide = synastry(natal, partner, { orbMultiplier: 1 });
    const narrow = synastry(natal, partner, { orbMultiplier: 0.25 });
    expect(narrow.aspects.length).toBeLessThan(wide.aspects.length);
    expect(wide.overlays.filter((o) => o.owner === 'A')).toHaveLength(wide.first.positions.length);
  });

  it('composite: bodies at the shorter-arc midpoints; MC at the midpoint of the MCs (houses derived from it)', () => {
    const c = compositeChart(natal, partner);
    const sa = lonAt('SUN', new Date('1990-01-15T14:30:00Z')), sb = lonAt('SUN', new Date('1992-07-04T08:00:00Z'));
    expect(c.positions.find((p) => p.body === 'SUN')!.longitude).toBeCloseTo(shortArcMidpoint(sa, sb), 9);
    const ha = computeHouses(momentFromUtc(new Date('1990-01-15T14:30:00Z')), london, 'PLACIDUS');
    const hb = computeHouses(momentFromUtc(new Date('1992-07-04T08:00:00Z')), partner.location, 'PLACIDUS');
    expect(signedSeparationDegrees(c.houses!.midheaven, shortArcMidpoint(ha.midheaven, hb.midheaven))).toBeCloseTo(0, 6);
  });

  it('Davison: the chart of the mean instant at the mid-place', () => {
    const d = davisonChart({ moment: { utc: '1990-01-01T00:00:00Z' }, location: { latitude: 50, longitude: 10 } }, { moment: { utc: '1990-01-03T00:00:00Z' }, location: { latitude: 40, longitude: -10 } });
    expect(d.moment.utc.toISOString()).toBe('1990-01-02T00:00:00.000Z');
    const h = computeHouses(momentFromUtc(new Date('1990-01-02T00:00:00Z')), { latitude: 45, longitude: 0 }, 'PLACIDUS');
    expect(d.houses!.ascendant).toBeCloseTo(h.ascendant, 9);
  });
});

describe('transit search in a sidereal chart', () => {
  it('aspects are exact in the sidereal zodiac and sign ingresses are sidereal (Sun enters sidereal Aries ≈ 14 April)', () => {
    const sidNatal = { ...natal, zodiac: 'SIDEREAL' as const, ayanamsa: 'LAHIRI' as const };
    const ev = transitSearch({ natal: sidNatal, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z'), bodies: ['SUN', 'MARS'] });
    const sid = (body: Body, d: Date) => computePositions(momentFromUtc(d), [body], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' })[0].longitude;
    const natalSid = computePositions(momentFromUtc(new Date('1990-01-15T14:30:00Z')), ['SUN'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' })[0].longitude;
    const sunSun = ev.find((e) => e.kind === 'ASPECT' && e.transitingBody === 'SUN' && e.natalPoint === 'SUN' && e.aspect === 'CONJUNCTION')!;
    expect(separationDegrees(sid('SUN', sunSun.utc), natalSid) * 3600).toBeLessThan(2);
    const aries = ev.find((e) => e.kind === 'SIGN_INGRESS' && e.transitingBody === 'SUN' && e.sign === 'ARIES')!;
    expect(aries.utc.toISOString().slice(0, 7)).toBe('2024-04');
    expect(Math.abs(aries.utc.getUTCDate() - 13)).toBeLessThanOrEqual(1);
  });
});
