/**
 * The committed ephemeris pack (src/ephemeris/data/ephemeris.pack) against a fresh regeneration of
 * a sample of its segments from the sources (scripts/ephemeris-pack/: VSOP87B and ELP/MPP02 from
 * astronomia, the DE431 states in scripts/data/), its header and checksum, and its fit tolerance
 * (0.001″ seen from each body's closest approach to the Earth) at random instants.
 *
 * Integer coefficients must agree to ±1 unit: the generator is deterministic (the same bytes on
 * every run), the unit of slack only absorbs a last-bit difference of Math.sin/cos between V8
 * versions at a rounding boundary.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_BODIES, type PackBody } from '../../src/ephemeris/pack/pack-format.js';
import { PACK_URL, PackReader } from '../../src/ephemeris/pack/pack.js';
import {
  analyticSource, arcBlocks, epochs, regenerateAnalyticSegment, regenerateArc, storedInts, toleranceAu,
} from '../../scripts/ephemeris-pack/generate.js';
import { rng } from '../helpers/angles.js';

const reader = new PackReader(readFileSync(PACK_URL));
const index = (name: PackBody) => PACK_BODIES.indexOf(name);

/** Largest |Δ| between regenerated and stored integer coefficients. */
function intDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('ephemeris pack: header and checksum', () => {
  it('is at most 8 MB, covers 1800–2399 with margins, and its data match the recorded SHA-256', () => {
    const bytes = statSync(fileURLToPath(PACK_URL)).size;
    console.log(`pack: ${(bytes / 1e6).toFixed(3)} MB, ${reader.header.bodies.length} series, span JD ${reader.header.spanJd.join('–')}`);
    expect(bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(reader.header.spanJd[0]).toBeLessThanOrEqual(2378496.5 - 0.5); // 1800-01-01 0h UT, less light-time
    expect(reader.header.spanJd[1]).toBeGreaterThanOrEqual(2597641.5 + 0.5); // 2400-01-01 0h UT, plus ΔT
    expect(reader.header.fitToleranceArcsec).toBe(0.001);
    expect(reader.header.sources.join(' ')).toMatch(/VSOP87B[\s\S]*ELP\/MPP02[\s\S]*DE431/);
    expect(createHash('sha256').update(reader.dataSection()).digest('hex')).toBe(reader.header.dataSha256);
  });

  it('records a fit error within tolerance for every series, the tolerance being 0.001″ at closest approach', () => {
    for (const b of reader.header.bodies) {
      expect(b.toleranceAu, b.name).toBeCloseTo(toleranceAu(b.name), 15);
      expect(b.maxErrorAu <= b.toleranceAu, `${b.name}: ${b.maxErrorAu} AU > ${b.toleranceAu} AU`).toBe(true);
    }
  });
});

describe('ephemeris pack: regenerated segments equal the committed ones', () => {
  const samples: [PackBody, number][] = [
    ['MOON', 0], ['MOON', 6848], ['MOON', reader.series[index('MOON')].segments - 1],
    ['EARTH', 3000], ['MERCURY', 1234], ['VENUS', reader.series[index('VENUS')].segments - 1],
  ];
  for (const [name, seg] of samples) {
    it(`${name} segment ${seg} (VSOP87B / ELP/MPP02)`, () => {
      const diff = intDiff(regenerateAnalyticSegment(reader, name, seg), storedInts(reader, index(name), seg));
      expect(diff).toBeLessThanOrEqual(1);
    });
  }

  it('the integration arc 2090–2095 (every integrated body and the Sun), solved again from the DE431 states', { timeout: 120_000 }, () => {
    const e = epochs();
    const k = e.findIndex((jd) => jd > 2484428.5) - 1; // the arc holding 2090-01-01
    expect(k).toBeGreaterThan(0);
    const regenerated = regenerateArc(reader, k);
    let segments = 0;
    for (const [name, map] of Object.entries(regenerated)) {
      const count = arcBlocks(name as PackBody, e)[k][2];
      expect(map.size, name).toBe(count);
      for (const [seg, ints] of map) {
        expect(intDiff(ints, storedInts(reader, index(name as PackBody), seg)), `${name} segment ${seg}`).toBeLessThanOrEqual(1);
        segments++;
      }
    }
    console.log(`arc ${k}: ${segments} segments of ${Object.keys(regenerated).length} series regenerated`);
  });
});

describe('ephemeris pack: fit tolerance against the analytic sources at random instants', () => {
  it('Earth, Moon, Mercury, Venus within 0.001″ at closest approach', () => {
    const next = rng(20261206);
    const out = new Float64Array(6);
    for (const name of ['EARTH', 'MOON', 'MERCURY', 'VENUS'] as PackBody[]) {
      let worst = 0;
      for (let i = 0; i < 12; i++) {
        const jd = reader.startJd + next() * (reader.endJd - reader.startJd - 1);
        reader.series[index(name)].evaluate(jd, out);
        const ref = analyticSource(name)(Float64Array.of(jd))[0];
        worst = Math.max(worst, Math.hypot(out[0] - ref[0], out[1] - ref[1], out[2] - ref[2]));
      }
      console.log(`${name}: worst ${(worst * 149_597_870_700).toFixed(2)} m against its source (tolerance ${(toleranceAu(name) * 149_597_870_700).toFixed(2)} m)`);
      expect(worst <= toleranceAu(name), name).toBe(true);
    }
  });
});
