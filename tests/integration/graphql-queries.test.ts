/**
 * The four calculation queries over HTTP against the real ephemeris: values equal the domain
 * function's, validation answers BAD_USER_INPUT naming the field, descriptions everywhere, and
 * the per-request DataLoader computes one body for repeated inputs.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeChart } from '../../src/ephemeris/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { ChartQuery, ChartQueryVariables } from '../helpers/generated/operations.js';
import {
  ASPECTS_QUERY,
  CHART_AND_ASPECTS_QUERY,
  CHART_QUERY,
  HOUSES_QUERY,
  NEW_YORK_INPUT,
  POSITIONS_QUERY,
} from '../helpers/queries.js';

let t: TestApp;

async function gql(query: string, variables: Record<string, unknown>, auth = t.auth) {
  return request(t.app).post('/graphql').set('Authorization', auth).send({ query, variables });
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.dispose());

describe('calculation queries', () => {
  it('chart returns the ephemeris values for New York 2024-01-01T12:00Z', async () => {
    const variables: ChartQueryVariables = { input: NEW_YORK_INPUT };
    const res = await gql(CHART_QUERY, variables);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const { chart } = res.body.data as ChartQuery;
    const expected = computeChart({
      moment: { utc: '2024-01-01T12:00:00Z' },
      location: { latitude: 40.7128, longitude: -74.006 },
    });
    expect(chart.moment.utc).toBe('2024-01-01T12:00:00.000Z');
    expect(chart.moment.julianDayUt).toBeCloseTo(2460311.0, 9);
    expect(chart.positions.map((p) => p.body)).toEqual(expected.positions.map((p) => p.body));
    for (const [i, p] of expected.positions.entries()) {
      expect(chart.positions[i].longitude).toBeCloseTo(p.longitude, 10);
      expect(chart.positions[i].house).toBe(p.house);
      expect(chart.positions[i].sign).toBe(p.sign);
    }
    // Independent sanity check: the apparent Sun on 2024-01-01 12h UT is at 280°33′ (Astronomical Almanac).
    expect(chart.positions[0].body).toBe('SUN');
    expect(Math.abs(chart.positions[0].longitude - 280.55)).toBeLessThan(0.02);
    expect(chart.houses!.cusps).toHaveLength(12);
    expect(chart.houses!.ascendant).toBeCloseTo(expected.houses!.ascendant, 10);
    expect(chart.aspects.length).toBe(expected.aspects.length);
  });

  it('positions, houses and aspects equal the corresponding parts of chart', async () => {
    const [chart, positions, houses, aspects] = await Promise.all([
      gql(CHART_QUERY, { input: NEW_YORK_INPUT }),
      gql(POSITIONS_QUERY, { input: NEW_YORK_INPUT }),
      gql(HOUSES_QUERY, { input: NEW_YORK_INPUT }),
      gql(ASPECTS_QUERY, { input: NEW_YORK_INPUT }),
    ]);
    const c = chart.body.data.chart;
    expect(positions.body.data.positions).toEqual(c.positions);
    expect(houses.body.data.houses.cusps).toEqual(c.houses.cusps);
    expect(houses.body.data.houses.system).toBe('PLACIDUS');
    expect(aspects.body.data.aspects).toEqual(c.aspects);
  });

  it('resolves a local time in an IANA zone and sidereal positions with an ayanamsa', async () => {
    const res = await gql(
      `query($input: ChartInput!) { chart(input: $input) { moment { utc timeZone utcOffsetMinutes } positions { body longitude } } }`,
      {
        input: {
          moment: { localDateTime: '1990-01-15T14:30:00', timeZone: 'Europe/Paris' },
          bodies: ['SUN', 'MOON'],
          zodiac: 'SIDEREAL',
          ayanamsa: 'LAHIRI',
        },
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.chart.moment.utc).toBe('1990-01-15T13:30:00.000Z');
    expect(res.body.data.chart.moment.timeZone).toBe('Europe/Paris');
    const tropical = computeChart({ moment: { utc: '1990-01-15T13:30:00Z' }, bodies: ['SUN'] }).positions[0].longitude;
    const sidereal = res.body.data.chart.positions[0].longitude;
    // Lahiri ayanamsa in 1990 is about 23.7°.
    expect(tropical - sidereal).toBeGreaterThan(23.6);
    expect(tropical - sidereal).toBeLessThan(23.8);
  });
});

describe('one validator: what the chart service accepts, the ephemeris computes', () => {
  it('a heliocentric chart without bodies takes the bodies with a heliocentric position (the gateway used to fill in the Sun, which the ephemeris refused)', async () => {
    const res = await gql(POSITIONS_QUERY, { input: { moment: { utc: '2024-01-01T12:00:00Z' }, center: 'HELIOCENTRIC' } });
    expect(res.body.errors).toBeUndefined();
    const bodies = res.body.data.positions.map((p: { body: string }) => p.body);
    expect(bodies).toEqual(computeChart({ moment: { utc: '2024-01-01T12:00:00Z' }, center: 'HELIOCENTRIC' }).positions.map((p) => p.body));
    expect(bodies).not.toContain('SUN');
    expect(bodies).toContain('MARS');
  });

  it('a chart cast in an aircraft at 11,000 m (the gateway allowed 20,000 m, the ephemeris refused above 10,000 m)', async () => {
    const res = await gql(POSITIONS_QUERY, { input: { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40, longitude: -74, elevationMeters: 11_000 }, center: 'TOPOCENTRIC', bodies: ['MOON'] } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.positions[0].longitude).toBeCloseTo(
      computeChart({ moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40, longitude: -74, elevationMeters: 11_000 }, center: 'TOPOCENTRIC', bodies: ['MOON'] }).positions[0].longitude,
      9,
    );
  });
});

describe('validation answers BAD_USER_INPUT naming the field', () => {
  const base = { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40, longitude: -74 } };
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['latitude 95', CHART_QUERY, { ...base, location: { latitude: 95, longitude: 0 } }, 'input.location.latitude'],
    ['unknown zone', CHART_QUERY, { moment: { localDateTime: '2024-01-01T12:00:00', timeZone: 'Mars/Olympus' } }, 'input.moment.timeZone'],
    ['houses without location', HOUSES_QUERY, { moment: { utc: '2024-01-01T12:00:00Z' } }, 'input.location'],
    ['sidereal without ayanamsa', CHART_QUERY, { ...base, zodiac: 'SIDEREAL' }, 'input.ayanamsa'],
    ['empty bodies', CHART_QUERY, { ...base, bodies: [] }, 'input.bodies'],
    ['duplicated bodies', CHART_QUERY, { ...base, bodies: ['SUN', 'MOON', 'SUN'] }, 'input.bodies.2'],
    ['orb out of range', CHART_QUERY, { ...base, aspects: { orbs: [{ type: 'TRINE', orbDegrees: 45 }] } }, 'input.aspects.orbs.0.orbDegrees'],
    ['orb multiplier out of range', ASPECTS_QUERY, { ...base, aspects: { orbMultiplier: 0 } }, 'input.aspects.orbMultiplier'],
    ['utc and localDateTime together', CHART_QUERY, { moment: { utc: '2024-01-01T12:00:00Z', localDateTime: '2024-01-01T12:00:00', timeZone: 'UTC' } }, 'input.moment'],
    ['instant outside the supported range', CHART_QUERY, { moment: { utc: '0999-12-31T23:59:59Z' } }, 'input.moment.utc'],
    ['elevation above 20,000 m', CHART_QUERY, { ...base, location: { latitude: 40, longitude: -74, elevationMeters: 20_001 } }, 'input.location.elevationMeters'],
    ['local time with both a zone and an offset', CHART_QUERY, { moment: { localDateTime: '2024-01-01T12:00:00', timeZone: 'UTC', utcOffsetMinutes: 0 } }, 'input.moment.utcOffsetMinutes'],
    ['a duplicated aspect type', ASPECTS_QUERY, { ...base, aspects: { types: ['TRINE', 'SQUARE', 'TRINE'] } }, 'input.aspects.types.2'],
    ['a second orb for one type', CHART_QUERY, { ...base, aspects: { orbs: [{ type: 'TRINE', orbDegrees: 4 }, { type: 'TRINE', orbDegrees: 5 }] } }, 'input.aspects.orbs.1.type'],
  ];
  for (const [name, query, input, field] of cases) {
    it(name, async () => {
      const before = t.runtime.services.chart.computations;
      const res = await gql(query, { input });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].extensions.field).toBe(field);
      expect(res.body.errors[0].message.length).toBeGreaterThan(10);
      if (name !== 'instant outside the supported range') expect(t.runtime.services.chart.computations).toBe(before);
    });
  }

  it('a utc without offset is refused by the DateTime scalar', async () => {
    const res = await gql(CHART_QUERY, { input: { moment: { utc: '2024-01-01T12:00:00' } } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(/utc|DateTime/i);
  });

  it('a malformed LocalDateTime literal is refused', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ query: '{ chart(input: { moment: { localDateTime: "15/01/1990", timeZone: "UTC" } }) { positions { body } } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('per-request DataLoader', () => {
  it('chart + aspects + aliased positions for one instant compute one body', async () => {
    const input = { moment: { utc: '2011-11-11T11:11:11Z' }, location: { latitude: 10, longitude: 20 } };
    const before = t.runtime.services.chart.computations;
    const metricBefore = (await t.runtime.metrics.chartComputations.get()).values[0]?.value ?? 0;
    const res = await gql(CHART_AND_ASPECTS_QUERY, { input });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.again).toEqual(res.body.data.chart.positions);
    expect(res.body.data.aspects.length).toBeGreaterThan(0);
    expect(t.runtime.services.chart.computations - before).toBe(1);
    const metricAfter = (await t.runtime.metrics.chartComputations.get()).values[0]?.value ?? 0;
    expect(metricAfter - metricBefore).toBe(1);
  });

  it('equal inputs written differently (defaults spelled out) share one computation', async () => {
    const before = t.runtime.services.chart.computations;
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({
        query: `{
          a: positions(input: { moment: { utc: "2012-12-12T12:12:12Z" } }) { longitude }
          b: positions(input: { moment: { utc: "2012-12-12T13:12:12+01:00" }, houseSystem: PLACIDUS, zodiac: TROPICAL, center: GEOCENTRIC }) { longitude }
          c: positions(input: { moment: { utc: "2012-12-12T12:12:12Z" }, bodies: [SUN] }) { longitude }
        }`,
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.a).toEqual(res.body.data.b);
    expect(res.body.data.c[0]).toEqual(res.body.data.a[0]);
    expect(t.runtime.services.chart.computations - before).toBe(2); // a=b, c differs (bodies)
  });
});

describe('schema documentation', () => {
  it('has a description on every type, field, argument and enum value of the API', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .send({
        query: `{ __schema { types { name kind description
          fields { name description args { name description } }
          inputFields { name description }
          enumValues { name description } } } }`,
      });
    expect(res.status).toBe(200);
    const missing: string[] = [];
    for (const type of res.body.data.__schema.types) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      for (const f of type.fields ?? []) {
        if (!f.description) missing.push(`${type.name}.${f.name}`);
        for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
      }
      for (const f of type.inputFields ?? []) if (!f.description) missing.push(`${type.name}.${f.name}`);
      for (const v of type.enumValues ?? []) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
