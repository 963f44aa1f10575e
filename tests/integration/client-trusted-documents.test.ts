/**
 * clients/typescript/persisted-documents.json: the client's operations as a trusted-documents
 * manifest ("sha256:<hex>" → the exact text the client sends), the file TRUSTED_DOCUMENTS_FILE
 * takes. Written by `npm run codegen` (UPDATE_MANIFEST=1 vitest run on this file); this fails when
 * it is stale, and starts the gateway with TRUSTED_DOCUMENTS=require on it (every document is
 * validated at start) and runs the client's chart query by its id.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import * as generated from '../../clients/typescript/src/generated/operations.js';
import { createTestApp } from '../helpers/app.js';

const FILE = join(import.meta.dirname, '..', '..', 'clients', 'typescript', 'persisted-documents.json');

/** The operations' documents (not the fragments'), by sha256 id. */
function manifest(): Record<string, string> {
  const entries = Object.entries(generated)
    .filter(([name, value]) => name.endsWith('Document') && !name.endsWith('FragmentDoc') && value instanceof String)
    .map(([, value]) => String(value))
    .map((text) => [`sha256:${createHash('sha256').update(text).digest('hex')}`, text] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

describe('the client’s trusted-documents manifest', () => {
  it('is up to date', () => {
    const expected = `${JSON.stringify(manifest(), null, 2)}\n`;
    if (process.env.UPDATE_MANIFEST === '1') writeFileSync(FILE, expected);
    expect(Object.keys(manifest()).length).toBeGreaterThanOrEqual(7);
    expect(readFileSync(FILE, 'utf8'), 'persisted-documents.json is stale: run `npm run codegen`').toBe(expected);
  });

  it('is a valid TRUSTED_DOCUMENTS_FILE: the gateway starts on it and serves the chart query by id', async () => {
    const t = await createTestApp({ env: { TRUSTED_DOCUMENTS: 'require', TRUSTED_DOCUMENTS_FILE: FILE } });
    try {
      const text = String(generated.ChartDocument);
      const documentId = `sha256:${createHash('sha256').update(text).digest('hex')}`;
      const res = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .send({ documentId, variables: { input: { moment: { utc: '2024-01-01T12:00:00Z' } } } });
      expect(res.status).toBe(200);
      expect(res.body.data.chart.positions.length).toBeGreaterThan(10);
    } finally {
      await t.dispose();
    }
  });
});
