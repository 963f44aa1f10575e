/**
 * The calculation root fields call their resolver methods directly (schema.ts DIRECT_CALLS):
 * every answer and error must be what type-graphql's own resolvers give for the same operation.
 */
import 'reflect-metadata';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema, RESOLVERS } from '../../src/graphql/schema.js';
import { ChartService } from '../../src/services/chart.service.js';
import { defaultComputeChart } from '../../src/services/chart.compute.js';
import { CHART_QUERY, HOUSES_QUERY, POSITIONS_QUERY, ASPECTS_QUERY } from '../helpers/queries.js';

const NYC = { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40.7128, longitude: -74.006 } };

async function run(schema: GraphQLSchema, query: string, variables: Record<string, unknown>) {
  const chart = new ChartService(defaultComputeChart);
  const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue: { services: { chart }, loaders: chart.createLoaders(), observation: {} } });
  return JSON.stringify(result);
}

describe('direct calls of the calculation resolvers', () => {
  const direct = buildGatewaySchema();
  const typeGraphql = buildSchemaSync({ resolvers: RESOLVERS as [Function, ...Function[]], validate: false, emitSchemaFile: false });

  it('replace type-graphql’s resolvers of chart, positions, houses and aspects only', () => {
    const fields = direct.getQueryType()!.getFields();
    const original = typeGraphql.getQueryType()!.getFields();
    for (const name of ['chart', 'positions', 'houses', 'aspects']) expect(fields[name]!.resolve).not.toBe(original[name]!.resolve);
    expect(fields.chart!.resolve!.length).toBe(3);
  });

  const cases: [string, string, Record<string, unknown>][] = [
    ['chart', CHART_QUERY, { input: { ...NYC, houseSystem: 'KOCH', zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' } }],
    ['positions, topocentric', POSITIONS_QUERY, { input: { ...NYC, center: 'TOPOCENTRIC', bodies: ['SUN', 'MOON', 'CHIRON'] } }],
    ['houses', HOUSES_QUERY, { input: { ...NYC, houseSystem: 'WHOLE_SIGN' } }],
    ['aspects with orbs', ASPECTS_QUERY, { input: { ...NYC, aspects: { orbMultiplier: 0.5 } } }],
    ['local time', POSITIONS_QUERY, { input: { moment: { localDateTime: '2024-03-31T02:30:00', timeZone: 'Europe/London' }, bodies: ['SUN'] } }],
    ['latitude out of range', CHART_QUERY, { input: { ...NYC, location: { latitude: 95, longitude: 0 } } }],
    ['houses without location', HOUSES_QUERY, { input: { moment: NYC.moment } }],
    ['duplicate bodies', POSITIONS_QUERY, { input: { ...NYC, bodies: ['SUN', 'SUN'] } }],
  ];
  for (const [name, query, variables] of cases) {
    it(`answers as type-graphql does: ${name}`, async () => {
      const [a, b] = await Promise.all([run(direct, query, variables), run(typeGraphql, query, variables)]);
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThan(40);
      expect(JSON.parse(a).errors === undefined).toBe(!name.includes("range") && !name.includes("without") && !name.includes("duplicate"));
    });
  }
});
