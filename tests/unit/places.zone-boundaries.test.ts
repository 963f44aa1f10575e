/**
 * Zone at a point (src/places/zone-boundaries.ts) against geo-tz's own `find` on the same data
 * (the reference implementation: GeoJSON + turf point-in-polygon), and the documented behaviour
 * at sea, on band edges, at the pole, in disputed areas and for bad input.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { oceanZonesAt, timeZoneAt, ZoneBoundaries } from '../../src/places/zone-boundaries.js';

const require = createRequire(import.meta.url);
const geoTz = require('geo-tz/all') as { find(lat: number, lon: number): string[] };

describe('zone boundaries', () => {
  it('agree with geo-tz on 3,000 points (random over the globe and near borders), candidates and order', () => {
    let seed = 42;
    const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const points: Array<[number, number]> = [];
    for (let i = 0; i < 1500; i++) points.push([rnd() * 180 - 90, rnd() * 360 - 180]);
    // dense around borders: Arizona/Navajo/Hopi, Indiana, the Xinjiang overlap, the Benelux
    for (const [lat, lon, span] of [[36, -111, 1.5], [39.5, -86.5, 2], [43.8, 87.5, 1], [51, 5.5, 1.5]] as const) {
      for (let i = 0; i < 375; i++) points.push([lat + (rnd() - 0.5) * span, lon + (rnd() - 0.5) * span]);
    }
    const zb = new ZoneBoundaries({ maxCachedVertices: 50_000 }); // small: evictions happen too
    let disagreements = 0;
    for (const [lat, lon] of points) {
      if (zb.lookup(lat, lon).candidates.join() !== geoTz.find(lat, lon).join()) disagreements++;
    }
    expect(points.length).toBe(3000);
    expect(disagreements).toBe(0);
    // the cache stays near its bound: filled, not over (the newest leaf may overshoot)
    expect(zb.stats().cachedVertices).toBeLessThanOrEqual(50_000 + 32_000);
    expect(zb.stats().cachedVertices).toBeGreaterThan(25_000);
  });

  it('at sea: nautical zones by 15° bands, POSIX sign (Etc/GMT+2 is UTC−2)', () => {
    expect(timeZoneAt(0, -30)).toEqual({ timeZone: 'Etc/GMT+2', candidates: ['Etc/GMT+2'], atSea: true });
    expect(timeZoneAt(-40, -120).timeZone).toBe('Etc/GMT+8');
    expect(timeZoneAt(-40, 100).timeZone).toBe('Etc/GMT-7');
    expect(oceanZonesAt(7.5)).toEqual(['Etc/GMT-1', 'Etc/GMT']);
    expect(oceanZonesAt(180)).toEqual(['Etc/GMT+12', 'Etc/GMT-12']);
    expect(oceanZonesAt(-180)).toEqual(['Etc/GMT+12', 'Etc/GMT-12']);
    expect(oceanZonesAt(173)).toEqual(['Etc/GMT-12']);
    expect(oceanZonesAt(-173)).toEqual(['Etc/GMT+12']);
    const pole = timeZoneAt(90, 10);
    expect(pole.timeZone).toBe('Etc/GMT');
    expect(pole.candidates).toHaveLength(25);
  });

  it('on land: the zone of the boundary; in the disputed Xinjiang overlap both zones', () => {
    expect(timeZoneAt(51.5074, -0.1278)).toEqual({ timeZone: 'Europe/London', candidates: ['Europe/London'], atSea: false });
    expect(timeZoneAt(-33.8688, 151.2093).timeZone).toBe('Australia/Sydney');
    expect(timeZoneAt(59.9127, 10.7461).timeZone).toBe('Europe/Oslo'); // kept apart from Berlin (history before 1970)
    const x = timeZoneAt(43.839319, 87.526148);
    expect([...x.candidates].sort()).toEqual(['Asia/Shanghai', 'Asia/Urumqi']);
    expect(x.timeZone).toBe(x.candidates[0]);
  });

  it('refuses bad coordinates naming the field', () => {
    const field = (fn: () => unknown) => { try { fn(); } catch (e) { return e instanceof ValidationError ? e.field : 'other'; } return 'none'; };
    expect(field(() => timeZoneAt(91, 0))).toBe('location.latitude');
    expect(field(() => timeZoneAt(Number.NaN, 0))).toBe('location.latitude');
    expect(field(() => timeZoneAt(0, 180.5, 'input'))).toBe('input.longitude');
  });
});
