/**
 * The REST routes read their values with the same parsers (src/http/rest-params.ts): an instant
 * given to POST /api/v1/calculations (`date`), to the wheel (`date`) and to the CSV table (`from`)
 * is accepted or refused alike and read as the same instant; a coordinate of the wheel and of the
 * CSV table likewise. Each refusal names the route's parameter.
 */
import { describe, expect, it } from 'vitest';
import { parseCalculationBody } from '../../src/http/calculations.routes.js';
import { parseEphemerisCsvQuery } from '../../src/http/ephemeris-csv.route.js';
import { parseWheelQuery } from '../../src/http/wheel.route.js';
import { validationErrorOf } from '../helpers/validation.js';

const NOON = Date.parse('2024-01-01T12:00:00Z');

/** The instant each route reads from `text`, with its parameter's name. */
const ROUTES: [string, string, (text: unknown) => Date | string | null | undefined][] = [
  ['calculations', 'date', (text) => parseCalculationBody({ date: text, latitude: 0, longitude: 0 }).input.moment.utc],
  ['wheel', 'date', (text) => parseWheelQuery({ date: text }).input.moment.utc],
  ['ephemeris.csv', 'from', (text) => parseEphemerisCsvQuery({ from: text, to: '2024-01-02T00:00:00Z', step: '1d' }).from],
];

describe('one instant parser for every REST route', () => {
  const accepted = ['2024-01-01T12:00:00Z', '2024-01-01T13:00:00+01:00', '2024-01-01T07:00-0500', ' 2024-01-01 12:00:00.000Z ', '2024-01-01t12:00:00z'];
  const refused = ['2024-01-01T12:00:00', '1/1/2024 12:00 +0100', 'Mon, 01 Jan 2024 12:00:00 +0000', '2024-01-01Z', 'yesterday', '', 20240101];

  it.each(ROUTES)('%s reads every ISO 8601 instant with Z or an offset as the same instant', (_route, _name, read) => {
    expect(accepted.map((text) => new Date(read(text) ?? NaN).getTime())).toEqual(accepted.map(() => NOON));
  });

  it.each(ROUTES)('%s refuses anything else, naming %s', (_route, name, read) => {
    for (const text of refused) {
      const error = validationErrorOf(() => read(text));
      expect([text, error.field, error.message]).toEqual([text, name, `${name}: expected an ISO 8601 instant with Z or an offset (e.g. "2024-01-01T12:00:00Z")`]);
    }
  });

  it.each(ROUTES)('%s refuses dates and times the calendar does not have (Date would roll them over), naming %s', (_route, name, read) => {
    // Date.parse would read most of these as a later day.
    const impossible = ['2024-13-01T00:00:00Z', '2024-02-30T12:00:00Z', '2023-02-29T12:00:00Z', '2024-04-31T00:00:00+02:00', '2024-01-01T24:00:00Z'];
    for (const text of impossible) {
      const error = validationErrorOf(() => read(text));
      expect([text, error.field, error.message]).toEqual([text, name, `${name}: not a date and time of the calendar (e.g. 30 February, or 24:00)`]);
    }
    expect(new Date(read('2024-02-29T12:00:00Z') ?? NaN).toISOString()).toBe('2024-02-29T12:00:00.000Z'); // a leap day exists
    // The calendar of the local time, before the offset (31 April whatever the offset), a leap second, an offset of 24 h.
    for (const text of ['2024-04-31T23:00:00-05:00', '2016-12-31T23:59:60Z', '2024-01-01T12:00:00+24:00']) {
      const error = validationErrorOf(() => read(text));
      expect([text, error.field, error.message]).toEqual([text, name, `${name}: not a date and time of the calendar (e.g. 30 February, or 24:00)`]);
    }
  });

  it.each([ROUTES[0], ROUTES[2]])('%s needs its instant (the wheel may take a local time instead)', (_route, name, read) => {
    expect(validationErrorOf(() => read(undefined)).message).toBe(`${name}: missing; expected an ISO 8601 instant with Z or an offset (e.g. "2024-01-01T12:00:00Z")`);
  });

  it.each(ROUTES.slice(1))('%s refuses a repeated query parameter', (_route, name, read) => {
    expect(validationErrorOf(() => read(['2024-01-01T12:00:00Z', '2024-01-02T12:00:00Z']))).toMatchObject({ field: name, message: `${name}: must be given once, as a plain value` });
  });
});

describe('one coordinate parser for the query strings', () => {
  const wheel = (latitude: string) => parseWheelQuery({ date: '2024-01-01T12:00:00Z', latitude, longitude: '-0.13' }).input.location;
  const csv = (latitude: string) => parseEphemerisCsvQuery({ from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z', step: '1d', latitude, longitude: '-0.13' }).location;

  it.each([['wheel', wheel], ['ephemeris.csv', csv]] as const)('%s reads plain decimals within range and refuses the rest, naming latitude', (_route, read) => {
    expect(['51.5', '+51.5', ' 51.50 ', '-.5', '90', '-90'].map((v) => read(v)?.latitude)).toEqual([51.5, 51.5, 51.5, -0.5, 90, -90]);
    for (const bad of ['91', '-90.5', '1e1', '0x10', 'north', 'Infinity', '51,5']) {
      expect([bad, validationErrorOf(() => read(bad)).field]).toEqual([bad, 'latitude']);
    }
    expect(validationErrorOf(() => read('91')).message).toBe('latitude: must be between -90 and 90');
    expect(validationErrorOf(() => read('north')).message).toBe('latitude: must be a number');
  });

  it('a blank coordinate is not given: with the other one given, the pair is incomplete', () => {
    expect(validationErrorOf(() => wheel(' ')).field).toBe('latitude');
    expect(validationErrorOf(() => csv('')).field).toBe('latitude');
  });
});

describe('enum and boolean parameters', () => {
  const wheel = (extra: Record<string, string>) => parseWheelQuery({ date: '2024-01-01T12:00:00Z', ...extra });

  it('read an enum in any ASCII case, and refuse letters that only toUpperCase folds into ASCII', () => {
    expect(wheel({ zodiac: 'sidereal' }).input.zodiac).toBe('SIDEREAL');
    expect(wheel({ zodiac: 'SiDeReAl' }).input.zodiac).toBe('SIDEREAL');
    expect(validationErrorOf(() => wheel({ zodiac: 'sıdereal' })).field).toBe('zodiac'); // dotless ı
  });

  it('read true/false/1/0 and nothing inherited from Object', () => {
    expect(wheel({ showAspects: 'TRUE' }).wheel.showAspects).toBe(true);
    expect(wheel({ showAspects: '0' }).wheel.showAspects).toBe(false);
    for (const text of ['constructor', '__proto__', 'toString', 'yes']) expect(validationErrorOf(() => wheel({ showAspects: text })).field, text).toBe('showAspects');
  });
});
