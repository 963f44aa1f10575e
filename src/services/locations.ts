/**
 * Locations of requests, resolved once for every service: each `location` object anywhere in a
 * request (a chart's, a technique's `natal.location`, `first.location`, a return's `location`, a
 * bi-wheel's `outer.location` …) given either as a place name ("Ulm, DE") or as coordinates
 * becomes coordinates, elevation, the IANA zone there and the gazetteer place it came from
 * (src/places, resolveLocation). The ephemeris' validator then checks it like any location, and
 * reads a local time without zone in that zone (or in local mean time before standard time).
 *
 * Errors are ValidationErrors naming the field relative to the request: "location.place" (an
 * unknown place, with the nearest names in the message), "natal.location.latitude" …
 */
import { resolveLocation, type Place } from '../places/index.js';
import type { LocationRequest, PlaceSummary } from '../ephemeris/types.js';

/** Nesting depth searched for `location` objects (requests nest a chart two levels deep at most). */
const MAX_DEPTH = 6;

/** A gazetteer place as the answers show it. */
export function placeSummary(p: Place): PlaceSummary {
  return {
    id: p.id,
    name: p.name,
    countryCode: p.countryCode,
    admin1: p.admin1Name ?? p.admin1Code,
    latitude: p.latitude,
    longitude: p.longitude,
    elevationMeters: p.elevationMeters,
    population: p.population,
    timeZone: p.timeZone,
  };
}

/** One location resolved: coordinates, elevation, zone and the place (a LocationRequest without `place`). */
export function locate(location: LocationRequest, field: string): LocationRequest {
  const r = resolveLocation(location, field);
  return {
    latitude: r.latitude,
    longitude: r.longitude,
    elevationMeters: r.elevationMeters,
    timeZone: r.timeZone,
    resolvedPlace: r.place ? placeSummary(r.place.place) : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

/**
 * `value` with every `location` under it resolved: the objects and arrays on the way to a location
 * are copied, everything else is returned as it is (a request without locations comes back itself).
 * Field paths are built only for the objects and arrays walked into.
 */
function walk(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH || !isRecord(value)) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      if (!isRecord(item)) return;
      const resolved = walk(item, path ? `${path}.${i}` : String(i), depth + 1);
      if (resolved !== item) (copy ??= [...value])[i] = resolved;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (!isRecord(v)) continue;
    const field = path ? `${path}.${key}` : key;
    const resolved = key === 'location' && !Array.isArray(v) ? locate(v, field) : walk(v, field, depth + 1);
    if (resolved !== v) (copy ??= { ...value })[key] = resolved;
  }
  return copy ?? value;
}

/**
 * `request` with every `location` resolved (see the module comment): a copy when it has one,
 * sharing every part without a location with `request` (callers do not modify what it returns).
 * @throws ValidationError naming the location's field relative to the request
 */
export function locateRequest<T>(request: T): T {
  return walk(request, '', 0) as T;
}
