/** Test configuration: NODE_ENV=test, a fixed 64-char secret, silent logs, a temp DATA_DIR. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef0123456789abcdef0123';

/** Builds a Config from a test environment plus `env` overrides. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: TEST_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'nocturna-test-')),
    LOG_LEVEL: 'silent',
    ...env,
  });
}
