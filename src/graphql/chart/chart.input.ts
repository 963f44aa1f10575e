/**
 * Inputs of the calculation queries (the names and shapes are the API contract). They implement
 * the ephemeris' request types, which the services take as they are.
 */
import { Field, Float, InputType, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { LocalDateTimeScalar } from '../scalars/local-date-time.scalar.js';
import {
  AspectTypeEnum,
  AyanamsaEnum,
  BodyEnum,
  CenterEnum,
  DisambiguationEnum,
  HouseSystemEnum,
  ZodiacEnum,
} from '../enums.js';
import type {
  AspectOptions, AspectOrb, AspectType, Ayanamsa, Body, Center, ChartRequest, Disambiguation, HouseSystem, LocationRequest,
  MomentRequest, Zodiac,
} from '../../ephemeris/types.js';

@InputType({
  description:
    'An instant. Give exactly one of: `utc`; `localDateTime` + `timeZone`; `localDateTime` + `utcOffsetMinutes`; ' +
    '`localDateTime` alone when the chart has a location (its zone is used). Before a place adopted standard time its ' +
    'local mean time is used (`zone.zoneSource` LOCAL_MEAN_TIME).',
})
export class MomentInput implements MomentRequest {
  @Field(() => DateTimeResolver, { nullable: true, description: 'ISO 8601 instant with `Z` or an offset, e.g. "2024-01-01T12:00:00Z".' })
  utc?: Date;

  @Field(() => LocalDateTimeScalar, { nullable: true, description: 'Wall-clock time without zone, e.g. "1990-01-15T14:30:00".' })
  localDateTime?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'IANA time zone, e.g. "Europe/Paris"; historical offsets and DST honoured. "LMT" asks for the local mean time ' +
      'of the location\'s longitude at any date (needs a location).',
  })
  timeZone?: string;

  @Field(() => Int, { nullable: true, description: 'Offset of localDateTime from UTC in minutes, east positive (e.g. 60 for CET).' })
  utcOffsetMinutes?: number;

  @Field(() => DisambiguationEnum, {
    nullable: true,
    defaultValue: 'COMPATIBLE',
    description: 'Resolution of a local time at a DST gap or overlap.',
  })
  disambiguation?: Disambiguation;
}

@InputType({
  description: 'A place on Earth (WGS84): give exactly one of `place`, or `latitude` with `longitude`.',
})
export class LocationInput implements LocationRequest {
  @Field(() => Float, { nullable: true, description: 'Geodetic latitude in degrees, north positive, [-90, 90].' })
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude in degrees, east positive, [-180, 180].' })
  longitude?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Height above sea level in metres, from −500 to 20,000 (an aircraft in flight included). Default: the place\'s ' +
      'elevation when `place` is given and GeoNames knows it, else 0.',
  })
  elevationMeters?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'A place name instead of coordinates (at most 200 characters): "Liverpool", "Ulm, DE", "Springfield, US-IL" ' +
      '(name, then optionally a comma and an ISO country code or country-region). The best-ranked match of the ' +
      'gazetteer is used (Chart.location.place says which); an unknown name is refused with the nearest names.',
  })
  place?: string;
}

@InputType({ description: 'Orb override for one aspect type.' })
export class AspectOrbInput implements AspectOrb {
  @Field(() => AspectTypeEnum, { description: 'The aspect type.' })
  type!: AspectType;

  @Field(() => Float, { description: 'Maximum orb in degrees, 0 < orbDegrees ≤ 30.' })
  orbDegrees!: number;
}

@InputType({ description: 'Which aspects to look for and with what orbs.' })
export class AspectOptionsInput implements AspectOptions {
  @Field(() => [AspectTypeEnum], { nullable: true, description: 'Aspect types to find. Default: all 17.' })
  types?: AspectType[];

  @Field(() => [AspectOrbInput], { nullable: true, description: 'Per-type orb overrides (one entry per type).' })
  orbs?: AspectOrbInput[];

  @Field(() => Float, { nullable: true, description: 'Multiplies every orb, 0 < orbMultiplier ≤ 5. Default 1.' })
  orbMultiplier?: number;
}

@InputType({ description: 'What to compute: an instant, an optional place and the chart options.' })
export class ChartInput implements ChartRequest {
  @Field(() => MomentInput, { description: 'The instant of the chart.' })
  moment!: MomentInput;

  @Field(() => LocationInput, {
    nullable: true,
    description: 'The place; required for houses, angles, house positions and topocentric positions.',
  })
  location?: LocationInput;

  @Field(() => [BodyEnum], {
    nullable: true,
    description: 'Bodies to compute (no duplicates). Default: SUN…PLUTO, MEAN_NODE, MEAN_LILITH, CHIRON.',
  })
  bodies?: Body[];

  @Field(() => HouseSystemEnum, { nullable: true, defaultValue: 'PLACIDUS', description: 'House system.' })
  houseSystem?: HouseSystem;

  @Field(() => ZodiacEnum, { nullable: true, defaultValue: 'TROPICAL', description: 'Zodiac; SIDEREAL needs ayanamsa.' })
  zodiac?: Zodiac;

  @Field(() => AyanamsaEnum, { nullable: true, description: 'Ayanamsa for the sidereal zodiac.' })
  ayanamsa?: Ayanamsa;

  @Field(() => CenterEnum, { nullable: true, defaultValue: 'GEOCENTRIC', description: 'Observer position.' })
  center?: Center;

  @Field(() => AspectOptionsInput, { nullable: true, description: 'Aspect types and orbs.' })
  aspects?: AspectOptionsInput;
}
