/**
 * The dependency rules of src/ (.dependency-cruiser.cjs, run by `npm run lint`): run with the real
 * configuration on small copies of a source tree. A clean tree passes; a folder cycle (http ↔
 * graphql), an import upwards (ephemeris → graphql), a folder without a layer and a run-time module
 * cycle each fail, naming the rule.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT } from './deploy-helpers.js';

/** Runs dependency-cruiser with the project's rules on a tree of `files` (path → source): the rules broken. */
async function brokenRules(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nocturna-depcruise-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(path.join(dir, 'tsconfig.json'));
  const result = await cruise(['src'], { ...options, baseDir: dir, tsConfig: { fileName: path.join(dir, 'tsconfig.json') } }, {}, { tsConfig });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  expect(result.output.summary.totalCruised).toBeGreaterThanOrEqual(Object.keys(files).length);
  return result.output.summary.violations.map((v) => v.rule.name);
}

/** A small tree that follows the layers: services → ephemeris → errors, graphql and http → services. */
const CLEAN: Record<string, string> = {
  'src/errors.ts': 'export class DomainError extends Error {}\n',
  'src/ephemeris/chart.ts': "import { DomainError } from '../errors.js';\nexport const chart = () => new DomainError('x');\n",
  'src/services/chart.service.ts': "import { chart } from '../ephemeris/chart.js';\nexport const service = () => chart();\n",
  'src/graphql/chart.resolver.ts': "import { service } from '../services/chart.service.js';\nexport const resolve = () => service();\n",
  'src/http/chart.route.ts': "import { service } from '../services/chart.service.js';\nexport const route = () => service();\n",
};

describe('dependency rules of src/', () => {
  it('pass on a tree that follows the layers', async () => {
    expect(await brokenRules(CLEAN)).toEqual([]);
  });

  it('fail on a folder cycle: http ↔ graphql', async () => {
    const broken = await brokenRules({
      ...CLEAN,
      'src/http/errors.ts': "import { resolve } from '../graphql/chart.resolver.js';\nexport const e = resolve;\n",
      'src/graphql/chart.resolver.ts': "import { route } from '../http/chart.route.js';\nexport const resolve = route;\n",
    });
    expect(broken).toContain('layer:http');
    expect(broken).toContain('layer:graphql');
  });

  it('fail on an import upwards: the ephemeris importing GraphQL', async () => {
    const broken = await brokenRules({ ...CLEAN, 'src/ephemeris/bad.ts': "import { resolve } from '../graphql/chart.resolver.js';\nexport const bad = resolve;\n" });
    expect(broken).toEqual(['layer:ephemeris']);
  });

  it('fail on a type-only import upwards too', async () => {
    const broken = await brokenRules({ ...CLEAN, 'src/services/types.ts': "import type { route } from '../http/chart.route.js';\nexport type R = typeof route;\n" });
    expect(broken).toEqual(['layer:services']);
  });

  it('fail on a folder that has no layer yet', async () => {
    const broken = await brokenRules({ ...CLEAN, 'src/workers/pool.ts': "import { service } from '../services/chart.service.js';\nexport const pool = service;\n" });
    expect(broken).toEqual(['unlayered-part']);
  });

  it('fail on modules of one folder importing each other at run time', async () => {
    const broken = await brokenRules({
      ...CLEAN,
      'src/services/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/services/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(broken).toContain('no-circular');
  });
});
