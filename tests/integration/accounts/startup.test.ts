/**
 * The main.ts startup provider on the embedded default (PGlite in a temporary DATA_DIR): pending
 * migrations apply at start, the admin is created from ADMIN_EMAIL / ADMIN_PASSWORD on first start
 * only, the app serves login with it, and a too short ADMIN_PASSWORD does not keep the API down.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { accountsStartupProvider } from '../../../src/accounts/accounts.wiring.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/observability/logger.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nocturna-startup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const env = (over: Record<string, string>) => ({
  NODE_ENV: 'test',
  SECRET_KEY: 'startup-test-secret-0123456789-abcdefghijk',
  DATA_DIR: dir,
  ADMIN_EMAIL: 'boot@example.com',
  ...over,
});

it('migrations apply at start; a too short ADMIN_PASSWORD is reported, not fatal; a valid one creates the admin once; login works', async () => {
  const logger = createLogger('silent');
  const short = loadConfig(env({ ADMIN_PASSWORD: 'short' }));
  const deps1 = await accountsStartupProvider(short, logger);
  expect(deps1.database!.kind).toBe('pglite');
  const prisma1 = deps1.services!.accounts!.prisma;
  expect(await prisma1.user.count()).toBe(0);
  const migrations = await prisma1.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  expect(Number(migrations[0].n)).toBeGreaterThanOrEqual(1);
  await deps1.database!.close();

  const config = loadConfig(env({ ADMIN_PASSWORD: 'bootstrap password' }));
  const deps = await accountsStartupProvider(config, logger);
  await deps.database!.ping();
  const app = await createApp(config, { ...deps, logger });
  const res = await request(app.app)
    .post('/graphql')
    .send({ query: 'mutation { login(input: { email: "boot@example.com", password: "bootstrap password" }) { user { role status } } }' });
  expect(res.body.data.login.user).toEqual({ role: 'ADMIN', status: 'ACTIVE' });
  await app.close();
  await deps.database!.close();

  // a later start with other admin settings does not create a second admin
  const deps3 = await accountsStartupProvider(loadConfig(env({ ADMIN_PASSWORD: 'another password', ADMIN_EMAIL: 'other@example.com' })), logger);
  const prisma3 = deps3.services!.accounts!.prisma;
  expect(await prisma3.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: 'boot@example.com', role: 'ADMIN' }]);
  await deps3.database!.close();

  // these three NODE_ENV=test starts wrote no development token
  await expect(stat(path.join(dir, 'dev-service-token'))).rejects.toThrow(/ENOENT/);
});

it('development on the embedded default keeps a working service token in DATA_DIR/dev-service-token (0600), reused across starts', async () => {
  const devDir = await mkdtemp(path.join(tmpdir(), 'nocturna-devtoken-'));
  try {
    const logger = createLogger('silent');
    const config = loadConfig({ NODE_ENV: 'development', SECRET_KEY: 'startup-test-secret-0123456789-abcdefghijk', DATA_DIR: devDir });
    const deps = await accountsStartupProvider(config, logger);
    const file = path.join(devDir, 'dev-service-token');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const token = (await readFile(file, 'utf8')).trim();
    const app = await createApp(config, { ...deps, logger });
    const ok = await request(app.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: '{ positions(input: { moment: { utc: "2024-01-01T12:00:00Z" }, bodies: [SUN] }) { longitude } }' });
    expect(ok.status).toBe(200);
    expect(ok.body.data.positions[0].longitude).toBeCloseTo(280.5, 0);
    await app.close();
    await deps.database!.close();

    // a second start reuses it (no new token row); production never writes one
    const again = await accountsStartupProvider(config, logger);
    expect((await readFile(file, 'utf8')).trim()).toBe(token);
    const prisma = again.services!.accounts!.prisma;
    expect(await prisma.token.count({ where: { kind: 'SERVICE' } })).toBe(1);
    await again.database!.close();
  } finally {
    await rm(devDir, { recursive: true, force: true });
  }
});
