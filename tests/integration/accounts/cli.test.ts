/**
 * The operations commands end to end against a fresh PostgreSQL database and Redis: `nocturna
 * migrate`, `setup-production` (summary file mode 0600; its token works against the API; --dry-run
 * changes nothing), `token create|list|check|revoke|renew` (the printed token works, the revoked one
 * is refused), `admin create|list|promote|delete|plan`.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/nocturna.js';
import { notAFailedMigration } from '../../../src/cli/commands/migrate.js';
import { createApp, type GatewayApp } from '../../../src/app.js';
import { accountsDeps, accountsFromConfig } from '../../../src/accounts/accounts.wiring.js';
import { loadConfig } from '../../../src/config/config.js';
import { defaultPrismaDir } from '../../../src/persistence/migrator.js';
import { createPostgresTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from '../../helpers/db.js';

const ADMIN_PASSWORD = 'cli admin password!';
const CHART = 'query C($input: ChartInput!) { chart(input: $input) { positions { body longitude } } }';
const INPUT = { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN'] };

let tdb: TestDatabase;
let dir: string;
let redis: Redis;
let prefix: string;
let app: GatewayApp | undefined;
const savedEnv = { ...process.env };

/** Runs `nocturna …` in-process; returns exit code and what went to stdout. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await runCli(args), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Runs `work` with process.stdin replaced by a stream that yields `text`. */
async function withStdin<T>(text: string, work: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(text, 'utf8')]), configurable: true }); // bytes, as a real stdin gives
  try {
    return await work();
  } finally {
    Object.defineProperty(process, 'stdin', original);
  }
}

const accounts = () => accountsFromConfig(loadConfig(process.env), tdb.db, redis, { scrypt: { logN: 10, r: 8, p: 1 } });

async function api(): Promise<GatewayApp> {
  if (app) return app;
  const config = loadConfig(process.env);
  const accounts = accountsFromConfig(config, tdb.db, redis);
  app = await createApp(config, { ...accountsDeps(accounts, tdb.db), redis, cacheKeyPrefix: prefix });
  return app;
}

const calc = async (token: string) =>
  request((await api()).app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: CHART, variables: { input: INPUT } });

beforeAll(async () => {
  tdb = await createPostgresTestDatabase({ migrate: false });
  dir = await mkdtemp(path.join(tmpdir(), 'nocturna-cli-'));
  prefix = uniqueRedisPrefix('cli');
  redis = new Redis('redis://127.0.0.1:6379');
  process.env = {
    ...savedEnv,
    NODE_ENV: 'test',
    SECRET_KEY: 'cli-test-secret-0123456789-abcdefghijklmnop',
    DATABASE_URL: tdb.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    DATA_DIR: dir,
    ADMIN_EMAIL: 'admin@nocturna.service',
    ADMIN_PASSWORD,
    ALLOW_USER_REGISTRATION: 'false',
    REGISTRATION_REQUIRES_APPROVAL: 'true',
    MAX_USERS_LIMIT: '100',
  };
});

afterAll(async () => {
  process.env = savedEnv;
  await app?.close();
  await deleteRedisPrefix(redis, prefix);
  // The CLI and the API share the default "nocturna:" prefix (as in production): remove this run's keys.
  const ids = [
    ...(await tdb.db.prisma.user.findMany({ select: { id: true } })).map((u) => u.id),
    ...(await tdb.db.prisma.token.findMany({ select: { id: true } })).map((t) => t.id),
  ];
  // Exact keys: one DEL instead of a SCAN of the whole shared Redis per id and key kind.
  const keys = ids.flatMap((id) => ['acct:usr:', 'acct:tok:', 'acct:used:', 'quota:default:', 'quota:premium:'].map((k) => `nocturna:${k}${id}`));
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('nocturna migrate', () => {
  it('applies the migrations, then reports up to date', async () => {
    expect((await cli('migrate')).code).toBe(0);
    const tables = await tdb.db.prisma.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    expect(tables.map((t) => t.tablename)).toEqual(['_prisma_migrations', 'audit_events', 'revoked_access_tokens', 'saved_charts', 'tokens', 'users']);
    expect((await cli('migrate')).code).toBe(0);
    expect(await tdb.db.migrate()).toEqual([]);
  });

  it('does not try again a migration whose SQL failed: Prisma then refuses every attempt (P3009)', async () => {
    const other = await createPostgresTestDatabase({ migrate: false });
    const prismaDir = await mkdtemp(path.join(tmpdir(), 'nocturna-bad-migration-'));
    try {
      await mkdir(path.join(prismaDir, 'migrations', '20260101000000_bad'), { recursive: true });
      await copyFile(path.join(defaultPrismaDir(), 'migrations', 'migration_lock.toml'), path.join(prismaDir, 'migrations', 'migration_lock.toml'));
      await writeFile(path.join(prismaDir, 'migrations', '20260101000000_bad', 'migration.sql'), 'CREATE TABLE a (x int);\nSELECT no_such_function();\n');
      const attempt = () => other.db.migrate(prismaDir).then(() => undefined, (error: unknown) => error as Error & { code?: string });
      const first = await attempt();
      expect(first?.message).toContain('function no_such_function() does not exist');
      expect(notAFailedMigration(first)).toBe(true); // tried again once …
      const second = await attempt();
      expect(second?.code).toBe('P3009');
      expect(notAFailedMigration(second)).toBe(false); // … which says why, and ends the retries
    } finally {
      await other.drop();
      await rm(prismaDir, { recursive: true, force: true });
    }
  });

  it('tries the migration again after a failure: the first attempt times out on a lock another session holds', async () => {
    const other = await createPostgresTestDatabase({ migrate: false });
    const holder = new pg.Client({ connectionString: other.url });
    await holder.connect();
    try {
      // The schema engine's lock (pg_advisory_lock(72707369)), which it waits 10 s for. The first
      // attempt's call goes on waiting on the server after the engine gives up (a backend blocked on
      // a lock does not notice its client has gone), so a second waiter means a second attempt.
      await holder.query('SELECT pg_advisory_lock(72707369)');
      const waiters = async () =>
        Number(
          (
            await holder.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND NOT granted
                 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            )
          ).rows[0].n,
        );
      let finished = false;
      let mostWaiters = 0;
      const release = (async () => {
        while (!finished && (mostWaiters = Math.max(mostWaiters, await waiters())) < 2) await new Promise((r) => setTimeout(r, 100));
        await holder.query('SELECT pg_advisory_unlock_all()');
      })();
      release.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
      process.env.DATABASE_URL = other.url;
      const { code } = await cli('migrate');
      finished = true;
      await release;
      expect([code, mostWaiters]).toEqual([0, 2]);
      const migrated = await other.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
      const migrations = (await readdir(path.join(defaultPrismaDir(), 'migrations'), { withFileTypes: true })).filter((e) => e.isDirectory());
      expect(Number(migrated[0].n)).toBe(migrations.length);
    } finally {
      process.env.DATABASE_URL = tdb.url;
      await holder.end();
      await other.drop();
    }
  }, 60_000);
});

describe('nocturna setup-production', () => {
  it('--dry-run changes nothing', async () => {
    const file = path.join(dir, 'dry.json');
    expect((await cli('setup-production', '--dry-run', '--output', file)).code).toBe(0);
    expect(await tdb.db.prisma.user.count()).toBe(0);
    await expect(stat(file)).rejects.toThrow();
  });

  it('writes deployment_summary.json (0600) whose token works against the API; the admin can log in', async () => {
    const file = path.join(dir, 'deployment_summary.json');
    const { code, stdout } = await cli('setup-production', '--output', file);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const summary = JSON.parse(await readFile(file, 'utf8'));
    expect(summary).toMatchObject({
      admin_email: 'admin@nocturna.service',
      service_email: 'service@nocturna.internal',
      token_scopes: ['calculations'],
      registration: { allow_user_registration: false, registration_requires_approval: true, max_users_limit: 100 },
    });
    expect(Math.round((Date.parse(summary.token_expires_at) - Date.now()) / 86_400_000)).toBe(30);
    const row = await tdb.db.prisma.token.findUnique({ where: { id: summary.token_id }, select: { kind: true, user: { select: { email: true } } } });
    expect(row).toEqual({ kind: 'SERVICE', user: { email: 'service@nocturna.internal' } });

    const res = await calc(summary.service_token);
    expect(res.status).toBe(200);
    expect(res.body.data.chart.positions[0].body).toBe('SUN');

    // the deployment guide's call: POST /api/v1/calculations with the service token
    const rest = await request((await api()).app)
      .post('/api/v1/calculations')
      .set('Authorization', `Bearer ${summary.service_token}`)
      .send({ date: '2024-01-01T12:00:00Z', latitude: 40.7128, longitude: -74.006, calculations: ['positions'] });
    expect(rest.status).toBe(200);
    expect(rest.headers['x-ratelimit-limit']).toBe('1000');

    // the service token cannot act as the admin
    const admin = await request((await api()).app).post('/graphql').set('Authorization', `Bearer ${summary.service_token}`).send({ query: 'mutation { createServiceToken(input: {}) { id } }' });
    expect(admin.status).toBe(403);

    const login = await request((await api()).app).post('/graphql').send({ query: `mutation { login(input: { email: "admin@nocturna.service", password: "${ADMIN_PASSWORD}" }) { user { role } } }` });
    expect(login.body.data.login.user.role).toBe('ADMIN');

    // run again: admin updated, not duplicated; a new token is issued
    expect((await cli('setup-production', '--output', file)).code).toBe(0);
    expect(await tdb.db.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);
    expect(await tdb.db.prisma.user.count({ where: { email: 'service@nocturna.internal' } })).toBe(1);
  });
});

describe('nocturna token', () => {
  it('create prints the token alone; it works; list/check show it; revoke makes the API refuse it; renew issues another', async () => {
    const created = await cli('token', 'create', '--days', '7', '--name', 'cli-test');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
    const token = created.stdout.trim();
    expect((await calc(token)).status).toBe(200);

    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const listed = await cli('token', 'list');
    expect(listed.stdout).toContain(payload.jti);
    expect(listed.stdout).toContain('cli-test');

    const checked = await cli('token', 'check', token);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ valid: true, kind: 'service', id: payload.jti, scopes: ['calculations'], name: 'cli-test' });

    const renewed = await cli('token', 'renew', payload.jti, '--days', '3');
    expect(renewed.code).toBe(0);
    const renewedToken = renewed.stdout.trim();
    expect(renewedToken).not.toBe(token);
    expect((await calc(renewedToken)).status).toBe(200);

    expect((await cli('token', 'revoke', payload.jti)).code).toBe(0);
    const refused = await calc(token);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await cli('token', 'check', token)).code).toBe(1);
    expect((await calc(renewedToken)).status).toBe(200);

    // --active leaves the revoked token out; check reads the token from stdin when none is given.
    const renewedId = JSON.parse(Buffer.from(renewedToken.split('.')[1], 'base64url').toString()).jti;
    const active = await cli('token', 'list', '--active');
    expect(active.stdout).toContain(renewedId);
    expect(active.stdout).not.toContain(payload.jti);
    expect((await cli('token', 'list')).stdout).toContain(payload.jti);
    const fromStdin = await withStdin(`${renewedToken}\n`, () => cli('token', 'check'));
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ valid: true, id: renewedId });
    const nothingOnStdin = await withStdin('\n', () => cli('token', 'check'));
    expect(nothingOnStdin).toEqual({ code: 2, stdout: '' }); // the reason and usage go to stderr

    expect((await cli('token', 'revoke', 'no-such-id')).code).toBe(1);
    expect((await cli('token', 'create', '--days', '0')).code).toBe(1);
    expect((await cli('token')).code).toBe(2);
  });
});

describe('nocturna admin', () => {
  it('create, list, promote, delete --yes', async () => {
    expect((await cli('admin', 'create', '--email', 'second@example.com', '--password', 'second admin password')).code).toBe(0);
    expect(await tdb.db.prisma.user.findUnique({ where: { email: 'second@example.com' }, select: { role: true, status: true } })).toEqual({ role: 'ADMIN', status: 'ACTIVE' });
    const list = await cli('admin', 'list');
    expect(list.stdout).toContain('second@example.com');
    expect(list.stdout).toContain('admin@nocturna.service');
    expect(list.stdout).not.toContain('scrypt$');

    await tdb.db.prisma.user.create({ data: { email: 'plain@example.com', username: 'plain', passwordHash: 'x', role: 'USER' } });
    expect((await cli('admin', 'promote', '--email', 'plain@example.com')).code).toBe(0);
    expect((await tdb.db.prisma.user.findUnique({ where: { email: 'plain@example.com' }, select: { role: true } }))!.role).toBe('ADMIN');

    // without --yes it asks; a wrong answer deletes nothing, the typed email confirms
    expect((await withStdin('someone-else@example.com\n', () => cli('admin', 'delete', '--email', 'second@example.com'))).code).toBe(1);
    expect(await tdb.db.prisma.user.count({ where: { email: 'second@example.com' } })).toBe(1);
    await accounts().users.create({ email: 'third@example.com', password: 'third admin password', role: 'ADMIN' });
    expect((await withStdin('third@example.com\n', () => cli('admin', 'delete', '--email', 'third@example.com'))).code).toBe(0);
    expect(await tdb.db.prisma.user.count({ where: { email: 'third@example.com' } })).toBe(0);

    expect((await cli('admin', 'delete', '--email', 'second@example.com', '--yes')).code).toBe(0);
    expect(await tdb.db.prisma.user.count({ where: { email: 'second@example.com' } })).toBe(0);
    expect((await cli('admin', 'create', '--email', 'weak@example.com', '--password', 'short')).code).toBe(1);
    expect(await tdb.db.prisma.user.count({ where: { email: 'weak@example.com' } })).toBe(0);
  });

  it('plan --email e --plan premium|default changes the quota plan and writes the audit log', async () => {
    const user = await tdb.db.prisma.user.create({ data: { email: 'planned@example.com', username: 'planned', passwordHash: 'x' }, select: { id: true, plan: true } });
    expect(user.plan).toBe('DEFAULT');
    const up = await cli('admin', 'plan', '--email', 'planned@example.com', '--plan', 'premium');
    expect(up.code).toBe(0);
    expect((await tdb.db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { plan: true } })).plan).toBe('PREMIUM');
    expect((await cli('admin', 'plan', '--email', 'planned@example.com', '--plan', 'default')).code).toBe(0);
    const events = await tdb.db.prisma.auditEvent.findMany({ where: { targetUserId: user.id }, orderBy: { at: 'asc' }, select: { actor: true, action: true, details: true } });
    expect(events).toEqual([
      { actor: 'cli', action: 'user.plan', details: { from: 'DEFAULT', to: 'PREMIUM' } },
      { actor: 'cli', action: 'user.plan', details: { from: 'PREMIUM', to: 'DEFAULT' } },
    ]);
    expect((await cli('admin', 'plan', '--email', 'planned@example.com', '--plan', 'gold')).code).toBe(2);
    expect((await cli('admin', 'plan', '--email', 'nobody@example.com', '--plan', 'premium')).code).not.toBe(0);
    expect(await tdb.db.prisma.auditEvent.count({ where: { targetUserId: user.id } })).toBe(2);
  });
});
