/**
 * The calculation services without a transport (src/services): the chart service computes each
 * distinct valid request once per request's loaders and counts it, names fields relative to the
 * request, keys equal requests equally, returns a failed computation's own error; positions of a
 * sidereal chart carry their nakshatra; the techniques service keys calls by content (key order and
 * undefined fields ignored) and counts them by technique; the wheel service refuses bad styles and
 * keys pictures by what they draw; a request's signal aborts when its response closes unfinished;
 * every `location` of a request, however nested, is resolved (Ulm from the gazetteer: GeoNames 2820256).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { computeChart } from '../../src/ephemeris/index.js';
import { nakshatraOf } from '../../src/ephemeris/vedic/nakshatra.js';
import { OutOfRangeError, ValidationError } from '../../src/errors.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { ChartService } from '../../src/services/chart.service.js';
import { locateRequest } from '../../src/services/locations.js';
import { PLACE_SEARCH_DEFAULT_LIMIT, PlacesService } from '../../src/services/places.service.js';
import { abandonedSignal, createRequestLoaders, signalOnDemand } from '../../src/services/request-loaders.js';
import { createGatewayContext } from '../../src/graphql/context.js';
import { createLogger } from '../../src/observability/logger.js';
import { TECHNIQUES, TechniquesService } from '../../src/services/techniques.service.js';
import { WheelService } from '../../src/services/wheel.service.js';
import type { WorkPool } from '../../src/services/work-pool.js';
import { rejectionOf } from '../helpers/rejection.js';
import { validationErrorOf } from '../helpers/validation.js';

const LONDON = { moment: { utc: '1990-01-15T14:30:00Z' }, location: { latitude: 51.5074, longitude: -0.1278 } };

function services(metrics?: Metrics) {
  const chart = new ChartService(metrics);
  const techniques = new TechniquesService(metrics);
  return { chart, techniques, wheels: new WheelService(chart), loaders: () => createRequestLoaders({ chart, techniques }) };
}

async function counted(metrics: Metrics, name: 'chartComputations' | 'techniqueComputations', technique?: string): Promise<number> {
  const { values } = await metrics[name].get();
  return values.filter((v) => technique === undefined || v.labels.technique === technique).reduce((sum, v) => sum + v.value, 0);
}

describe('ChartService', () => {
  it('computes equal requests once per loaders (defaults and key order do not matter), again for new loaders', async () => {
    const metrics = createMetrics(false);
    const s = services(metrics);
    const loaders = s.loaders();
    const a = await s.chart.chart(LONDON, loaders);
    const b = await s.chart.chart({ location: { longitude: -0.1278, latitude: 51.5074 }, moment: LONDON.moment, houseSystem: 'PLACIDUS' }, loaders);
    expect(b).toBe(a);
    expect(s.chart.computations).toBe(1);
    expect(await s.chart.positions(LONDON, loaders)).toBe(a.positions);
    expect(await s.chart.aspects(LONDON, loaders)).toBe(a.aspects);
    expect(await s.chart.houses(LONDON, loaders)).toBe(a.houses);
    expect(s.chart.computations).toBe(1);

    const expected = computeChart(LONDON);
    expect(a.positions.map((p) => [p.body, p.longitude])).toEqual(expected.positions.map((p) => [p.body, p.longitude]));
    expect(a.houses?.ascendant).toBe(expected.houses?.ascendant);
    // Tropical: no nakshatras.
    expect(a.positions.every((p) => !('nakshatra' in p))).toBe(true);

    await s.chart.chart({ ...LONDON, houseSystem: 'WHOLE_SIGN' }, loaders);
    await s.chart.chart(LONDON, s.loaders());
    expect(s.chart.computations).toBe(3);
    expect(await counted(metrics, 'chartComputations')).toBe(3);
    const durations = (await metrics.chartComputeDuration.get()).values.find((v) => v.metricName?.endsWith('_count'));
    expect(durations?.value).toBe(3);
  });

  it('gives positions of a sidereal chart their nakshatra', async () => {
    const s = services();
    const chart = await s.chart.chart({ ...LONDON, zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' }, s.loaders());
    expect(chart.positions.length).toBeGreaterThan(0);
    for (const p of chart.positions) {
      const n = nakshatraOf(p.longitude);
      expect((p as { nakshatra?: unknown }).nakshatra).toEqual({ nakshatra: n.nakshatra, pada: n.pada, lord: n.lord });
    }
  });

  it('names fields relative to the request; a computation that fails returns its own error, counted', async () => {
    const s = services();
    const loaders = s.loaders();
    const latitude = await rejectionOf(s.chart.chart({ ...LONDON, location: { latitude: 91, longitude: 0 } }, loaders));
    expect(latitude).toBeInstanceOf(ValidationError);
    expect((latitude as ValidationError).field).toBe('location.latitude');
    expect(s.chart.computations).toBe(0);

    const noLocation = await rejectionOf(s.chart.houses({ moment: LONDON.moment }, loaders));
    expect(noLocation).toBeInstanceOf(ValidationError);
    expect((noLocation as ValidationError).field).toBe('location');
    expect(noLocation.message).toBe('location is required for houses');
    expect(s.chart.computations).toBe(0);

    // Validation takes the moment as given; resolving it (in the computation) finds it out of range.
    const early = await rejectionOf(s.chart.chart({ ...LONDON, moment: { utc: '0900-01-01T00:00:00Z' } }, loaders));
    expect(early).toBeInstanceOf(OutOfRangeError);
    expect((early as ValidationError).field).toBe('moment.utc');
    expect(s.chart.computations).toBe(1);
  });

  it('requestKey: equal for requests that compute the same chart, different otherwise, errors by field', () => {
    const s = services();
    const key = s.chart.requestKey(LONDON);
    expect(s.chart.requestKey({ location: LONDON.location, moment: LONDON.moment, zodiac: 'TROPICAL' })).toBe(key);
    expect(s.chart.requestKey({ ...LONDON, bodies: ['SUN'] })).not.toBe(key);
    expect(s.chart.requestKey({ ...LONDON, location: { latitude: 51.5, longitude: -0.1278 } })).not.toBe(key);
    const error = validationErrorOf(() => s.chart.requestKey({ ...LONDON, location: { latitude: 0, longitude: 181 } }));
    expect(error.field).toBe('location.longitude');
    expect(s.chart.computations).toBe(0);
  });

  it('selfTest passes on the real ephemeris and is not counted', () => {
    const s = services();
    expect(() => s.chart.selfTest()).not.toThrow();
    expect(s.chart.computations).toBe(0);
  });
});

describe('TechniquesService', () => {
  it('computes a call once per loaders whatever the key order and undefined fields; counts by technique', async () => {
    const metrics = createMetrics(false);
    const s = services(metrics);
    expect(s.techniques.pendingWork).toBe(0);
    const loaders = s.loaders();
    const first = await s.techniques.run('antiscia', { natal: LONDON, orbDegrees: 2 }, loaders);
    const same = await s.techniques.run(
      'antiscia',
      { orbDegrees: 2, natal: { location: { longitude: -0.1278, latitude: 51.5074 }, moment: LONDON.moment, bodies: undefined } },
      loaders,
    );
    expect(same).toBe(first);
    expect(first).toEqual(TECHNIQUES.antiscia({ natal: LONDON, orbDegrees: 2 }));
    expect(await counted(metrics, 'techniqueComputations', 'antiscia')).toBe(1);

    // Another value, another technique with the same request, a Date that differs: computed again.
    const other = await s.techniques.run('antiscia', { natal: LONDON, orbDegrees: 3 }, loaders);
    expect(other).not.toBe(first);
    await s.techniques.run('declinations', { natal: LONDON, orbDegrees: 2 }, loaders);
    await s.techniques.run('fixedStars', { at: new Date('2024-01-01T00:00:00Z'), names: ['Regulus'] }, loaders);
    await s.techniques.run('fixedStars', { at: new Date('2024-01-02T00:00:00Z'), names: ['Regulus'] }, loaders);
    await s.techniques.run('fixedStars', { names: ['Regulus'], at: new Date('2024-01-02T00:00:00Z') }, loaders);
    expect(await counted(metrics, 'techniqueComputations', 'antiscia')).toBe(2);
    expect(await counted(metrics, 'techniqueComputations', 'declinations')).toBe(1);
    expect(await counted(metrics, 'techniqueComputations', 'fixedStars')).toBe(2);
    const durations = (await metrics.techniqueComputeDuration.get()).values.filter((v) => v.metricName?.endsWith('_count'));
    expect(durations.reduce((sum, v) => sum + v.value, 0)).toBe(5);
  });

  it("returns a failed call's own error, counted", async () => {
    const metrics = createMetrics(false);
    const s = services(metrics);
    const error = await rejectionOf(
      s.techniques.run('ingresses', { body: 'SUN', from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-06-01T00:00:00Z'), zodiac: 'SIDEREAL' }, s.loaders()),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('ayanamsa');
    expect(await counted(metrics, 'techniqueComputations', 'ingresses')).toBe(1);
  });
});

describe('WheelService', () => {
  it('refuses an unknown style and a bi-wheel in a square style, before computing anything', async () => {
    const s = services();
    const chart = computeChart(LONDON);
    const loaders = s.loaders();
    const style = await rejectionOf(s.wheels.draw(chart, { style: 'ROUND' as never }, loaders));
    expect((style as ValidationError).field).toBe('style');
    expect(style.message).toBe('style must be one of WESTERN, NORTH_INDIAN, SOUTH_INDIAN');
    const outer = await rejectionOf(s.wheels.draw(chart, { style: 'NORTH_INDIAN', outer: LONDON }, loaders));
    expect((outer as ValidationError).field).toBe('outer');
    expect(outer.message).toBe('a NORTH_INDIAN chart draws one chart; a bi-wheel needs style WESTERN');
    const size = await rejectionOf(s.wheels.draw(chart, { size: 1, outer: LONDON }, loaders));
    expect((size as ValidationError).field).toBe('size');
    expect(s.chart.computations).toBe(0);
    const outerField = await rejectionOf(s.wheels.draw(chart, { outer: { ...LONDON, location: { latitude: 95, longitude: 0 } } }, loaders));
    expect((outerField as ValidationError).field).toBe('outer.location.latitude');
  });

  it('pictureKey: equal for the same picture (defaults, aspect type order), different for another', () => {
    const s = services();
    const key = s.wheels.pictureKey(LONDON, { aspectTypes: ['TRINE', 'CONJUNCTION'] });
    expect(s.wheels.pictureKey(LONDON, { aspectTypes: ['CONJUNCTION', 'TRINE'], style: 'WESTERN' })).toBe(key);
    expect(s.wheels.pictureKey(LONDON, { aspectTypes: ['CONJUNCTION'] })).not.toBe(key);
    const plain = s.wheels.pictureKey(LONDON, {});
    expect(s.wheels.pictureKey(LONDON, { style: 'SOUTH_INDIAN' })).not.toBe(plain);
    expect(s.wheels.pictureKey(LONDON, { outer: LONDON })).not.toBe(plain);
    expect(s.wheels.pictureKey({ ...LONDON, bodies: ['SUN'] }, {})).not.toBe(plain);
    expect(JSON.parse(plain)).toMatchObject({ outer: null, style: 'WESTERN', options: { aspectTypes: null } });
    const outerError = validationErrorOf(() => s.wheels.pictureKey(LONDON, { outer: { ...LONDON, location: { latitude: 95, longitude: 0 } } }));
    expect(outerError.field).toBe('outer.location.latitude');
  });
});

describe('abandonedSignal', () => {
  function response(finished: boolean) {
    return Object.assign(new EventEmitter(), { writableFinished: finished });
  }

  it('aborts when the response closes unfinished, not when it closes finished or before it closes', () => {
    const open = response(false);
    const signal = abandonedSignal(open);
    expect(signal.aborted).toBe(false);
    open.emit('close');
    expect(signal.aborted).toBe(true);

    const done = response(true);
    const kept = abandonedSignal(done);
    done.emit('close');
    expect(kept.aborted).toBe(false);
  });

  it('made after the response closed (it is made when pooled work starts): aborted at once if unfinished', () => {
    const gone = Object.assign(response(false), { closed: true });
    expect(abandonedSignal(gone).aborted).toBe(true);
    const answered = Object.assign(response(true), { closed: true });
    expect(abandonedSignal(answered).aborted).toBe(false);
  });
});

describe('createRequestLoaders', () => {
  it('asks for the request signal only when work goes to the pool, once per request, and hands that signal to the pool', async () => {
    const given: (AbortSignal | undefined)[] = [];
    const pool = { pending: 0, run: (_name: string, _request: unknown, signal?: AbortSignal) => (given.push(signal), Promise.resolve([])) };
    const chart = new ChartService();
    const techniques = new TechniquesService(undefined, pool as unknown as WorkPool);
    const made: AbortSignal[] = [];
    const signal = () => {
      const s = new AbortController().signal;
      made.push(s);
      return s;
    };
    const loaders = createRequestLoaders({ chart, techniques }, signal);
    await chart.chart({ moment: { utc: '2024-01-01T12:00:00Z' } }, loaders);
    await techniques.run('moonPhase', { moment: { utc: '2024-01-01T12:00:00Z' } }, loaders); // inline, not pooled
    expect(made).toHaveLength(0);
    expect(loaders.technique).toBe(loaders.technique); // one loader per request
    const range = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-03-01T00:00:00Z') };
    await techniques.run('lunarPhases', range, loaders);
    await techniques.run('lunarPhases', { ...range, to: new Date('2024-04-01T00:00:00Z') }, loaders);
    expect(made).toHaveLength(1);
    expect(given).toEqual([made[0], made[0]]);
  });

  it("signalOnDemand: the response's abandonedSignal, made when called", () => {
    const res = Object.assign(new EventEmitter(), { writableFinished: false });
    const onDemand = signalOnDemand(res);
    expect(res.listenerCount('close')).toBe(0);
    const signal = onDemand();
    expect(res.listenerCount('close')).toBe(1);
    expect(signal.aborted).toBe(false);
    res.emit('close');
    expect(signal.aborted).toBe(true);
  });

  it("loaders and contexts keep their lazy getters on a shared prototype, not on each request's object", () => {
    // Object literals with their own getters likely kept every request's charts alive until a full
    // collection (see LoadersOfRequest in request-loaders.ts).
    const chart = new ChartService();
    const services = { chart, techniques: new TechniquesService() };
    const loaders = createRequestLoaders(services, () => new AbortController().signal);
    expect(Object.getOwnPropertyDescriptor(loaders, 'technique')).toBeUndefined();
    expect(Object.getPrototypeOf(loaders)).not.toBe(Object.prototype);
    const fields = { requestId: 'r1', principal: null, logger: createLogger('silent'), services: services as never, observation: { requestId: 'r1' }, ip: undefined };
    const context = createGatewayContext(fields);
    expect(Object.getOwnPropertyDescriptor(context, 'logger')).toBeUndefined();
    expect(Object.getPrototypeOf(context)).not.toBe(Object.prototype);
    expect(context.logger).toBe(context.logger); // one child logger per request
    expect(context.logger.bindings()).toMatchObject({ requestId: 'r1' });
    expect(context.loaders).not.toBe(loaders);
    // Loaders handed on (a fast-path run's, reused by Apollo) are kept.
    expect(createGatewayContext({ ...fields, loaders }).loaders).toBe(loaders);
  });
});

describe('locateRequest', () => {
  it('resolves every location however nested (objects, arrays), leaves everything else as it is', () => {
    const at = new Date('1879-03-14T10:50:00Z');
    const request = {
      natal: { moment: { localDateTime: '1879-03-14T11:30:00' }, location: { place: 'Ulm, DE' } },
      charts: [{ location: { latitude: 40.7128, longitude: -74.006 } }, { moment: { utc: '2024-01-01T12:00:00Z' } }],
      at,
      bodies: ['SUN', 'MOON'],
      location: null,
    };
    const located = locateRequest(request);
    expect(located.natal.location).toEqual({
      latitude: 48.39841,
      longitude: 9.99155,
      elevationMeters: 480,
      timeZone: 'Europe/Berlin',
      resolvedPlace: {
        id: '2820256', name: 'Ulm', countryCode: 'DE', admin1: 'Baden-Wurttemberg', latitude: 48.39841, longitude: 9.99155,
        elevationMeters: 480, population: 120451, timeZone: 'Europe/Berlin',
      },
    });
    expect(located.charts[0].location).toEqual({ latitude: 40.7128, longitude: -74.006, elevationMeters: 0, timeZone: 'America/New_York', resolvedPlace: null });
    expect(located.natal.moment).toEqual(request.natal.moment);
    expect(located.at).toBe(at);
    expect(located.bodies).toEqual(['SUN', 'MOON']);
    expect(located.location).toBeNull();
    // A copy: the request itself is unchanged.
    expect(request.natal.location).toEqual({ place: 'Ulm, DE' });
    // Parts without a location are shared, not copied; a request without one comes back itself.
    expect(located.natal.moment).toBe(request.natal.moment);
    expect(located.bodies).toBe(request.bodies);
    expect(located.charts).not.toBe(request.charts);
    expect(located.charts[1]).toBe(request.charts[1]);
    const plain = { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN'], outer: { zodiac: 'TROPICAL' } };
    expect(locateRequest(plain)).toBe(plain);
  });

  it('names the field of a bad location by its path in the request', () => {
    const fieldOf = (request: unknown) => validationErrorOf(() => locateRequest(request)).field;
    expect(fieldOf({ location: { latitude: 91, longitude: 0 } })).toBe('location.latitude');
    expect(fieldOf({ first: { location: { place: 'Ulm', latitude: 1 } } })).toBe('first.location.place');
    expect(fieldOf({ charts: [{}, { location: { latitude: 0 } }] })).toBe('charts.1.location.longitude');
  });
});

describe('PlacesService', () => {
  it('search: the place as the answers show it, in a country, at most the limit; errors name the argument', () => {
    const places = new PlacesService();
    const [ulm] = places.search('ulm', 'DE', 1);
    expect(ulm).toMatchObject({ id: '2820256', name: 'Ulm', countryCode: 'DE', admin1: 'Baden-Wurttemberg', timeZone: 'Europe/Berlin' });
    expect(places.search('Ulm', 'DE', 1)).toHaveLength(1);
    const anywhere = places.search('Ulm', null);
    expect(PLACE_SEARCH_DEFAULT_LIMIT).toBe(10);
    expect(anywhere).toHaveLength(PLACE_SEARCH_DEFAULT_LIMIT);
    expect(anywhere.map((p) => p.countryCode)).toContain('US'); // New Ulm, Minnesota
    expect(validationErrorOf(() => places.search('', null)).field).toBe('search');
    expect(validationErrorOf(() => places.search('Ulm', 'XX')).field).toBe('countryCode');
    expect(validationErrorOf(() => places.search('Ulm', null, 51)).field).toBe('limit');
  });

  it('timeZoneAt: the zone at a point; bad coordinates named', () => {
    const places = new PlacesService();
    expect(places.timeZoneAt(48.39841, 9.99155)).toBe('Europe/Berlin');
    expect(places.timeZoneAt(40.7128, -74.006)).toBe('America/New_York');
    expect(() => places.timeZoneAt(91, 0)).toThrow(ValidationError);
  });
});
