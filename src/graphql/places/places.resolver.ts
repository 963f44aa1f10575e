/**
 * `places` (gazetteer search) and `timeZoneAt` (zone at a point): one call each into the places
 * service. Like the calculations they need a token, their answers depend on the arguments only
 * (shared through the calculation cache), and they cost a little: a search 2 units, a zone 1.
 */
import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Cacheable } from '../field-policy.js';
import { PLACE_SEARCH_DEFAULT_LIMIT, PLACE_SEARCH_MAX_LIMIT } from '../../services/places.service.js';
import { Place } from './place.type.js';

const SEARCH_COST = 2;
const ZONE_COST = 1;

@Resolver()
export class PlacesResolver {
  @Query(() => [Place], {
    description:
      'Places of the gazetteer (GeoNames: every place with at least 1,000 inhabitants) whose name or alternate name ' +
      'equals or starts with `search`, accents and case ignored ("sao paulo", "São Paulo", "Sao Paul"): exact ' +
      'matches first, then by population.',
    complexity: SEARCH_COST,
  })
  @Cacheable()
  places(
    @Arg('search', () => String, { description: 'A name or the start of one (1–200 characters).' }) search: string,
    @Arg('countryCode', () => String, { nullable: true, description: 'Only places in this country (ISO 3166-1 alpha-2, e.g. "DE").' })
    countryCode: string | null | undefined,
    @Arg('limit', () => Int, {
      nullable: true,
      defaultValue: PLACE_SEARCH_DEFAULT_LIMIT,
      description: `At most this many places, 1–${PLACE_SEARCH_MAX_LIMIT}.`,
    })
    limit: number | null | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.places.search(search, countryCode, limit ?? PLACE_SEARCH_DEFAULT_LIMIT);
  }

  @Query(() => String, {
    description:
      'IANA time zone at a point, offline from the timezone-boundary-builder boundaries (geo-tz data): the first ' +
      'zone listed where boundaries overlap (disputed areas), a nautical Etc/GMT±N zone at sea.',
    complexity: ZONE_COST,
  })
  @Cacheable()
  timeZoneAt(
    @Arg('latitude', () => Float, { description: 'Degrees, north positive, [-90, 90].' }) latitude: number,
    @Arg('longitude', () => Float, { description: 'Degrees, east positive, [-180, 180].' }) longitude: number,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.places.timeZoneAt(latitude, longitude);
  }
}
