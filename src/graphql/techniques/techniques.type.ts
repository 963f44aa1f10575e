/**
 * Output types of the techniques, stars and events queries. Angles in degrees, instants UTC.
 *
 * Plain data, `simpleResolvers: true` as in chart.type.ts: no per-field type-graphql resolver, so
 * a long answer (a transit search's hundreds of events) is read property by property.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AspectTypeEnum, BodyEnum, ChartPointEnum, SignEnum } from '../enums.js';
import { Aspect, Chart, Position, ResolvedMoment } from '../chart/chart.type.js';
import {
  AntisciaKindEnum, DignityKindEnum, EclipseKindEnum, EclipseTypeEnum, LunarPhaseEnum, OverlayOwnerEnum, ParallelKindEnum,
  ProgressedAngleMethodEnum, ProgressionMethodEnum, StationKindEnum, TraditionalPlanetEnum, TransitEventKindEnum,
} from './techniques.enums.js';
import type { AspectType, Body, ChartPoint, Sign } from '../../ephemeris/types.js';

@ObjectType({ simpleResolvers: true, description: 'A planetary return and its chart.' })
export class ReturnChart {
  @Field(() => BodyEnum, { description: 'The returning body.' })
  body!: Body;

  @Field(() => Float, { description: "The body's natal longitude it returns to, degrees [0, 360)." })
  natalLongitude!: number;

  @Field(() => Chart, { description: 'The return chart; `moment.utc` is the exact return (to the millisecond).' })
  chart!: Chart;
}

@ObjectType({ simpleResolvers: true, description: 'A progressed chart.' })
export class ProgressedChart {
  @Field(() => ProgressionMethodEnum, { description: 'Time key used.' })
  method!: string;

  @Field(() => ProgressedAngleMethodEnum, { description: 'How the angles were directed.' })
  angleMethod!: string;

  @Field(() => ResolvedMoment, { description: 'The ephemeris instant whose positions are the progressed positions.' })
  progressedMoment!: ResolvedMoment;

  @Field(() => Float, { description: 'Age at the target in tropical years.' })
  ageYears!: number;

  @Field(() => Float, { description: 'Progressed Sun − natal Sun, degrees [0, 360).' })
  solarArcDegrees!: number;

  @Field(() => Float, { description: 'Arc added to the natal angles (solar arc or Naibod), degrees.' })
  angleArcDegrees!: number;

  @Field(() => Chart, { description: 'Progressed positions; houses from the directed angles (with a natal location).' })
  chart!: Chart;
}

@ObjectType({ simpleResolvers: true, description: 'A natal point directed by the solar arc.' })
export class DirectedPoint {
  @Field(() => ChartPointEnum, { description: 'The natal point.' })
  point!: ChartPoint;

  @Field(() => Float, { description: 'Natal longitude, degrees.' })
  natalLongitude!: number;

  @Field(() => Float, { description: 'Directed longitude (natal + arc), degrees [0, 360).' })
  longitude!: number;

  @Field(() => SignEnum, { description: 'Sign of the directed longitude.' })
  sign!: Sign;

  @Field(() => Float, { description: 'Directed longitude within the sign, [0, 30).' })
  signLongitude!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Solar-arc directions: every natal point advanced by progressed Sun − natal Sun.' })
export class SolarArcDirections {
  @Field(() => DateTimeResolver, { description: 'The instant of life.' })
  target!: Date;

  @Field(() => Float, { description: 'Age at the target in tropical years.' })
  ageYears!: number;

  @Field(() => Float, { description: 'Secondary-progressed Sun − natal Sun, degrees [0, 360).' })
  solarArcDegrees!: number;

  @Field(() => ResolvedMoment, { description: 'The secondary-progressed instant.' })
  progressedMoment!: ResolvedMoment;

  @Field(() => [DirectedPoint], { description: 'Directed bodies and (with a location) Ascendant and Midheaven.' })
  points!: DirectedPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'One of the four principal lunar phases.' })
export class LunarPhaseEvent {
  @Field(() => LunarPhaseEnum, { description: 'The phase.' })
  phase!: string;

  @Field(() => DateTimeResolver, { description: 'Exact instant (UTC).' })
  utc!: Date;

  @Field(() => Float, { description: "The Moon's tropical longitude at the instant, degrees." })
  moonLongitude!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A solar or lunar eclipse.' })
export class EclipseEvent {
  @Field(() => EclipseKindEnum, { description: 'SOLAR or LUNAR.' })
  kind!: string;

  @Field(() => EclipseTypeEnum, { description: 'TOTAL, ANNULAR, HYBRID (solar: total on part of the central line, annular on another), PARTIAL or PENUMBRAL.' })
  type!: string;

  @Field(() => DateTimeResolver, { description: 'Instant of greatest eclipse (UTC).' })
  maximumUtc!: Date;

  @Field(() => Float, { description: 'Tropical longitude of the eclipsed luminary at maximum, degrees.' })
  longitude!: number;

  @Field(() => Boolean, { description: 'Solar: the shadow axis meets the Earth. Always false for lunar eclipses.' })
  central!: boolean;

  @Field(() => Float, { nullable: true, description: 'Solar total/annular: obscuration at the peak point; lunar: umbral obscuration.' })
  obscuration!: number | null;

  @Field(() => Float, { nullable: true, description: 'Central solar eclipses: latitude of the shadow centre at maximum.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Central solar eclipses: east longitude of the shadow centre at maximum.' })
  geoLongitude!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A body entering a sign.' })
export class IngressEvent {
  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => DateTimeResolver, { description: 'Exact instant (UTC).' })
  utc!: Date;

  @Field(() => SignEnum, { description: 'The sign entered (the previous sign for a retrograde ingress).' })
  sign!: Sign;

  @Field(() => Float, { description: 'The crossed sign boundary, degrees (0, 30, … 330).' })
  longitude!: number;

  @Field(() => Boolean, { description: 'True when the body crossed the boundary moving backwards.' })
  retrograde!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A station of a body.' })
export class StationEvent {
  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => DateTimeResolver, { description: 'Instant the longitude speed changes sign (UTC).' })
  utc!: Date;

  @Field(() => StationKindEnum, { description: 'RETROGRADE or DIRECT.' })
  kind!: string;

  @Field(() => Float, { description: 'Longitude at the station, degrees.' })
  longitude!: number;

  @Field(() => SignEnum, { description: 'Sign of the station.' })
  sign!: Sign;
}

@ObjectType({ simpleResolvers: true, description: 'A void-of-course Moon period.' })
export class VoidOfCoursePeriod {
  @Field(() => DateTimeResolver, { description: "The Moon's last exact Ptolemaic aspect in its sign (or its ingress if none)." })
  startUtc!: Date;

  @Field(() => DateTimeResolver, { description: "The Moon's next sign ingress." })
  endUtc!: Date;

  @Field(() => SignEnum, { description: 'Sign the Moon is void in.' })
  sign!: Sign;

  @Field(() => SignEnum, { description: 'Sign the Moon enters at the end.' })
  nextSign!: Sign;

  @Field(() => BodyEnum, { nullable: true, description: 'Planet of the last aspect; null when none in the sign.' })
  lastAspectBody!: Body | null;

  @Field(() => Float, { nullable: true, description: 'Angle of the last aspect (0, 60, 90, 120, 180).' })
  lastAspectAngle!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Transits at an instant.' })
export class TransitsResult {
  @Field(() => ResolvedMoment, { description: 'The instant.' })
  moment!: ResolvedMoment;

  @Field(() => [Position], { description: 'Transiting positions; `house` is the natal house they fall in.' })
  positions!: Position[];

  @Field(() => [Aspect], { description: 'Aspects transiting (first) → natal (second).' })
  aspects!: Aspect[];
}

@ObjectType({ simpleResolvers: true, description: 'An exact transit event.' })
export class TransitEvent {
  @Field(() => TransitEventKindEnum, { description: 'ASPECT, SIGN_INGRESS or HOUSE_INGRESS.' })
  kind!: string;

  @Field(() => DateTimeResolver, { description: 'Exact instant (UTC).' })
  utc!: Date;

  @Field(() => BodyEnum, { description: 'The transiting body.' })
  transitingBody!: Body;

  @Field(() => Float, { description: 'Transiting longitude at the instant, degrees.' })
  longitude!: number;

  @Field(() => Boolean, { description: 'True when the transiting body is retrograde.' })
  retrograde!: boolean;

  @Field(() => ChartPointEnum, { nullable: true, description: 'ASPECT: the natal point.' })
  natalPoint!: ChartPoint | null;

  @Field(() => AspectTypeEnum, { nullable: true, description: 'ASPECT: the aspect type.' })
  aspect!: AspectType | null;

  @Field(() => SignEnum, { nullable: true, description: 'SIGN_INGRESS: the sign entered.' })
  sign!: Sign | null;

  @Field(() => Int, { nullable: true, description: 'HOUSE_INGRESS: the natal house entered, 1–12.' })
  house!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "A body of one chart placed in the other chart's houses." })
export class HouseOverlay {
  @Field(() => OverlayOwnerEnum, { description: 'Whose body (A or B).' })
  owner!: string;

  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => Float, { description: 'Its longitude, degrees.' })
  longitude!: number;

  @Field(() => Int, { description: "House of the other chart, 1–12." })
  house!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Synastry between two charts.' })
export class Synastry {
  @Field(() => Chart, { description: 'Chart A.' })
  first!: Chart;

  @Field(() => Chart, { description: 'Chart B.' })
  second!: Chart;

  @Field(() => [Aspect], { description: 'Aspects with `first` from chart A and `second` from chart B.' })
  aspects!: Aspect[];

  @Field(() => [HouseOverlay], { description: "A's bodies in B's houses and B's in A's (where houses exist)." })
  overlays!: HouseOverlay[];
}

@ObjectType({ simpleResolvers: true, description: 'A point with a longitude.' })
export class PointLongitude {
  @Field(() => ChartPointEnum, { description: 'The point.' })
  point!: ChartPoint;

  @Field(() => Float, { description: 'Longitude, degrees [0, 360).' })
  longitude!: number;

  @Field(() => SignEnum, { description: 'Sign of the longitude.' })
  sign!: Sign;

  @Field(() => Float, { description: 'Longitude within the sign, [0, 30).' })
  signLongitude!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Antiscion and contra-antiscion of a point.' })
export class AntisciaPoint {
  @Field(() => ChartPointEnum, { description: 'The point.' })
  point!: ChartPoint;

  @Field(() => Float, { description: 'Its longitude, degrees.' })
  longitude!: number;

  @Field(() => Float, { description: 'Antiscion, 180° − λ (mod 360).' })
  antiscion!: number;

  @Field(() => Float, { description: 'Contra-antiscion, 360° − λ (mod 360).' })
  contraAntiscion!: number;
}

@ObjectType({ simpleResolvers: true, description: "One point's (contra-)antiscion conjunct another point." })
export class AntisciaContact {
  @Field(() => ChartPointEnum, { description: 'The mirrored point.' })
  first!: ChartPoint;

  @Field(() => ChartPointEnum, { description: 'The point it falls on.' })
  second!: ChartPoint;

  @Field(() => AntisciaKindEnum, { description: 'ANTISCION or CONTRA_ANTISCION.' })
  kind!: string;

  @Field(() => Float, { description: 'Orb, degrees.' })
  orbDegrees!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Antiscia of a chart.' })
export class AntisciaResult {
  @Field(() => [AntisciaPoint], { description: 'Every point with its antiscion and contra-antiscion.' })
  points!: AntisciaPoint[];

  @Field(() => [AntisciaContact], { description: 'Contacts within the orb.' })
  contacts!: AntisciaContact[];
}

@ObjectType({ simpleResolvers: true, description: 'Midpoint of two points.' })
export class Midpoint {
  @Field(() => ChartPointEnum, { description: 'First point.' })
  first!: ChartPoint;

  @Field(() => ChartPointEnum, { description: 'Second point.' })
  second!: ChartPoint;

  @Field(() => Float, { description: 'Near (shorter-arc) midpoint, degrees.' })
  longitude!: number;

  @Field(() => Float, { description: 'Far midpoint (near + 180°), degrees.' })
  farLongitude!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Declination of a point.' })
export class DeclinationPoint {
  @Field(() => ChartPointEnum, { description: 'The point.' })
  point!: ChartPoint;

  @Field(() => Float, { description: 'Declination of date, degrees [-90, 90].' })
  declination!: number;

  @Field(() => Boolean, { description: 'True when |declination| exceeds the true obliquity.' })
  outOfBounds!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A parallel or contra-parallel of declination.' })
export class DeclinationContact {
  @Field(() => ChartPointEnum, { description: 'First point.' })
  first!: ChartPoint;

  @Field(() => ChartPointEnum, { description: 'Second point.' })
  second!: ChartPoint;

  @Field(() => ParallelKindEnum, { description: 'PARALLEL or CONTRA_PARALLEL.' })
  kind!: string;

  @Field(() => Float, { description: 'Orb, degrees.' })
  orbDegrees!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Declinations of a chart.' })
export class Declinations {
  @Field(() => Float, { description: 'True obliquity of date used, degrees.' })
  obliquityDegrees!: number;

  @Field(() => [DeclinationPoint], { description: 'Declination of every point.' })
  points!: DeclinationPoint[];

  @Field(() => [DeclinationContact], { description: 'Parallels and contra-parallels within the orb.' })
  contacts!: DeclinationContact[];
}

@ObjectType({ simpleResolvers: true, description: 'An Arabic part (lot).' })
export class ArabicPart {
  @Field(() => String, { description: 'Name, e.g. FORTUNE.' })
  name!: string;

  @Field(() => Float, { description: 'Longitude, degrees [0, 360).' })
  longitude!: number;

  @Field(() => String, { description: 'Formula used, e.g. "ASCENDANT + MOON − SUN".' })
  formula!: string;

  @Field(() => Boolean, { description: 'True when reversed for a night chart.' })
  reversed!: boolean;

  @Field(() => String, { description: 'Source of the formula.' })
  source!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Essential dignity of a traditional planet (Lilly).' })
export class EssentialDignity {
  @Field(() => TraditionalPlanetEnum, { description: 'The planet.' })
  planet!: string;

  @Field(() => Float, { description: 'Its longitude, degrees.' })
  longitude!: number;

  @Field(() => SignEnum, { description: 'Its sign.' })
  sign!: Sign;

  @Field(() => [DignityKindEnum], { description: 'Dignities and debilities held.' })
  kinds!: string[];

  @Field(() => Int, { description: "Sum of Lilly's scores." })
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Dignity points of one planet.' })
export class PlanetScore {
  @Field(() => TraditionalPlanetEnum, { description: 'The planet.' })
  planet!: string;

  @Field(() => Int, { description: 'Points.' })
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The almuten: planet(s) with most essential-dignity points.' })
export class Almuten {
  @Field(() => [TraditionalPlanetEnum], { description: 'The winner(s); several when tied.' })
  almuten!: string[];

  @Field(() => [PlanetScore], { description: 'Points of every planet.' })
  scores!: PlanetScore[];
}

@ObjectType({ simpleResolvers: true, description: 'Essential dignities, sect and almutens of a chart.' })
export class Dignities {
  @Field(() => Boolean, { description: 'True when the Sun is above the horizon.' })
  dayChart!: boolean;

  @Field(() => [EssentialDignity], { description: 'The seven traditional planets.' })
  planets!: EssentialDignity[];

  @Field(() => Almuten, { description: 'Almuten of the Ascendant degree.' })
  ascendantAlmuten!: Almuten;

  @Field(() => Almuten, { description: 'Almuten figuris over Sun, Moon, Ascendant, Part of Fortune, prenatal syzygy.' })
  almutenFiguris!: Almuten;

  @Field(() => Float, { description: 'Longitude of the prenatal syzygy, degrees.' })
  prenatalSyzygyLongitude!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Apparent position of a fixed star.' })
export class FixedStarPosition {
  @Field(() => String, { description: 'Traditional name.' })
  name!: string;

  @Field(() => String, { description: 'Bayer designation, e.g. "alLeo".' })
  designation!: string;

  @Field(() => Float, { description: 'Apparent tropical ecliptic longitude of date, degrees.' })
  longitude!: number;

  @Field(() => Float, { description: 'Apparent ecliptic latitude, degrees.' })
  latitude!: number;

  @Field(() => Float, { description: 'Visual magnitude.' })
  magnitudeV!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A chart point conjunct a fixed star.' })
export class FixedStarConjunction {
  @Field(() => String, { description: 'The star.' })
  star!: string;

  @Field(() => ChartPointEnum, { description: 'The chart point.' })
  point!: ChartPoint;

  @Field(() => Float, { description: "The star's longitude, degrees." })
  starLongitude!: number;

  @Field(() => Float, { description: "The point's longitude, degrees." })
  pointLongitude!: number;

  @Field(() => Float, { description: 'Orb in longitude, degrees.' })
  orbDegrees!: number;
}
