/**
 * Places and time zones: the gazetteer (GeoNames), zones from coordinates (timezone-boundary-
 * builder through geo-tz) and chart locations given as a place or as coordinates.
 */
export { foldName } from './fold.js';
export {
  gazetteer, readGazetteer, parsePlaceQuery, Gazetteer, UnknownPlaceError, MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT,
  type MatchQuality, type Place, type PlaceMatch, type PlaceQuery, type PlaceSearchOptions, type ResolvedPlace,
} from './gazetteer.js';
export { oceanZonesAt, timeZoneAt, zoneBoundaries, ZoneBoundaries, type ZoneAtPoint, type ZoneBoundariesOptions } from './zone-boundaries.js';
export { resolveLocation, type LocationRequest, type ResolvedLocation } from './location.js';
