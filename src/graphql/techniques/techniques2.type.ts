/**
 * Output types of the Vedic, Hellenistic time-lord, sky, table and chart-analytics queries (the
 * names NakshatraPosition, DashaPeriod, DivisionalPosition, DivisionalChart, MoonPhase, RiseSet and
 * AstrocartographyLine are the API contract). Angles in degrees, instants UTC. Plain data, hence
 * `simpleResolvers`.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AyanamsaEnum, BodyEnum, DashaLordEnum, SignEnum } from '../enums.js';
import { NakshatraPosition, Position } from '../chart/chart.type.js';
import { TraditionalPlanetEnum } from './techniques.enums.js';
import {
  AspectPatternTypeEnum, ChartAngleEnum, ChartShapeTypeEnum, ElementEnum, FirdariaLordEnum, HemisphereEnum,
  KaranaEnum, LunarPhaseNameEnum, ModalityEnum, PakshaEnum, ProfectionPointEnum, ReleasingLotEnum, TithiNameEnum,
  WeekdayEnum, YogaEnum,
} from './techniques2.enums.js';
import type { Body, Sign } from '../../ephemeris/types.js';

@ObjectType({ simpleResolvers: true, description: 'A Vimshottari dasha period.' })
export class DashaPeriod {
  @Field(() => DashaLordEnum, { description: 'Lord of the period.' })
  lord!: string;

  @Field(() => Int, { description: '1 mahadasha, 2 antardasha, 3 pratyantardasha.' })
  level!: number;

  @Field(() => DateTimeResolver, { description: 'Start (the first mahadasha starts before birth).' })
  start!: Date;

  @Field(() => DateTimeResolver, { description: 'End.' })
  end!: Date;

  @Field(() => [DashaLordEnum], { description: 'Lords from the mahadasha down to this period (as many as the level).' })
  path!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The sign of a body in a divisional chart.' })
export class DivisionalPosition {
  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => SignEnum, { description: 'Its sign in the divisional chart.' })
  sign!: Sign;
}

@ObjectType({ simpleResolvers: true, description: "A divisional chart (varga) of Parashara." })
export class DivisionalChart {
  @Field(() => Int, { description: 'The division: 1, 2, 3, 4, 7, 9, 10, 12, 16, 20, 24, 27, 30, 40, 45 or 60.' })
  division!: number;

  @Field(() => SignEnum, { nullable: true, description: 'Sign of the ascendant in the divisional chart; null without a location.' })
  ascendantSign!: Sign | null;

  @Field(() => [DivisionalPosition], { description: 'Sign of each body.' })
  positions!: DivisionalPosition[];
}

@ObjectType({ simpleResolvers: true, description: 'The five limbs of the Hindu almanac at an instant and place, with the day\'s sunrise and sunset.' })
export class Panchang {
  @Field(() => Int, { description: 'Tithi (lunar day), 1–30: floor(elongation / 12°) + 1.' })
  tithi!: number;

  @Field(() => TithiNameEnum, { description: 'Name of the tithi.' })
  tithiName!: string;

  @Field(() => PakshaEnum, { description: 'SHUKLA (tithis 1–15) or KRISHNA (16–30).' })
  paksha!: string;

  @Field(() => NakshatraPosition, { description: 'Nakshatra of the sidereal Moon.' })
  nakshatra!: NakshatraPosition;

  @Field(() => Int, { description: 'Yoga number, 1–27.' })
  yogaIndex!: number;

  @Field(() => YogaEnum, { description: 'The yoga.' })
  yoga!: string;

  @Field(() => Int, { description: 'Karana number, 1–60 (half-tithis from the new Moon).' })
  karanaIndex!: number;

  @Field(() => KaranaEnum, { description: 'The karana.' })
  karana!: string;

  @Field(() => WeekdayEnum, { description: 'Vara: the weekday of the sunrise that began the Vedic day.' })
  vara!: string;

  @Field(() => TraditionalPlanetEnum, { description: 'Lord of the vara.' })
  varaLord!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Sunrise that began the Vedic day containing the instant (upper limb, standard refraction); null in polar day or night.' })
  sunrise!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'The sunset after that sunrise; null when none.' })
  sunset!: Date | null;

  @Field(() => Float, { description: 'Moon − Sun longitude, degrees [0, 360).' })
  elongation!: number;

  @Field(() => Float, { description: "The Sun's sidereal longitude, degrees." })
  siderealSunLongitude!: number;

  @Field(() => Float, { description: "The Moon's sidereal longitude, degrees." })
  siderealMoonLongitude!: number;

  @Field(() => AyanamsaEnum, { description: 'The ayanamsa of the sidereal longitudes.' })
  ayanamsa!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The Moon\'s phase at an instant (geocentric, apparent).' })
export class MoonPhase {
  @Field(() => Float, { description: 'Phase angle Sun–Moon–Earth, degrees [0, 180]; 0 at full Moon.' })
  phaseAngle!: number;

  @Field(() => Float, { description: 'Illuminated fraction of the disc, [0, 1]: (1 + cos phaseAngle) / 2.' })
  illumination!: number;

  @Field(() => Float, { description: 'Moon − Sun ecliptic longitude, degrees [0, 360): 0 new, 90 first quarter, 180 full, 270 last quarter.' })
  elongation!: number;

  @Field(() => Float, { description: 'Days since the last new Moon.' })
  ageDays!: number;

  @Field(() => LunarPhaseNameEnum, { description: 'The octant of the elongation.' })
  phase!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The next rise, upper transit and set of a body after an instant (upper limb for the Sun and Moon, standard refraction); null when it does not happen within a year.' })
export class RiseSet {
  @Field(() => DateTimeResolver, { nullable: true, description: 'Next rise.' })
  rise!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Next upper transit (culmination).' })
  transit!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Next set.' })
  set!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'A planetary hour (a twelfth of the day or of the night).' })
export class PlanetaryHour {
  @Field(() => Int, { description: '1–12 from sunrise, 13–24 from sunset.' })
  hour!: number;

  @Field(() => TraditionalPlanetEnum, { description: 'Ruler, in the Chaldean order from the lord of the day.' })
  ruler!: string;

  @Field(() => DateTimeResolver, { description: 'Start.' })
  start!: Date;

  @Field(() => DateTimeResolver, { description: 'End.' })
  end!: Date;

  @Field(() => Boolean, { description: 'True for the twelve hours between sunrise and sunset.' })
  daytime!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A place on Earth: geodetic latitude and east longitude, degrees.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude, degrees [−90, 90].' })
  latitude!: number;

  @Field(() => Float, { description: 'East longitude, degrees [−180, 180).' })
  longitude!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Where on Earth a body was on one angle at the instant (astrocartography).' })
export class AstrocartographyLine {
  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => ChartAngleEnum, { description: 'MC, IC (meridians), ASC or DSC (horizon curves).' })
  angle!: string;

  @Field(() => Float, { nullable: true, description: 'East longitude of an MC or IC meridian, degrees [−180, 180); null for ASC/DSC.' })
  longitude!: number | null;

  @Field(() => [GeoPoint], { description: 'The line in order of latitude (a meridian: its two ends at ±89.9°); a curve may cross the antimeridian between two points.' })
  points!: GeoPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'One row of an ephemeris table.' })
export class EphemerisRow {
  @Field(() => DateTimeResolver, { description: 'The instant.' })
  utc!: Date;

  @Field(() => Float, { description: 'Julian day, Universal Time.' })
  julianDayUt!: number;

  @Field(() => [Position], { description: 'Positions of the requested bodies.' })
  positions!: Position[];
}

@ObjectType({ simpleResolvers: true, description: 'Annual and monthly profection at an instant.' })
export class Profection {
  @Field(() => Int, { description: 'Completed years of life.' })
  age!: number;

  @Field(() => ProfectionPointEnum, { description: 'The profected point.' })
  point!: string;

  @Field(() => SignEnum, { description: 'Natal sign of the point.' })
  natalSign!: Sign;

  @Field(() => SignEnum, { description: 'Profected sign of the year (natal sign + age).' })
  profectedSign!: Sign;

  @Field(() => Int, { description: 'Whole-sign house of the year from the point, 1–12 (age mod 12 + 1).' })
  profectedHouse!: number;

  @Field(() => TraditionalPlanetEnum, { description: 'Lord of the year: the traditional ruler of the profected sign.' })
  lordOfYear!: string;

  @Field(() => DateTimeResolver, { description: 'Start of the profection year (the birthday).' })
  yearStart!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the profection year.' })
  yearEnd!: Date;

  @Field(() => Int, { description: 'Month of the profection year, 1–12 (twelfths of the year).' })
  month!: number;

  @Field(() => SignEnum, { description: 'Sign of the month.' })
  monthSign!: Sign;

  @Field(() => TraditionalPlanetEnum, { description: 'Lord of the month.' })
  lordOfMonth!: string;

  @Field(() => DateTimeResolver, { description: 'Start of the month.' })
  monthStart!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the month.' })
  monthEnd!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A zodiacal-releasing period.' })
export class ReleasingPeriod {
  @Field(() => ReleasingLotEnum, { description: 'The released Lot.' })
  lot!: string;

  @Field(() => Int, { description: 'Level 1–4.' })
  level!: number;

  @Field(() => SignEnum, { description: 'Sign of the period.' })
  sign!: Sign;

  @Field(() => TraditionalPlanetEnum, { description: 'Traditional ruler of the sign.' })
  lord!: string;

  @Field(() => DateTimeResolver, { description: 'Start.' })
  start!: Date;

  @Field(() => DateTimeResolver, { description: 'End.' })
  end!: Date;

  @Field(() => [SignEnum], { description: 'Signs from level 1 down to this period.' })
  path!: Sign[];

  @Field(() => Boolean, { description: 'The period that jumps to the opposite sign after a full round (loosing of the bond).' })
  loosingOfTheBond!: boolean;

  @Field(() => Int, { description: "The period's sign counted from the Lot of Fortune's sign, 1–12." })
  houseFromFortune!: number;

  @Field(() => Boolean, { description: 'Peak period: angular from Fortune (1st, 4th, 7th or 10th sign).' })
  peak!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A firdaria period or sub-period.' })
export class FirdariaPeriod {
  @Field(() => Int, { description: '1 major period, 2 sub-period.' })
  level!: number;

  @Field(() => FirdariaLordEnum, { description: 'Lord of this period.' })
  lord!: string;

  @Field(() => FirdariaLordEnum, { description: 'Lord of the major period it belongs to.' })
  majorLord!: string;

  @Field(() => DateTimeResolver, { description: 'Start.' })
  start!: Date;

  @Field(() => DateTimeResolver, { description: 'End.' })
  end!: Date;
}

/** The object type of a count of bodies per value of `keyEnum` ("Element" → ElementCount). */
function countType(keyEnum: object, keyName: string) {
  @ObjectType(`${keyName}Count`, { simpleResolvers: true, description: `How many bodies are in one ${keyName.toLowerCase()}, and which.` })
  class Count {
    @Field(() => keyEnum, { description: `The ${keyName.toLowerCase()}.` })
    key!: string;

    @Field(() => Int, { description: 'Number of bodies.' })
    count!: number;

    @Field(() => [BodyEnum], { description: 'The bodies.' })
    bodies!: Body[];
  }
  return Count;
}

const ElementCount = countType(ElementEnum, 'Element');
const ModalityCount = countType(ModalityEnum, 'Modality');
const HemisphereCount = countType(HemisphereEnum, 'Hemisphere');

@ObjectType({ simpleResolvers: true, description: 'Distribution of the bodies over elements, modalities and hemispheres.' })
export class ChartDistribution {
  @Field(() => [ElementCount], { description: 'Fire, earth, air, water.' })
  elements!: InstanceType<typeof ElementCount>[];

  @Field(() => [ModalityCount], { description: 'Cardinal, fixed, mutable.' })
  modalities!: InstanceType<typeof ModalityCount>[];

  @Field(() => [HemisphereCount], { description: 'Northern, southern, eastern, western (each body counts in two); empty without a location.' })
  hemispheres!: InstanceType<typeof HemisphereCount>[];

  @Field(() => Int, { description: 'Number of bodies counted.' })
  total!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An aspect pattern and the bodies in it.' })
export class AspectPattern {
  @Field(() => AspectPatternTypeEnum, { description: 'The pattern.' })
  type!: string;

  @Field(() => [BodyEnum], { description: 'The bodies, the apex (if any) last.' })
  bodies!: Body[];

  @Field(() => BodyEnum, { nullable: true, description: 'Focal body of a T-square, yod or kite; null otherwise.' })
  apex!: Body | null;

  @Field(() => SignEnum, { nullable: true, description: 'Sign of a stellium; null otherwise.' })
  sign!: Sign | null;
}

@ObjectType({ simpleResolvers: true, description: "The chart's overall shape (Jones)." })
export class ChartShape {
  @Field(() => ChartShapeTypeEnum, { description: 'The shape.' })
  type!: string;

  @Field(() => Float, { description: 'Width of the largest empty arc, degrees.' })
  largestGapDegrees!: number;

  @Field(() => Float, { description: 'Occupied arc: 360° minus the largest empty arc.' })
  occupiedArcDegrees!: number;

  @Field(() => BodyEnum, { nullable: true, description: 'BOWL, BUCKET, LOCOMOTIVE: the planet leading the others in the diurnal motion; null otherwise.' })
  leadingBody!: Body | null;

  @Field(() => [BodyEnum], { description: 'BUCKET: the handle (one or two bodies); empty otherwise.' })
  handle!: Body[];
}
