/** Every example query of docs/techniques.md parses and validates against the schema. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../../../src/graphql/schema.js';
import { TechniquesResolver } from '../../../src/graphql/techniques/techniques.resolver.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/techniques.md', import.meta.url)), 'utf8');
const queries = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/techniques.md examples', () => {
  const schema = buildGatewaySchema([TechniquesResolver]);
  it('has one example per technique (≥ 18)', () => expect(queries.length).toBeGreaterThanOrEqual(18));
  for (const q of queries) {
    const name = /query (\w+)/.exec(q)?.[1] ?? q.slice(0, 30);
    it(`${name} is valid`, () => {
      expect(validate(schema, parse(q)).map((e) => e.message)).toEqual([]);
    });
  }
});

describe('fixed API names of the techniques', () => {
  const schema = buildGatewaySchema([TechniquesResolver]);
  const query = schema.getQueryType()!.getFields();
  const sig = (name: string) => `${name}(${query[name].args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')}): ${String(query[name].type)}`;
  const fields = (type: string) => {
    const t = schema.getType(type) as unknown as { getFields(): Record<string, { type: unknown; defaultValue?: unknown }> };
    return Object.fromEntries(Object.entries(t.getFields()).map(([k, f]) => [k, String(f.type)]));
  };

  it('root fields', () => {
    expect(sig('planetaryReturn')).toBe('planetaryReturn(input: ReturnInput!): ReturnChart!');
    expect(sig('progressedChart')).toBe('progressedChart(input: ProgressionInput!): ProgressedChart!');
    expect(sig('lunarPhases')).toBe('lunarPhases(input: EventSearchInput!): [LunarPhaseEvent!]!');
    expect(sig('eclipses')).toBe('eclipses(input: EclipseSearchInput!): [EclipseEvent!]!');
    expect(sig('ingresses')).toBe('ingresses(input: IngressSearchInput!): [IngressEvent!]!');
  });

  it('inputs and outputs', () => {
    expect(fields('ReturnInput')).toEqual({ natal: 'ChartInput!', body: 'Body!', after: 'DateTime', before: 'DateTime', location: 'LocationInput' });
    expect(fields('ReturnChart')).toMatchObject({ chart: 'Chart!' });
    expect(fields('ProgressionInput')).toMatchObject({ natal: 'ChartInput!', target: 'DateTime!', method: 'ProgressionMethod' });
    const method = (schema.getType('ProgressionInput') as unknown as { getFields(): Record<string, { defaultValue?: unknown }> }).getFields()['method'];
    expect(method.defaultValue).toBe('SECONDARY');
    expect(fields('ProgressedChart')).toMatchObject({ progressedMoment: 'ResolvedMoment!', chart: 'Chart!' });
    expect(fields('EclipseSearchInput')).toEqual({ from: 'DateTime!', to: 'DateTime!', kind: 'EclipseKind' });
    expect((schema.getType('EclipseKind') as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name)).toEqual(['SOLAR', 'LUNAR']);
    expect(fields('EclipseEvent')).toMatchObject({ maximumUtc: 'DateTime!' });
    expect(fields('IngressSearchInput')).toMatchObject({ body: 'Body!', from: 'DateTime!', to: 'DateTime!' });
    expect(fields('IngressEvent')).toMatchObject({ utc: 'DateTime!', sign: 'Sign!' });
  });
});
