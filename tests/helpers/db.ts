/**
 * Test databases: a fresh PostgreSQL database per test file (`nocturna_test_<random>`, migrated
 * with the WASM runner, dropped afterwards) or a PGlite database in a temporary directory.
 * PostgreSQL: 127.0.0.1:5432, user postgres, trust auth (override with TEST_POSTGRES_URL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/persistence/database.js';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  /** Connection URL (PostgreSQL) or data directory (PGlite). */
  url: string;
  name: string;
  /** Opens another client on the same database (second app instance). PostgreSQL only. */
  openAnother(): Promise<Database>;
  /** Closes every client and drops the database / removes the directory. */
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates, migrates and opens `nocturna_test_<random>` on the real PostgreSQL. */
export async function createPostgresTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `nocturna_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = urlFor(name);
  const db = await openDatabase({ databaseUrl: url, connectAttempts: 3, connectDelayMs: 200, poolSize: 5 });
  if (options.migrate !== false) await db.migrate();
  const extra: Database[] = [];
  return {
    db,
    url,
    name,
    async openAnother() {
      const other = await openDatabase({ databaseUrl: url, connectAttempts: 3, connectDelayMs: 200, poolSize: 5 });
      extra.push(other);
      return other;
    },
    async drop() {
      await Promise.all([db, ...extra].map((d) => d.close().catch(() => undefined)));
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Opens and migrates a PGlite database in a fresh temporary directory. */
export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nocturna-pglite-'));
  const db = await openDatabase({ dataDir: dir });
  await db.migrate();
  return {
    db,
    url: dir,
    name: path.basename(dir),
    async openAnother() {
      throw new Error('PGlite is single-process: one client per directory');
    },
    async drop() {
      await db.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis key prefix unique to one test file run. */
export function uniqueRedisPrefix(label: string): string {
  return `nocturna_test:${label}:${randomBytes(4).toString('hex')}:`;
}

/** Deletes every Redis key under `prefix` (SCAN + DEL). */
export async function deleteRedisPrefix(redis: import('ioredis').Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
