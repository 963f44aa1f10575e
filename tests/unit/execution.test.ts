/**
 * Execution stage (src/graphql/pipeline/execution.ts): calculation operations run compiled
 * (graphql-jit) from the second run on and answer exactly what graphql-js answers (data, errors,
 * locations, extensions), including aliases, fragments, bad variables and resolver errors; other
 * operations are not prepared and run on graphql-js; the table of prepared operations is bounded.
 */
import 'reflect-metadata';
import { execute, getOperationAST, getVariableValues, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { PreparedOperations } from '../../src/graphql/pipeline/execution.js';
import { OperationPolicies } from '../../src/graphql/pipeline/operation-policy.js';
import { ChartService } from '../../src/services/chart.service.js';
import { TechniquesService } from '../../src/services/techniques.service.js';
import { createRequestLoaders } from '../../src/services/request-loaders.js';
import { ASPECTS_QUERY, CHART_QUERY, HOUSES_QUERY, POSITIONS_QUERY } from '../helpers/queries.js';

const schema = buildGatewaySchema();
const NYC = { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40.7128, longitude: -74.006 } };

function context(chart: ChartService) {
  return { services: { chart }, loaders: createRequestLoaders({ chart, techniques: new TechniquesService() }), observation: {} };
}

const table = () => new PreparedOperations(schema, new OperationPolicies(schema));

async function both(query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  const chartA = new ChartService();
  const chartB = new ChartService();
  const expected = await execute({ schema, document, variableValues: variables, contextValue: context(chartA) });
  const prepared = table().prepare(query, document, undefined)!;
  // The first run of an operation is graphql-js; it is compiled from the second on.
  await prepared.execute(variables, context(new ChartService()));
  const actual = await prepared.execute(variables, context(chartB));
  return { expected, actual, compiled: prepared.runsCompiled, computations: [chartA.computations, chartB.computations] };
}

describe('execution of prepared operations', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['chart', CHART_QUERY, { input: NYC }],
    ['positions', POSITIONS_QUERY, { input: { ...NYC, bodies: ['SUN', 'MOON', 'CHIRON'] } }],
    ['houses', HOUSES_QUERY, { input: { ...NYC, houseSystem: 'KOCH' } }],
    ['aspects', ASPECTS_QUERY, { input: NYC }],
    ['aliases and a fragment', `query A($input: ChartInput!) { a: chart(input: $input) { ...F } b: positions(input: $input) { body } }
      fragment F on Chart { moment { utc deltaTSeconds } houses { cusps } }`, { input: NYC }],
    ['latitude out of range', CHART_QUERY, { input: { ...NYC, location: { latitude: 95, longitude: 0 } } }],
    ['houses without location (partial data)', `query P($input: ChartInput!) { positions(input: $input) { body } houses(input: $input) { cusps } }`, { input: { moment: NYC.moment } }],
    ['bad enum in variables', POSITIONS_QUERY, { input: { ...NYC, bodies: ['SUN', 'FOO'] } }],
    ['bad DateTime in variables', POSITIONS_QUERY, { input: { moment: { utc: 'nope' } } }],
    ['missing variable', POSITIONS_QUERY, {}],
  ];
  for (const [name, query, variables] of cases) {
    it(`answers like graphql-js: ${name}`, async () => {
      const { expected, actual, compiled, computations } = await both(query, variables);
      expect(compiled).toBe(true);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      expect((actual.errors ?? []).map((e) => [e.originalError?.constructor.name, e.extensions, e.nodes?.length])).toEqual(
        (expected.errors ?? []).map((e) => [e.originalError?.constructor.name, e.extensions, e.nodes?.length]),
      );
      expect(computations[1]).toBe(computations[0]);
    });
  }

  it('a compiled run with errors is not an answer for the fast path; a clean one is', async () => {
    const prepared = table().prepare(POSITIONS_QUERY, parse(POSITIONS_QUERY), undefined)!;
    await prepared.execute({ input: NYC }, context(new ChartService()));
    expect(await prepared.executeUnlessErrors({ input: { ...NYC, bodies: ['SUN', 'SUN'] } }, context(new ChartService()))).toBeUndefined();
    const ok = await prepared.executeUnlessErrors({ input: NYC }, context(new ChartService()));
    expect(prepared.runsCompiled).toBe(true);
    expect((ok?.data as { positions: unknown[] }).positions.length).toBeGreaterThan(10);
  });

  it('prepares only calculation queries, only their real operation names, within its bounds', async () => {
    const prepared = table();
    expect(prepared.lookup(POSITIONS_QUERY, undefined)).toBeUndefined(); // never ran

    const operation = prepared.prepare(POSITIONS_QUERY, parse(POSITIONS_QUERY), 'Positions')!;
    expect(operation).toMatchObject({ source: POSITIONS_QUERY, operationName: 'Positions', policy: { rootFields: ['positions'], cacheable: true } });
    const byDefault = prepared.lookup(POSITIONS_QUERY, undefined);
    expect(byDefault?.document).toBe(operation.document);
    expect(prepared.lookup(POSITIONS_QUERY, 'Positions')).toBe(operation);

    // Names are client input: one no operation has is refused and nothing is kept for it; "" is a
    // name (Apollo: unknown operation), not the absent one.
    const entry = (prepared as unknown as { entries: Map<string, { byName: Map<unknown, unknown> }> }).entries.get(POSITIONS_QUERY)!;
    const kept = entry.byName.size;
    for (let i = 0; i < 100; i += 1) expect(prepared.lookup(POSITIONS_QUERY, `x${i}`)).toBeUndefined();
    expect(prepared.lookup(POSITIONS_QUERY, '')).toBeUndefined();
    expect(entry.byName.size).toBe(kept);
    expect(prepared.lookup(POSITIONS_QUERY, undefined)).toBe(byDefault);

    // Not calculation queries: never prepared.
    for (const source of ['{ __schema { queryType { name } } }', 'query { me { email } }', 'mutation { logout }']) {
      expect(prepared.prepare(source, parse(source), undefined)).toBeNull();
      expect(prepared.lookup(source, undefined)).toBeUndefined();
    }

    // Bounded by entries: the oldest texts are forgotten.
    const text = (i: number, pad = '') => `query Q${i}($input: ChartInput!) { positions(input: $input) { body ${pad} } }`;
    const prepare = (source: string) => prepared.prepare(source, parse(source), undefined);
    for (let i = 0; i < 501; i += 1) prepare(text(i));
    expect(prepared.lookup(POSITIONS_QUERY, undefined)).toBeUndefined();
    expect(prepared.lookup(text(500), undefined)).toBeDefined();

    // Bounded by characters: 60 texts of ~9,900 characters keep at most 500,000 in all.
    const pad = 'longitude '.repeat(980);
    for (let i = 0; i < 60; i += 1) prepare(text(1000 + i, pad));
    const entries = (prepared as unknown as { entries: Map<string, unknown> }).entries;
    expect([...entries.keys()].reduce((n, k) => n + k.length, 0)).toBeLessThanOrEqual(500_000);
    expect(prepared.lookup(text(1059, pad), undefined)).toBeDefined();
    expect(prepared.lookup(text(1000, pad), undefined)).toBeUndefined();
    // Longer than 10,000 characters: not prepared (it runs on graphql-js).
    expect(prepare(text(2000, `${pad}latitude `.repeat(2)))).toBeNull();
    expect(prepared.lookup(text(2000, `${pad}latitude `.repeat(2)), undefined)).toBeUndefined();
  });

  it('graphql-jit refuses exactly the variables graphql-js refuses (the fast path relies on it)', async () => {
    const document = parse('query P($input: ChartInput!) { positions(input: $input) { body } }');
    const compiled = compileQuery(schema, document, 'P');
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const definitions = getOperationAST(document, 'P')!.variableDefinitions ?? [];
    const utc = '2024-01-01T00:00:00Z';
    const cases: Record<string, unknown>[] = [
      { input: { moment: { utc }, location: { latitude: 40.7, longitude: -74 } } },
      { input: { moment: { utc }, foo: 1 } },
      { input: { moment: { utc, bar: 2 } } },
      { input: { moment: { utc }, location: { latitude: '40', longitude: 0 } } },
      { input: { moment: { utc }, location: { latitude: true, longitude: 0 } } },
      { input: { moment: { utc }, location: { latitude: 1, longitude: 'NaN' } } },
      { input: { moment: { utc }, location: { latitude: 1, longitude: 2, elevationMeters: Number.POSITIVE_INFINITY } } },
      { input: { moment: { utc }, bodies: ['sun'] } },
      { input: { moment: { utc }, bodies: [1] } },
      { input: { moment: { utc }, bodies: 'SUN' } },
      { input: { moment: { utc }, bodies: [null] } },
      { input: { moment: { utc }, bodies: null } },
      { input: { moment: { utc }, houseSystem: 'FOO' } },
      { input: null },
      {},
      { input: [{ moment: { utc } }] },
      { input: { moment: null } },
      { input: { moment: { utc: 12345 } } },
      { input: { moment: { utc: '2024-13-01T00:00:00Z' } } },
      { input: { moment: { utc: { a: 1 } } } },
      { input: { moment: { localDateTime: '2024-01-01T00:00:00', timeZone: 'Europe/London' } } },
      { input: { moment: { localDateTime: '2024-01-01T00:00:00Z', timeZone: 'Europe/London' } } },
    ];
    const verdicts = await Promise.all(
      cases.map(async (variables) => {
        const jit = await compiled.query(undefined, context(new ChartService()), variables);
        const js = getVariableValues(schema, definitions, variables);
        return [Boolean(js.errors), Boolean(jit.errors?.length)];
      }),
    );
    for (const [i, [jsRefuses, jitRefuses]] of verdicts.entries()) expect([i, jitRefuses]).toEqual([i, jsRefuses]);
    expect(verdicts.filter(([refused]) => refused)).toHaveLength(18); // the battery is mostly bad inputs
  });
});
