/**
 * Inputs of the Vedic, Hellenistic time-lord, sky and table queries. Each implements the
 * techniques service's request type (src/services/techniques.requests.ts).
 */
import { Field, InputType, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AyanamsaEnum, BodyEnum, CenterEnum, ZodiacEnum } from '../enums.js';
import { ChartInput, LocationInput, MomentInput } from '../chart/chart.input.js';
import {
  DashaYearEnum, FirdariaVariantEnum, ProfectionPointEnum, ReleasingLotEnum, ReleasingYearEnum,
} from './techniques2.enums.js';
import type { Ayanamsa, Body, Center, Zodiac } from '../../ephemeris/types.js';
import type { DashaYear } from '../../ephemeris/vedic/dasha.js';
import type { FirdariaVariant } from '../../ephemeris/hellenistic/firdaria.js';
import type { ProfectionPoint } from '../../ephemeris/hellenistic/profections.js';
import type { ReleasingLot, ReleasingYear } from '../../ephemeris/hellenistic/zodiacal-releasing.js';
import { MAX_EPHEMERIS_ROWS } from '../../ephemeris/sky/ephemeris-table.js';
import type {
  AstrocartographyRequest, DashaRequest, DivisionalChartRequest, EphemerisTableRequest, FirdariaRequest, PanchangRequest,
  PlanetaryHoursRequest, ProfectionRequest, RiseSetRequest, ZodiacalReleasingRequest,
} from '../../services/techniques.requests.js';

@InputType({ description: 'A chart for the Vedic techniques: a ChartInput whose zodiac is SIDEREAL with the LAHIRI ayanamsa unless it says otherwise.' })
export class VedicChartInput extends ChartInput {
  @Field(() => ZodiacEnum, { nullable: true, defaultValue: 'SIDEREAL', description: 'Zodiac. Default SIDEREAL (Jyotish); TROPICAL is honoured when given.' })
  declare zodiac?: Zodiac;

  @Field(() => AyanamsaEnum, { nullable: true, defaultValue: 'LAHIRI', description: 'Ayanamsa of the sidereal zodiac. Default LAHIRI (Chitrapaksha).' })
  declare ayanamsa?: Ayanamsa;
}

@InputType({ description: 'Vimshottari dasha of a natal chart.' })
export class DashaInput implements DashaRequest {
  @Field(() => VedicChartInput, { description: 'The natal chart (sidereal, LAHIRI, unless it says otherwise).' })
  natal!: VedicChartInput;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: '1 mahadashas, 2 with antardashas, 3 with pratyantardashas.' })
  levels?: number;

  @Field(() => DashaYearEnum, { nullable: true, defaultValue: 'JULIAN', description: 'Length of a dasha year. Default JULIAN (365.25 days).' })
  yearLength?: DashaYear;
}

@InputType({ description: 'A divisional chart (varga) of Parashara.' })
export class DivisionalChartInput implements DivisionalChartRequest {
  @Field(() => VedicChartInput, { description: 'The chart (sidereal, LAHIRI, unless it says otherwise); a location gives the ascendant.' })
  chart!: VedicChartInput;

  @Field(() => Int, { description: 'The division: 1, 2, 3, 4, 7, 9, 10, 12, 16, 20, 24, 27, 30, 40, 45 or 60.' })
  division!: number;
}

@InputType({ description: 'The panchang at an instant and place.' })
export class PanchangInput implements PanchangRequest {
  @Field(() => MomentInput, { description: 'The instant.' })
  moment!: MomentInput;

  @Field(() => LocationInput, { description: 'The place (sunrise, sunset and the vara depend on it).' })
  location!: LocationInput;

  @Field(() => AyanamsaEnum, { nullable: true, defaultValue: 'LAHIRI', description: 'Ayanamsa of the nakshatra and yoga. Default LAHIRI.' })
  ayanamsa?: Ayanamsa;
}

@InputType({ description: 'Rise, upper transit and set of a body at a place.' })
export class RiseSetInput implements RiseSetRequest {
  @Field(() => BodyEnum, { description: 'SUN, MOON or a planet MERCURY…PLUTO.' })
  body!: Body;

  @Field(() => DateTimeResolver, { description: 'The events are the first ones after this instant.' })
  from!: Date;

  @Field(() => LocationInput, { description: 'The place (its elevation is used).' })
  location!: LocationInput;
}

@InputType({ description: 'The planetary hours of a civil date at a place.' })
export class PlanetaryHoursInput implements PlanetaryHoursRequest {
  @Field(() => String, { description: 'The civil date at the place, "YYYY-MM-DD".' })
  date!: string;

  @Field(() => LocationInput, { description: 'The place.' })
  location!: LocationInput;
}

@InputType({ description: 'Astrocartography lines at an instant.' })
export class AstrocartographyInput implements AstrocartographyRequest {
  @Field(() => MomentInput, { description: 'The instant (a birth, an event).' })
  moment!: MomentInput;

  @Field(() => [BodyEnum], { nullable: true, description: 'Bodies (no duplicates). Default: SUN…PLUTO.' })
  bodies?: Body[];
}

@InputType({ description: `Positions at regular steps between two instants: at most ${MAX_EPHEMERIS_ROWS.toLocaleString('en')} rows.` })
export class EphemerisTableInput implements EphemerisTableRequest {
  @Field(() => DateTimeResolver, { description: 'First row (UTC).' })
  from!: Date;

  @Field(() => DateTimeResolver, { description: 'Last possible row (UTC); rows at from + i × step up to it.' })
  to!: Date;

  @Field(() => String, { description: 'Step: a positive integer and a unit m, h, d or w ("30m", "6h", "1d", "2w"); 1 minute to 366 days.' })
  step!: string;

  @Field(() => [BodyEnum], { nullable: true, description: 'Bodies (no duplicates). Default: SUN…PLUTO, MEAN_NODE, MEAN_LILITH, CHIRON.' })
  bodies?: Body[];

  @Field(() => ZodiacEnum, { nullable: true, defaultValue: 'TROPICAL', description: 'Zodiac; SIDEREAL needs ayanamsa (positions then carry their nakshatra).' })
  zodiac?: Zodiac;

  @Field(() => AyanamsaEnum, { nullable: true, description: 'Ayanamsa for the sidereal zodiac.' })
  ayanamsa?: Ayanamsa;

  @Field(() => CenterEnum, { nullable: true, defaultValue: 'GEOCENTRIC', description: 'Observer position; TOPOCENTRIC needs location.' })
  center?: Center;

  @Field(() => LocationInput, { nullable: true, description: 'The observer for TOPOCENTRIC positions.' })
  location?: LocationInput;
}

@InputType({ description: 'Profections of a natal chart at an instant.' })
export class ProfectionInput implements ProfectionRequest {
  @Field(() => ChartInput, { description: 'The natal chart, with a location.' })
  natal!: ChartInput;

  @Field(() => DateTimeResolver, { description: 'The instant of life (not before the birth).' })
  at!: Date;

  @Field(() => ProfectionPointEnum, { nullable: true, defaultValue: 'ASCENDANT', description: 'The profected point. Default ASCENDANT.' })
  point?: ProfectionPoint;
}

@InputType({ description: 'Zodiacal releasing from a Lot.' })
export class ZodiacalReleasingInput implements ZodiacalReleasingRequest {
  @Field(() => ChartInput, { description: 'The natal chart, with a location.' })
  natal!: ChartInput;

  @Field(() => ReleasingLotEnum, { description: 'SPIRIT or FORTUNE.' })
  lot!: ReleasingLot;

  @Field(() => Int, { nullable: true, defaultValue: 2, description: 'Levels 1–4. Default 2.' })
  levels?: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Periods overlapping [from, to] are returned. Default: the birth.' })
  from?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Default: 100 years after the birth. At most 5,000 periods are returned.' })
  to?: Date;

  @Field(() => ReleasingYearEnum, { nullable: true, defaultValue: 'VALENS_360', description: 'Year length. Default VALENS_360.' })
  yearLength?: ReleasingYear;
}

@InputType({ description: 'Firdaria of a natal chart.' })
export class FirdariaInput implements FirdariaRequest {
  @Field(() => ChartInput, { description: 'The natal chart, with a location (the sect).' })
  natal!: ChartInput;

  @Field(() => FirdariaVariantEnum, { nullable: true, defaultValue: 'ABU_MASHAR', description: 'Place of the nodes in night births. Default ABU_MASHAR.' })
  variant?: FirdariaVariant;
}
