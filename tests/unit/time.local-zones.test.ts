/**
 * Local times at places: the zone from the place, zone reports, DST gaps and overlaps, and local
 * mean time. Every expected offset is a fact of the tz database (https://github.com/eggert/tz,
 * files europe, northamerica, southamerica, africa, asia, australasia; the Zone/Rule lines are
 * quoted where a case is unusual) and every expected instant is worked by hand from it: local
 * time − offset = UTC. Expected coordinates are the places' public coordinates (to 0.05°).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLocalMeanTimeInZone, localMeanTimeOffsetSeconds, resolveMoment, zoneOffsetMs } from '../../src/ephemeris/time.js';
import type { Disambiguation, MomentPlace, ResolvedMoment } from '../../src/ephemeris/types.js';
import { gazetteer } from '../../src/places/gazetteer.js';
import { timeZoneAt } from '../../src/places/zone-boundaries.js';
import { buildLmtPeriods, serializeLmtPeriods, LMT_PERIODS_PATH } from '../../scripts/build-lmt-periods.js';
import { ZONE_PLACES as PLACES } from '../helpers/zone-places.js';
import { validationErrorOf } from '../helpers/validation.js';

const g = gazetteer();

/** Resolves a place string and reads a local time there (zone from the place). */
function atPlace(place: string, local: string, disambiguation?: Disambiguation): { m: ResolvedMoment; at: MomentPlace } {
  const p = g.resolve(place).place;
  const at = { longitude: p.longitude, timeZone: p.timeZone };
  return { m: resolveMoment({ localDateTime: local, disambiguation }, 'moment', at), at };
}

/** Reads a local time at coordinates, the zone from the zone boundaries. */
function atPoint(latitude: number, longitude: number, local: string, disambiguation?: Disambiguation): ResolvedMoment {
  const zone = timeZoneAt(latitude, longitude).timeZone;
  return resolveMoment({ localDateTime: local, disambiguation }, 'moment', { longitude, timeZone: zone });
}

const fieldOf = (work: () => unknown): string => validationErrorOf(work).field;


describe('local time at a place (zone from the place, zoneSource LOCATION)', () => {
  it(`resolves ${new Set(PLACES.map((p) => p[0])).size} places on every inhabited continent with the tz database's offsets`, () => {
    expect(new Set(PLACES.map((p) => p[0])).size).toBeGreaterThanOrEqual(30);
    for (const [name, lat, lon, zone, local, offset] of PLACES) {
      const place = g.resolve(name).place;
      expect(place.timeZone, name).toBe(zone);
      expect(Math.abs(place.latitude - lat), name).toBeLessThan(0.05);
      expect(Math.abs(place.longitude - lon), name).toBeLessThan(0.05);
      const { m } = atPlace(name, local);
      expect(m.zone?.zoneSource, `${name} ${local}`).toBe('LOCATION');
      expect(m.zone?.timeZone).toBe(zone);
      expect(m.zone?.utcOffsetSeconds, `${name} ${local}`).toBe(offset);
      expect(m.utcOffsetMinutes).toBe(offset / 60);
      expect(m.timeZone).toBe(zone);
      // local − offset = UTC
      expect(m.utc.getTime(), `${name} ${local}`).toBe(Date.parse(`${local}Z`) - offset * 1000);
    }
  });

  it('Liverpool, October 1940: 12:00 local was 11:00 UTC (summer time kept all winter)', () => {
    expect(atPlace('Liverpool', '1940-10-15T12:00:00').m.utc.toISOString()).toBe('1940-10-15T11:00:00.000Z');
  });

  it('a given zone still wins over the place and is reported as GIVEN_ZONE; a given offset as GIVEN_OFFSET', () => {
    const at = { longitude: -2.98, timeZone: 'Europe/London' };
    const z = resolveMoment({ localDateTime: '2021-07-01T12:00:00', timeZone: 'Asia/Tokyo' }, 'moment', at);
    expect(z.zone).toMatchObject({ zoneSource: 'GIVEN_ZONE', timeZone: 'Asia/Tokyo', utcOffsetSeconds: 32400, localTime: 'UNIQUE' });
    const o = resolveMoment({ localDateTime: '2021-07-01T12:00:00', utcOffsetMinutes: -150 }, 'moment', at);
    expect(o.zone).toMatchObject({ zoneSource: 'GIVEN_OFFSET', timeZone: null, utcOffsetSeconds: -9000 });
    expect(o.utc.toISOString()).toBe('2021-07-01T14:30:00.000Z');
    const u = resolveMoment({ utc: '2021-07-01T12:00:00Z' }, 'moment', at);
    expect(u.zone).toMatchObject({ zoneSource: 'UTC', utcOffsetSeconds: 0 });
  });

  it('without a zone, an offset or a place zone the request is refused on moment.timeZone', () => {
    expect(fieldOf(() => resolveMoment({ localDateTime: '2021-07-01T12:00:00' }, 'moment', { longitude: 10 }))).toBe('moment.timeZone');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2021-07-01T12:00:00' }, 'moment', { longitude: 200, timeZone: 'UTC' }))).toBe('location.longitude');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2021-07-01T12:00:00' }, 'moment', { longitude: 1, timeZone: 'Mars/Base' }))).toBe('location.timeZone');
  });
});

describe('zones from coordinates for places below the gazetteer\'s 1,000 inhabitants', () => {
  it('Lord Howe Island: +10:30 standard, half-hour DST to +11 (Rule LH 2008 max Oct Sun>=1 2:00 0:30)', () => {
    const [lat, lon] = [-31.55, 159.08];
    expect(timeZoneAt(lat, lon).timeZone).toBe('Australia/Lord_Howe');
    expect(atPoint(lat, lon, '2021-07-15T12:00:00').zone?.utcOffsetSeconds).toBe(37800);
    expect(atPoint(lat, lon, '2021-01-15T12:00:00').zone?.utcOffsetSeconds).toBe(39600);
    // 2021-10-03 (first Sunday of October) 02:00 → 02:30: 02:15 does not exist
    const gap = atPoint(lat, lon, '2021-10-03T02:15:00');
    expect(gap.zone).toMatchObject({ localTime: 'GAP', resolution: 'SHIFTED_FORWARD', utcOffsetSeconds: 39600 });
    expect(gap.utc.toISOString()).toBe('2021-10-02T15:45:00.000Z'); // 02:15 − 10:30, shown as 02:45 +11
    // 2021-04-04 (first Sunday of April) 02:00 → 01:30: 01:45 happens twice
    const early = atPoint(lat, lon, '2021-04-04T01:45:00', 'EARLIER');
    const late = atPoint(lat, lon, '2021-04-04T01:45:00', 'LATER');
    expect(early.zone).toMatchObject({ localTime: 'OVERLAP', resolution: 'EARLIER', utcOffsetSeconds: 39600 });
    expect(late.zone).toMatchObject({ localTime: 'OVERLAP', resolution: 'LATER', utcOffsetSeconds: 37800 });
    expect(late.utc.getTime() - early.utc.getTime()).toBe(30 * 60_000);
  });

  it('Chatham Islands (Waitangi): +12:45 standard, +13:45 in summer', () => {
    const [lat, lon] = [-43.95353, -176.55973];
    expect(timeZoneAt(lat, lon).timeZone).toBe('Pacific/Chatham');
    expect(atPoint(lat, lon, '2021-07-15T12:00:00').zone?.utcOffsetSeconds).toBe(45900);
    expect(atPoint(lat, lon, '2021-01-15T12:00:00').zone?.utcOffsetSeconds).toBe(49500);
  });

  it('Antarctica: McMurdo Station keeps New Zealand time', () => {
    expect(timeZoneAt(-77.846, 166.676).timeZone).toBe('Antarctica/McMurdo');
    expect(atPoint(-77.846, 166.676, '2021-01-15T12:00:00').zone?.utcOffsetSeconds).toBe(46800);
  });

  it('the Hopi Reservation inside the Navajo Nation keeps Arizona time', () => {
    expect(timeZoneAt(35.8728, -110.624).timeZone).toBe('America/Phoenix'); // Kykotsmovi Village
    expect(timeZoneAt(36.135, -111.2399).timeZone).toBe('America/Denver'); // Tuba City, Navajo Nation
  });

  it('Indiana counties that changed zones have their own zones', () => {
    expect(timeZoneAt(41.29587, -86.62501).timeZone).toBe('America/Indiana/Knox'); // Knox, Starke County
    expect(timeZoneAt(37.95144, -86.76777).timeZone).toBe('America/Indiana/Tell_City'); // Perry County
    // Starke County: "-6:00 US C%sT 1991 Oct 27 2:00 / -5:00 - EST 2006 Apr 2 2:00 / -6:00 US C%sT"
    expect(atPoint(41.29587, -86.62501, '1985-07-01T12:00:00').zone?.utcOffsetSeconds).toBe(-18000); // CDT
    expect(atPoint(41.29587, -86.62501, '1995-07-01T12:00:00').zone?.utcOffsetSeconds).toBe(-18000); // EST
    expect(atPoint(41.29587, -86.62501, '1995-01-15T12:00:00').zone?.utcOffsetSeconds).toBe(-18000); // EST
    expect(atPoint(41.29587, -86.62501, '2010-01-15T12:00:00').zone?.utcOffsetSeconds).toBe(-21600); // CST
  });
});

describe('Samoa skipped 2011-12-30 and Kiritimati skipped 1994-12-31', () => {
  it('Apia 2011-12-30T12:00 is in a 24-hour gap, resolved as Temporal does', () => {
    // "-11:00 WS %z 2011 Dec 29 24:00" (−10 with DST) then "13:00 WS %z" (+14 with DST)
    const fwd = atPlace('Apia', '2011-12-30T12:00:00').m;
    expect(fwd.zone).toMatchObject({ localTime: 'GAP', resolution: 'SHIFTED_FORWARD', utcOffsetSeconds: 50400 });
    expect(fwd.utc.toISOString()).toBe('2011-12-30T22:00:00.000Z'); // 12:00 − (−10 h): shown as Dec 31 12:00 +14
    const back = atPlace('Apia', '2011-12-30T12:00:00', 'EARLIER').m;
    expect(back.zone).toMatchObject({ localTime: 'GAP', resolution: 'SHIFTED_BACKWARD', utcOffsetSeconds: -36000 });
    expect(back.utc.toISOString()).toBe('2011-12-29T22:00:00.000Z'); // 12:00 − 14 h: shown as Dec 29 12:00 −10
    expect(fieldOf(() => atPlace('Apia', '2011-12-30T12:00:00', 'REJECT'))).toBe('moment.localDateTime');
    // the last minute before and the first after
    expect(atPlace('Apia', '2011-12-29T23:59:00').m.utc.toISOString()).toBe('2011-12-30T09:59:00.000Z');
    expect(atPlace('Apia', '2011-12-31T00:00:00').m.utc.toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });

  it('Kiritimati 1994-12-31 does not exist (−10 to +14)', () => {
    const m = atPlace('Tabwakea Village, KI', '1994-12-31T12:00:00').m;
    expect(m.zone?.localTime).toBe('GAP');
    expect(m.utc.toISOString()).toBe('1994-12-31T22:00:00.000Z');
  });
});

describe('local mean time', () => {
  it('Ulm, 1879-03-14 11:30, before Germany adopted CET on 1893-04-01: LMT of 9.99155° E', () => {
    // Albert Einstein's recorded birth time (astro-databank: 11:30 LMT, UT 10:50 with 10° E).
    // 9.99155° × 240 s/° = 2397.97 s → 2398 s = 0:39:58; 11:30:00 − 0:39:58 = 10:50:02 UT.
    const { m } = atPlace('Ulm, DE', '1879-03-14T11:30:00');
    expect(m.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', timeZone: 'Europe/Berlin', utcOffsetSeconds: 2398, meanTimeLongitude: 9.99155 });
    expect(m.utc.toISOString()).toBe('1879-03-14T10:50:02.000Z');
    // after 1893-04-01 Ulm is on CET
    expect(atPlace('Ulm, DE', '1893-04-01T12:00:00').m.zone).toMatchObject({ zoneSource: 'LOCATION', utcOffsetSeconds: 3600 });
  });

  it('New York City before 1883-11-18 17:00 UTC ("-4:56:02 - LMT 1883 Nov 18 17:00u"): LMT of 74.00597° W', () => {
    // −74.00597° × 240 = −17761.4 s → −17761 s = −4:56:01; 12:00 + 4:56:01 = 16:56:01 UT
    const { m } = atPlace('New York City, US', '1880-05-01T12:00:00');
    expect(m.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', utcOffsetSeconds: -17761 });
    expect(m.utc.toISOString()).toBe('1880-05-01T16:56:01.000Z');
    // the switch: 1883-11-18 12:03:58 LMT = 17:00 UTC = 12:00 EST. 13:00 that day is EST.
    expect(atPlace('New York City, US', '1883-11-18T13:00:00').m.zone).toMatchObject({ zoneSource: 'LOCATION', utcOffsetSeconds: -18000 });
    expect(atPlace('New York City, US', '1883-11-18T11:00:00').m.zone?.zoneSource).toBe('LOCAL_MEAN_TIME');
  });

  it('Marseille 1885 is LMT, Marseille 1900 is Paris Mean Time (same offset as Paris LMT, a different rule)', () => {
    // "0:09:21 - LMT 1891 Mar 16 / 0:09:21 - PMT 1911 Mar 11": PMT was France's legal time.
    const lmt = atPlace('Marseille', '1885-06-01T12:00:00').m;
    expect(lmt.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', utcOffsetSeconds: 1291 }); // 5.38107 × 240 = 1291.5 → 1291
    expect(lmt.utc.toISOString()).toBe('1885-06-01T11:38:29.000Z');
    const pmt = atPlace('Marseille', '1900-06-01T12:00:00').m;
    expect(pmt.zone).toMatchObject({ zoneSource: 'LOCATION', utcOffsetSeconds: 561 });
    expect(pmt.utc.toISOString()).toBe('1900-06-01T11:50:39.000Z');
  });

  it('Kraków 1870 is LMT (Warsaw\'s whole-minute LMT +1:24:00 ended in 1880), 1900 is Warsaw Mean Time', () => {
    // "1:24:00 - LMT 1880 / 1:24:00 - WMT 1915 Aug 5"
    expect(atPlace('Krakow', '1870-06-01T12:00:00').m.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', utcOffsetSeconds: 4785 }); // 19.93658 × 240
    expect(atPlace('Krakow', '1900-06-01T12:00:00').m.zone).toMatchObject({ zoneSource: 'LOCATION', utcOffsetSeconds: 5040 });
  });

  it('Oslo 1890 (Europe/Oslo shares Berlin\'s history in ICU) uses Oslo\'s own longitude', () => {
    expect(atPlace('Oslo', '1890-06-01T12:00:00').m.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', utcOffsetSeconds: 2579 }); // 10.74609 × 240
  });

  it('timeZone "LMT" asks for local mean time at any date, and needs a place', () => {
    const m = resolveMoment({ localDateTime: '1990-01-15T12:00:00', timeZone: 'LMT' }, 'moment', { longitude: -2.97794 });
    expect(m.zone).toMatchObject({ zoneSource: 'LOCAL_MEAN_TIME', timeZone: 'LMT', utcOffsetSeconds: -715 });
    expect(m.utc.toISOString()).toBe('1990-01-15T12:11:55.000Z');
    expect(fieldOf(() => resolveMoment({ localDateTime: '1990-01-15T12:00:00', timeZone: 'LMT' }))).toBe('moment.timeZone');
  });

  it('a zone given without a place keeps the zone\'s own LMT offset (ICU), reported as GIVEN_ZONE', () => {
    const m = resolveMoment({ localDateTime: '1879-03-14T11:30:00', timeZone: 'Europe/Berlin' });
    expect(m.zone).toMatchObject({ zoneSource: 'GIVEN_ZONE', utcOffsetSeconds: 3208 }); // Berlin LMT 0:53:28
    expect(m.utc.toISOString()).toBe('1879-03-14T10:36:32.000Z');
  });

  it('isLocalMeanTimeInZone and the offset formula', () => {
    expect(localMeanTimeOffsetSeconds(15)).toBe(3600);
    expect(localMeanTimeOffsetSeconds(-0.1)).toBe(-24);
    expect(isLocalMeanTimeInZone('Europe/Berlin', Date.UTC(1893, 2, 31, 23, 6, 31))).toBe(true);
    expect(isLocalMeanTimeInZone('Europe/Berlin', Date.UTC(1893, 2, 31, 23, 6, 32))).toBe(false);
    expect(isLocalMeanTimeInZone('Europe/Paris', Date.UTC(1891, 2, 15, 23, 50, 38))).toBe(true);
    expect(isLocalMeanTimeInZone('Europe/Paris', Date.UTC(1891, 2, 15, 23, 50, 40))).toBe(false);
    expect(isLocalMeanTimeInZone('Etc/GMT+5', Date.UTC(1850, 0, 1))).toBe(false);
    expect(isLocalMeanTimeInZone('UTC', Date.UTC(1850, 0, 1))).toBe(false);
  });
});

describe('the LMT table (src/ephemeris/data/lmt-periods.json)', () => {
  it('is what scripts/build-lmt-periods.ts regenerates from the installed tz data', () => {
    const committed = readFileSync(new URL(`../../${LMT_PERIODS_PATH}`, import.meta.url), 'utf8');
    expect(serializeLmtPeriods(buildLmtPeriods())).toBe(committed);
  });

  it('agrees with Node\'s ICU on the LMT offset of nearly every zone ICU knows', () => {
    const table = (JSON.parse(readFileSync(new URL(`../../${LMT_PERIODS_PATH}`, import.meta.url), 'utf8')) as { zones: Record<string, [number, number]> }).zones;
    const icuZones = Intl.supportedValuesOf('timeZone').filter((z) => table[z]);
    expect(icuZones.length).toBeGreaterThan(300);
    const disagree = icuZones.filter((z) => Math.abs(zoneOffsetMs(z, table[z][1] * 1000 - 86_400_000) / 1000 - table[z][0]) > 1);
    expect(disagree.length / icuZones.length).toBeLessThan(0.02);
  });
});
