/**
 * Benchmarks of the technique searches: a year of transits to a natal chart, a solar
 * return (search + chart), a year of lunar phases, plus a few other searches. Prints the median
 * wall time of several rounds after one warm-up round. Run: `npm run bench:ephemeris`.
 */
import { performance } from 'node:perf_hooks';
import { transitSearch } from '../src/ephemeris/techniques/transits.js';
import { planetaryReturn } from '../src/ephemeris/techniques/returns.js';
import { progressedChart } from '../src/ephemeris/techniques/progressions.js';
import { eclipses, ingresses, lunarPhases, stations, voidOfCourseMoon } from '../src/ephemeris/events/events.js';
import { fixedStarPositions } from '../src/ephemeris/stars/fixed-stars.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const natal = { moment: { utc: '1990-01-15T14:30:00Z' }, location: { latitude: 51.5074, longitude: -0.1278 } };

function bench(name: string, fn: () => number): void {
  let count = fn(); // warm-up (lazy tables, JIT)
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    count = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name.padEnd(58)} median ${median.toFixed(2).padStart(9)} ms  (min ${times[0].toFixed(2)}, max ${times[times.length - 1].toFixed(2)}, ${count} results, ${ROUNDS} rounds)`);
}

const y2024 = [new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')] as const;

console.log('bench-techniques: median of', ROUNDS, 'rounds');
bench('transits: 1 year, Sun…Pluto to natal (aspects+ingresses)', () =>
  transitSearch({ natal, from: y2024[0], to: y2024[1] }).length);
bench('transits: 1 year incl. the Moon', () =>
  transitSearch({ natal, from: y2024[0], to: y2024[1], bodies: ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'] }).length);
bench('solar return (search + full chart with houses)', () =>
  planetaryReturn({ natal, body: 'SUN', after: new Date('2024-06-01T00:00:00Z') }).chart.positions.length);
bench('solar return (search + Sun-only chart)', () =>
  planetaryReturn({ natal: { ...natal, bodies: ['SUN'] }, body: 'SUN', after: new Date('2024-06-01T00:00:00Z') }).chart.positions.length);
bench('lunar return (search + full chart)', () =>
  planetaryReturn({ natal, body: 'MOON', after: new Date('2024-06-01T00:00:00Z') }).chart.positions.length);
bench('Saturn return (search + full chart)', () =>
  planetaryReturn({ natal, body: 'SATURN', after: new Date('2000-01-01T00:00:00Z') }).chart.positions.length);
bench('lunar phases: 1 year', () => lunarPhases(y2024[0], y2024[1]).length);
bench('eclipses: 5 years, solar and lunar', () => eclipses(new Date('2024-01-01T00:00:00Z'), new Date('2029-01-01T00:00:00Z')).length);
bench('ingresses: Mercury, 1 year', () => ingresses('MERCURY', y2024[0], y2024[1]).length);
bench('stations: Mercury, 1 year', () => stations('MERCURY', y2024[0], y2024[1]).length);
bench('void-of-course Moon: 1 month', () => voidOfCourseMoon(new Date('2024-01-01T00:00:00Z'), new Date('2024-02-01T00:00:00Z')).length);
bench('secondary progressed chart', () => progressedChart({ natal, target: new Date('2024-01-15T00:00:00Z') }).chart.positions.length);
bench('fixed stars: 50 apparent positions', () => fixedStarPositions(new Date('2024-01-01T00:00:00Z')).length);
