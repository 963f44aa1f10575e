/**
 * codegen.yml (offline: reads the committed schema.graphql) generates the operation types in
 * tests/helpers/generated/operations.ts; this fails when they are stale (`npm run codegen`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, loadContext } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('codegen', () => {
  it('tests/helpers/generated/operations.ts is up to date', async () => {
    const context = await loadContext(join(ROOT, 'codegen.yml'));
    const outputs = await generate(context, false);
    expect(outputs).toHaveLength(1);
    const committed = readFileSync(join(ROOT, 'tests/helpers/generated/operations.ts'), 'utf8');
    expect(committed, 'operation types are stale: run `npm run codegen`').toBe(outputs[0]!.content);
    expect(outputs[0]!.content).toContain('export type ChartQuery =');
    expect(outputs[0]!.content).toContain('export type ChartQueryVariables =');
  });
});
