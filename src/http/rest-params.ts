/**
 * The REST routes' request parsers: one zod schema per kind of value, used by every route's request
 * schema (the wheel's and the CSV table's query strings, the calculations body), so that an instant,
 * a coordinate or a list is read the same way on every route and described the same way in
 * /api/v1/openapi.json (openapi.registry.ts documents each schema as it outputs). `parseWith` turns
 * the first problem into a ValidationError naming the parameter.
 *
 * Query parameters arrive as strings, one each: a repeated parameter (an array) is refused with
 * "must be given once, as a plain value". A blank number ("latitude=") counts as not given (the
 * digits-only `size` excepted).
 * Messages follow the parameter's name, which `parseWith` puts in front ("date: expected …").
 */
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { ELEVATION_RANGE_METERS, LATITUDE_RANGE_DEGREES, LONGITUDE_RANGE_DEGREES } from '../ephemeris/validate.js';
import { parseUtc } from '../ephemeris/time.js';

/** The accepted coordinate ranges (the chart validator's): degrees, and metres for the elevation. */
export const COORDINATE_RANGES = {
  latitude: LATITUDE_RANGE_DEGREES,
  longitude: LONGITUDE_RANGE_DEGREES,
  elevation: ELEVATION_RANGE_METERS,
} as const;

/**
 * A string; when it is missing, repeated or not a string, the message says what was expected.
 * @param expected what the value is, e.g. 'an ISO 8601 instant …'
 */
export function plainString(expected: string) {
  return z.string({
    error: (issue) =>
      Array.isArray(issue.input) ? 'must be given once, as a plain value' : issue.input === undefined ? `missing; expected ${expected}` : `expected ${expected}`,
  });
}

const INSTANT_TEXT = 'an ISO 8601 instant with Z or an offset (e.g. "2024-01-01T12:00:00Z")';
/** Date, `T` (or a space), hours and minutes, optional seconds and fraction, then `Z` or an offset. */
const INSTANT = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** True when the instant exists (the domain's parser: no 30 February, 24:00 or +24:00 offset; `Date.parse` would roll them over). */
function isCalendarInstant(text: string): boolean {
  try {
    parseUtc(text, 'instant');
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}

/**
 * An instant: ISO 8601 with `Z` or an offset ("2024-01-01T12:00:00Z", "1990-01-15T14:30+01:00"),
 * output as the trimmed text (`new Date(text)` reads it). Required; add `.optional()` for an
 * optional parameter.
 */
export function instantParam(description: string, example = '2024-01-01T12:00:00Z') {
  return plainString(INSTANT_TEXT)
    .trim()
    .regex(INSTANT, `expected ${INSTANT_TEXT}`)
    .refine(isCalendarInstant, 'not a date and time of the calendar (e.g. 30 February, or 24:00)')
    .meta({ description, examples: [example] });
}

/** A decimal number written plainly ("51.5", "-0.13", ".5"): no exponent, hex or words. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** An optional query parameter: one string, converted by `fromString`, then checked by `schema`. */
function queryParam<T extends z.ZodType>(expected: string, schema: T, fromString: (value: string) => unknown) {
  return plainString(expected).transform(fromString).pipe(schema).optional();
}

/** The number of a decimal text, undefined for a blank one, the text itself (refused next) otherwise. */
function decimalOf(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return DECIMAL.test(t) ? Number(t) : text;
}

/** The message of a number outside [min, max] (the schema's own `error` would otherwise name the type). */
const between = (min: number, max: number) => `must be between ${min} and ${max}`;

/**
 * A number within [min, max] (a JSON body's field, or a query parameter once converted): `typeError`
 * when it is not a number, "must be between min and max" when it is outside.
 */
export function rangedNumber(typeError: string, range: { readonly min: number; readonly max: number }) {
  return z.number({ error: typeError }).min(range.min, between(range.min, range.max)).max(range.max, between(range.min, range.max));
}

/** An optional number parameter within [min, max]. */
export function numberParam(description: string, min: number, max: number) {
  return queryParam('a number', rangedNumber('must be a number', { min, max }).optional(), decimalOf).meta({ description });
}

/** An optional integer parameter within [min, max]. */
export function integerParam(description: string, min: number, max: number) {
  return queryParam('an integer', z.number({ error: 'must be an integer' }).int('must be an integer').min(min, between(min, max)).max(max, between(min, max)).optional(), decimalOf).meta({
    description,
  });
}

/** Latitude, longitude and elevation parameters within COORDINATE_RANGES. */
export const latitudeParam = (description: string) => numberParam(description, COORDINATE_RANGES.latitude.min, COORDINATE_RANGES.latitude.max);
export const longitudeParam = (description: string) => numberParam(description, COORDINATE_RANGES.longitude.min, COORDINATE_RANGES.longitude.max);
export const elevationParam = (description: string) => numberParam(description, COORDINATE_RANGES.elevation.min, COORDINATE_RANGES.elevation.max);

/**
 * An optional whole number written in decimal digits only ("600"): no sign, hex, exponent, fraction
 * or spaces. Unlike the other numbers, a blank value is refused, not taken as not given (a picture
 * size the client left empty is a mistake worth naming).
 */
export function digitsParam(description: string, min: number, max: number) {
  return queryParam(
    'a whole number',
    z.number({ error: 'must be a whole number written in decimal digits, e.g. 600' }).int().min(min, between(min, max)).max(max, between(min, max)),
    (v) => (/^\d{1,9}$/.test(v) ? Number(v) : v),
  ).meta({ description });
}

const BOOLEAN_WORDS = new Map([['true', true], ['1', true], ['false', false], ['0', false]]);

/** An optional boolean parameter: true, false, 1 or 0 (any case). */
export function booleanParam(description: string) {
  return queryParam('true or false', z.boolean({ error: 'must be true or false' }), (v) => BOOLEAN_WORDS.get(v.toLowerCase()) ?? v).meta({
    description,
  });
}

/** A string matched without regard to case, output in the canonical (upper) case of `values`. */
export function caseInsensitiveEnum<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .string()
    // ASCII letters only: toUpperCase alone would also fold 'ı' and 'ſ' into I and S.
    .transform((v) => v.replace(/[a-z]+/g, (letters) => letters.toUpperCase()))
    .pipe(z.enum(values, { error: `expected one of ${values.join(', ')}` }));
}

/** An optional parameter naming one of `values`, in any case. */
export function enumParam<T extends string>(values: readonly [T, ...T[]], description: string) {
  return plainString(`one of ${values.join(', ')}`)
    .pipe(caseInsensitiveEnum(values))
    .optional()
    .meta({ description: `${description} (any case)` });
}

/** An optional comma-separated list of `values` (any case; at most twice as many items as values). */
export function listParam<T extends string>(values: readonly [T, ...T[]], description: string) {
  return queryParam(
    `a comma-separated list of ${values.join(', ')}`,
    z.array(caseInsensitiveEnum(values)).max(values.length * 2),
    (v) => v.split(',').map((item) => item.trim()),
  ).meta({ description: `${description}: comma-separated, any case` });
}

/** An optional text parameter of at most `maxLength` characters. */
export function textParam(description: string, maxLength: number) {
  return plainString('a text').max(maxLength).optional().meta({ description });
}

/**
 * Parses `raw` with a route's zod schema.
 * @throws ValidationError naming the first field at fault (`calculations.1`), with its message
 */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const name = [...issue.path, issue.keys[0]].join('.');
    throw new ValidationError(name, `unknown parameter "${name}"`);
  }
  const field = issue.path.join('.') || 'body';
  throw new ValidationError(field, issue.path.length > 0 && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message);
}
