/**
 * Output types of the calculation queries (the names and shapes are the API contract). Angles in degrees.
 *
 * `simpleResolvers: true`: these are plain data (no middlewares, no field resolvers), so their
 * fields get no per-field type-graphql resolver; graphql reads the property directly. A chart
 * answer has ~400 such fields, and the wrapper's closure and resolve-info allocation per field cost
 * more CPU and memory than the rest of the execution.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AspectTypeEnum, BodyEnum, ChartPointEnum, DashaLordEnum, EphemerisEngineEnum, HouseSystemEnum, NakshatraEnum, SignEnum } from '../enums.js';
import type { AspectType, Body, ChartPoint, EphemerisEngine, HouseSystem, Sign } from '../../ephemeris/types.js';
import { MomentZone, ResolvedLocation } from '../places/place.type.js';

@ObjectType({ simpleResolvers: true, description: 'Nakshatra, pada and Vimshottari lord of a sidereal longitude.' })
export class NakshatraPosition {
  @Field(() => NakshatraEnum, { description: 'The nakshatra (13°20′ each from 0° sidereal Aries).' })
  nakshatra!: string;

  @Field(() => Int, { description: 'Quarter of the nakshatra, 1–4 (3°20′ each).' })
  pada!: number;

  @Field(() => DashaLordEnum, { description: 'Vimshottari lord of the nakshatra.' })
  lord!: string;
}


@ObjectType({ simpleResolvers: true, description: 'Apparent position of one body.' })
export class Position {
  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => Float, { description: 'Ecliptic longitude of date in degrees, [0, 360) (sidereal when zodiac is SIDEREAL).' })
  longitude!: number;

  @Field(() => Float, { description: 'Ecliptic latitude in degrees, [-90, 90].' })
  latitude!: number;

  @Field(() => Float, { description: 'Distance from the centre of the chart in astronomical units.' })
  distanceAu!: number;

  @Field(() => Float, { description: 'Longitude speed in degrees per day (negative when retrograde).' })
  longitudeSpeed!: number;

  @Field(() => Float, { description: 'Latitude speed in degrees per day.' })
  latitudeSpeed!: number;

  @Field(() => Float, { description: 'Right ascension of date in degrees, [0, 360).' })
  rightAscension!: number;

  @Field(() => Float, { description: 'Declination of date in degrees, [-90, 90].' })
  declination!: number;

  @Field(() => Boolean, { description: 'True when the longitude speed is negative.' })
  retrograde!: boolean;

  @Field(() => SignEnum, { description: 'Zodiac sign of the longitude.' })
  sign!: Sign;

  @Field(() => Float, { description: 'Longitude within the sign in degrees, [0, 30).' })
  signLongitude!: number;

  @Field(() => Int, { nullable: true, description: 'House 1–12 holding the body; null without location.' })
  house!: number | null;

  @Field(() => NakshatraPosition, { nullable: true, description: 'Nakshatra, pada and lord of the longitude when the zodiac is SIDEREAL; null when TROPICAL.' })
  nakshatra?: NakshatraPosition | null;
}

@ObjectType({ simpleResolvers: true, description: 'House cusps and angles.' })
export class Houses {
  @Field(() => HouseSystemEnum, { description: 'System actually used (differs from requestedSystem after a fallback).' })
  system!: HouseSystem;

  @Field(() => HouseSystemEnum, { description: 'System that was requested.' })
  requestedSystem!: HouseSystem;

  @Field(() => [Float], { description: 'The 12 cusp longitudes in degrees, house 1 first.' })
  cusps!: number[];

  @Field(() => Float, { description: 'Ascendant longitude in degrees.' })
  ascendant!: number;

  @Field(() => Float, { description: 'Midheaven (MC) longitude in degrees.' })
  midheaven!: number;

  @Field(() => Float, { description: 'Descendant longitude in degrees (ascendant + 180°).' })
  descendant!: number;

  @Field(() => Float, { description: 'Imum coeli (IC) longitude in degrees (midheaven + 180°).' })
  imumCoeli!: number;

  @Field(() => Float, { description: 'Vertex longitude in degrees.' })
  vertex!: number;

  @Field(() => Float, { description: 'Right ascension of the MC (sidereal time as an angle) in degrees.' })
  armc!: number;

  @Field(() => [String], { description: 'Notes such as a fallback from Placidus/Koch at polar latitudes.' })
  warnings!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'An aspect between two chart points.' })
export class Aspect {
  @Field(() => ChartPointEnum, { description: 'First point.' })
  first!: ChartPoint;

  @Field(() => ChartPointEnum, { description: 'Second point.' })
  second!: ChartPoint;

  @Field(() => AspectTypeEnum, { description: 'Aspect type.' })
  type!: AspectType;

  @Field(() => Float, { description: 'Exact angle of the aspect type in degrees.' })
  exactAngle!: number;

  @Field(() => Float, { description: 'Angular separation of the two points in degrees, [0, 180].' })
  separation!: number;

  @Field(() => Float, { description: '|separation − exactAngle| in degrees.' })
  orb!: number;

  @Field(() => Boolean, { description: 'True when the orb is shrinking (from the points\' longitude speeds).' })
  applying!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The resolved instant of a chart.' })
export class ResolvedMoment {
  @Field(() => DateTimeResolver, { description: 'The instant in UTC.' })
  utc!: Date;

  @Field(() => Float, { description: 'Julian day, Universal Time.' })
  julianDayUt!: number;

  @Field(() => Float, { description: 'Julian day, Terrestrial Time.' })
  julianDayTt!: number;

  @Field(() => Float, { description: 'ΔT = TT − UT in seconds.' })
  deltaTSeconds!: number;

  @Field(() => String, { nullable: true, description: 'IANA zone used to resolve a local time, if any.' })
  timeZone!: string | null;

  @Field(() => Int, { nullable: true, description: 'UTC offset in minutes applied to the local time, if any.' })
  utcOffsetMinutes!: number | null;

  @Field(() => EphemerisEngineEnum, { description: 'The engine that computed this instant: PRECISE (1800–2399) or EXTENDED (1000–1799, 2400–2999); see the enum for each one\'s accuracy.' })
  ephemeris!: EphemerisEngine;

  @Field(() => MomentZone, {
    nullable: true,
    description: 'How the local time was read: zone, offset in seconds, zoneSource, DST gap/overlap and its resolution (null on instants a technique derives).',
  })
  zone!: MomentZone | null;
}

@ObjectType({ simpleResolvers: true, description: 'A complete chart: moment, positions, houses (with a location) and aspects.' })
export class Chart {
  @Field(() => ResolvedMoment, { description: 'The resolved instant.' })
  moment!: ResolvedMoment;

  @Field(() => [Position], { description: 'Positions of the requested bodies.' })
  positions!: Position[];

  @Field(() => Houses, { nullable: true, description: 'Houses and angles; null without location.' })
  houses!: Houses | null;

  @Field(() => [Aspect], { description: 'Aspects between the bodies (and the angles with a location).' })
  aspects!: Aspect[];

  @Field(() => ResolvedLocation, {
    nullable: true,
    description: 'The location as resolved (coordinates, zone, the place used); null without location and on charts a technique derives.',
  })
  location!: ResolvedLocation | null;
}
