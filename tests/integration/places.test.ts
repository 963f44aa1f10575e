/**
 * Places and time zones through the API (the app in process, over HTTP): `places` and
 * `timeZoneAt`, charts located by `place` or by coordinates with a local time read in the
 * location's zone, the zone report (`moment.zone`), local mean time, the errors, and the REST shim
 * and wheel route with `place`.
 *
 * Every expected offset is a fact of the tz database (https://github.com/eggert/tz, files europe,
 * northamerica, southamerica, africa, asia, australasia, antarctica; the Zone/Rule lines are quoted
 * where a case is unusual), every expected instant is worked by hand from it (UTC = local time −
 * offset), and every expected coordinate is the place's public one (to 0.05°), so none of them comes
 * from the code under test.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ZONE_PLACES as PLACES } from '../helpers/zone-places.js';

const CHART = /* GraphQL */ `
  query Located($input: ChartInput!) {
    chart(input: $input) {
      moment { utc timeZone utcOffsetMinutes zone { zoneSource timeZone utcOffsetSeconds meanTimeLongitude localTime resolution } }
      location { latitude longitude elevationMeters timeZone place { id name countryCode admin1 timeZone population } }
      houses { ascendant }
    }
  }
`;

interface Zone {
  zoneSource: string;
  timeZone: string | null;
  utcOffsetSeconds: number;
  meanTimeLongitude: number | null;
  localTime: string;
  resolution: string | null;
}
interface Located {
  moment: { utc: string; timeZone: string | null; utcOffsetMinutes: number | null; zone: Zone };
  location: {
    latitude: number;
    longitude: number;
    elevationMeters: number;
    timeZone: string | null;
    place: { id: string; name: string; countryCode: string; admin1: string | null; timeZone: string; population: number } | null;
  } | null;
}

let t: TestApp;

async function gql(query: string, variables: Record<string, unknown>) {
  const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query, variables });
  expect(res.status).toBe(200);
  return res.body as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions: { code: string; field?: string } }> };
}

async function chart(moment: Record<string, unknown>, location: Record<string, unknown>): Promise<Located> {
  const body = await gql(CHART, { input: { moment, location, bodies: ['SUN'] } });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.chart as Located;
}

async function errorOf(query: string, variables: Record<string, unknown>) {
  const body = await gql(query, variables);
  expect(body.errors?.length, JSON.stringify(body.data)).toBe(1);
  return body.errors![0];
}

/** UTC instant of a local time at an offset (seconds east), as the API prints it. */
function utcOf(local: string, offsetSeconds: number): string {
  return new Date(Date.parse(`${local}Z`) - offsetSeconds * 1000).toISOString();
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.dispose());


describe('charts located by place: the local time read in the place\'s zone (zoneSource LOCATION)', () => {
  it(`${new Set(PLACES.map((p) => p[0])).size} places on every inhabited continent, with the tz database's offsets`, async () => {
    expect(new Set(PLACES.map((p) => p[0])).size).toBeGreaterThanOrEqual(30);
    let checked = 0;
    for (const [place, lat, lon, zone, local, offset, why] of PLACES) {
      const c = await chart({ localDateTime: local }, { place });
      const label = `${place} ${local} (${why})`;
      expect(c.location?.place?.timeZone, label).toBe(zone);
      expect(c.location?.timeZone, label).toBe(zone);
      expect(Math.abs(c.location!.latitude - lat), label).toBeLessThan(0.05);
      expect(Math.abs(c.location!.longitude - lon), label).toBeLessThan(0.05);
      expect(c.moment.zone, label).toMatchObject({ zoneSource: 'LOCATION', timeZone: zone, utcOffsetSeconds: offset, localTime: 'UNIQUE' });
      expect(c.moment.utc, label).toBe(utcOf(local, offset));
      checked += 1;
    }
    expect(checked).toBe(PLACES.length);
  });

  it('the same charts by coordinates: the zone from the zone boundaries', async () => {
    // Antarctica: McMurdo Station keeps New Zealand time (antarctica: "Link Pacific/Auckland Antarctica/McMurdo")
    const mcmurdo = await chart({ localDateTime: '2021-01-15T12:00:00' }, { latitude: -77.846, longitude: 166.676 });
    expect(mcmurdo.location).toMatchObject({ timeZone: 'Antarctica/McMurdo', place: null });
    expect(mcmurdo.moment.zone).toMatchObject({ zoneSource: 'LOCATION', utcOffsetSeconds: 46800 });
    // Lord Howe Island: "10:30 LH +1030/+11" (Rule LH: half-hour DST); below the gazetteer's 1,000 inhabitants
    const lordHoweSummer = await chart({ localDateTime: '2021-01-15T12:00:00' }, { latitude: -31.55, longitude: 159.08 });
    const lordHoweWinter = await chart({ localDateTime: '2021-07-15T12:00:00' }, { latitude: -31.55, longitude: 159.08 });
    expect(lordHoweSummer.location?.timeZone).toBe('Australia/Lord_Howe');
    expect(lordHoweSummer.moment.zone.utcOffsetSeconds).toBe(39600);
    expect(lordHoweWinter.moment.zone.utcOffsetSeconds).toBe(37800);
    // Chatham Islands (Waitangi): "12:45 Chatham +1245/+1345"
    const chathamWinter = await chart({ localDateTime: '2021-07-15T12:00:00' }, { latitude: -43.95353, longitude: -176.55973 });
    const chathamSummer = await chart({ localDateTime: '2021-01-15T12:00:00' }, { latitude: -43.95353, longitude: -176.55973 });
    expect(chathamWinter.location?.timeZone).toBe('Pacific/Chatham');
    expect(chathamWinter.moment.zone.utcOffsetSeconds).toBe(45900);
    expect(chathamSummer.moment.zone.utcOffsetSeconds).toBe(49500);
    expect(chathamWinter.moment.utc).toBe('2021-07-14T23:15:00.000Z');
    // Knox, Starke County, Indiana: "-5:00 - EST 2006 Apr 2 2:00 / -6:00 US C%sT"
    const knox1995 = await chart({ localDateTime: '1995-01-15T12:00:00' }, { latitude: 41.29587, longitude: -86.62501 });
    const knox2010 = await chart({ localDateTime: '2010-01-15T12:00:00' }, { latitude: 41.29587, longitude: -86.62501 });
    expect(knox1995.location?.timeZone).toBe('America/Indiana/Knox');
    expect(knox1995.moment.zone.utcOffsetSeconds).toBe(-18000);
    expect(knox2010.moment.zone.utcOffsetSeconds).toBe(-21600);
    // Kykotsmovi Village (Hopi Reservation, inside the Navajo Nation) keeps Arizona time
    const hopi = await chart({ localDateTime: '2021-07-01T12:00:00' }, { latitude: 35.8728, longitude: -110.624 });
    expect(hopi.location?.timeZone).toBe('America/Phoenix');
    expect(hopi.moment.zone.utcOffsetSeconds).toBe(-25200);
  });

  it('a given zone or offset still wins over the location (GIVEN_ZONE, GIVEN_OFFSET), utc is UTC', async () => {
    const zone = await chart({ localDateTime: '2021-07-01T12:00:00', timeZone: 'Asia/Tokyo' }, { place: 'Liverpool' });
    expect(zone.moment.zone).toMatchObject({ zoneSource: 'GIVEN_ZONE', timeZone: 'Asia/Tokyo', utcOffsetSeconds: 32400 });
    const offset = await chart({ localDateTime: '2021-07-01T12:00:00', utcOffsetMinutes: -150 }, { place: 'Liverpool' });
    expect(offset.moment.zone).toMatchObject({ zoneSource: 'GIVEN_OFFSET', timeZone: null, utcOffsetSeconds: -9000 });
    expect(offset.moment.utc).toBe('2021-07-01T14:30:00.000Z');
    const utc = await chart({ utc: '2021-07-01T12:00:00Z' }, { place: 'Liverpool' });
    expect(utc.moment.zone).toMatchObject({ zoneSource: 'UTC', utcOffsetSeconds: 0 });
    expect(utc.location?.place).toMatchObject({ name: 'Liverpool', countryCode: 'GB', admin1: 'England' });
  });
});

describe('DST gaps and overlaps, Samoa\'s and Kiritimati\'s skipped days', () => {
  it('Apia 2011-12-30 was skipped ("-11:00 WS %z 2011 Dec 29 24:00", then "13:00 WS %z"): resolved as the disambiguation says', async () => {
    const fwd = await chart({ localDateTime: '2011-12-30T12:00:00' }, { place: 'Apia' });
    expect(fwd.moment.zone).toMatchObject({ localTime: 'GAP', resolution: 'SHIFTED_FORWARD', utcOffsetSeconds: 50400 });
    expect(fwd.moment.utc).toBe('2011-12-30T22:00:00.000Z'); // 12:00 read at −10 h, shown as Dec 31 12:00 +14
    const back = await chart({ localDateTime: '2011-12-30T12:00:00', disambiguation: 'EARLIER' }, { place: 'Apia' });
    expect(back.moment.zone).toMatchObject({ localTime: 'GAP', resolution: 'SHIFTED_BACKWARD', utcOffsetSeconds: -36000 });
    expect(back.moment.utc).toBe('2011-12-29T22:00:00.000Z'); // 12:00 read at +14 h
    const refused = await errorOf(CHART, { input: { moment: { localDateTime: '2011-12-30T12:00:00', disambiguation: 'REJECT' }, location: { place: 'Apia' } } });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.moment.localDateTime' });
  });

  it('Kiritimati skipped 1994-12-31 ("-10:00 - %z 1994 Dec 31", then "14:00 - %z")', async () => {
    const c = await chart({ localDateTime: '1994-12-31T12:00:00' }, { place: 'Tabwakea Village, KI' });
    expect(c.moment.zone).toMatchObject({ localTime: 'GAP', resolution: 'SHIFTED_FORWARD' });
    expect(c.moment.utc).toBe('1994-12-31T22:00:00.000Z');
  });

  it('New York, 2021-11-07 01:30 happened twice (EDT, then EST): EARLIER and LATER an hour apart', async () => {
    const early = await chart({ localDateTime: '2021-11-07T01:30:00', disambiguation: 'EARLIER' }, { place: 'New York City, US' });
    const late = await chart({ localDateTime: '2021-11-07T01:30:00', disambiguation: 'LATER' }, { place: 'New York City, US' });
    expect(early.moment.zone).toMatchObject({ localTime: 'OVERLAP', resolution: 'EARLIER', utcOffsetSeconds: -14400 });
    expect(late.moment.zone).toMatchObject({ localTime: 'OVERLAP', resolution: 'LATER', utcOffsetSeconds: -18000 });
    expect(early.moment.utc).toBe('2021-11-07T05:30:00.000Z');
    expect(late.moment.utc).toBe('2021-11-07T06:30:00.000Z');
  });
});

describe('local mean time', () => {
  it('Ulm 1879-03-14 11:30 (before Germany\'s CET of 1893-04-01): LMT of Ulm\'s longitude, 9.99155° E', async () => {
    // 9.99155° × 240 s/° = 2397.97 s → 2398 s; 11:30:00 − 0:39:58 = 10:50:02 UT (astro-databank: UT 10:50)
    const c = await chart({ localDateTime: '1879-03-14T11:30:00' }, { place: 'Ulm, DE' });
    expect(c.moment.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', timeZone: 'Europe/Berlin' });
    expect(Math.abs(c.moment.zone.meanTimeLongitude! - 9.99155)).toBeLessThan(0.05);
    expect(Math.abs(c.moment.zone.utcOffsetSeconds - 2398)).toBeLessThanOrEqual(12); // 0.05° = 12 s
    expect(c.moment.utc).toBe(utcOf('1879-03-14T11:30:00', c.moment.zone.utcOffsetSeconds));
    // and with the zone named: the location's longitude still sets the offset
    const named = await chart({ localDateTime: '1879-03-14T11:30:00', timeZone: 'Europe/Berlin' }, { place: 'Ulm, DE' });
    expect(named.moment.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', utcOffsetSeconds: c.moment.zone.utcOffsetSeconds });
  });

  it('New York 1880 ("-4:56:02 - LMT 1883 Nov 18 17:00u"): LMT of 74.006° W; EST after the switch', async () => {
    const c = await chart({ localDateTime: '1880-05-01T12:00:00' }, { place: 'New York City, US' });
    expect(c.moment.zone.zoneSource).toBe('LOCAL_MEAN_TIME');
    expect(Math.abs(c.moment.zone.utcOffsetSeconds - -17761)).toBeLessThanOrEqual(12); // −74.006 × 240
    const after = await chart({ localDateTime: '1883-11-18T13:00:00' }, { place: 'New York City, US' });
    expect(after.moment.zone).toMatchObject({ zoneSource: 'LOCATION', utcOffsetSeconds: -18000 });
  });

  it('timeZone "LMT" asks for local mean time at any date; without a location it is refused', async () => {
    // Liverpool 2.97794° W: −714.7 s → −715 s
    const c = await chart({ localDateTime: '1990-01-15T12:00:00', timeZone: 'LMT' }, { latitude: 53.41058, longitude: -2.97794 });
    expect(c.moment.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', timeZone: 'LMT', utcOffsetSeconds: -715 });
    expect(c.moment.utc).toBe('1990-01-15T12:11:55.000Z');
    const e = await errorOf(CHART, { input: { moment: { localDateTime: '1990-01-15T12:00:00', timeZone: 'LMT' } } });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.moment.timeZone' });
  });
});

describe('place errors: BAD_USER_INPUT naming the field', () => {
  it('an unknown place offers the nearest names', async () => {
    const e = await errorOf(CHART, { input: { moment: { utc: '2000-01-01T00:00:00Z' }, location: { place: 'Lverpool' } } });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.place' });
    expect(e.message).toMatch(/Unknown place "Lverpool".*nearest names: .*Liverpool \(GB/);
  });

  it('place with coordinates, neither, a local time without zone and without location, bad country', async () => {
    const both = await errorOf(CHART, { input: { moment: { utc: '2000-01-01T00:00:00Z' }, location: { place: 'Ulm', latitude: 1, longitude: 2 } } });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.place' });
    const neither = await errorOf(CHART, { input: { moment: { utc: '2000-01-01T00:00:00Z' }, location: { elevationMeters: 5 } } });
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.latitude' });
    const noZone = await errorOf(CHART, { input: { moment: { localDateTime: '2000-01-01T00:00:00' } } });
    expect(noZone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.moment.timeZone' });
    const country = await errorOf(CHART, { input: { moment: { utc: '2000-01-01T00:00:00Z' }, location: { place: 'Ulm, XX' } } });
    expect(country.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.place' });
    const long = await errorOf(CHART, { input: { moment: { utc: '2000-01-01T00:00:00Z' }, location: { place: 'x'.repeat(201) } } });
    expect(long.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.place' });
  });

  it('techniques take places too, with the path of their chart', async () => {
    const SYNASTRY = /* GraphQL */ `
      query Syn($input: SynastryInput!) { synastry(input: $input) { aspects { type } first { moment { zone { zoneSource utcOffsetSeconds } } } } }
    `;
    const first = { moment: { localDateTime: '1879-03-14T11:30:00' }, location: { place: 'Ulm, DE' }, bodies: ['SUN', 'MOON'] };
    const ok = await gql(SYNASTRY, { input: { first, second: { ...first, location: { place: 'Liverpool' } } } });
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    const syn = ok.data!.synastry as { aspects: unknown[]; first: { moment: { zone: Zone } } };
    expect(syn.aspects.length).toBeGreaterThan(0);
    expect(syn.first.moment.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME' }); // Ulm 1879, as above
    const e = await errorOf(SYNASTRY, { input: { first, second: { ...first, location: { place: 'Nowhereville Qq' } } } });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.second.location.place' });
  });
});

describe('places and timeZoneAt', () => {
  const PLACES_QUERY = /* GraphQL */ `
    query Places($search: String!, $countryCode: String, $limit: Int) {
      places(search: $search, countryCode: $countryCode, limit: $limit) { id name countryCode admin1 latitude longitude elevationMeters population timeZone }
    }
  `;
  const ZONE_QUERY = /* GraphQL */ `query Zone($latitude: Float!, $longitude: Float!) { timeZoneAt(latitude: $latitude, longitude: $longitude) }`;

  it('finds São Paulo however it is written, most populous first, filtered by country', async () => {
    for (const search of ['sao paulo', 'São Paulo', 'SAO PAUL']) {
      const body = await gql(PLACES_QUERY, { search });
      const first = (body.data!.places as Array<Record<string, unknown>>)[0];
      expect(first, search).toMatchObject({ name: 'São Paulo', countryCode: 'BR', timeZone: 'America/Sao_Paulo' });
      expect(Math.abs((first.latitude as number) - -23.55)).toBeLessThan(0.05);
    }
    const springfields = (await gql(PLACES_QUERY, { search: 'Springfield', countryCode: 'US', limit: 5 })).data!.places as Array<{ countryCode: string; population: number; name: string }>;
    expect(springfields).toHaveLength(5);
    expect(springfields.every((p) => p.countryCode === 'US' && p.name === 'Springfield')).toBe(true);
    for (let i = 1; i < springfields.length; i++) expect(springfields[i - 1].population).toBeGreaterThanOrEqual(springfields[i].population);
  });

  it('bounds its arguments: limit 1–50, a search of 1–200 characters, a known country', async () => {
    expect((await errorOf(PLACES_QUERY, { search: 'Ulm', limit: 51 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect((await errorOf(PLACES_QUERY, { search: 'Ulm', limit: 0 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect((await errorOf(PLACES_QUERY, { search: ' ' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect((await errorOf(PLACES_QUERY, { search: 'a'.repeat(201) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect((await errorOf(PLACES_QUERY, { search: 'Ulm', countryCode: 'XX' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countryCode' });
  });

  it('timeZoneAt: Arizona beside the Navajo Nation, Newfoundland, Chatham, at sea; bad coordinates refused', async () => {
    const zone = async (latitude: number, longitude: number) => (await gql(ZONE_QUERY, { latitude, longitude })).data!.timeZoneAt;
    expect(await zone(33.45, -112.07)).toBe('America/Phoenix');
    expect(await zone(36.135, -111.2399)).toBe('America/Denver'); // Tuba City, Navajo Nation
    expect(await zone(47.56, -52.71)).toBe('America/St_Johns');
    expect(await zone(-43.95353, -176.55973)).toBe('Pacific/Chatham');
    expect(await zone(0, -140)).toBe('Etc/GMT+9'); // mid-Pacific: nautical zone of the 15° band around 135° W
    expect((await errorOf(ZONE_QUERY, { latitude: 91, longitude: 0 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'latitude' });
    expect((await errorOf(ZONE_QUERY, { latitude: 0, longitude: -181 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'longitude' });
  });

  it('needs a token', async () => {
    const res = await request(t.app).post('/graphql').send({ query: ZONE_QUERY, variables: { latitude: 0, longitude: 0 } });
    expect(res.status).toBe(401);
  });
});

describe('REST shim and wheel with place', () => {
  it('POST /api/v1/calculations takes place instead of latitude/longitude', async () => {
    const res = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth)
      .send({ date: '1990-01-15T14:30:00Z', place: 'Ulm, DE', calculations: ['houses'] });
    expect(res.status).toBe(200);
    expect(Math.abs(res.body.latitude - 48.40)).toBeLessThan(0.05);
    expect(Math.abs(res.body.longitude - 9.99)).toBeLessThan(0.05);
    expect(res.body.place).toMatchObject({ name: 'Ulm', countryCode: 'DE', timeZone: 'Europe/Berlin' });
    expect(res.body.houses.cusps).toHaveLength(12);
    const byCoordinates = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth)
      .send({ date: '1990-01-15T14:30:00Z', latitude: res.body.latitude, longitude: res.body.longitude, calculations: ['houses'] });
    // Ulm's GeoNames elevation changes nothing for houses: same cusps as by its coordinates
    expect(byCoordinates.body.houses.ascendant).toBe(res.body.houses.ascendant);
    const unknown = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth)
      .send({ date: '1990-01-15T14:30:00Z', place: 'Lverpool' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error ?? unknown.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'place' });
  });

  it('GET /api/v1/charts/wheel.svg takes place, reads localDateTime in its zone and names it in the title', async () => {
    const res = await request(t.app).get('/api/v1/charts/wheel.svg').set('Authorization', t.auth)
      .query({ localDateTime: '1940-10-15T12:00:00', place: 'Liverpool' });
    expect(res.status).toBe(200);
    const svg = String(res.text || res.body);
    // 12:00 BST (kept all winter 1940–41) = 11:00 UTC
    expect(svg).toContain('<title id="nocturna-wheel-title">Chart wheel for 1940-10-15T11:00:00Z, Liverpool (GB)</title>');
    const both = await request(t.app).get('/api/v1/charts/wheel.svg').set('Authorization', t.auth)
      .query({ date: '2000-01-01T00:00:00Z', place: 'Liverpool', latitude: '1', longitude: '2' });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('"field":"place"');
  });
});
