/**
 * Gazetteer and zone-boundary figures: start-up cost of the index (load time, memory), search
 * latency (p50/p99 over exact names, prefixes of 1 to 12 letters, with and without a country
 * filter), "did you mean" latency for unknown names, and zone-at-a-point latency after warm-up
 * with the memory of its leaf cache.
 *
 * Run: npm run bench:places   (node --expose-gc, so memory is measured after full collections)
 */
import { statSync } from 'node:fs';
import { GAZETTEER_DATA_FILE, readGazetteer } from '../src/places/gazetteer.js';
import { ZoneBoundaries } from '../src/places/zone-boundaries.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function memoryMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1e6; // external includes the typed arrays' buffers
}

function percentiles(samplesUs: number[]): { p50: number; p99: number; max: number; mean: number } {
  const s = [...samplesUs].sort((a, b) => a - b);
  if (s.length === 0) throw new Error('no samples');
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

function timeUs(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e3;
}

function line(label: string, p: { p50: number; p99: number; max: number; mean: number }, unit = 'µs'): void {
  const f = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
  console.log(`${label.padEnd(44)} p50 ${f(p.p50)} ${unit}  p99 ${f(p.p99)} ${unit}  mean ${f(p.mean)} ${unit}  max ${f(p.max)} ${unit}`);
}

function main(): void {
  console.log(`index file ${GAZETTEER_DATA_FILE}: ${(statSync(GAZETTEER_DATA_FILE).size / 1e6).toFixed(1)} MB gzipped`);
  const before = memoryMb();
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const g = readGazetteer();
  const cpu = process.cpuUsage(cpu0);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const indexMb = memoryMb() - before;
  console.log(`start-up: gazetteer load ${loadMs.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; index memory ${indexMb.toFixed(1)} MB (heap + external), ${g.size} places`);

  // queries: names of every 97th place, exact and as prefixes, some with their country
  const queries: Array<{ q: string; cc?: string }> = [];
  for (let i = 0; i < g.size; i += 97) {
    const p = g.placeAt(i);
    queries.push({ q: p.name });
    queries.push({ q: p.asciiName.slice(0, 1 + (i % 12)) });
    queries.push({ q: p.asciiName.slice(0, 3 + (i % 6)), cc: p.countryCode });
  }
  for (const { q, cc } of queries.slice(0, 300)) g.search(q, { countryCode: cc }); // warm-up
  const all = queries.map(({ q, cc }) => timeUs(() => g.search(q, { countryCode: cc, limit: 10 })));
  line(`search (${queries.length} queries, limit 10)`, percentiles(all));
  const short = queries.filter((x) => x.q.length <= 2 && !x.cc).map(({ q }) => timeUs(() => g.search(q, { limit: 10 })));
  line(`  of which 1–2 letter prefixes (${short.length})`, percentiles(short));

  const firstSuggest = timeUs(() => g.suggest('Lverpool'));
  console.log(`first "did you mean" (builds its trigram index): ${(firstSuggest / 1000).toFixed(0)} ms, +${(memoryMb() - before - indexMb).toFixed(1)} MB`);
  const typos = queries.filter((x) => !x.cc && x.q.length > 5).slice(0, 400).map(({ q }) => `${q.slice(0, 2)}${q.slice(3)}x`);
  const miss = typos.map((q) => timeUs(() => {
    try { g.resolve(q); } catch { /* an unknown place: the suggestions are the work measured */ }
  }));
  line(`unknown place → suggestions (${typos.length})`, percentiles(miss));

  // zones: every gazetteer place's coordinates, then 20,000 random points; measured after warm-up
  const points: Array<[number, number]> = [];
  for (let i = 0; i < g.size; i += 3) { const p = g.placeAt(i); points.push([p.latitude, p.longitude]); }
  let seed = 7;
  const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  for (let i = 0; i < 20_000; i++) points.push([rnd() * 180 - 90, rnd() * 360 - 180]);
  const zb = new ZoneBoundaries();
  const beforeZones = memoryMb();
  const tz0 = process.hrtime.bigint();
  zb.load();
  const indexLoadMs = Number(process.hrtime.bigint() - tz0) / 1e6;
  const cold = percentiles(points.map(([a, b]) => timeUs(() => zb.lookup(a, b))));
  const warm = percentiles(points.map(([a, b]) => timeUs(() => zb.lookup(a, b))));
  const zoneMb = memoryMb() - beforeZones;
  console.log(`zone boundaries: index load ${indexLoadMs.toFixed(0)} ms; cache ${zb.stats().cachedLeaves} leaves, ${zb.stats().cachedVertices} vertices, ${zoneMb.toFixed(1)} MB`);
  line(`zone lookup, first pass (${points.length}, reads leaves)`, cold);
  line('zone lookup after warm-up', warm);
}

main();
