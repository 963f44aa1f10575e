/**
 * Cost of one call of each Vedic, Hellenistic, sky, table and analytics function (for pricing the
 * GraphQL fields): median over rounds of the mean time per call, after a warm-up round. Different
 * instants per call so no cache helps. Run after a build:
 *   npm run build && node dist/scripts/bench-techniques2.js   (BENCH_ROUNDS, BENCH_CALLS to change)
 */
import { performance } from 'node:perf_hooks';
import { computeChart } from '../src/ephemeris/chart.js';
import { momentFromUtc } from '../src/ephemeris/time.js';
import { nakshatraOf } from '../src/ephemeris/vedic/nakshatra.js';
import { vimshottariDasha } from '../src/ephemeris/vedic/dasha.js';
import { divisionalChart } from '../src/ephemeris/vedic/divisional.js';
import { panchang } from '../src/ephemeris/vedic/panchang.js';
import { moonPhase } from '../src/ephemeris/sky/moon-phase.js';
import { riseSet } from '../src/ephemeris/sky/rise-set.js';
import { planetaryHours } from '../src/ephemeris/sky/planetary-hours.js';
import { astrocartography } from '../src/ephemeris/sky/astrocartography.js';
import { ephemerisTable } from '../src/ephemeris/sky/ephemeris-table.js';
import { profections } from '../src/ephemeris/hellenistic/profections.js';
import { zodiacalReleasing } from '../src/ephemeris/hellenistic/zodiacal-releasing.js';
import { firdaria } from '../src/ephemeris/hellenistic/firdaria.js';
import { chartDistribution } from '../src/ephemeris/analytics/distribution.js';
import { chartPatterns } from '../src/ephemeris/analytics/patterns.js';
import { chartShape } from '../src/ephemeris/analytics/shape.js';
import { renderIndianChartSvg } from '../src/render/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const london = { latitude: 51.5074, longitude: -0.1278 };
const base = Date.parse('1990-01-15T14:30:00Z');
/** The i-th test instant: 1990 plus i × 37.3 days. */
const iso = (i: number) => new Date(base + i * 37.3 * 86_400_000).toISOString();
const natal = (i: number) => ({ moment: { utc: iso(i) }, location: london });

function bench(name: string, fn: (i: number) => unknown, calls = CALLS): void {
  for (let i = 0; i < calls; i++) fn(i); // warm-up
  const perCall: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) fn(i + (r + 1) * calls);
    perCall.push((performance.now() - t0) / calls);
  }
  perCall.sort((a, b) => a - b);
  const med = perCall[Math.floor(perCall.length / 2)];
  const text = med < 1 ? `${(med * 1000).toFixed(0)} µs` : `${med.toFixed(2)} ms`;
  console.log(`${name.padEnd(62)} ${text.padStart(10)} per call  (min ${perCall[0].toFixed(3)} ms, max ${perCall.at(-1)!.toFixed(3)} ms)`);
}

console.log(`bench-techniques2: median of ${ROUNDS} rounds × ${CALLS} calls`);
const charts = Array.from({ length: (ROUNDS + 1) * CALLS }, (_, i) => computeChart(natal(i)));
bench('chart (reference: the standard chart with houses)', (i) => computeChart(natal(i)));
bench('nakshatraOf (pure)', (i) => nakshatraOf(i * 7.77), 2000);
bench('vimshottariDasha levels 1 (9 periods)', (i) => vimshottariDasha(natal(i)));
bench('vimshottariDasha levels 3 (819 periods)', (i) => vimshottariDasha(natal(i), { levels: 3 }));
bench('divisionalChart D9 (default bodies, houses)', (i) => divisionalChart(natal(i), 9));
bench('panchang (positions + 2 sunrise/sunset searches)', (i) => panchang(momentFromUtc(new Date(iso(i))), london));
bench('moonPhase (positions + age by Newton)', (i) => moonPhase(momentFromUtc(new Date(iso(i)))));
bench('riseSet SUN', (i) => riseSet('SUN', momentFromUtc(new Date(iso(i))), london));
bench('riseSet MOON', (i) => riseSet('MOON', momentFromUtc(new Date(iso(i))), london));
bench('riseSet SUN, polar night (Longyearbyen, 21 Dec: rise in Feb)', () => riseSet('SUN', momentFromUtc(new Date('2024-12-21T12:00:00Z')), { latitude: 78.22, longitude: 15.65 }), 3);
bench('planetaryHours (3 sunrise/sunset searches)', (i) => planetaryHours(iso(i).slice(0, 10), london));
bench('astrocartography, 10 bodies (40 lines, ≈ 6,000 points)', (i) => astrocartography(momentFromUtc(new Date(iso(i)))));
bench('ephemerisTable 100 rows × 13 default bodies', (i) => ephemerisTable({ from: momentFromUtc(new Date(iso(i))), to: momentFromUtc(new Date(Date.parse(iso(i)) + 99 * 86_400_000)), step: '1d' }), 3);
bench('ephemerisTable 10,000 rows × 13 default bodies (the bound)', (i) => ephemerisTable({ from: momentFromUtc(new Date(iso(i))), to: momentFromUtc(new Date(Date.parse(iso(i)) + 9_999 * 3_600_000)), step: '1h' }), 1);
bench('ephemerisTable 10,000 rows × SUN', (i) => ephemerisTable({ from: momentFromUtc(new Date(iso(i))), to: momentFromUtc(new Date(Date.parse(iso(i)) + 9_999 * 3_600_000)), step: '1h', bodies: ['SUN'] }), 1);
bench('profections', (i) => profections(natal(i), momentFromUtc(new Date('2024-06-01T00:00:00Z'))));
bench('zodiacalReleasing levels 2, 100 years', (i) => zodiacalReleasing(natal(i), { lot: 'SPIRIT', levels: 2 }));
bench('zodiacalReleasing levels 4, 1 year', (i) => zodiacalReleasing(natal(i), { lot: 'FORTUNE', levels: 4, from: momentFromUtc(new Date('2024-01-01T00:00:00Z')), to: momentFromUtc(new Date('2025-01-01T00:00:00Z')) }));
bench('zodiacalReleasing levels 3, 100 years (≈ 1,800 periods)', (i) => zodiacalReleasing(natal(i), { lot: 'SPIRIT', levels: 3 }), 5);
bench('zodiacalReleasing levels 4, 8 years (near the 5,000-period bound)', (i) => zodiacalReleasing(natal(i), { lot: 'SPIRIT', levels: 4, from: momentFromUtc(new Date('2000-01-01T00:00:00Z')), to: momentFromUtc(new Date('2008-01-01T00:00:00Z')) }), 5);
bench('firdaria (58 periods)', (i) => firdaria(natal(i)));
bench('chartDistribution (on a computed chart)', (i) => chartDistribution(charts[i % charts.length]), 200);
bench('chartPatterns (on a computed chart)', (i) => chartPatterns(charts[i % charts.length]), 200);
bench('chartShape (on a computed chart)', (i) => chartShape(charts[i % charts.length]), 200);
bench('renderIndianChartSvg NORTH_INDIAN', (i) => renderIndianChartSvg(charts[i % charts.length], 'NORTH_INDIAN'), 50);
