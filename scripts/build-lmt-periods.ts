/**
 * Builds src/ephemeris/data/lmt-periods.json: for every IANA zone (and alias) whose history
 * starts with local mean time, the LMT offset (seconds east of UTC) and the instant the zone left
 * it (Unix seconds, UTC). Source: the tz database as compiled by zic and packed by the npm
 * package `moment-timezone` (data/packed/latest.json; zone abbreviations and exact transition
 * instants).
 *
 * Why not Node's ICU alone: ICU drops transitions that keep the offset, so it cannot see Paris
 * leave LMT for Paris Mean Time in 1891 (both +0:09:21) — or Dublin, Rome, Moscow, Helsinki,
 * Warsaw … doing the same with their own mean times — and whole-minute LMTs (Warsaw +1:24,
 * Johannesburg +1:52) are indistinguishable from standard offsets by their value.
 *
 * Run: npm run lmt:build   (tests/unit/time.local-mean-time.test.ts regenerates and compares)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LmtPeriods {
  tzdb: string;
  /** zone → [LMT offset in seconds east of UTC, end of LMT in Unix seconds (UTC)] */
  zones: Record<string, [number, number]>;
}

interface MomentZone { name: string; abbrs: string[]; untils: number[]; offsets: number[] }
interface MomentTz { tz: { names(): string[]; zone(name: string): MomentZone | null; dataVersion: string } }

export function buildLmtPeriods(): LmtPeriods {
  const require = createRequire(import.meta.url);
  const moment = require('moment-timezone') as MomentTz;
  const zones: Record<string, [number, number]> = {};
  for (const name of [...moment.tz.names()].sort()) {
    const z = moment.tz.zone(name);
    if (!z || z.abbrs[0] !== 'LMT' || z.untils.length < 2 || !Number.isFinite(z.untils[0])) continue;
    // moment's offsets are minutes west of UTC, fractional (Paris −9.35 = +0:09:21)
    zones[name] = [Math.round(-z.offsets[0] * 60), Math.round(z.untils[0] / 1000)];
  }
  return { tzdb: moment.tz.dataVersion, zones };
}

export function serializeLmtPeriods(p: LmtPeriods): string {
  const lines = Object.entries(p.zones).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "tzdb": ${JSON.stringify(p.tzdb)},\n  "zones": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export const LMT_PERIODS_PATH = 'src/ephemeris/data/lmt-periods.json';

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const p = buildLmtPeriods();
  fs.writeFileSync(path.resolve(process.cwd(), LMT_PERIODS_PATH), serializeLmtPeriods(p));
  console.log(`wrote ${LMT_PERIODS_PATH}: ${Object.keys(p.zones).length} zones, tzdb ${p.tzdb}`);
}
