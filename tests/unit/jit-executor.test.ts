/**
 * JitExecutor: calculation queries run compiled (graphql-jit) and answer exactly what graphql-js
 * answers (data, errors, locations, extensions), including aliases, fragments, bad variables and
 * resolver errors; other operations run on graphql-js.
 */
import 'reflect-metadata';
import { execute, getOperationAST, getVariableValues, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { JitExecutor } from '../../src/graphql/jit-executor.js';
import { ChartService } from '../../src/services/chart.service.js';
import { defaultComputeChart } from '../../src/services/chart.compute.js';
import { ASPECTS_QUERY, CHART_QUERY, HOUSES_QUERY, POSITIONS_QUERY } from '../helpers/queries.js';

const schema = buildGatewaySchema();
const NYC = { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40.7128, longitude: -74.006 } };

function context(chart: ChartService) {
  return { services: { chart }, loaders: chart.createLoaders(), observation: {} };
}

async function both(query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  const chartA = new ChartService(defaultComputeChart);
  const chartB = new ChartService(defaultComputeChart);
  const expected = await execute({ schema, document, variableValues: variables, contextValue: context(chartA) });
  const executor = new JitExecutor(schema);
  // The first run of a document is graphql-js; it is compiled from the second on.
  await executor.execute({ document, variables, contextValue: context(new ChartService(defaultComputeChart)) });
  const actual = await executor.execute({ document, variables, contextValue: context(chartB) });
  return { expected, actual, computations: [chartA.computations, chartB.computations] };
}

describe('JitExecutor', () => {
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
      const { expected, actual, computations } = await both(query, variables);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      expect((actual.errors ?? []).map((e) => [e.originalError?.constructor.name, e.extensions, e.nodes?.length])).toEqual(
        (expected.errors ?? []).map((e) => [e.originalError?.constructor.name, e.extensions, e.nodes?.length]),
      );
      expect(computations[1]).toBe(computations[0]);
    });
  }

  it('compiles a calculation query on its second run, once per document; other operations use graphql-js', async () => {
    const executor = new JitExecutor(schema);
    const document = parse(POSITIONS_QUERY);
    const chart = new ChartService(defaultComputeChart);
    const compiled = (executor as unknown as { compiledFor(d: unknown, n?: string): unknown }).compiledFor.bind(executor);
    expect(compiled(document, undefined)).toBeNull(); // first run: graphql-js
    const first = compiled(document, undefined) as { query: unknown } | null;
    expect(first).not.toBeNull();
    expect((compiled(document, undefined) as { query: unknown }).query).toBe(first!.query);
    const introspection = parse('{ __schema { queryType { name } } }');
    expect(compiled(introspection, undefined)).toBeNull();
    expect(compiled(introspection, undefined)).toBeNull();
    const result = await executor.execute({ document, variables: { input: NYC }, contextValue: context(chart) });
    expect(result.errors).toBeUndefined();
    expect(chart.computations).toBe(1);
  });

  it('prepares only documents that ran as calculation queries, only their real operation names, within its bounds', async () => {
    const executor = new JitExecutor(schema);
    const ctx = () => context(new ChartService(defaultComputeChart));
    expect(executor.preparedOperation(POSITIONS_QUERY, undefined)).toBeUndefined(); // never ran

    await executor.execute({ document: parse(POSITIONS_QUERY), operationName: 'Positions', variables: { input: NYC }, contextValue: ctx(), source: POSITIONS_QUERY });
    const prepared = executor.preparedOperation(POSITIONS_QUERY, undefined);
    expect(prepared).toMatchObject({ source: POSITIONS_QUERY, operationName: 'Positions', rootFields: ['positions'] });
    expect(executor.preparedOperation(POSITIONS_QUERY, 'Positions')?.document).toBe(prepared!.document);
    const run = await executor.runPrepared(prepared!, { input: NYC }, ctx());
    expect((run?.data as { positions: unknown[] }).positions.length).toBeGreaterThan(10);

    // Names are client input: one no operation has is refused and nothing is kept for it; "" is a
    // name (Apollo: unknown operation), not the absent one.
    const byName = (executor as unknown as { prepared: WeakMap<object, Map<unknown, unknown>> }).prepared.get(prepared!.document)!;
    const kept = byName.size;
    for (let i = 0; i < 100; i += 1) expect(executor.preparedOperation(POSITIONS_QUERY, `x${i}`)).toBeUndefined();
    expect(executor.preparedOperation(POSITIONS_QUERY, '')).toBeUndefined();
    expect(byName.size).toBe(kept);
    expect(executor.preparedOperation(POSITIONS_QUERY, undefined)).toBe(prepared);

    // Not calculation queries: never prepared.
    for (const source of ['{ __schema { queryType { name } } }', 'query { me { email } }']) {
      await executor.execute({ document: parse(source), contextValue: ctx(), source }).catch(() => undefined);
      expect(executor.preparedOperation(source, undefined)).toBeUndefined();
    }

    // Bounded by entries: the oldest texts are forgotten.
    const text = (i: number, pad = '') => `query Q${i}($input: ChartInput!) { positions(input: $input) { body ${pad} } }`;
    const run1 = (source: string, name: string) =>
      executor.execute({ document: parse(source), operationName: name, variables: { input: { moment: NYC.moment, bodies: ['SUN'] } }, contextValue: ctx(), source });
    for (let i = 0; i < 501; i += 1) await run1(text(i), `Q${i}`);
    expect(executor.preparedOperation(POSITIONS_QUERY, undefined)).toBeUndefined();
    expect(executor.preparedOperation(text(500), undefined)).toBeDefined();

    // Bounded by characters: 60 texts of ~9,900 characters keep at most 500,000 in all.
    const pad = 'longitude '.repeat(980);
    for (let i = 0; i < 60; i += 1) await run1(text(1000 + i, pad), `Q${1000 + i}`);
    const sources = (executor as unknown as { sources: Map<string, unknown> }).sources;
    expect([...sources.keys()].reduce((n, k) => n + k.length, 0)).toBeLessThanOrEqual(500_000);
    expect(executor.preparedOperation(text(1059, pad), undefined)).toBeDefined();
    expect(executor.preparedOperation(text(1000, pad), undefined)).toBeUndefined();
    // Longer than 10,000 characters: runs, but is not kept.
    await run1(text(2000, `${pad}latitude `.repeat(2)), 'Q2000');
    expect(executor.preparedOperation(text(2000, `${pad}latitude `.repeat(2)), undefined)).toBeUndefined();
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
        const chart = new ChartService(defaultComputeChart);
        const jit = await compiled.query(undefined, context(chart), variables);
        const js = getVariableValues(schema, definitions, variables);
        return [Boolean(js.errors), Boolean(jit.errors?.length)];
      }),
    );
    for (const [i, [jsRefuses, jitRefuses]] of verdicts.entries()) expect([i, jitRefuses]).toEqual([i, jsRefuses]);
    expect(verdicts.filter(([refused]) => refused)).toHaveLength(18); // the battery is mostly bad inputs
  });
});
