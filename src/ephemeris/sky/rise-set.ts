/**
 * Rising, upper transit (culmination) and setting of the Sun, the Moon and the planets at a place.
 *
 * astronomy-engine `SearchRiseSet` (rise/set of the upper limb for the Sun and Moon, the centre
 * for the planets; refraction at the horizon 34′ scaled by the air density at the observer's
 * elevation, the standard value of the Astronomical Almanac / USNO; the Sun's and Moon's apparent
 * radius from their distance; topocentric, so the Moon's parallax is included) and
 * `SearchHourAngle` (hour angle 0 = upper transit). Swiss Ephemeris' `swe_rise_trans` with its
 * default atmosphere (1013.25 hPa, 10 °C) differs by seconds; the reference test prints the worst
 * difference (within a minute except at grazing, high-latitude risings).
 *
 * Each event is the first one strictly after `from`, found independently: the next set may come
 * before the next rise. An event that does not happen within `limitDays` (circumpolar or never
 * rising there in that span) is null.
 */
import { fieldPath, ValidationError } from '../../errors.js';
import { Astronomy, guardAstronomy } from '../astro.js';
import type { Body, GeoLocation, ResolvedMoment } from '../types.js';
import { validateLocation } from '../validate.js';

/** Bodies with a rise and set: the Sun, the Moon and the planets (astronomy-engine's own bodies). */
export const RISE_SET_BODIES = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'] as const;
export type RiseSetBody = (typeof RISE_SET_BODIES)[number];

/** Default and largest search span, days (a year covers the polar night and day). */
export const DEFAULT_RISE_SET_LIMIT_DAYS = 366;

const ENGINE_BODY: Readonly<Record<RiseSetBody, Astronomy.Body>> = {
  SUN: Astronomy.Body.Sun, MOON: Astronomy.Body.Moon, MERCURY: Astronomy.Body.Mercury, VENUS: Astronomy.Body.Venus,
  MARS: Astronomy.Body.Mars, JUPITER: Astronomy.Body.Jupiter, SATURN: Astronomy.Body.Saturn,
  URANUS: Astronomy.Body.Uranus, NEPTUNE: Astronomy.Body.Neptune, PLUTO: Astronomy.Body.Pluto,
};

/** The GraphQL `RiseSet`: the next events after `from`, UTC; null when none within the search span. */
export interface RiseSet {
  rise: Date | null;
  transit: Date | null;
  set: Date | null;
}

/** Checks a rise/set body; @throws ValidationError(field). */
export function checkRiseSetBody(body: unknown, field = 'body'): RiseSetBody {
  if (typeof body !== 'string' || !(RISE_SET_BODIES as readonly string[]).includes(body)) {
    throw new ValidationError(field, `rise and set are computed for ${RISE_SET_BODIES.join(', ')}`);
  }
  return body as RiseSetBody;
}

function observerOf(location: Required<GeoLocation>): Astronomy.Observer {
  return new Astronomy.Observer(location.latitude, location.longitude, location.elevationMeters);
}

/**
 * Next rise (direction +1) or set (−1) of `body` strictly after `after` (or, with a negative
 * `limitDays`, the last one before it), or null when none within |limitDays| days. UTC.
 */
export function searchRiseOrSet(body: RiseSetBody, location: Required<GeoLocation>, direction: 1 | -1, after: Date, limitDays: number): Date | null {
  return guardAstronomy('rise/set search', () => {
    const t = Astronomy.SearchRiseSet(ENGINE_BODY[body], observerOf(location), direction, after, limitDays);
    return t ? t.date : null;
  });
}

/** Next upper transit (hour angle 0) of `body` after `after`, UTC. */
export function searchTransit(body: RiseSetBody, location: Required<GeoLocation>, after: Date): Date {
  return guardAstronomy('transit search', () => Astronomy.SearchHourAngle(ENGINE_BODY[body], observerOf(location), 0, after, +1).time.date);
}

/**
 * The next rise, upper transit and set of `body` after `from` at `location` (geodetic latitude and
 * east longitude in degrees, elevation in metres above sea level).
 * @param limitDays search span for rise and set, (0, 366] days (default 366).
 * @throws ValidationError (`field`.body, `field`.location.*, `field`.limitDays)
 */
export function riseSet(body: Body, from: ResolvedMoment, location: GeoLocation, field = '', limitDays = DEFAULT_RISE_SET_LIMIT_DAYS): RiseSet {
  const b = checkRiseSetBody(body, fieldPath(field, 'body'));
  const loc = validateLocation(location, fieldPath(field, 'location'));
  if (!Number.isFinite(limitDays) || limitDays <= 0 || limitDays > DEFAULT_RISE_SET_LIMIT_DAYS) {
    throw new ValidationError(fieldPath(field, 'limitDays'), `limitDays must be within (0, ${DEFAULT_RISE_SET_LIMIT_DAYS}]`);
  }
  const after = from.utc;
  return {
    rise: searchRiseOrSet(b, loc, 1, after, limitDays),
    transit: searchTransit(b, loc, after),
    set: searchRiseOrSet(b, loc, -1, after, limitDays),
  };
}
