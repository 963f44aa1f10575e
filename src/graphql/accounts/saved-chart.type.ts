/** GraphQL types and inputs of saved charts. */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ChartInput } from '../chart/chart.input.js';
import { AyanamsaEnum, BodyEnum, CenterEnum, HouseSystemEnum, ZodiacEnum } from '../enums.js';
import type { Ayanamsa, Body, Center, HouseSystem, Zodiac } from '../../ephemeris/types.js';

@ObjectType({ description: 'Where a saved chart was cast.' })
export class SavedLocation {
  @Field(() => Float, { description: 'Latitude, degrees, north positive.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, degrees, east positive.' })
  longitude!: number;

  @Field(() => Float, { description: 'Elevation above sea level, metres.' })
  elevationMeters!: number;
}

@ObjectType({ description: 'The chart settings of a saved chart, defaults filled in.' })
export class SavedChartSettings {
  @Field(() => [BodyEnum], { description: 'Bodies computed.' })
  bodies!: Body[];

  @Field(() => HouseSystemEnum, { description: 'House system.' })
  houseSystem!: HouseSystem;

  @Field(() => ZodiacEnum, { description: 'Zodiac.' })
  zodiac!: Zodiac;

  @Field(() => AyanamsaEnum, { nullable: true, description: 'Ayanamsa (sidereal zodiac only).' })
  ayanamsa!: Ayanamsa | null;

  @Field(() => CenterEnum, { description: 'Center of the positions.' })
  center!: Center;
}

@ObjectType({ description: 'A chart saved by its owner: the input as given, the resolved instant, and the chart computed on demand.' })
export class SavedChart {
  @Field(() => ID, { description: 'Saved chart id (UUID).' })
  id!: string;

  @Field(() => String, { description: 'Name given by the owner.' })
  name!: string;

  @Field(() => DateTimeResolver, { description: 'The resolved UTC instant of the chart.' })
  utc!: Date;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the input, if one was given.' })
  timeZone!: string | null;

  @Field(() => Int, { nullable: true, description: 'UTC offset at the instant, minutes east of Greenwich, if a local time was given.' })
  utcOffsetMinutes!: number | null;

  @Field(() => SavedLocation, { nullable: true, description: 'The location, if one was given.' })
  location!: SavedLocation | null;

  @Field(() => SavedChartSettings, { description: 'Settings, defaults filled in.' })
  settings!: SavedChartSettings;

  @Field(() => DateTimeResolver, { description: 'When it was saved.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When it was last changed.' })
  updatedAt!: Date;

  /** Owner id (not exposed; `owner` resolves through a DataLoader). */
  ownerId!: string;
  /** The stored ChartInput (not exposed; `chart` recomputes from it). */
  input!: unknown;
}

@ObjectType({ description: 'A page of saved charts, newest first.' })
export class SavedChartPage {
  @Field(() => [SavedChart], { description: 'The charts of this page.' })
  items!: SavedChart[];

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'True when more charts follow.' })
  hasNextPage!: boolean;
}

@InputType({ description: 'A chart to save.' })
export class SaveChartInput {
  @Field(() => String, { description: 'A name, 1 to 200 characters.' })
  name!: string;

  @Field(() => ChartInput, { description: 'The chart input, stored as given.' })
  chart!: ChartInput;
}

@InputType({ description: 'Changes to a saved chart; omitted fields stay as they are.' })
export class UpdateChartInput {
  @Field(() => String, { nullable: true, description: 'A new name, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => ChartInput, { nullable: true, description: 'A new chart input, replacing the old one.' })
  chart?: ChartInput | null;
}
