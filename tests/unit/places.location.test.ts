/** Chart locations given as a place string or as coordinates (src/places/location.ts). */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { resolveMoment } from '../../src/ephemeris/time.js';
import { resolveLocation } from '../../src/places/location.js';
import { UnknownPlaceError } from '../../src/places/gazetteer.js';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.field;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('resolveLocation', () => {
  it('a place string gives the place\'s coordinates, elevation and zone, and says which place', () => {
    const r = resolveLocation({ place: 'Ulm, DE' });
    expect(r.place?.place.geonameId).toBe(2820256);
    expect(r).toMatchObject({ latitude: 48.39841, longitude: 9.99155, elevationMeters: 480, timeZone: 'Europe/Berlin', zoneAt: null });
    expect(r.momentPlace).toEqual({ longitude: 9.99155, timeZone: 'Europe/Berlin' });
    // an elevation given with the place wins
    expect(resolveLocation({ place: 'Ulm, DE', elevationMeters: 600 }).elevationMeters).toBe(600);
  });

  it('coordinates give the zone of the boundaries there', () => {
    const r = resolveLocation({ latitude: 36.135, longitude: -111.2399 });
    expect(r).toMatchObject({ timeZone: 'America/Denver', place: null, elevationMeters: 0 });
    expect(r.zoneAt?.candidates).toEqual(['America/Denver']);
    // and a local time there without zone or offset is read in that zone (MDT, −6 h)
    const m = resolveMoment({ localDateTime: '2021-07-01T12:00:00' }, 'input.moment', r.momentPlace);
    expect(m.utc.toISOString()).toBe('2021-07-01T18:00:00.000Z');
    expect(m.zone?.zoneSource).toBe('LOCATION');
  });

  it('exactly one of the two forms, every error naming its field', () => {
    expect(fieldOf(() => resolveLocation({ place: 'Ulm', latitude: 1, longitude: 2 }, 'input.location'))).toBe('input.location.place');
    expect(fieldOf(() => resolveLocation({ latitude: 1 }, 'input.location'))).toBe('input.location.longitude');
    expect(fieldOf(() => resolveLocation({}, 'input.location'))).toBe('input.location.latitude');
    expect(fieldOf(() => resolveLocation({ latitude: 95, longitude: 0 }, 'input.location'))).toBe('input.location.latitude');
    expect(fieldOf(() => resolveLocation({ place: 'Ulm', elevationMeters: 20_001 }, 'input.location'))).toBe('input.location.elevationMeters');
    expect(() => resolveLocation({ place: 'Lverpool' }, 'input.location')).toThrow(UnknownPlaceError);
    expect(fieldOf(() => resolveLocation({ place: 'Lverpool' }, 'input.location'))).toBe('input.location.place');
  });
});
