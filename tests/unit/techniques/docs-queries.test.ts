/** Every example query of docs/techniques.md parses and validates against the schema. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../../../src/graphql/schema.js';
import { TechniquesResolver } from '../../../src/graphql/techniques/techniques.resolver.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/techniques.md', import.meta.url)), 'utf8');
const queries = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

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
