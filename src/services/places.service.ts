/**
 * Places service: gazetteer search and the zone at a point, for every transport (the `places` and
 * `timeZoneAt` queries). Errors name the argument: "search", "countryCode", "limit", "latitude",
 * "longitude". The gazetteer and the zone boundaries load on first use (src/places), or at
 * start-up with `warmUp` (the server does, before it listens).
 */
import { DEFAULT_SEARCH_LIMIT, gazetteer, MAX_SEARCH_LIMIT, timeZoneAt, zoneBoundaries } from '../places/index.js';
import type { PlaceSummary } from '../ephemeris/types.js';
import { placeSummary } from './locations.js';

/** Number of places a search returns when no limit is given. */
export const PLACE_SEARCH_DEFAULT_LIMIT = DEFAULT_SEARCH_LIMIT;
/** Largest limit of a search (50). */
export { MAX_SEARCH_LIMIT as PLACE_SEARCH_MAX_LIMIT };

export class PlacesService {
  /**
   * Loads the gazetteer with its "did you mean" index and the zone boundaries' index now, so that
   * no request pays for them (about 2 s of CPU and 70 MB; README "Places and time zones").
   */
  warmUp(): void {
    gazetteer().warmUp();
    zoneBoundaries().load();
  }

  /**
   * Places whose name (or an alternate name) equals or starts with `search`, accents and case
   * ignored, exact matches first, then by population; optionally in one country.
   * @throws ValidationError on 'search' (empty, over 200 characters), 'countryCode', 'limit' (1–50)
   */
  search(search: string, countryCode: string | null | undefined, limit: number = PLACE_SEARCH_DEFAULT_LIMIT): PlaceSummary[] {
    return gazetteer()
      .search(search, { countryCode: countryCode ?? null, limit }, 'search')
      .map((m) => placeSummary(m.place));
  }

  /**
   * IANA zone at a point from the zone boundaries (a nautical Etc/GMT±N zone at sea).
   * @throws ValidationError on 'latitude' / 'longitude' outside their ranges
   */
  timeZoneAt(latitude: number, longitude: number): string {
    return timeZoneAt(latitude, longitude, '').timeZone;
  }
}
