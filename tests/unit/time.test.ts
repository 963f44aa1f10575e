import { describe, expect, it } from 'vitest';
import { OutOfRangeError, ValidationError } from '../../src/errors.js';
import { momentFromUtc, resolveMoment } from '../../src/ephemeris/time.js';
import type { Disambiguation } from '../../src/ephemeris/types.js';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.field;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('resolveMoment: UTC input', () => {
  it('parses Z and offsets and computes Julian days', () => {
    const m = resolveMoment({ utc: '2000-01-01T12:00:00Z' });
    expect(m.julianDayUt).toBe(2451545.0);
    expect(m.deltaTSeconds).toBeCloseTo(63.83, 1);
    expect(m.julianDayTt - m.julianDayUt).toBeCloseTo(m.deltaTSeconds / 86400, 8);
    const o = resolveMoment({ utc: '2000-01-01T14:30:00+02:30' });
    expect(o.utc.toISOString()).toBe('2000-01-01T12:00:00.000Z');
    expect(resolveMoment({ utc: new Date('1999-12-31T00:00:00Z') }).julianDayUt).toBe(2451543.5);
  });
  it('rejects malformed strings and out-of-range instants with the field path', () => {
    expect(fieldOf(() => resolveMoment({ utc: '2000-01-01 12:00' }))).toBe('moment.utc');
    expect(fieldOf(() => resolveMoment({ utc: '2000-02-30T12:00:00Z' }))).toBe('moment.utc');
    expect(() => resolveMoment({ utc: '0999-12-31T23:59:59Z' })).toThrow(OutOfRangeError);
    expect(() => resolveMoment({ utc: '3000-01-01T00:00:00Z' })).toThrow(OutOfRangeError);
    expect(fieldOf(() => resolveMoment({ utc: '3000-01-01T00:00:00Z' }))).toBe('moment.utc');
    expect(resolveMoment({ utc: '1000-01-01T00:00:00Z' }).julianDayUt).toBe(2086302.5);
    expect(resolveMoment({ utc: '1800-01-01T00:00:00Z' }).julianDayUt).toBe(2378496.5);
    expect(resolveMoment({ utc: '2999-12-31T23:59:59Z' }).utc.getUTCFullYear()).toBe(2999);
    expect(() => momentFromUtc(new Date('3500-01-01T00:00:00Z'))).toThrow(OutOfRangeError);
    expect(() => momentFromUtc(new Date('0900-01-01T00:00:00Z'))).toThrow(OutOfRangeError);
    // The engine that serves each instant.
    expect(resolveMoment({ utc: '1799-12-31T23:59:59Z' }).ephemeris).toBe('EXTENDED');
    expect(resolveMoment({ utc: '1800-01-01T00:00:00Z' }).ephemeris).toBe('PRECISE');
    expect(resolveMoment({ utc: '2399-12-31T23:59:59Z' }).ephemeris).toBe('PRECISE');
    expect(resolveMoment({ utc: '2400-01-01T00:00:00Z' }).ephemeris).toBe('EXTENDED');
  });
  it('requires exactly one way of giving the instant', () => {
    expect(fieldOf(() => resolveMoment({}))).toBe('moment.utc');
    expect(fieldOf(() => resolveMoment({ utc: '2000-01-01T00:00:00Z', timeZone: 'UTC' }))).toBe('moment.timeZone');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2000-01-01T00:00:00' }))).toBe('moment.timeZone');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2000-01-01T00:00:00', timeZone: 'UTC', utcOffsetMinutes: 0 }))).toBe('moment.timeZone');
    expect(fieldOf(() => resolveMoment({ timeZone: 'UTC' }))).toBe('moment.localDateTime');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2000-01-01T00:00:00', timeZone: 'Mars/Olympus' }))).toBe('moment.timeZone');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2000-01-01T00:00:00', utcOffsetMinutes: 2000 }))).toBe('moment.utcOffsetMinutes');
    expect(fieldOf(() => resolveMoment({ localDateTime: '2000-01-01T00:00:00Z', utcOffsetMinutes: 0 }))).toBe('moment.localDateTime');
    expect(fieldOf(() => resolveMoment({ utc: 'x' }, 'input.moment'))).toBe('input.moment.utc');
  });
});

describe('resolveMoment: local time with an explicit offset', () => {
  it('subtracts the offset', () => {
    const m = resolveMoment({ localDateTime: '1990-01-15T14:30:00', utcOffsetMinutes: 330 });
    expect(m.utc.toISOString()).toBe('1990-01-15T09:00:00.000Z');
    expect(m.utcOffsetMinutes).toBe(330);
    expect(m.timeZone).toBeNull();
  });
});

describe('resolveMoment: historical IANA zones', () => {
  const offset = (local: string, zone: string) => resolveMoment({ localDateTime: local, timeZone: zone }).utcOffsetMinutes;
  it('Europe/London kept summer time (BST, +1) through the winter of 1940', () => {
    expect(offset('1940-10-15T12:00:00', 'Europe/London')).toBe(60);
    expect(offset('1940-12-25T12:00:00', 'Europe/London')).toBe(60);
    // an ordinary year for contrast: GMT in late October/December
    expect(offset('1938-12-25T12:00:00', 'Europe/London')).toBe(0);
    expect(resolveMoment({ localDateTime: '1940-10-15T12:00:00', timeZone: 'Europe/London' }).utc.toISOString())
      .toBe('1940-10-15T11:00:00.000Z');
  });
  it('Europe/Moscow had no summer time in 1980 but had it in 1981', () => {
    expect(offset('1980-07-01T12:00:00', 'Europe/Moscow')).toBe(180);
    expect(offset('1981-07-01T12:00:00', 'Europe/Moscow')).toBe(240);
    expect(offset('1981-01-15T12:00:00', 'Europe/Moscow')).toBe(180);
  });
  it('America/New_York 1950: EST in winter, EDT in summer', () => {
    expect(offset('1950-01-15T12:00:00', 'America/New_York')).toBe(-300);
    expect(offset('1950-07-15T12:00:00', 'America/New_York')).toBe(-240);
  });
});

describe('resolveMoment: disambiguation with Temporal semantics', () => {
  const at = (local: string, d: Disambiguation) =>
    resolveMoment({ localDateTime: local, timeZone: 'America/New_York', disambiguation: d }).utc.toISOString();
  it('a gap (2021-03-14 02:30 does not exist in New York)', () => {
    expect(at('2021-03-14T02:30:00', 'COMPATIBLE')).toBe('2021-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(at('2021-03-14T02:30:00', 'LATER')).toBe('2021-03-14T07:30:00.000Z');
    expect(at('2021-03-14T02:30:00', 'EARLIER')).toBe('2021-03-14T06:30:00.000Z'); // 01:30 EST
    expect(fieldOf(() => at('2021-03-14T02:30:00', 'REJECT'))).toBe('moment.localDateTime');
  });
  it('an overlap (2021-11-07 01:30 happens twice in New York)', () => {
    expect(at('2021-11-07T01:30:00', 'COMPATIBLE')).toBe('2021-11-07T05:30:00.000Z'); // EDT
    expect(at('2021-11-07T01:30:00', 'EARLIER')).toBe('2021-11-07T05:30:00.000Z');
    expect(at('2021-11-07T01:30:00', 'LATER')).toBe('2021-11-07T06:30:00.000Z'); // EST
    expect(fieldOf(() => at('2021-11-07T01:30:00', 'REJECT'))).toBe('moment.localDateTime');
  });
  it('unambiguous times are the same under every disambiguation', () => {
    for (const d of ['COMPATIBLE', 'EARLIER', 'LATER', 'REJECT'] as const) {
      expect(at('2021-07-01T12:00:00', d)).toBe('2021-07-01T16:00:00.000Z');
    }
  });
  it('a gap in Europe/Berlin (2021-03-28 02:30) under each option', () => {
    const b = (d: Disambiguation) =>
      resolveMoment({ localDateTime: '2021-03-28T02:30:00', timeZone: 'Europe/Berlin', disambiguation: d }).utc.toISOString();
    expect(b('COMPATIBLE')).toBe('2021-03-28T01:30:00.000Z');
    expect(b('EARLIER')).toBe('2021-03-28T00:30:00.000Z');
    expect(() => b('REJECT')).toThrow(ValidationError);
  });
});
