/**
 * Field policies are declared on the resolvers (`@Public()`, `@Cacheable()`, `complexity`) and read
 * back from the built schema; an operation's policy follows from its root fields (fragments and
 * aliases included). Nothing is registered by importing modules.
 */
import 'reflect-metadata';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldPolicy } from '../../src/graphql/field-policy.js';
import { OperationPolicies } from '../../src/graphql/pipeline/operation-policy.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';

const schema = buildGatewaySchema();
const query = schema.getQueryType()!.getFields();
const mutation = schema.getMutationType()!.getFields();

describe('field policies', () => {
  it('are read back from the schema', () => {
    for (const name of ['chart', 'positions', 'houses', 'aspects']) {
      expect(fieldPolicy(query[name], name)).toEqual({ public: false, cacheable: true, cost: 10 });
    }
    expect(fieldPolicy(query.transitSearch, 'transitSearch')).toEqual({ public: false, cacheable: true, cost: 100 });
    expect(fieldPolicy(query.voidOfCourseMoon, 'voidOfCourseMoon').cost).toBe(40);
    for (const name of ['login', 'refreshToken', 'register']) expect(fieldPolicy(mutation[name], name)).toMatchObject({ public: true, cacheable: false });
    expect(fieldPolicy(query.me, 'me')).toEqual({ public: false, cacheable: false, cost: 1 });
    expect(fieldPolicy(mutation.revokeServiceToken, 'revokeServiceToken')).toEqual({ public: false, cacheable: false, cost: 1 });
    expect(fieldPolicy(undefined, '__schema')).toEqual({ public: true, cacheable: false, cost: 0 });
  });

  it('give each operation its policy: root fields through fragments and aliases, token, cacheability, quota cost', () => {
    const policies = new OperationPolicies(schema);
    const of = (source: string) => {
      const document = parse(source);
      return policies.of(document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!, document);
    };
    expect(of('query Q { a: chart(input: $i) { moment { utc } } ...F } fragment F on Query { positions(input: $i) { body } transitSearch(input: $t) { utc } }')).toEqual({
      rootFields: ['chart', 'positions', 'transitSearch'],
      needsToken: true,
      cacheable: true,
      quotaCost: 12, // (10 + 10 + 100) / 10: a chart is one unit
    });
    expect(of('{ chart(input: $i) { moment { utc } } me { email } }')).toMatchObject({ needsToken: true, cacheable: false, quotaCost: 2 });
    // Aliases are charged each: nine five-year searches cost nine times one.
    const nine = Array.from({ length: 9 }, (_, i) => `s${i}: transitSearch(input: $t) { utc }`).join(' ');
    expect(of(`{ ${nine} }`)).toMatchObject({ rootFields: ['transitSearch'], quotaCost: 90 });
    expect(of('{ chart(input: $i) { moment { utc } } }')).toMatchObject({ quotaCost: 1 });
    expect(of('{ __schema { queryType { name } } chart(input: $i) { moment { utc } } }')).toMatchObject({ cacheable: false });
    expect(of('mutation { login(input: $l) { accessToken } }')).toEqual({ rootFields: ['login'], needsToken: false, cacheable: false, quotaCost: 1 });
    expect(of('{ __type(name: "Chart") { name } }')).toMatchObject({ needsToken: false, cacheable: false, quotaCost: 1 });
  });
});
