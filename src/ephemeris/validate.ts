/**
 * The validator of a chart request: the one place that checks what a chart is computed from and
 * applies the defaults, for every caller (the chart and technique services, the REST routes, the
 * techniques' own chart casts). Field paths are relative to the request: 'moment',
 * 'moment.timeZone', 'location.latitude', 'bodies.2', 'ayanamsa', 'aspects.orbs.0.orbDegrees' …
 * (a transport puts its own names in front: GraphQL "input.location.latitude", REST "latitude").
 *
 * The checks run in this order, and the first failing one is reported: the moment's form, the
 * location, the bodies, the zodiac and centre, the aspect options, then the rest (unknown names,
 * which the transports refuse before, and bodies without a heliocentric position). The moment
 * itself (a date that exists, its time zone rules, the supported range) is resolved when the chart
 * is computed (time.ts, `resolveMoment`, given the location's longitude and zone: `momentPlaceOf`),
 * with paths under 'moment'.
 *
 * A location given as a place name is resolved before this validator by the caller (the services,
 * with src/places), which sets its coordinates, `timeZone` and `resolvedPlace`; a local time without
 * zone or offset then takes the location's zone, and `timeZone: "LMT"` its local mean time.
 */
import { ValidationError } from '../errors.js';
import { resolveAspectOptions, type ResolvedAspectOptions } from './aspects.js';
import { NOT_HELIOCENTRIC } from './positions.js';
import { assertKnownTimeZone } from './time.js';
import {
  AYANAMSAS, BODIES, CENTERS, DEFAULT_BODIES, HOUSE_SYSTEMS, ZODIACS,
  type Ayanamsa, type Body, type Center, type ChartRequest, type Disambiguation, type HouseSystem,
  type LocationRequest, type MomentPlace, type MomentRequest, type ValidLocation, type Zodiac,
} from './types.js';

/**
 * Lowest and highest accepted elevation, metres: from the Dead Sea shore (−430 m) to an aircraft in
 * flight (airliners cruise at 10–13 km, Concorde flew at 18 km), so that a chart can be cast for a
 * birth on a plane. Topocentric positions use the elevation as it is given.
 */
export const ELEVATION_RANGE_METERS = { min: -500, max: 20_000 } as const;

/** Accepted latitudes and longitudes, degrees (north and east positive). */
export const LATITUDE_RANGE_DEGREES = { min: -90, max: 90 } as const;
export const LONGITUDE_RANGE_DEGREES = { min: -180, max: 180 } as const;

/** Largest |utcOffsetMinutes| accepted: ±18 h, the range of ISO 8601 / Temporal offsets. */
const MAX_UTC_OFFSET_MINUTES = 18 * 60;

/**
 * A moment in one of its three forms with nothing else set (an ISO string for a Date), so that
 * equal moments given the same way serialise the same.
 */
export type ValidMoment =
  | { utc: string }
  | { localDateTime: string; timeZone: string; disambiguation: Disambiguation }
  | { localDateTime: string; utcOffsetMinutes: number; disambiguation: Disambiguation }
  | { localDateTime: string; disambiguation: Disambiguation };

/** The `timeZone` value that asks for the local mean time of the location's longitude. */
export const LOCAL_MEAN_TIME_ZONE = 'LMT';

/**
 * A validated request with every default applied. Built with a fixed key order, so that
 * `JSON.stringify` of equal requests is equal (the services key their per-request caches with it,
 * through `chartRequestKey`, which writes the same text field by field: add a new field there too).
 */
export interface ValidChartRequest {
  moment: ValidMoment;
  location: ValidLocation | null;
  bodies: Body[];
  houseSystem: HouseSystem;
  zodiac: Zodiac;
  ayanamsa: Ayanamsa | null;
  center: Center;
  aspects: ResolvedAspectOptions;
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** The default aspect options (one shared frozen object) and their JSON, written once. */
const DEFAULT_ASPECTS = resolveAspectOptions(null);
const DEFAULT_ASPECTS_JSON = JSON.stringify(DEFAULT_ASPECTS);

/**
 * `JSON.stringify(valid)`, the key of the services' per-request chart caches, written field by
 * field so that the default aspect options (the same object in most requests, about half of the
 * text) are not serialised again for every chart. A field added to ValidChartRequest must be added
 * here too (tests/unit/chart.test.ts compares the two texts).
 */
export function chartRequestKey(v: ValidChartRequest): string {
  return (
    `{"moment":${JSON.stringify(v.moment)},"location":${JSON.stringify(v.location)},"bodies":${JSON.stringify(v.bodies)},` +
    `"houseSystem":${JSON.stringify(v.houseSystem)},"zodiac":${JSON.stringify(v.zodiac)},"ayanamsa":${JSON.stringify(v.ayanamsa)},` +
    `"center":${JSON.stringify(v.center)},"aspects":${v.aspects === DEFAULT_ASPECTS ? DEFAULT_ASPECTS_JSON : JSON.stringify(v.aspects)}}`
  );
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T): T {
  if (!given(value)) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `Unknown value "${String(value)}"; expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * Checks which form a moment takes and returns it alone. A local time may come without zone or
 * offset, and with `timeZone: "LMT"`, only when the request has a location.
 * @throws ValidationError under 'moment'
 */
function validMoment(m: MomentRequest | null | undefined, hasLocation: boolean): ValidMoment {
  if (m === null || typeof m !== 'object') throw new ValidationError('moment', 'A moment is required');
  const hasUtc = given(m.utc);
  const hasLocal = given(m.localDateTime);
  const hasZone = given(m.timeZone);
  const hasOffset = given(m.utcOffsetMinutes);
  if (hasUtc && (hasLocal || hasZone || hasOffset)) {
    throw new ValidationError('moment', 'Give either moment.utc or moment.localDateTime with timeZone/utcOffsetMinutes, not both');
  }
  if (!hasUtc && !hasLocal) {
    throw new ValidationError('moment', 'moment needs utc, or localDateTime with timeZone or utcOffsetMinutes');
  }
  if (hasLocal && hasZone && hasOffset) {
    throw new ValidationError('moment.utcOffsetMinutes', 'moment.localDateTime needs at most one of timeZone or utcOffsetMinutes');
  }
  if (hasLocal && !hasZone && !hasOffset && !hasLocation) {
    throw new ValidationError('moment.timeZone', 'moment.localDateTime needs timeZone or utcOffsetMinutes, or a location whose zone is then used');
  }
  const meanTime = hasZone && typeof m.timeZone === 'string' && m.timeZone.toUpperCase() === LOCAL_MEAN_TIME_ZONE;
  if (meanTime && !hasLocation) {
    throw new ValidationError('moment.timeZone', 'timeZone "LMT" (local mean time) needs a location: its longitude sets the offset');
  }
  if (hasZone && !meanTime) assertKnownTimeZone(m.timeZone!, 'moment.timeZone');
  if (hasOffset && (!Number.isInteger(m.utcOffsetMinutes) || Math.abs(m.utcOffsetMinutes!) > MAX_UTC_OFFSET_MINUTES)) {
    throw new ValidationError('moment.utcOffsetMinutes', `utcOffsetMinutes must be an integer in [-${MAX_UTC_OFFSET_MINUTES}, ${MAX_UTC_OFFSET_MINUTES}]`);
  }
  if (hasUtc) {
    const utc = m.utc!;
    if (!(utc instanceof Date)) return { utc: String(utc) };
    if (Number.isNaN(utc.getTime())) throw new ValidationError('moment.utc', 'moment.utc is not a valid ISO 8601 instant');
    return { utc: utc.toISOString() };
  }
  const disambiguation = m.disambiguation ?? 'COMPATIBLE';
  const localDateTime = String(m.localDateTime);
  if (hasZone) return { localDateTime, timeZone: meanTime ? LOCAL_MEAN_TIME_ZONE : m.timeZone!, disambiguation };
  return hasOffset ? { localDateTime, utcOffsetMinutes: m.utcOffsetMinutes!, disambiguation } : { localDateTime, disambiguation };
}

function finiteNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(field, `${field} must be a finite number`);
  return value;
}

/**
 * Checks a location: latitude and longitude within LATITUDE_RANGE_DEGREES and
 * LONGITUDE_RANGE_DEGREES (degrees, east positive), elevation within ELEVATION_RANGE_METERS
 * (default 0), the zone (an IANA name, when the caller set one). A `place` must have been resolved
 * to coordinates by the caller (LocationRequest).
 * @param field path of the location in its input (default 'location')
 */
export function validateLocation(location: LocationRequest, field = 'location'): ValidLocation {
  if (location === null || typeof location !== 'object') throw new ValidationError(field, 'A location needs latitude and longitude');
  if (given(location.place)) {
    throw new ValidationError(`${field}.place`, 'A place name is resolved to coordinates before the calculation (the API does it); give latitude and longitude here');
  }
  const latitude = finiteNumber(location.latitude, `${field}.latitude`);
  const longitude = finiteNumber(location.longitude, `${field}.longitude`);
  const lat = LATITUDE_RANGE_DEGREES;
  const lon = LONGITUDE_RANGE_DEGREES;
  if (latitude < lat.min || latitude > lat.max) {
    throw new ValidationError(`${field}.latitude`, `latitude ${latitude} is outside [${lat.min}, ${lat.max}]`);
  }
  if (longitude < lon.min || longitude > lon.max) {
    throw new ValidationError(`${field}.longitude`, `longitude ${longitude} is outside [${lon.min}, ${lon.max}]`);
  }
  const elevationMeters = given(location.elevationMeters) ? finiteNumber(location.elevationMeters, `${field}.elevationMeters`) : 0;
  if (elevationMeters < ELEVATION_RANGE_METERS.min || elevationMeters > ELEVATION_RANGE_METERS.max) {
    throw new ValidationError(
      `${field}.elevationMeters`,
      `elevationMeters must be within [${ELEVATION_RANGE_METERS.min}, ${ELEVATION_RANGE_METERS.max}]`,
    );
  }
  const timeZone = given(location.timeZone) ? String(location.timeZone) : null;
  if (timeZone !== null) assertKnownTimeZone(timeZone, `${field}.timeZone`);
  return { latitude, longitude, elevationMeters, timeZone, place: location.resolvedPlace ?? null };
}

/** What resolveMoment needs of a checked location (its longitude and zone), or null without one. */
export function momentPlaceOf(location: ValidLocation | null | undefined): MomentPlace | null {
  return location ? { longitude: location.longitude, timeZone: location.timeZone } : null;
}

function isBody(value: unknown): value is Body {
  return typeof value === 'string' && (BODIES as readonly string[]).includes(value);
}

/** The requested bodies in their order (no duplicates, known names), or the default set for the centre. */
function validBodies(bodies: readonly Body[] | null | undefined, center: Center): Body[] {
  if (!given(bodies)) {
    return center === 'HELIOCENTRIC' ? DEFAULT_BODIES.filter((b) => !NOT_HELIOCENTRIC.has(b)) : [...DEFAULT_BODIES];
  }
  const list: readonly unknown[] = Array.isArray(bodies) ? bodies : [];
  if (list.length === 0) throw new ValidationError('bodies', 'bodies must not be empty (omit it for the default set)');
  const seen = new Set<Body>();
  list.forEach((b, i) => {
    if (!isBody(b)) throw new ValidationError('bodies', `Unknown body "${String(b)}"; expected any of ${BODIES.join(', ')}`);
    if (seen.has(b)) throw new ValidationError(`bodies.${i}`, `${b} is listed twice in bodies`);
    seen.add(b);
  });
  return [...seen];
}

/**
 * Validates a chart request and applies the defaults (DEFAULT_BODIES, or those with a heliocentric
 * position for HELIOCENTRIC; PLACIDUS; TROPICAL; GEOCENTRIC; all aspect types with the default orbs).
 * @throws ValidationError naming the offending field, relative to the request.
 */
export function validateChartRequest(req: ChartRequest): ValidChartRequest {
  if (req === null || typeof req !== 'object') throw new ValidationError('', 'A chart request is required');
  const moment = validMoment(req.moment, given(req.location));
  const location = given(req.location) ? validateLocation(req.location) : null;
  const center = oneOf(req.center, CENTERS, 'center', 'GEOCENTRIC');
  const bodies = validBodies(req.bodies, center);
  const zodiac = oneOf(req.zodiac, ZODIACS, 'zodiac', 'TROPICAL');
  const ayanamsa = given(req.ayanamsa) ? oneOf(req.ayanamsa, AYANAMSAS, 'ayanamsa', 'LAHIRI') : null;
  if (zodiac === 'SIDEREAL' && ayanamsa === null) throw new ValidationError('ayanamsa', 'zodiac SIDEREAL needs an ayanamsa');
  if (center === 'TOPOCENTRIC' && location === null) throw new ValidationError('location', 'center TOPOCENTRIC needs a location');
  const aspects = resolveAspectOptions(req.aspects, 'aspects');
  const houseSystem = oneOf(req.houseSystem, HOUSE_SYSTEMS, 'houseSystem', 'PLACIDUS');
  if (center === 'HELIOCENTRIC') {
    const without = bodies.find((b) => NOT_HELIOCENTRIC.has(b));
    if (without) throw new ValidationError('bodies', `${without} has no heliocentric position`);
  }
  return { moment, location, bodies, houseSystem, zodiac, ayanamsa, center, aspects };
}
