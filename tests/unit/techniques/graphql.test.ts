/**
 * The techniques, stars and events queries over HTTP (in-process app with the techniques resolver):
 * fixed API names and shapes (docs/techniques.md), values equal to the domain functions', BAD_USER_INPUT with
 * the field path, authentication like `chart`, descriptions on everything.
 */
import request from 'supertest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { TechniquesResolver } from '../../../src/graphql/techniques/techniques.resolver.js';
import { eclipses as domainEclipses } from '../../../src/ephemeris/events/events.js';
import { chartFixedStars as domainStarConjunctions } from '../../../src/ephemeris/techniques/natal-techniques.js';

let t: TestApp;
const gql = (query: string, variables: Record<string, unknown> = {}, auth: string | null = t.auth) => {
  const r = request(t.app).post('/graphql');
  if (auth) r.set('Authorization', auth);
  return r.send({ query, variables });
};

beforeAll(async () => {
  t = await createTestApp({ deps: { resolvers: [TechniquesResolver] } });
});
afterAll(async () => t.dispose());

const natal = { moment: { utc: '2024-03-20T12:00:00Z' }, location: { latitude: 51.5074, longitude: -0.1278 } };

describe('techniques over GraphQL', () => {
  it('planetaryReturn: solar return before 2023-12-31 of a 2024-03-20T12:00Z birth is 2023-03-21 06:17 UTC', async () => {
    const res = await gql(
      `query($input: ReturnInput!) { planetaryReturn(input: $input) { body natalLongitude chart { moment { utc julianDayUt } positions { body longitude } houses { ascendant } } } }`,
      { input: { natal, body: 'SUN', before: '2023-12-31T00:00:00Z' } },
    );
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data.planetaryReturn;
    expect(r.chart.moment.utc.slice(0, 16)).toBe('2023-03-21T06:17');
    expect(Math.abs(r.chart.positions[0].longitude - r.natalLongitude) * 3600).toBeLessThan(0.1);
  });

  it('planetaryReturn refuses both after and before, naming the field', async () => {
    const res = await gql(`query($input: ReturnInput!) { planetaryReturn(input: $input) { body } }`, {
      input: { natal, body: 'SUN', before: '2023-12-31T00:00:00Z', after: '2020-01-01T00:00:00Z' },
    });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.field).toBe('input.after');
  });

  it('progressedChart: progressedMoment and chart (secondary by default)', async () => {
    const res = await gql(
      `query($input: ProgressionInput!) { progressedChart(input: $input) { method angleMethod progressedMoment { utc } solarArcDegrees chart { moment { utc } houses { midheaven } } } }`,
      { input: { natal, target: '2054-03-20T12:00:00Z' } },
    );
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data.progressedChart;
    expect(p.method).toBe('SECONDARY');
    expect(p.angleMethod).toBe('SOLAR_ARC');
    expect(p.progressedMoment.utc.slice(0, 10)).toBe('2024-04-19'); // 30 years ⇒ ≈ 30 days after birth
    expect(p.solarArcDegrees).toBeGreaterThan(29);
    expect(p.solarArcDegrees).toBeLessThan(30.5);
  });

  it('a planetary return cast at a bad place is refused, naming the field (its elevation used to go unchecked into topocentric positions)', async () => {
    const res = await gql(`query($input: ReturnInput!) { planetaryReturn(input: $input) { body } }`, {
      input: { natal: { ...natal, center: 'TOPOCENTRIC' }, body: 'SUN', before: '2023-12-31T00:00:00Z', location: { latitude: 10, longitude: 0, elevationMeters: 1e7 } },
    });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.elevationMeters' });
  });

  it('computes a technique once per request for equal inputs, and counts and times it by technique', async () => {
    const metric = async (name: string) => {
      const line = (await t.runtime.metrics.registry.metrics()).split('\n').find((l) => l.startsWith(`${name} `));
      return line ? Number(line.split(' ')[1]) : 0;
    };
    const counter = 'nocturna_technique_computations_total{technique="midpoints"}';
    const timed = 'nocturna_technique_compute_duration_seconds_count{technique="midpoints"}';
    const [before, beforeTimed] = [await metric(counter), await metric(timed)];
    const res = await gql(
      `query($a: NatalInput!, $b: NatalInput!) { a: midpoints(input: $a) { longitude } b: midpoints(input: $a) { longitude } c: midpoints(input: $b) { longitude } }`,
      { a: { natal }, b: { natal: { ...natal, bodies: ['SUN', 'MOON', 'MARS'] } } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.b).toEqual(res.body.data.a);
    expect(res.body.data.c).toHaveLength(10); // three bodies, the ascendant and the midheaven: C(5, 2) pairs
    expect((await metric(counter)) - before).toBe(2);
    expect((await metric(timed)) - beforeTimed).toBe(2);
  });

  it('a bad natal input is reported with its full path', async () => {
    const res = await gql(`query($input: ProgressionInput!) { progressedChart(input: $input) { ageYears } }`, {
      input: { natal: { ...natal, location: { latitude: 95, longitude: 0 } }, target: '2054-03-20T12:00:00Z' },
    });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.field).toBe('input.natal.location.latitude');
  });
});

describe('events over GraphQL', () => {
  it('lunarPhases, eclipses (maximumUtc) and ingresses (utc, sign)', async () => {
    const res = await gql(
      `query($range: EventSearchInput!, $ecl: EclipseSearchInput!, $ing: IngressSearchInput!) {
        lunarPhases(input: $range) { phase utc }
        eclipses(input: $ecl) { kind type maximumUtc central }
        ingresses(input: $ing) { body utc sign retrograde }
      }`,
      {
        range: { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' },
        ecl: { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', kind: 'SOLAR' },
        ing: { body: 'SUN', from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      },
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.lunarPhases.map((p: { phase: string }) => p.phase).slice(0, 2)).toEqual(['LAST_QUARTER', 'NEW_MOON']);
    expect(d.eclipses.map((e: { type: string }) => e.type)).toEqual(['TOTAL', 'ANNULAR']); // 8 April and 2 October 2024
    const domain = domainEclipses(new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'), 'SOLAR');
    expect(d.eclipses[0].maximumUtc).toBe(domain[0].maximumUtc.toISOString());
    expect(d.ingresses).toHaveLength(12);
    expect(d.ingresses[0].sign).toBe('AQUARIUS');
  });

  it('validates the range (≤ 5 years)', async () => {
    const res = await gql(`query($input: EventSearchInput!) { lunarPhases(input: $input) { utc } }`, {
      input: { from: '2000-01-01T00:00:00Z', to: '2010-01-01T00:00:00Z' },
    });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].extensions.field).toBe('input.to');
  });

  it('requires a token like chart', async () => {
    const res = await gql(`query { lunarPhases(input: { from: "2024-01-01T00:00:00Z", to: "2024-02-01T00:00:00Z" }) { utc } }`, {}, null);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('the other techniques answer', () => {
  it('transits, transitSearch, synastry, composite, Davison, harmonics, antiscia, midpoints, declinations, parts, dignities, stars', async () => {
    const partner = { moment: { utc: '1992-07-04T08:00:00Z' }, location: { latitude: 48.8566, longitude: 2.3522 } };
    const res = await gql(
      `query($n: ChartInput!, $p: ChartInput!) {
        transits(input: { natal: $n, at: "2025-01-01T00:00:00Z" }) { aspects { first second type } }
        transitSearch(input: { natal: $n, from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z", bodies: [SUN] }) { kind utc natalPoint aspect sign house }
        synastry(input: { first: $n, second: $p }) { aspects { first second } overlays { owner body house } }
        compositeChart(input: { first: $n, second: $p }) { houses { midheaven } }
        davisonChart(input: { first: $n, second: $p }) { moment { utc } }
        harmonicChart(input: { natal: $n, harmonic: 5 }) { point longitude }
        antiscia(input: { natal: $n }) { points { point antiscion contraAntiscion } }
        midpoints(input: { natal: $n }) { first second longitude }
        declinations(input: { natal: $n }) { obliquityDegrees contacts { kind } }
        arabicParts(input: { natal: $n, parts: ["FORTUNE"] }) { name longitude reversed }
        dignities(input: { natal: $n }) { dayChart planets { planet score kinds } almutenFiguris { almuten } }
        fixedStars(input: { at: "2024-01-01T00:00:00Z", names: ["Regulus"] }) { name longitude }
        fixedStarConjunctions(input: { natal: $n, orbDegrees: 2 }) { star point orbDegrees }
        solarArcDirections(input: { natal: $n, target: "2034-03-20T00:00:00Z" }) { solarArcDegrees points { point longitude } }
        stations(input: { body: MERCURY, from: "2024-01-01T00:00:00Z", to: "2024-06-01T00:00:00Z" }) { kind utc }
        voidOfCourseMoon(input: { from: "2024-01-01T00:00:00Z", to: "2024-01-10T00:00:00Z" }) { startUtc endUtc sign }
      }`,
      { n: natal, p: partner },
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.transitSearch.length).toBeGreaterThan(3);
    expect(d.davisonChart.moment.utc.slice(0, 4)).toBe('2008');
    expect(d.arabicParts[0].name).toBe('FORTUNE');
    expect(d.dignities.planets).toHaveLength(7);
    expect(d.fixedStars[0].longitude).toBeGreaterThan(149);
    expect(d.fixedStars[0].longitude).toBeLessThan(151);
    expect(d.stations.map((s: { kind: string }) => s.kind)).toEqual(['DIRECT', 'RETROGRADE', 'DIRECT']);
    expect(d.midpoints).toHaveLength(105);
    // The Sun at 0°22′ Aries is 0.66° past Scheat (29°42′ Pisces in 2024); the resolver answers what the domain function does.
    const conj = d.fixedStarConjunctions as { star: string; point: string; orbDegrees: number }[];
    expect(conj.map((c) => `${c.star}/${c.point}`)).toContain('Scheat/SUN');
    expect(conj).toEqual(domainStarConjunctions(natal, 2).map((c) => ({ star: c.star, point: c.point, orbDegrees: c.orbDegrees })));
  });

  it('every type, field and enum value of the techniques schema is described', async () => {
    const res = await gql(`{ __schema { types { name description fields { name description } inputFields { name description } enumValues { name description } } } }`);
    // Every class and enum declared in src/graphql/techniques/.
    const dir = fileURLToPath(new URL('../../../src/graphql/techniques/', import.meta.url));
    const src = ['techniques.type.ts', 'techniques.input.ts', 'techniques.enums.ts'].map((f) => readFileSync(dir + f, 'utf8')).join('\n');
    const mine = [...src.matchAll(/export class (\w+)/g), ...src.matchAll(/name: '(\w+)'/g)].map((m) => m[1]);
    expect(mine.length).toBeGreaterThan(50);
    for (const name of mine) {
      const type = res.body.data.__schema.types.find((x: { name: string }) => x.name === name);
      expect(type, name).toBeDefined();
      expect(type.description, name).toBeTruthy();
      for (const f of [...(type.fields ?? []), ...(type.inputFields ?? []), ...(type.enumValues ?? [])]) expect(f.description, `${name}.${f.name}`).toBeTruthy();
    }
  });
});
