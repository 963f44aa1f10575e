/**
 * Chart wheels through the API: `Chart.wheelSvg(options)` in GraphQL (with a bi-wheel from
 * options.outer, option errors as BAD_USER_INPUT on the option's path, the response cache) and
 * GET /api/v1/charts/wheel.svg (image/svg+xml, same auth and quota as the calculations, the
 * gateway cache, parameter errors naming the parameter). The pictures are checked against the
 * renderer fed with the same chart computed directly.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeChart } from '../../src/ephemeris/index.js';
import type { QuotaDecision, QuotaRequest } from '../../src/quota/quota.hook.js';
import { renderWheelSvg } from '../../src/render/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const WHEEL_QUERY = /* GraphQL */ `
  query Wheel($input: ChartInput!, $options: WheelOptionsInput) {
    chart(input: $input) {
      houses { system ascendant }
      wheelSvg(options: $options)
    }
  }
`;

const LONDON_INPUT = {
  moment: { localDateTime: '1990-01-15T14:30:00', timeZone: 'Europe/London' },
  location: { latitude: 51.5074, longitude: -0.1278 },
};
const LONDON_REQUEST = { ...LONDON_INPUT, houseSystem: 'PLACIDUS' as const };

function bodiesIn(svg: string, ring: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of svg.matchAll(/<g data-body="(\w+)" data-ring="(\w+)" data-longitude="([\d.]+)"/g)) {
    if (m[2] === ring) out.set(m[1], Number(m[3]));
  }
  return out;
}

describe('Chart.wheelSvg (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it('draws the queried chart: same SVG as the renderer on the same chart', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ query: WHEEL_QUERY, variables: { input: LONDON_INPUT, options: { size: 800, theme: 'DARK' } } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const svg: string = res.body.data.chart.wheelSvg;
    expect(svg).toBe(renderWheelSvg(computeChart(LONDON_REQUEST), { size: 800, theme: 'dark' }));
    expect(svg).toContain('width="800"');
    expect(svg).toContain('data-theme="dark"');
    expect(svg).toContain(`data-reference-longitude="${res.body.data.chart.houses.ascendant.toFixed(6)}"`);
    expect(bodiesIn(svg, 'inner').size).toBe(13);
  });

  it('uses the defaults without options and is deterministic', async () => {
    const query = `query { chart(input: { moment: { utc: "2001-02-03T04:05:06Z" } }) { a: wheelSvg b: wheelSvg } }`;
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query });
    expect(res.status).toBe(200);
    expect(res.body.data.chart.a).toBe(res.body.data.chart.b);
    expect(res.body.data.chart.a).toContain('width="600"');
    expect(res.body.data.chart.a).toContain('No houses: 0° Aries on the left');
  });

  it('draws a bi-wheel with options.outer (transits outside)', async () => {
    const outer = { moment: { utc: '2026-11-27T06:00:00Z' }, bodies: ['SUN', 'MOON', 'SATURN'] };
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ query: WHEEL_QUERY, variables: { input: LONDON_INPUT, options: { outer, outerLabel: 'Transits' } } });
    expect(res.body.errors).toBeUndefined();
    const svg: string = res.body.data.chart.wheelSvg;
    const transits = computeChart({ moment: { utc: '2026-11-27T06:00:00Z' }, bodies: ['SUN', 'MOON', 'SATURN'] });
    const outerBodies = bodiesIn(svg, 'outer');
    expect([...outerBodies.keys()]).toEqual(['SUN', 'MOON', 'SATURN']);
    for (const p of transits.positions) expect(outerBodies.get(p.body)).toBeCloseTo(p.longitude, 5);
    expect(svg).toContain('outside: Transits');
  });

  it('refuses bad options as BAD_USER_INPUT naming the option', async () => {
    for (const [options, field] of [
      [{ size: 299 }, 'options.size'],
      [{ size: 2001 }, 'options.size'],
      [{ title: 'x'.repeat(300) }, 'options.title'],
      [{ outer: { moment: { utc: '2026-11-27T06:00:00Z' }, location: { latitude: 95, longitude: 0 } } }, 'options.outer.location.latitude'],
    ] as const) {
      const res = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .send({ query: WHEEL_QUERY, variables: { input: LONDON_INPUT, options } });
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(options).slice(0, 60)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.body.errors[0].extensions)).toContain(field);
    }
  });

  it('draws at most 10 wheels per request (aliases cost 1 each in the cost rule)', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `w${i}: wheelSvg(options: { size: ${300 + i} })`).join(' ');
    const query = `query { chart(input: { moment: { utc: "2001-02-03T04:05:06Z" } }) { ${aliases} } }`;
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toContain('at most 10 wheels per request');
    const ok = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ query: query.replace(/ w10: wheelSvg\(options: \{ size: 310 \}\)/, '') });
    expect(ok.body.errors).toBeUndefined();
    expect(Object.keys(ok.body.data.chart)).toHaveLength(10);
  });

  it('needs a token', async () => {
    const res = await request(t.app).post('/graphql').send({ query: WHEEL_QUERY, variables: { input: LONDON_INPUT } });
    expect(res.status).toBe(401);
  });

  it('is served from the response cache the second time', async () => {
    const body = { query: WHEEL_QUERY, variables: { input: { ...LONDON_INPUT, moment: { utc: '2011-11-11T11:11:11Z' } } } };
    const before = t.runtime.services.chart.computations;
    const first = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    await t.waitForCacheEntries(1); // the cache writes in the background
    const second = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(second.body).toEqual(first.body);
    expect(second.headers.age).toBeDefined();
    expect(t.runtime.services.chart.computations - before).toBe(1);
  });
});

describe('GET /api/v1/charts/wheel.svg', () => {
  let t: TestApp;
  const calls: QuotaRequest[] = [];
  let remaining = 100;
  beforeAll(async () => {
    t = await createTestApp({
      deps: {
        quota: async (req): Promise<QuotaDecision> => {
          calls.push(req);
          remaining -= 1;
          return remaining >= 0
            ? { allowed: true, limit: 100, remaining, resetAtEpochSeconds: 2_000_000_000 }
            : { allowed: false, limit: 100, remaining: 0, resetAtEpochSeconds: 2_000_000_000, retryAfterSeconds: 60 };
        },
      },
    });
  });
  afterAll(async () => t.dispose());

  const PATH = '/api/v1/charts/wheel.svg';
  const LONDON_QS = {
    localDateTime: '1990-01-15T14:30:00',
    timeZone: 'Europe/London',
    latitude: '51.5074',
    longitude: '-0.1278',
  };

  it('refuses anonymous requests with 401 before the quota', async () => {
    const res = await request(t.app).get(PATH).query(LONDON_QS);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(calls).toHaveLength(0);
  });

  it('answers image/svg+xml equal to the renderer on the same chart, then from the cache', async () => {
    const query = { ...LONDON_QS, size: '720', theme: 'dark', aspects: 'conjunction,trine,square,opposition,sextile' };
    const before = t.runtime.services.chart.computations;
    const first = await request(t.app).get(PATH).query(query).set('Authorization', t.auth).buffer(true).parse((res, cb) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString('utf8')));
      res.on('end', () => cb(null, data));
    });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers['x-ratelimit-limit']).toBe('100');
    const expected = renderWheelSvg(computeChart(LONDON_REQUEST), {
      size: 720,
      theme: 'dark',
      aspectTypes: ['CONJUNCTION', 'TRINE', 'SQUARE', 'OPPOSITION', 'SEXTILE'],
    });
    expect(first.body).toBe(expected);
    expect(t.runtime.services.chart.computations - before).toBe(1);
    expect(calls.at(-1)).toMatchObject({ transport: 'rest' });

    const second = await request(t.app).get(PATH).query(query).set('Authorization', t.auth).buffer(true).parse((res, cb) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString('utf8')));
      res.on('end', () => cb(null, data));
    });
    expect(second.status).toBe(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(expected);
    expect(t.runtime.services.chart.computations - before).toBe(1); // not recomputed …
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1); // … but counted
  });

  it('draws a bi-wheel from the outer* parameters', async () => {
    const res = await request(t.app)
      .get(PATH)
      .query({ ...LONDON_QS, bodies: 'sun,moon', outerDate: '2026-11-27T06:00:00Z', outerLabel: 'Transits' })
      .set('Authorization', t.auth)
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.on('data', (c: Buffer) => (data += c.toString('utf8')));
        r.on('end', () => cb(null, data));
      });
    expect(res.status).toBe(200);
    const transits = computeChart({ moment: { utc: '2026-11-27T06:00:00Z' }, bodies: ['SUN', 'MOON'] });
    const outer = bodiesIn(res.body as string, 'outer');
    expect(outer.size).toBe(2);
    for (const p of transits.positions) expect(outer.get(p.body)).toBeCloseTo(p.longitude, 5);
    expect(bodiesIn(res.body as string, 'inner').size).toBe(2);
  });

  it('names the bad parameter in a 400', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...LONDON_QS, size: '100' }, 'size'],
      [{ ...LONDON_QS, size: 'big' }, 'size'],
      [{ ...LONDON_QS, theme: 'blue' }, 'theme'],
      [{ ...LONDON_QS, latitude: '91' }, 'latitude'],
      [{ localDateTime: '1990-01-15T14:30:00' }, 'timeZone'], // no zone, no offset, no location to take a zone from
      [{ date: '2000-01-01T00:00:00Z', place: 'Lverpoool' }, 'place'], // unknown
      [{ ...LONDON_QS, place: 'London' }, 'place'], // with latitude/longitude
      [{ ...LONDON_QS, outerDate: '2026-11-27T06:00:00Z', outerPlace: 'Lverpoool' }, 'outerPlace'],
      [{ ...LONDON_QS, bodies: 'sun,vulcan' }, 'bodies.1'],
      [{ ...LONDON_QS, colour: 'red' }, 'colour'],
      [{ ...LONDON_QS, outerDate: '2026-11-27T06:00:00Z', outerLatitude: '12' }, 'outerLongitude'],
      [{ ...LONDON_QS, outerDate: 'yesterday' }, 'outerDate'],
      [{ ...LONDON_QS, outerDate: '2026-11-27T06:00:00Z', outerLatitude: '91', outerLongitude: '0' }, 'outerLatitude'],
      [{ ...LONDON_QS, outerLocalDateTime: '2026-11-27T06:00:00' }, 'outerTimeZone'],
    ];
    for (const [query, field] of cases) {
      const res = await request(t.app).get(PATH).query(query).set('Authorization', t.auth);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe('BAD_USER_INPUT');
      expect(res.body.error.field, JSON.stringify(query)).toBe(field);
    }
  });

  it('refuses with 429 and Retry-After when the quota is spent', async () => {
    remaining = 0;
    const res = await request(t.app).get(PATH).query(LONDON_QS).set('Authorization', t.auth);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });
});
