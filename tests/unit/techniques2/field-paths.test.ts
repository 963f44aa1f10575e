/**
 * The techniques name invalid fields relative to their request ("at", "natal.location"), as the
 * chart validator does; only the transports put their names in front (GraphQL "input.at", checked
 * in tests/integration/techniques2.test.ts). Each case is a request of the service's TECHNIQUES
 * table with one bad field.
 */
import { describe, expect, it } from 'vitest';
import { TECHNIQUES, TechniquesService } from '../../../src/services/techniques.service.js';
import { computeChart } from '../../../src/ephemeris/chart.js';
import { validationErrorOf } from '../../helpers/validation.js';

const TOKYO = { moment: { utc: '1933-12-22T21:39:00Z' }, location: { latitude: 35.685, longitude: 139.753 } };
const NO_PLACE = { moment: { utc: '2000-01-01T00:00:00Z' } };
const EQUATOR = { latitude: 0, longitude: 0 };

const fieldOf = (work: () => unknown) => validationErrorOf(work).field;

describe('Techniques II field paths are relative to the request', () => {
  const cases: [string, () => unknown, string][] = [
    ['vimshottariDasha levels', () => TECHNIQUES.vimshottariDasha({ natal: NO_PLACE, levels: 4 }), 'levels'],
    ['vimshottariDasha natal moment', () => TECHNIQUES.vimshottariDasha({ natal: { moment: { utc: '0900-01-01T00:00:00Z' } } }), 'natal.moment.utc'],
    ['divisionalChart division', () => TECHNIQUES.divisionalChart({ chart: NO_PLACE, division: 5 }), 'division'],
    ['divisionalChart chart location', () => TECHNIQUES.divisionalChart({ chart: { ...NO_PLACE, location: { latitude: 91, longitude: 0 } }, division: 9 }), 'chart.location.latitude'],
    ['panchang ayanamsa', () => TECHNIQUES.panchang({ moment: NO_PLACE.moment, location: EQUATOR, ayanamsa: 'USHASHASHI' as never }), 'ayanamsa'],
    ['riseSet body', () => TECHNIQUES.riseSet({ body: 'CHIRON', from: new Date('2000-01-01T00:00:00Z'), location: EQUATOR }), 'body'],
    ['riseSet from', () => TECHNIQUES.riseSet({ body: 'SUN', from: new Date('3100-01-01T00:00:00Z'), location: EQUATOR }), 'from'],
    ['planetaryHours date', () => TECHNIQUES.planetaryHours({ date: '2024-02-30', location: EQUATOR }), 'date'],
    ['planetaryHours polar latitude', () => TECHNIQUES.planetaryHours({ date: '2024-06-21', location: { latitude: 78.22, longitude: 15.65 } }), 'location.latitude'],
    ['astrocartography bodies', () => TECHNIQUES.astrocartography({ moment: NO_PLACE.moment, bodies: ['SUN', 'SUN'] }), 'bodies'],
    ['ephemerisTable step', () => TECHNIQUES.ephemerisTable({ from: new Date('2000-01-01T00:00:00Z'), to: new Date('2000-01-02T00:00:00Z'), step: '1y' }), 'step'],
    ['ephemerisTable to', () => TECHNIQUES.ephemerisTable({ from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z'), step: '1d' }), 'to'],
    ['profections at before the birth', () => TECHNIQUES.profections({ natal: TOKYO, at: new Date('1930-01-01T00:00:00Z') }), 'at'],
    ['profections at out of range', () => TECHNIQUES.profections({ natal: TOKYO, at: new Date('3100-01-01T00:00:00Z') }), 'at'],
    ['profections natal without a place', () => TECHNIQUES.profections({ natal: NO_PLACE, at: new Date('2010-01-01T00:00:00Z') }), 'natal.location'],
    ['zodiacalReleasing levels', () => TECHNIQUES.zodiacalReleasing({ natal: TOKYO, lot: 'SPIRIT', levels: 5 }), 'levels'],
    ['zodiacalReleasing from', () => TECHNIQUES.zodiacalReleasing({ natal: TOKYO, lot: 'SPIRIT', from: new Date('0900-01-01T00:00:00Z') }), 'from'],
    ['firdaria natal without a place', () => TECHNIQUES.firdaria({ natal: NO_PLACE }), 'natal.location'],
  ];

  it.each(cases)('%s', (_name, work, field) => {
    expect(fieldOf(work)).toBe(field);
  });

  it('the chart analytics name their own arguments', () => {
    const techniques = new TechniquesService();
    const chart = computeChart(TOKYO);
    expect(fieldOf(() => techniques.patterns(chart, { orbMultiplier: 3 }))).toBe('orbMultiplier');
    expect(fieldOf(() => techniques.shape(chart, ['SUN', 'MOON']))).toBe('bodies');
  });
});
