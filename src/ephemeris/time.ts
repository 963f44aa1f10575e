/**
 * Instants: parsing, time zones (historical offsets and DST from Node's ICU data through `Intl`),
 * Temporal-style disambiguation at DST gaps and overlaps, Julian days in UT and TT.
 *
 * Supported range: 1800-01-01T00:00Z (inclusive) to 2400-01-01T00:00Z (exclusive), the span of
 * the reference ephemeris (JPL DE431 through Swiss Ephemeris). UT is treated as UTC (the
 * difference, < 1 s, is below every accuracy bound of this module).
 */
import { OutOfRangeError, ValidationError } from '../errors.js';
import { UNIX_EPOCH_JD } from './astro.js';
import { deltaTSecondsAtJdUt } from './deltat.js';
import { DISAMBIGUATIONS, type Disambiguation, type MomentRequest, type ResolvedMoment } from './types.js';

/** First supported instant (inclusive). */
export const SUPPORTED_RANGE_START = new Date('1800-01-01T00:00:00.000Z');
/** End of the supported range (exclusive): everything up to 2399-12-31T23:59:59.999Z. */
export const SUPPORTED_RANGE_END = new Date('2400-01-01T00:00:00.000Z');
/** Human-readable supported range, for error messages and docs. */
export const SUPPORTED_RANGE_TEXT = '1800-01-01 to 2399-12-31 (UTC)';

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

function build(ms: number, timeZone: string | null, utcOffsetMinutes: number | null): ResolvedMoment {
  const utc = new Date(ms);
  const julianDayUt = ms / MS_PER_DAY + UNIX_EPOCH_JD;
  const deltaTSeconds = deltaTSecondsAtJdUt(julianDayUt);
  return {
    utc,
    julianDayUt,
    julianDayTt: julianDayUt + deltaTSeconds / 86_400,
    deltaTSeconds,
    timeZone,
    utcOffsetMinutes,
  };
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

function parseUtc(value: string | Date, field: string): number {
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
function zonedWallToUtcMs(wallMs: number, timeZone: string, disambiguation: Disambiguation, field: string, text: string): number {
  const tzField = `${field}.timeZone`;
  const offsetBefore = zoneOffsetMs(timeZone, wallMs - MS_PER_DAY, tzField);
  const offsetAfter = zoneOffsetMs(timeZone, wallMs + MS_PER_DAY, tzField);
  const candidates: number[] = [];
  for (const off of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const instant = wallMs - off;
    if (zoneOffsetMs(timeZone, instant, tzField) === off) candidates.push(instant);
  }
  candidates.sort((a, b) => a - b);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    if (disambiguation === 'REJECT') {
      throw new ValidationError(`${field}.localDateTime`, `"${text}" occurs twice in ${timeZone} (clocks were set back); choose disambiguation EARLIER or LATER`);
    }
    return disambiguation === 'LATER' ? candidates[candidates.length - 1] : candidates[0];
  }
  // A gap: the wall time was skipped.
  if (disambiguation === 'REJECT') {
    throw new ValidationError(`${field}.localDateTime`, `"${text}" does not exist in ${timeZone} (clocks were set forward)`);
  }
  return disambiguation === 'EARLIER' ? wallMs - offsetAfter : wallMs - offsetBefore;
}

/**
 * Resolves a moment request to an instant with Julian days UT/TT and ΔT.
 * Exactly one of: `utc` | `localDateTime` + `timeZone` | `localDateTime` + `utcOffsetMinutes`.
 * Errors: ValidationError with the offending field path under `field` (e.g. "moment.timeZone"),
 * OutOfRangeError outside {@link SUPPORTED_RANGE_TEXT}.
 */
export function resolveMoment(req: MomentRequest, field = 'moment'): ResolvedMoment {
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
    return build(ms, null, null);
  }
  if (!has(req.localDateTime)) {
    throw new ValidationError(has(req.timeZone) || has(req.utcOffsetMinutes) ? `${field}.localDateTime` : `${field}.utc`,
      'A moment needs utc, or localDateTime with timeZone or utcOffsetMinutes');
  }
  if (has(req.timeZone) === has(req.utcOffsetMinutes)) {
    throw new ValidationError(`${field}.timeZone`, 'localDateTime needs exactly one of timeZone or utcOffsetMinutes');
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
    return build(ms, null, off);
  }
  const timeZone = String(req.timeZone);
  zoneFormatter(timeZone, `${field}.timeZone`); // validates the name
  // Refuse wall times far outside the range before asking ICU about them.
  const slackMs = 2 * MS_PER_DAY;
  if (wallMs < SUPPORTED_RANGE_START.getTime() - slackMs || wallMs >= SUPPORTED_RANGE_END.getTime() + slackMs) {
    checkRange(wallMs, `${field}.localDateTime`);
  }
  const ms = zonedWallToUtcMs(wallMs, timeZone, disambiguation, field, text);
  checkRange(ms, `${field}.localDateTime`);
  const offsetMs = zoneOffsetMs(timeZone, ms, `${field}.timeZone`);
  return build(ms, timeZone, Math.round(offsetMs / 60_000));
}
