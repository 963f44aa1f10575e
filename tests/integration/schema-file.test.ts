/**
 * schema.graphql is printed from the code and committed; this fails when it is stale.
 * Regenerate with `npm run schema:print` (UPDATE_SCHEMA=1 vitest run tests/integration/schema-file.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, type GraphQLEnumType, type GraphQLInputObjectType, type GraphQLObjectType } from 'graphql';
import { printGatewaySchema } from '../../src/graphql/schema.js';

const FILE = join(import.meta.dirname, '..', '..', 'schema.graphql');

describe('schema.graphql', () => {
  it('matches the schema built from the code', () => {
    const printed = printGatewaySchema();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, printed);
    const committed = readFileSync(FILE, 'utf8');
    expect(committed, 'schema.graphql is stale: run `npm run schema:print`').toBe(printed);
  });

  it('implements the API contract: the fixed names and types of the calculation queries', () => {
    const schema = buildSchema(printGatewaySchema());
    const query = schema.getQueryType()!.getFields();
    const expected: Record<string, string> = { chart: 'Chart!', positions: '[Position!]!', houses: 'Houses!', aspects: '[Aspect!]!' };
    for (const [name, type] of Object.entries(expected)) {
      expect(String(query[name].type)).toBe(type);
      expect(query[name].args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['input: ChartInput!']);
    }
    const fieldsOf = (name: string) => {
      const t = schema.getType(name) as GraphQLObjectType | GraphQLInputObjectType;
      return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, String(f.type)]));
    };
    expect(fieldsOf('MomentInput')).toEqual({
      utc: 'DateTime', localDateTime: 'LocalDateTime', timeZone: 'String', utcOffsetMinutes: 'Int', disambiguation: 'Disambiguation',
    });
    expect(fieldsOf('LocationInput')).toEqual({ latitude: 'Float', longitude: 'Float', elevationMeters: 'Float', place: 'String' });
    expect(fieldsOf('ChartInput')).toEqual({
      moment: 'MomentInput!', location: 'LocationInput', bodies: '[Body!]', houseSystem: 'HouseSystem', zodiac: 'Zodiac',
      ayanamsa: 'Ayanamsa', center: 'Center', aspects: 'AspectOptionsInput',
    });
    expect(fieldsOf('Position')).toEqual({
      body: 'Body!', longitude: 'Float!', latitude: 'Float!', distanceAu: 'Float!', longitudeSpeed: 'Float!', latitudeSpeed: 'Float!',
      rightAscension: 'Float!', declination: 'Float!', retrograde: 'Boolean!', sign: 'Sign!', signLongitude: 'Float!', house: 'Int',
      nakshatra: 'NakshatraPosition',
    });
    expect(fieldsOf('Houses')).toEqual({
      system: 'HouseSystem!', requestedSystem: 'HouseSystem!', cusps: '[Float!]!', ascendant: 'Float!', midheaven: 'Float!',
      descendant: 'Float!', imumCoeli: 'Float!', vertex: 'Float!', armc: 'Float!', warnings: '[String!]!',
    });
    expect(fieldsOf('Aspect')).toEqual({
      first: 'ChartPoint!', second: 'ChartPoint!', type: 'AspectType!', exactAngle: 'Float!', separation: 'Float!', orb: 'Float!', applying: 'Boolean!',
    });
    expect(fieldsOf('Chart')).toEqual({
      moment: 'ResolvedMoment!', positions: '[Position!]!', houses: 'Houses', aspects: '[Aspect!]!', wheelSvg: 'String!', location: 'ResolvedLocation',
      distribution: 'ChartDistribution!', patterns: '[AspectPattern!]!', shape: 'ChartShape!',
    });
    expect(fieldsOf('ResolvedMoment')).toEqual({
      utc: 'DateTime!', julianDayUt: 'Float!', julianDayTt: 'Float!', deltaTSeconds: 'Float!', timeZone: 'String', utcOffsetMinutes: 'Int',
      ephemeris: 'EphemerisEngine!', zone: 'MomentZone',
    });
    // places and time zones
    expect(fieldsOf('Place')).toEqual({
      id: 'ID!', name: 'String!', countryCode: 'String!', admin1: 'String', latitude: 'Float!', longitude: 'Float!',
      elevationMeters: 'Float', population: 'Int', timeZone: 'String!',
    });
    expect(String(query.places.type)).toBe('[Place!]!');
    expect(query.places.args.map((a) => `${a.name}: ${String(a.type)}`).sort()).toEqual(['countryCode: String', 'limit: Int', 'search: String!']);
    expect(query.places.args.find((a) => a.name === 'limit')?.defaultValue).toBe(10);
    expect(String(query.timeZoneAt.type)).toBe('String!');
    expect(query.timeZoneAt.args.map((a) => `${a.name}: ${String(a.type)}`).sort()).toEqual(['latitude: Float!', 'longitude: Float!']);
    expect(fieldsOf('MomentZone')).toMatchObject({ zoneSource: 'ZoneSource!', utcOffsetSeconds: 'Int!', localTime: 'LocalTimeKind!' });
    const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(enumValues('Body')).toHaveLength(21);
    expect(enumValues('ChartPoint')).toEqual(expect.arrayContaining(['ASCENDANT', 'MIDHEAVEN', 'VESTA']));
    expect(enumValues('HouseSystem')).toHaveLength(12);
    expect(enumValues('Ayanamsa')).toHaveLength(9);
    expect(enumValues('AspectType')).toHaveLength(17);
    expect(enumValues('Disambiguation')).toEqual(expect.arrayContaining(['COMPATIBLE', 'EARLIER', 'LATER', 'REJECT']));
    expect([...enumValues('EphemerisEngine')].sort()).toEqual(['EXTENDED', 'PRECISE']);
    expect([...enumValues('ZoneSource')].sort()).toEqual(['GIVEN_OFFSET', 'GIVEN_ZONE', 'LOCAL_MEAN_TIME', 'LOCATION', 'UTC']);
    // Vedic, Hellenistic time-lords, the sky, tables
    expect(fieldsOf('NakshatraPosition')).toEqual({ nakshatra: 'Nakshatra!', pada: 'Int!', lord: 'DashaLord!' });
    expect(fieldsOf('DashaPeriod')).toEqual({ lord: 'DashaLord!', level: 'Int!', start: 'DateTime!', end: 'DateTime!', path: '[DashaLord!]!' });
    expect(fieldsOf('DivisionalPosition')).toEqual({ body: 'Body!', sign: 'Sign!' });
    expect(fieldsOf('DivisionalChart')).toEqual({ division: 'Int!', ascendantSign: 'Sign', positions: '[DivisionalPosition!]!' });
    expect(fieldsOf('MoonPhase')).toEqual({ phaseAngle: 'Float!', illumination: 'Float!', elongation: 'Float!', ageDays: 'Float!', phase: 'LunarPhaseName!' });
    expect(fieldsOf('RiseSet')).toEqual({ rise: 'DateTime', transit: 'DateTime', set: 'DateTime' });
    expect(fieldsOf('AstrocartographyLine')).toEqual({ body: 'Body!', angle: 'ChartAngle!', longitude: 'Float', points: '[GeoPoint!]!' });
    expect(enumValues('Nakshatra')).toHaveLength(27);
    expect([...enumValues('DashaLord')].sort()).toEqual(['JUPITER', 'KETU', 'MARS', 'MERCURY', 'MOON', 'RAHU', 'SATURN', 'SUN', 'VENUS']);
    expect([...enumValues('ChartAngle')].sort()).toEqual(['ASC', 'DSC', 'IC', 'MC']);
    const fixed: Record<string, [string, string]> = {
      vimshottariDasha: ['input: DashaInput!', '[DashaPeriod!]!'],
      divisionalChart: ['input: DivisionalChartInput!', 'DivisionalChart!'],
      panchang: ['input: PanchangInput!', 'Panchang!'],
      moonPhase: ['moment: MomentInput!', 'MoonPhase!'],
      riseSet: ['input: RiseSetInput!', 'RiseSet!'],
      planetaryHours: ['input: PlanetaryHoursInput!', '[PlanetaryHour!]!'],
      astrocartography: ['input: AstrocartographyInput!', '[AstrocartographyLine!]!'],
      ephemerisTable: ['input: EphemerisTableInput!', '[EphemerisRow!]!'],
      profections: ['input: ProfectionInput!', 'Profection!'],
      zodiacalReleasing: ['input: ZodiacalReleasingInput!', '[ReleasingPeriod!]!'],
      firdaria: ['input: FirdariaInput!', '[FirdariaPeriod!]!'],
    };
    for (const [name, [arg, type]] of Object.entries(fixed)) {
      expect([name, ...query[name].args.map((a) => `${a.name}: ${String(a.type)}`), String(query[name].type)]).toEqual([name, arg, type]);
    }
    expect(fieldsOf('DashaInput')).toMatchObject({ natal: 'VedicChartInput!', levels: 'Int', yearLength: 'DashaYear' });
    expect([...enumValues('DashaYear')].sort()).toEqual(['JULIAN', 'SAVANA', 'SIDEREAL']);
    expect([...enumValues('ReleasingLot')].sort()).toEqual(['FORTUNE', 'SPIRIT']);
    const moment = (schema.getType('MomentInput') as GraphQLInputObjectType).getFields();
    expect(moment.disambiguation.defaultValue).toBe('COMPATIBLE');
    const chartInput = (schema.getType('ChartInput') as GraphQLInputObjectType).getFields();
    expect(chartInput.houseSystem.defaultValue).toBe('PLACIDUS');
    expect(chartInput.zodiac.defaultValue).toBe('TROPICAL');
    expect(chartInput.center.defaultValue).toBe('GEOCENTRIC');
  });
});
