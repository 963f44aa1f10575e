/**
 * Inputs of the techniques, stars and events queries (the names are the API contract). Each
 * implements the techniques service's request type (src/services/techniques.requests.ts).
 */
import { Field, Float, InputType, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AspectTypeEnum, AyanamsaEnum, BodyEnum, ZodiacEnum } from '../enums.js';
import { AspectOptionsInput, ChartInput, LocationInput } from '../chart/chart.input.js';
import { EclipseKindEnum, ProgressedAngleMethodEnum, ProgressionMethodEnum, TransitEventKindEnum } from './techniques.enums.js';
import type { AspectType, Ayanamsa, Body, Zodiac } from '../../ephemeris/types.js';
import type { ProgressedAngleMethod, ProgressionMethod } from '../../ephemeris/techniques/progressions.js';
import type { EclipseKind } from '../../ephemeris/events/events.js';
import type { TransitEventKind } from '../../ephemeris/techniques/transits.js';
import type {
  ArabicPartsRequest, ChartOrbRequest, DateRangeRequest, EclipseSearchRequest, FixedStarsRequest, HarmonicRequest,
  IngressSearchRequest, NatalRequest, ProgressionRequest, RelationshipRequest, ReturnRequest, SolarArcRequest,
  StationSearchRequest, SynastryRequest, TransitSearchRequest, TransitsRequest, VoidOfCourseRequest,
} from '../../services/techniques.requests.js';

@InputType({ description: 'A planetary return: give exactly one of `after` or `before`.' })
export class ReturnInput implements ReturnRequest {
  @Field(() => ChartInput, { description: 'The natal chart (its settings are used for the return chart).' })
  natal!: ChartInput;

  @Field(() => BodyEnum, { description: 'The returning body: SUN (solar return), MOON (lunar return), any other body.' })
  body!: Body;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Find the first return strictly after this instant.' })
  after?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Find the last return strictly before this instant.' })
  before?: Date;

  @Field(() => LocationInput, { nullable: true, description: 'Where the return chart is cast. Default: the natal location.' })
  location?: LocationInput;
}

@InputType({ description: 'A progressed chart for an instant of life.' })
export class ProgressionInput implements ProgressionRequest {
  @Field(() => ChartInput, { description: 'The natal chart.' })
  natal!: ChartInput;

  @Field(() => DateTimeResolver, { description: 'The instant of life to progress to.' })
  target!: Date;

  @Field(() => ProgressionMethodEnum, { nullable: true, defaultValue: 'SECONDARY', description: 'Time key. Default SECONDARY (a day for a year).' })
  method?: ProgressionMethod;

  @Field(() => ProgressedAngleMethodEnum, { nullable: true, defaultValue: 'SOLAR_ARC', description: 'How the angles progress. Default SOLAR_ARC (in MC).' })
  angles?: ProgressedAngleMethod;
}

@InputType({ description: 'Solar-arc directions of a natal chart for an instant of life.' })
export class SolarArcInput implements SolarArcRequest {
  @Field(() => ChartInput, { description: 'The natal chart.' })
  natal!: ChartInput;

  @Field(() => DateTimeResolver, { description: 'The instant of life the directions are for.' })
  target!: Date;
}

@InputType({ description: 'A date range for event searches: at most 5 years, within 1000–2999 (PRECISE ephemeris inside 1800–2399, EXTENDED outside).' })
export class EventSearchInput implements DateRangeRequest {
  @Field(() => DateTimeResolver, { description: 'Start of the range (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (UTC), after `from`, at most 5 years later.' })
  to!: Date;
}

@InputType({ description: 'Eclipses in a date range (at most 5 years).' })
export class EclipseSearchInput implements EclipseSearchRequest {
  @Field(() => DateTimeResolver, { description: 'Start of the range (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (UTC), at most 5 years after `from`.' })
  to!: Date;

  @Field(() => EclipseKindEnum, { nullable: true, description: 'SOLAR or LUNAR; both when omitted.' })
  kind?: EclipseKind;
}

@InputType({ description: 'Sign ingresses of one body in a date range (at most 5 years).' })
export class IngressSearchInput implements IngressSearchRequest {
  @Field(() => BodyEnum, { description: 'The body.' })
  body!: Body;

  @Field(() => DateTimeResolver, { description: 'Start of the range (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (UTC), at most 5 years after `from`.' })
  to!: Date;

  @Field(() => ZodiacEnum, { nullable: true, defaultValue: 'TROPICAL', description: 'Zodiac of the signs; SIDEREAL needs ayanamsa.' })
  zodiac?: Zodiac;

  @Field(() => AyanamsaEnum, { nullable: true, description: 'Ayanamsa for sidereal signs.' })
  ayanamsa?: Ayanamsa;
}

@InputType({ description: 'Stations of one body in a date range (at most 5 years).' })
export class StationSearchInput implements StationSearchRequest {
  @Field(() => BodyEnum, { description: 'The body (the Sun and Moon have no stations).' })
  body!: Body;

  @Field(() => DateTimeResolver, { description: 'Start of the range (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (UTC), at most 5 years after `from`.' })
  to!: Date;
}

@InputType({ description: 'Void-of-course Moon periods in a date range (at most 1 year).' })
export class VoidOfCourseInput implements VoidOfCourseRequest {
  @Field(() => DateTimeResolver, { description: 'Start of the range (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (UTC), at most 1 year after `from`.' })
  to!: Date;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Count aspects to Sun…Saturn only (traditional). Default false: Sun…Pluto.' })
  traditional?: boolean;
}

@InputType({ description: 'Transits to a natal chart at one instant.' })
export class TransitsInput implements TransitsRequest {
  @Field(() => ChartInput, { description: 'The natal chart (its bodies and aspect options are used).' })
  natal!: ChartInput;

  @Field(() => DateTimeResolver, { description: 'The instant of the transits.' })
  at!: Date;
}

@InputType({ description: 'Search of exact transit events to a natal chart over a range (at most 5 years).' })
export class TransitSearchInput implements TransitSearchRequest {
  @Field(() => ChartInput, { description: 'The natal chart (geocentric, tropical).' })
  natal!: ChartInput;

  @Field(() => DateTimeResolver, { description: 'Start of the range (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'End of the range (UTC), at most 5 years after `from`.' })
  to!: Date;

  @Field(() => [BodyEnum], { nullable: true, description: 'Transiting bodies. Default: SUN, MERCURY…PLUTO.' })
  bodies?: Body[];

  @Field(() => [AspectTypeEnum], { nullable: true, description: 'Aspect types. Default: CONJUNCTION, SEXTILE, SQUARE, TRINE, OPPOSITION.' })
  aspectTypes?: AspectType[];

  @Field(() => [TransitEventKindEnum], { nullable: true, description: 'Kinds of events. Default: all.' })
  kinds?: TransitEventKind[];
}

@InputType({ description: 'Two charts for synastry.' })
export class SynastryInput implements SynastryRequest {
  @Field(() => ChartInput, { description: 'The first chart (A).' })
  first!: ChartInput;

  @Field(() => ChartInput, { description: 'The second chart (B).' })
  second!: ChartInput;

  @Field(() => AspectOptionsInput, { nullable: true, description: "Aspect types, orbs and orb multiplier. Default: the first chart's options." })
  aspects?: AspectOptionsInput;
}

@InputType({ description: 'Two charts for a composite or Davison chart (the first chart gives the settings).' })
export class RelationshipInput implements RelationshipRequest {
  @Field(() => ChartInput, { description: 'The first chart; its bodies, house system and options are used.' })
  first!: ChartInput;

  @Field(() => ChartInput, { description: 'The second chart.' })
  second!: ChartInput;
}

@InputType({ description: 'A harmonic chart.' })
export class HarmonicInput implements HarmonicRequest {
  @Field(() => ChartInput, { description: 'The natal chart.' })
  natal!: ChartInput;

  @Field(() => Int, { description: 'The harmonic, 1…360.' })
  harmonic!: number;
}

@InputType({ description: 'A chart and an orb for derived contacts.' })
export class ChartOrbInput implements ChartOrbRequest {
  @Field(() => ChartInput, { description: 'The natal chart.' })
  natal!: ChartInput;

  @Field(() => Float, { nullable: true, defaultValue: 1, description: 'Orb in degrees. Default 1.' })
  orbDegrees?: number;
}

@InputType({ description: 'A chart for single-chart techniques.' })
export class NatalInput implements NatalRequest {
  @Field(() => ChartInput, { description: 'The natal chart.' })
  natal!: ChartInput;
}

@InputType({ description: 'Arabic parts of a chart (needs a location).' })
export class ArabicPartsInput implements ArabicPartsRequest {
  @Field(() => ChartInput, { description: 'The natal chart, with a location.' })
  natal!: ChartInput;

  @Field(() => [String], { nullable: true, description: 'Names of the parts to compute (e.g. FORTUNE, SPIRIT). Default: all 25.' })
  parts?: string[];
}

@InputType({ description: 'Apparent positions of fixed stars at an instant.' })
export class FixedStarsInput implements FixedStarsRequest {
  @Field(() => DateTimeResolver, { description: 'The instant (UTC).' })
  at!: Date;

  @Field(() => [String], { nullable: true, description: 'Star names or designations (e.g. "Regulus", "alLeo"). Default: all 50.' })
  names?: string[];
}
