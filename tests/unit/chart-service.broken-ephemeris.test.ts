/**
 * The chart service's self-test (the health checks' ephemeris check) refuses a broken ephemeris:
 * the computation is replaced by one returning a chart with one defect at a time (a missing body, a
 * longitude that is not finite or outside [0°, 360°), no houses, eleven cusps), and each is refused,
 * while the real chart passes. It asks for Sun and Moon with houses at J2000 in London. With the
 * same replacement, `houses` refuses a chart that came back without houses instead of answering null,
 * and a computation that throws something other than an Error rejects with an Error of that text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Chart } from '../../src/ephemeris/types.js';
import { rejectionOf } from '../helpers/rejection.js';

interface Breakage {
  change?: (chart: Chart) => Chart;
  /** Thrown by the computation instead of computing (a string: not an Error). */
  thrown?: string;
  requests: unknown[];
}
const broken: Breakage = vi.hoisted(() => ({ requests: [] }));

vi.mock('../../src/ephemeris/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ephemeris/index.js')>();
  return {
    ...original,
    computeValidChart: (request: Parameters<typeof original.computeValidChart>[0]) => {
      broken.requests.push(request);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a dependency throwing a string is the case under test
      if (broken.thrown !== undefined) throw broken.thrown;
      const chart = original.computeValidChart(request);
      return broken.change ? broken.change(chart) : chart;
    },
  };
});

const { ChartService } = await import('../../src/services/chart.service.js');
const { TechniquesService } = await import('../../src/services/techniques.service.js');
const { createRequestLoaders } = await import('../../src/services/request-loaders.js');
const { ValidationError } = await import('../../src/errors.js');

const withLongitude = (longitude: number) => (c: Chart) => ({ ...c, positions: c.positions.map((p, i) => (i === 1 ? { ...p, longitude } : p)) });

afterEach(() => {
  broken.change = undefined;
  broken.thrown = undefined;
  broken.requests.length = 0;
});

describe('ChartService.selfTest', () => {
  it('passes on the real ephemeris: Sun and Moon with houses at J2000 in London', () => {
    new ChartService().selfTest();
    expect(broken.requests).toHaveLength(1);
    expect(broken.requests[0]).toMatchObject({
      moment: { utc: '2000-01-01T12:00:00.000Z' },
      location: { latitude: 51.5, longitude: 0 },
      bodies: ['SUN', 'MOON'],
    });
  });

  const defects: [string, (c: Chart) => Chart][] = [
    ['a body missing', (c) => ({ ...c, positions: c.positions.slice(0, 1) })],
    ['a longitude NaN', withLongitude(Number.NaN)],
    ['a longitude of 360°', withLongitude(360)],
    ['a negative longitude', withLongitude(-1e-9)],
    ['no houses', (c) => ({ ...c, houses: null })],
    ['eleven cusps', (c) => ({ ...c, houses: { ...c.houses!, cusps: c.houses!.cusps.slice(0, 11) } })],
  ];
  for (const [name, change] of defects) {
    it(`refuses a chart with ${name}`, () => {
      broken.change = change;
      expect(() => new ChartService().selfTest()).toThrow('ephemeris self-test returned an invalid chart');
    });
  }

  it('accepts a longitude of exactly 0°', () => {
    broken.change = withLongitude(0);
    expect(() => new ChartService().selfTest()).not.toThrow();
  });
});

describe('ChartService.houses', () => {
  it('refuses a chart computed without houses, naming the location', async () => {
    const chart = new ChartService();
    const loaders = createRequestLoaders({ chart, techniques: new TechniquesService() });
    broken.change = (c) => ({ ...c, houses: null });
    const request = { moment: { utc: '2000-01-01T12:00:00Z' }, location: { latitude: 51.5, longitude: 0 } };
    const error = await rejectionOf(chart.houses(request, loaders));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'location', message: 'houses could not be computed for this location' });
  });
});

describe('ChartService.chart', () => {
  it('rejects with an Error carrying the text when the computation throws a non-Error', async () => {
    const chart = new ChartService();
    const loaders = createRequestLoaders({ chart, techniques: new TechniquesService() });
    broken.thrown = 'ephemeris file unreadable';
    const error = await rejectionOf(chart.chart({ moment: { utc: '2000-01-01T12:00:00Z' } }, loaders));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('ephemeris file unreadable');
    expect(chart.computations).toBe(1);
  });
});
