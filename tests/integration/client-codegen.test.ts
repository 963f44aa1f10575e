/**
 * clients/typescript/codegen.yml (offline: the committed schema.graphql and the operations in
 * clients/typescript/operations/) generates clients/typescript/src/generated/operations.ts; this
 * fails when the committed file is stale (`npm run codegen`), and when an operation file has no
 * comment saying what it is for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, loadContext } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLIENT = join(ROOT, 'clients', 'typescript');

describe('TypeScript client codegen', () => {
  it('clients/typescript/src/generated/operations.ts is up to date', async () => {
    const context = await loadContext(join(CLIENT, 'codegen.yml'));
    const outputs = await generate(context, false);
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.filename).toBe('clients/typescript/src/generated/operations.ts');
    const committed = readFileSync(join(CLIENT, 'src', 'generated', 'operations.ts'), 'utf8');
    expect(committed, 'the client documents are stale: run `npm run codegen`').toBe(outputs[0]!.content);
  });

  it('every operation file is documented and becomes a typed document', () => {
    const files = readdirSync(join(CLIENT, 'operations')).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const generated = readFileSync(join(CLIENT, 'src', 'generated', 'operations.ts'), 'utf8');
    for (const file of files) {
      const text = readFileSync(join(CLIENT, 'operations', file), 'utf8');
      expect(text, `${file} starts with a comment`).toMatch(/^# \S/);
      const [, kind, name] = /^(query|mutation|fragment) (\w+)/m.exec(text) ?? [];
      expect(name, `${file} names its operation`).toBeDefined();
      const exported = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
      expect(generated, `${file} → ${exported}`).toContain(`export const ${exported} = new TypedDocumentString(`);
    }
  });
});
