/**
 * The committed gazetteer index (src/places/data/gazetteer.bin.gz) against a fresh regeneration
 * of a sample (every place of six countries) by scripts/build-gazetteer.ts from the installed
 * GeoNames packages, and the invariants search relies on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteerData } from '../../scripts/build-gazetteer.js';
import { decodeGazetteer, encodeGazetteer, NO_ELEVATION, type GazetteerData } from '../../src/places/gazetteer-data.js';
import { GAZETTEER_DATA_FILE } from '../../src/places/gazetteer.js';
import { timeZoneAt } from '../../src/places/zone-boundaries.js';

const committed = decodeGazetteer(readFileSync(GAZETTEER_DATA_FILE));

interface Row { name: string; asciiName: string; country: string; admin1: string; admin1Name: string; lat: number; lon: number; elevation: number; population: number; zone: string; keys: string[] }

/** Rows by GeoNames id for the places of `countries`, with the folded names that find them. */
function rows(d: GazetteerData, countries: ReadonlySet<string>): Map<number, Row> {
  const out = new Map<number, Row>();
  const byIndex = new Map<number, Row>();
  const p = d.places;
  for (let i = 0; i < p.geonameId.length; i++) {
    const country = d.countries[p.country[i]];
    if (!countries.has(country)) continue;
    const a = p.admin1[i];
    const row: Row = {
      name: p.name[i], asciiName: p.asciiName[i], country, admin1: a >= 0 ? d.admin1Codes[a] : '', admin1Name: a >= 0 ? d.admin1Names[a] : '',
      lat: p.latitudeE5[i], lon: p.longitudeE5[i], elevation: p.elevation[i], population: p.population[i], zone: d.zones[p.zone[i]], keys: [],
    };
    out.set(p.geonameId[i], row);
    byIndex.set(i, row);
  }
  for (let k = 0; k < d.keys.length; k++) {
    for (let e = d.keyStart[k]; e < d.keyStart[k + 1]; e++) byIndex.get(d.postings[e])?.keys.push(d.keys[k]);
  }
  return out;
}

describe('gazetteer data', () => {
  it('a fresh regeneration of six countries matches the committed index place by place, name by name', () => {
    const countries = ['IS', 'LI', 'MT', 'NZ', 'KI', 'WS'];
    const fresh = buildGazetteerData({ countries });
    const a = rows(fresh, new Set(countries));
    const b = rows(committed, new Set(countries));
    expect(a.size).toBeGreaterThan(100);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, row] of a) expect(b.get(id), String(id)).toEqual(row);
    // and the binary form round-trips
    const again = decodeGazetteer(encodeGazetteer(fresh));
    expect(again.keys).toEqual(fresh.keys);
    expect(Array.from(again.postings)).toEqual(Array.from(fresh.postings));
    expect(again.places.name).toEqual(fresh.places.name);
  });

  it('keeps the invariants search relies on', () => {
    const d = committed;
    const n = d.places.geonameId.length;
    expect(n).toBeGreaterThan(140_000);
    for (let i = 1; i < n; i++) {
      if (d.places.population[i] > d.places.population[i - 1]) throw new Error(`population order broken at ${i}`);
    }
    for (let k = 1; k < d.keys.length; k++) {
      if (!(d.keys[k - 1] < d.keys[k])) throw new Error(`keys not strictly sorted at ${k}`);
    }
    expect(d.keyStart[d.keys.length]).toBe(d.postings.length);
    for (let k = 0; k < d.keys.length; k++) {
      for (let e = d.keyStart[k] + 1; e < d.keyStart[k + 1]; e++) {
        if (!(d.postings[e - 1] < d.postings[e])) throw new Error(`postings of ${d.keys[k]} not ascending`);
      }
    }
    for (const z of d.zones) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: z })).not.toThrow();
    for (let i = 0; i < n; i++) {
      const e = d.places.elevation[i];
      if (e !== NO_ELEVATION && (e < -500 || e > 10_000)) throw new Error(`elevation ${e} of place ${i}`);
    }
  });

  it('each place\'s zone is a zone the boundaries give at its coordinates (sample of 1,500)', () => {
    const d = committed;
    const n = d.places.geonameId.length;
    let checked = 0;
    for (let i = 0; i < n; i += 94) {
      const at = timeZoneAt(d.places.latitudeE5[i] / 1e5, d.places.longitudeE5[i] / 1e5);
      expect(at.candidates, String(d.places.geonameId[i])).toContain(d.zones[d.places.zone[i]]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(1500);
  });
});
