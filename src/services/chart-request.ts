/**
 * Gateway-side checks and normalisation of a chart request before it reaches the ephemeris:
 * structural rules that need no astronomy (exactly one moment form, bodies non-empty and unique,
 * orb ranges, sidereal needs an ayanamsa, latitude/longitude ranges, a known time zone), defaults
 * applied so that equal requests get equal cache keys. Field paths are relative to ChartInput.
 */
import { ValidationError } from '../errors.js';
import {
  DEFAULT_BODIES,
  type AspectOptions,
  type AspectType,
  type Ayanamsa,
  type Body,
  type Center,
  type ChartRequest,
  type Disambiguation,
  type HouseSystem,
  type Zodiac,
} from '../ephemeris/types.js';

/** The transport-neutral shape of ChartInput (GraphQL input or REST body after mapping). */
export interface ChartInputLike {
  moment: {
    utc?: Date | string | null;
    localDateTime?: string | null;
    timeZone?: string | null;
    utcOffsetMinutes?: number | null;
    disambiguation?: Disambiguation | null;
  };
  location?: { latitude: number; longitude: number; elevationMeters?: number | null } | null;
  bodies?: Body[] | null;
  houseSystem?: HouseSystem | null;
  zodiac?: Zodiac | null;
  ayanamsa?: Ayanamsa | null;
  center?: Center | null;
  aspects?: {
    types?: AspectType[] | null;
    orbs?: { type: AspectType; orbDegrees: number }[] | null;
    orbMultiplier?: number | null;
  } | null;
}

const MAX_ORB_DEGREES = 30;
const MAX_ORB_MULTIPLIER = 5;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function finite(value: number, field: string): void {
  if (!Number.isFinite(value)) throw new ValidationError(field, `${field} must be a finite number`);
}

/**
 * Checks `input` and returns the normalised ChartRequest (defaults filled in, utc as an ISO
 * string, orbs as a record).
 * @throws ValidationError with `field` relative to ChartInput, e.g. "location.latitude".
 */
export function toChartRequest(input: ChartInputLike): ChartRequest {
  const m = input.moment;
  const hasUtc = m.utc !== undefined && m.utc !== null;
  const hasLocal = m.localDateTime !== undefined && m.localDateTime !== null;
  const hasZone = m.timeZone !== undefined && m.timeZone !== null;
  const hasOffset = m.utcOffsetMinutes !== undefined && m.utcOffsetMinutes !== null;
  if (hasUtc && (hasLocal || hasZone || hasOffset)) {
    throw new ValidationError('moment', 'Give either moment.utc or moment.localDateTime with timeZone/utcOffsetMinutes, not both');
  }
  if (!hasUtc && !hasLocal) {
    throw new ValidationError('moment', 'moment needs utc, or localDateTime with timeZone or utcOffsetMinutes');
  }
  if (hasLocal && hasZone === hasOffset) {
    throw new ValidationError(
      hasZone ? 'moment.utcOffsetMinutes' : 'moment.timeZone',
      'moment.localDateTime needs exactly one of timeZone or utcOffsetMinutes',
    );
  }
  if (hasZone && !isKnownTimeZone(m.timeZone!)) {
    throw new ValidationError('moment.timeZone', `Unknown time zone "${m.timeZone}" (expected an IANA name such as "Europe/Paris")`);
  }
  if (hasOffset && (!Number.isInteger(m.utcOffsetMinutes) || Math.abs(m.utcOffsetMinutes!) > 18 * 60)) {
    throw new ValidationError('moment.utcOffsetMinutes', 'utcOffsetMinutes must be an integer in [-1080, 1080]');
  }
  let utc: string | undefined;
  if (hasUtc) {
    const date = m.utc instanceof Date ? m.utc : new Date(m.utc as string);
    if (Number.isNaN(date.getTime())) throw new ValidationError('moment.utc', 'moment.utc is not a valid ISO 8601 instant');
    utc = date.toISOString();
  }

  const loc = input.location ?? undefined;
  if (loc) {
    finite(loc.latitude, 'location.latitude');
    finite(loc.longitude, 'location.longitude');
    if (loc.latitude < -90 || loc.latitude > 90) {
      throw new ValidationError('location.latitude', `latitude ${loc.latitude} is outside [-90, 90]`);
    }
    if (loc.longitude < -180 || loc.longitude > 180) {
      throw new ValidationError('location.longitude', `longitude ${loc.longitude} is outside [-180, 180]`);
    }
    if (loc.elevationMeters !== undefined && loc.elevationMeters !== null) {
      finite(loc.elevationMeters, 'location.elevationMeters');
      if (loc.elevationMeters < -500 || loc.elevationMeters > 20_000) {
        throw new ValidationError('location.elevationMeters', 'elevationMeters must be within [-500, 20000]');
      }
    }
  }

  const bodies = input.bodies ?? [...DEFAULT_BODIES];
  if (bodies.length === 0) throw new ValidationError('bodies', 'bodies must not be empty (omit it for the default set)');
  const seen = new Set<Body>();
  bodies.forEach((b, i) => {
    if (seen.has(b)) throw new ValidationError(`bodies.${i}`, `${b} is listed twice in bodies`);
    seen.add(b);
  });

  const zodiac = input.zodiac ?? 'TROPICAL';
  const ayanamsa = input.ayanamsa ?? undefined;
  if (zodiac === 'SIDEREAL' && ayanamsa === undefined) {
    throw new ValidationError('ayanamsa', 'zodiac SIDEREAL needs an ayanamsa');
  }
  const center = input.center ?? 'GEOCENTRIC';
  if (center === 'TOPOCENTRIC' && !loc) {
    throw new ValidationError('location', 'center TOPOCENTRIC needs a location');
  }

  let aspects: AspectOptions | undefined;
  if (input.aspects) {
    const a = input.aspects;
    aspects = {};
    if (a.types !== undefined && a.types !== null) {
      const types = new Set<AspectType>();
      a.types.forEach((t, i) => {
        if (types.has(t)) throw new ValidationError(`aspects.types.${i}`, `${t} is listed twice in aspects.types`);
        types.add(t);
      });
      aspects.types = [...a.types];
    }
    if (a.orbs !== undefined && a.orbs !== null) {
      const orbs: Partial<Record<AspectType, number>> = {};
      a.orbs.forEach((o, i) => {
        if (orbs[o.type] !== undefined) {
          throw new ValidationError(`aspects.orbs.${i}.type`, `${o.type} has two orb overrides`);
        }
        if (!Number.isFinite(o.orbDegrees) || o.orbDegrees <= 0 || o.orbDegrees > MAX_ORB_DEGREES) {
          throw new ValidationError(`aspects.orbs.${i}.orbDegrees`, `orbDegrees must be in (0, ${MAX_ORB_DEGREES}]`);
        }
        orbs[o.type] = o.orbDegrees;
      });
      aspects.orbs = orbs;
    }
    if (a.orbMultiplier !== undefined && a.orbMultiplier !== null) {
      if (!Number.isFinite(a.orbMultiplier) || a.orbMultiplier <= 0 || a.orbMultiplier > MAX_ORB_MULTIPLIER) {
        throw new ValidationError('aspects.orbMultiplier', `orbMultiplier must be in (0, ${MAX_ORB_MULTIPLIER}]`);
      }
      aspects.orbMultiplier = a.orbMultiplier;
    }
  }

  const request: ChartRequest = {
    moment: hasUtc
      ? { utc }
      : {
          localDateTime: m.localDateTime!,
          ...(hasZone ? { timeZone: m.timeZone! } : { utcOffsetMinutes: m.utcOffsetMinutes! }),
          disambiguation: m.disambiguation ?? 'COMPATIBLE',
        },
    bodies: [...bodies],
    houseSystem: input.houseSystem ?? 'PLACIDUS',
    zodiac,
    center,
  };
  if (loc) {
    request.location = { latitude: loc.latitude, longitude: loc.longitude, elevationMeters: loc.elevationMeters ?? 0 };
  }
  if (ayanamsa !== undefined) request.ayanamsa = ayanamsa;
  if (aspects) request.aspects = aspects;
  return request;
}

/** Deterministic JSON (object keys sorted) used as the DataLoader key of a request. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
