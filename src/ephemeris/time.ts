/**
 * Instants: parsing, time zones (historical offsets and DST from Node's ICU data through `Intl`),
 * Temporal-style disambiguation at DST gaps and overlaps, Julian days in UT and TT.
 *
 * Supported range: 1000-01-01T00:00Z (inclusive) to 3000-01-01T00:00Z (exclusive), proleptic
 * Gregorian calendar. Inside 1800-01-01 … 2400-01-01 (exclusive) the PRECISE engine (the
 * ephemeris pack) serves, elsewhere the EXTENDED one (astronomy-engine); see EphemerisEngine.
 * UT is treated as UTC (the difference, < 1 s, is below every accuracy bound of this module).
 */
import { OutOfRangeError, ValidationError } from '../errors.js';
import { UNIX_EPOCH_JD } from './astro.js';
import { deltaTSecondsAtJdUt } from './deltat.js';
import lmtPeriods from './data/lmt-periods.json' with { type: 'json' };
import {
  DISAMBIGUATIONS, type Disambiguation, type EphemerisEngine, type LocalTimeKind, type LocalTimeResolution, type MomentPlace,
  type MomentRequest, type MomentZone, type ResolvedMoment,
} from './types.js';

/** First supported instant (inclusive). */
export const SUPPORTED_RANGE_START = new Date('1000-01-01T00:00:00.000Z');
/** End of the supported range (exclusive): everything up to 2999-12-31T23:59:59.999Z. */
export const SUPPORTED_RANGE_END = new Date('3000-01-01T00:00:00.000Z');
/** Human-readable supported range, for error messages and docs. */
export const SUPPORTED_RANGE_TEXT = '1000-01-01 to 2999-12-31 (UTC)';
/** First instant of the PRECISE engine (inclusive). */
export const PRECISE_RANGE_START = new Date('1800-01-01T00:00:00.000Z');
/** End of the PRECISE engine's range (exclusive). */
export const PRECISE_RANGE_END = new Date('2400-01-01T00:00:00.000Z');

/** The engine serving an instant (ms since the Unix epoch, UTC): PRECISE in 1800–2399, else EXTENDED. */
export function ephemerisEngineAt(ms: number): EphemerisEngine {
  return ms >= PRECISE_RANGE_START.getTime() && ms < PRECISE_RANGE_END.getTime() ? 'PRECISE' : 'EXTENDED';
}

const MS_PER_DAY = 86_400_000;
const MAX_OFFSET_MINUTES = 18 * 60;

/** Julian day (UT) of a JavaScript Date. */
export function julianDayFromDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_JD;
}

/** JavaScript Date of a Julian day (UT). */
export function dateFromJulianDay(jdUt: number): Date {
  return new Date(Math.round((jdUt - UNIX_EPOCH_JD) * MS_PER_DAY));
}

function checkRange(ms: number, field: string): void {
  if (!Number.isFinite(ms)) throw new ValidationError(field, 'Invalid date/time');
  if (ms < SUPPORTED_RANGE_START.getTime() || ms >= SUPPORTED_RANGE_END.getTime()) {
    throw new OutOfRangeError(
      field,
      `Instant ${new Date(ms).toISOString()} is outside the supported range ${SUPPORTED_RANGE_TEXT}`,
    );
  }
}

function build(ms: number, timeZone: string | null, utcOffsetMinutes: number | null, zone?: MomentZone): ResolvedMoment {
  const utc = new Date(ms);
  const julianDayUt = ms / MS_PER_DAY + UNIX_EPOCH_JD;
  const deltaTSeconds = deltaTSecondsAtJdUt(julianDayUt);
  const m: ResolvedMoment = {
    utc,
    julianDayUt,
    julianDayTt: julianDayUt + deltaTSeconds / 86_400,
    deltaTSeconds,
    timeZone,
    utcOffsetMinutes,
    ephemeris: ephemerisEngineAt(ms),
  };
  if (zone) m.zone = zone;
  return m;
}

/**
 * Cheap resolution of a UTC instant (for searches that call it thousands of times): Julian days
 * UT/TT and ΔT, no zone. Throws OutOfRangeError (field `field`) outside the supported range.
 */
export function momentFromUtc(date: Date, field = 'moment.utc'): ResolvedMoment {
  const ms = date.getTime();
  checkRange(ms, field);
  return build(ms, null, null);
}

/** Same as {@link momentFromUtc} from a Julian day in UT. */
export function momentFromJulianDayUt(jdUt: number, field = 'moment.utc'): ResolvedMoment {
  const ms = (jdUt - UNIX_EPOCH_JD) * MS_PER_DAY;
  checkRange(ms, field);
  const m = build(ms, null, null);
  // keep the exact Julian day (sub-millisecond) the caller asked for
  m.julianDayUt = jdUt;
  m.julianDayTt = jdUt + m.deltaTSeconds / 86_400;
  return m;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;

interface WallFields { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number }

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseWall(m: RegExpExecArray, field: string, text: string): WallFields {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new ValidationError(field, `Not a valid calendar date/time: "${text}"`);
  }
  return { year, month, day, hour, minute, second, ms };
}

/** Wall-clock fields read as if they were UTC, in ms since the Unix epoch. */
function wallAsUtcMs(w: WallFields): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.ms);
  return d.getTime();
}

/**
 * An ISO 8601 instant with Z or an offset (or a Date) → ms since the Unix epoch; the date, time and
 * offset must exist (no 30 February, no 24:00, no +24:00). The REST parameters use it too.
 * @throws ValidationError on `field`
 */
export function parseUtc(value: string | Date, field: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ValidationError(field, 'Invalid Date');
    return ms;
  }
  if (typeof value !== 'string') throw new ValidationError(field, 'Expected an ISO 8601 string');
  const m = ISO_INSTANT.exec(value.trim());
  if (!m) {
    throw new ValidationError(field, `Expected an ISO 8601 instant with Z or an offset, e.g. "1990-01-15T14:30:00Z"; got "${value}"`);
  }
  const wall = parseWall(m, field, value);
  const zone = m[8];
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hh = Number(digits.slice(0, 2));
    const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (hh > 23 || mm > 59) throw new ValidationError(field, `Invalid UTC offset "${zone}"`);
    offsetMinutes = sign * (hh * 60 + mm);
  }
  return wallAsUtcMs(wall) - offsetMinutes * 60_000;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string, field: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new ValidationError(field, `Unknown time zone "${timeZone}" (expected an IANA name such as "Europe/Paris")`, { cause });
    }
    formatterCache.set(timeZone, f);
  }
  return f;
}

/** @throws ValidationError on `field` when `timeZone` is not an IANA zone name known to Node's ICU data. */
export function assertKnownTimeZone(timeZone: string, field: string): void {
  zoneFormatter(timeZone, field);
}

/**
 * UTC offset in ms of an IANA zone at an instant (from ICU, second precision: local mean time
 * offsets such as London's −0:01:15 before 1847 are kept).
 */
export function zoneOffsetMs(timeZone: string, instantMs: number, field = 'moment.timeZone'): number {
  const f = zoneFormatter(timeZone, field);
  const parts = f.formatToParts(new Date(instantMs));
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
      default: break;
    }
  }
  if (bc) year = 1 - year;
  const wall = wallAsUtcMs({ year, month, day, hour, minute, second, ms: 0 });
  const floored = Math.floor(instantMs / 1000) * 1000;
  return wall - floored;
}

/**
 * Instant for a wall-clock time in a zone, with Temporal's disambiguation
 * (tc39 Temporal, GetPossibleEpochNanoseconds / DisambiguatePossibleEpochNanoseconds):
 * in an overlap COMPATIBLE and EARLIER take the earlier instant, LATER the later one; in a gap
 * COMPATIBLE and LATER shift forward by the gap (read with the offset before the transition),
 * EARLIER shifts backward (read with the offset after it); REJECT refuses both.
 */
function zonedWallToUtcMs(wallMs: number, timeZone: string, disambiguation: Disambiguation, field: string, text: string):
  { ms: number; localTime: LocalTimeKind; resolution: LocalTimeResolution | null } {
  const tzField = `${field}.timeZone`;
  const offsetBefore = zoneOffsetMs(timeZone, wallMs - MS_PER_DAY, tzField);
  const offsetAfter = zoneOffsetMs(timeZone, wallMs + MS_PER_DAY, tzField);
  const candidates: number[] = [];
  for (const off of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const instant = wallMs - off;
    if (zoneOffsetMs(timeZone, instant, tzField) === off) candidates.push(instant);
  }
  candidates.sort((a, b) => a - b);
  if (candidates.length === 1) return { ms: candidates[0], localTime: 'UNIQUE', resolution: null };
  if (candidates.length > 1) {
    if (disambiguation === 'REJECT') {
      throw new ValidationError(`${field}.localDateTime`, `"${text}" occurs twice in ${timeZone} (clocks were set back); choose disambiguation EARLIER or LATER`);
    }
    return disambiguation === 'LATER'
      ? { ms: candidates[candidates.length - 1], localTime: 'OVERLAP', resolution: 'LATER' }
      : { ms: candidates[0], localTime: 'OVERLAP', resolution: 'EARLIER' };
  }
  // A gap: the wall time was skipped.
  if (disambiguation === 'REJECT') {
    throw new ValidationError(`${field}.localDateTime`, `"${text}" does not exist in ${timeZone} (clocks were set forward)`);
  }
  return disambiguation === 'EARLIER'
    ? { ms: wallMs - offsetAfter, localTime: 'GAP', resolution: 'SHIFTED_BACKWARD' }
    : { ms: wallMs - offsetBefore, localTime: 'GAP', resolution: 'SHIFTED_FORWARD' };
}

const LMT_PERIODS = lmtPeriods.zones as unknown as Record<string, [number, number] | undefined>;

/**
 * Whether the tz database's rule for `timeZone` at `instantMs` is the zone's first line, local
 * mean time ("LMT"), e.g. Europe/Berlin before 1893-04-01, America/New_York before
 * 1883-11-18 17:00 UTC. From data/lmt-periods.json (generated from the tz database by
 * scripts/build-lmt-periods.ts; it also sees LMT ending with no change of offset, as Paris's
 * did in 1891), and only while ICU's offset there agrees with the table's LMT offset (to the
 * second), so that a zone whose ICU history differs is read as ICU reads it.
 */
export function isLocalMeanTimeInZone(timeZone: string, instantMs: number): boolean {
  const entry = LMT_PERIODS[timeZone];
  if (!entry || instantMs >= entry[1] * 1000) return false;
  return Math.abs(zoneOffsetMs(timeZone, instantMs) / 1000 - entry[0]) <= 1;
}

/** Local mean time offset of a longitude in whole seconds east of UTC (longitude/15 h). */
export function localMeanTimeOffsetSeconds(longitudeDegrees: number): number {
  return Math.round(longitudeDegrees * 240);
}

function checkPlace(place: MomentPlace | null | undefined, field: string): MomentPlace | null {
  if (place === null || place === undefined) return null;
  const lon = place.longitude;
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new ValidationError(`${field}.longitude`, `Longitude must be within [-180, 180] degrees (east positive); got ${String(lon)}`);
  }
  return place;
}

/**
 * Resolves a moment request to an instant with Julian days UT/TT and ΔT, and a zone report
 * (`zone`: source, offset in seconds, DST gap/overlap and its resolution).
 * Exactly one of: `utc` | `localDateTime` + `timeZone` | `localDateTime` + `utcOffsetMinutes`,
 * or `localDateTime` alone when `place` carries the place's zone (zoneSource LOCATION).
 * Local mean time (UT = local time − longitude/15 h, zoneSource LOCAL_MEAN_TIME, needs `place`)
 * is used where the zone's rule at that date is its LMT (isLocalMeanTimeInZone) and for
 * `timeZone: "LMT"` at any date; without a place, a zone's own LMT offset is used as ICU gives it.
 * `place.longitude` is degrees east; `place` is ignored for `utc` and `utcOffsetMinutes`.
 * Errors: ValidationError with the offending field path under `field` (e.g. "moment.timeZone";
 * a bad place longitude names `${placeField}.longitude`), OutOfRangeError outside
 * {@link SUPPORTED_RANGE_TEXT}.
 */
export function resolveMoment(req: MomentRequest, field = 'moment', place?: MomentPlace | null, placeField = 'location'): ResolvedMoment {
  if (req === null || typeof req !== 'object') throw new ValidationError(field, 'A moment is required');
  const has = (v: unknown) => v !== undefined && v !== null;
  const disambiguation = req.disambiguation ?? 'COMPATIBLE';
  if (!DISAMBIGUATIONS.includes(disambiguation)) {
    throw new ValidationError(`${field}.disambiguation`, `Unknown disambiguation "${String(disambiguation)}"`);
  }
  if (has(req.utc)) {
    if (has(req.localDateTime) || has(req.timeZone) || has(req.utcOffsetMinutes)) {
      const extra = has(req.localDateTime) ? 'localDateTime' : has(req.timeZone) ? 'timeZone' : 'utcOffsetMinutes';
      throw new ValidationError(`${field}.${extra}`, 'Give either utc, or localDateTime with timeZone or utcOffsetMinutes, not both');
    }
    const ms = parseUtc(req.utc, `${field}.utc`);
    checkRange(ms, `${field}.utc`);
    return build(ms, null, null, { zoneSource: 'UTC', timeZone: null, utcOffsetSeconds: 0, meanTimeLongitude: null, localTime: 'UNIQUE', resolution: null });
  }
  if (!has(req.localDateTime)) {
    throw new ValidationError(has(req.timeZone) || has(req.utcOffsetMinutes) ? `${field}.localDateTime` : `${field}.utc`,
      'A moment needs utc, or localDateTime with timeZone or utcOffsetMinutes');
  }
  const at = checkPlace(place, placeField);
  const placeZone = at && typeof at.timeZone === 'string' && at.timeZone !== '' ? at.timeZone : null;
  if (has(req.timeZone) && has(req.utcOffsetMinutes)) {
    throw new ValidationError(`${field}.timeZone`, 'localDateTime needs exactly one of timeZone or utcOffsetMinutes');
  }
  if (!has(req.timeZone) && !has(req.utcOffsetMinutes) && placeZone === null) {
    throw new ValidationError(`${field}.timeZone`, 'localDateTime needs timeZone or utcOffsetMinutes, or a location whose zone is then used');
  }
  const text = String(req.localDateTime);
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) {
    throw new ValidationError(`${field}.localDateTime`, `Expected a local date-time without zone, e.g. "1990-01-15T14:30:00"; got "${text}"`);
  }
  const wallMs = wallAsUtcMs(parseWall(m, `${field}.localDateTime`, text));
  if (has(req.utcOffsetMinutes)) {
    const off = req.utcOffsetMinutes;
    if (!Number.isInteger(off) || Math.abs(off) > MAX_OFFSET_MINUTES) {
      throw new ValidationError(`${field}.utcOffsetMinutes`, `UTC offset must be an integer number of minutes within ±${MAX_OFFSET_MINUTES}`);
    }
    const ms = wallMs - off * 60_000;
    checkRange(ms, `${field}.localDateTime`);
    return build(ms, null, off, { zoneSource: 'GIVEN_OFFSET', timeZone: null, utcOffsetSeconds: off * 60, meanTimeLongitude: null, localTime: 'UNIQUE', resolution: null });
  }
  const lmt = (zoneName: string) => {
    const offsetSeconds = localMeanTimeOffsetSeconds((at as MomentPlace).longitude);
    const ms = wallMs - offsetSeconds * 1000;
    checkRange(ms, `${field}.localDateTime`);
    return build(ms, zoneName, Math.round(offsetSeconds / 60), {
      zoneSource: 'LOCAL_MEAN_TIME', timeZone: zoneName, utcOffsetSeconds: offsetSeconds,
      meanTimeLongitude: (at as MomentPlace).longitude, localTime: 'UNIQUE', resolution: null,
    });
  };
  if (has(req.timeZone) && String(req.timeZone).toUpperCase() === 'LMT') {
    if (!at) throw new ValidationError(`${field}.timeZone`, '"LMT" (local mean time) needs a location: its longitude sets the offset');
    return lmt('LMT');
  }
  const fromLocation = !has(req.timeZone);
  const timeZone = fromLocation ? (placeZone as string) : String(req.timeZone);
  const tzField = fromLocation ? `${placeField}.timeZone` : `${field}.timeZone`;
  zoneFormatter(timeZone, tzField); // validates the name
  // Refuse wall times far outside the range before asking ICU about them.
  const slackMs = 2 * MS_PER_DAY;
  if (wallMs < SUPPORTED_RANGE_START.getTime() - slackMs || wallMs >= SUPPORTED_RANGE_END.getTime() + slackMs) {
    checkRange(wallMs, `${field}.localDateTime`);
  }
  const r = zonedWallToUtcMs(wallMs, timeZone, disambiguation, field, text);
  if (at && isLocalMeanTimeInZone(timeZone, r.ms)) return lmt(timeZone);
  checkRange(r.ms, `${field}.localDateTime`);
  const offsetMs = zoneOffsetMs(timeZone, r.ms, tzField);
  return build(r.ms, timeZone, Math.round(offsetMs / 60_000), {
    zoneSource: fromLocation ? 'LOCATION' : 'GIVEN_ZONE', timeZone, utcOffsetSeconds: Math.round(offsetMs / 1000),
    meanTimeLongitude: null, localTime: r.localTime, resolution: r.resolution,
  });
}
