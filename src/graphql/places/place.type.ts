/**
 * Output types of places and time zones: a gazetteer place, the location a chart was cast for,
 * and the zone report of a resolved moment. Plain data (simpleResolvers, see chart.type.ts).
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalTimeKindEnum, LocalTimeResolutionEnum, ZoneSourceEnum } from './places.enums.js';
import type { LocalTimeKind, LocalTimeResolution, ZoneSource } from '../../ephemeris/types.js';

@ObjectType({
  simpleResolvers: true,
  description: 'A populated place of the gazetteer (GeoNames, CC BY 4.0: every place with at least 1,000 inhabitants).',
})
export class Place {
  @Field(() => ID, { description: 'GeoNames id.' })
  id!: string;

  @Field(() => String, { description: 'Name as GeoNames gives it (local spelling, e.g. "München").' })
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'First-level division ("Illinois", "England"), if known.' })
  admin1!: string | null;

  @Field(() => Float, { description: 'Latitude in degrees, north positive (WGS 84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees, east positive (WGS 84).' })
  longitude!: number;

  @Field(() => Float, { nullable: true, description: 'Metres above sea level, if known.' })
  elevationMeters!: number | null;

  @Field(() => Int, { nullable: true, description: 'Population as GeoNames gives it.' })
  population!: number | null;

  @Field(() => String, { description: 'IANA time zone of the place.' })
  timeZone!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The location a chart was cast for, as resolved from its input.' })
export class ResolvedLocation {
  @Field(() => Float, { description: 'Latitude in degrees, north positive.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in degrees, east positive.' })
  longitude!: number;

  @Field(() => Float, { description: 'Metres above sea level (given, else the place\'s, else 0).' })
  elevationMeters!: number;

  @Field(() => String, {
    nullable: true,
    description: 'IANA zone at the location: the place\'s, or the zone boundaries\' at the coordinates (nautical Etc/GMT±N at sea).',
  })
  timeZone!: string | null;

  @Field(() => Place, { nullable: true, description: 'The place used when the location was given as `place`; null for coordinates.' })
  place!: Place | null;
}

@ObjectType({ simpleResolvers: true, description: 'How the local time of a moment was read: zone, offset and its source, DST gap or overlap.' })
export class MomentZone {
  @Field(() => ZoneSourceEnum, { description: 'Where the offset came from.' })
  zoneSource!: ZoneSource;

  @Field(() => String, {
    nullable: true,
    description: 'IANA zone consulted (given, or the location\'s); "LMT" for an explicit local-mean-time request; null for a given offset or a UTC instant.',
  })
  timeZone!: string | null;

  @Field(() => Int, { description: 'Offset of the local time from UTC in whole seconds, east positive (local = UTC + offset).' })
  utcOffsetSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'For LOCAL_MEAN_TIME: the longitude (degrees east) whose mean solar time was used.' })
  meanTimeLongitude!: number | null;

  @Field(() => LocalTimeKindEnum, { description: 'Whether the local time existed once, was skipped (GAP) or repeated (OVERLAP).' })
  localTime!: LocalTimeKind;

  @Field(() => LocalTimeResolutionEnum, { nullable: true, description: 'For GAP and OVERLAP: how it was resolved.' })
  resolution!: LocalTimeResolution | null;
}
