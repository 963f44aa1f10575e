/**
 * Validation of a ChartRequest (the domain form of GraphQL's ChartInput). Field paths are relative
 * to ChartInput: 'moment.timeZone', 'location.latitude', 'bodies', 'houseSystem', 'zodiac',
 * 'ayanamsa', 'center', 'aspects.orbs.TRINE' … (the gateway prefixes 'input.' if it wants).
 */
import { ValidationError } from '../errors.js';
import { resolveAspectOptions, type ResolvedAspectOptions } from './aspects.js';
import { NOT_HELIOCENTRIC } from './positions.js';
import {
  AYANAMSAS, BODIES, CENTERS, DEFAULT_BODIES, HOUSE_SYSTEMS, ZODIACS,
  type Ayanamsa, type Body, type Center, type ChartRequest, type GeoLocation, type HouseSystem, type Zodiac,
} from './types.js';

/** Lowest and highest accepted elevation, metres (Dead Sea shore to above Everest). */
export const ELEVATION_RANGE_METERS = { min: -500, max: 10_000 } as const;

/** A validated request with every default applied. */
export interface ValidChartRequest {
  moment: ChartRequest['moment'];
  location: Required<GeoLocation> | null;
  bodies: Body[];
  houseSystem: HouseSystem;
  zodiac: Zodiac;
  ayanamsa: Ayanamsa | null;
  center: Center;
  aspects: ResolvedAspectOptions;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `Unknown value "${String(value)}"; expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Checks a location: latitude [−90, 90], longitude [−180, 180], elevation within ELEVATION_RANGE_METERS. */
export function validateLocation(location: GeoLocation, field = 'location'): Required<GeoLocation> {
  if (location === null || typeof location !== 'object') throw new ValidationError(field, 'A location needs latitude and longitude');
  const { latitude, longitude } = location;
  const elevationMeters = location.elevationMeters ?? 0;
  if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw new ValidationError(`${field}.latitude`, `Latitude must be within [-90, 90] degrees; got ${String(latitude)}`);
  }
  if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw new ValidationError(`${field}.longitude`, `Longitude must be within [-180, 180] degrees (east positive); got ${String(longitude)}`);
  }
  if (typeof elevationMeters !== 'number' || !Number.isFinite(elevationMeters) ||
      elevationMeters < ELEVATION_RANGE_METERS.min || elevationMeters > ELEVATION_RANGE_METERS.max) {
    throw new ValidationError(`${field}.elevationMeters`,
      `Elevation must be within [${ELEVATION_RANGE_METERS.min}, ${ELEVATION_RANGE_METERS.max}] metres; got ${String(elevationMeters)}`);
  }
  return { latitude, longitude, elevationMeters };
}

/**
 * Validates a chart request and applies the defaults (DEFAULT_BODIES, PLACIDUS, TROPICAL,
 * GEOCENTRIC, all aspect types with the default orbs). The moment itself is resolved later
 * (resolveMoment validates it with paths under 'moment').
 * @throws ValidationError naming the offending field.
 */
export function validateChartRequest(req: ChartRequest): ValidChartRequest {
  if (req === null || typeof req !== 'object') throw new ValidationError('input', 'A chart request is required');
  if (req.moment === null || req.moment === undefined) throw new ValidationError('moment', 'A moment is required');
  const center = oneOf(req.center, CENTERS, 'center', 'GEOCENTRIC');
  const zodiac = oneOf(req.zodiac, ZODIACS, 'zodiac', 'TROPICAL');
  const houseSystem = oneOf(req.houseSystem, HOUSE_SYSTEMS, 'houseSystem', 'PLACIDUS');
  const ayanamsa = req.ayanamsa === undefined || req.ayanamsa === null ? null : oneOf(req.ayanamsa, AYANAMSAS, 'ayanamsa', 'LAHIRI');
  if (zodiac === 'SIDEREAL' && ayanamsa === null) {
    throw new ValidationError('ayanamsa', 'The SIDEREAL zodiac needs an ayanamsa');
  }
  const location = req.location === undefined || req.location === null ? null : validateLocation(req.location);
  if (center === 'TOPOCENTRIC' && location === null) {
    throw new ValidationError('location', 'TOPOCENTRIC positions need a location');
  }

  let bodies: Body[];
  if (req.bodies === undefined || req.bodies === null) {
    bodies = center === 'HELIOCENTRIC' ? DEFAULT_BODIES.filter((b) => !NOT_HELIOCENTRIC.has(b)) : [...DEFAULT_BODIES];
  } else {
    if (!Array.isArray(req.bodies) || req.bodies.length === 0) {
      throw new ValidationError('bodies', 'Give at least one body, or omit bodies for the default set');
    }
    const seen = new Set<string>();
    for (const b of req.bodies) {
      if (typeof b !== 'string' || !(BODIES as readonly string[]).includes(b)) {
        throw new ValidationError('bodies', `Unknown body "${String(b)}"; expected any of ${BODIES.join(', ')}`);
      }
      if (seen.has(b)) throw new ValidationError('bodies', `${b} is listed twice`);
      if (center === 'HELIOCENTRIC' && NOT_HELIOCENTRIC.has(b)) {
        throw new ValidationError('bodies', `${b} has no heliocentric position`);
      }
      seen.add(b);
    }
    bodies = [...req.bodies];
  }
  const aspects = resolveAspectOptions(req.aspects, 'aspects');
  return { moment: req.moment, location, bodies, houseSystem, zodiac, ayanamsa, center, aspects };
}
