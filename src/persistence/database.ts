/**
 * Prisma client factory: PostgreSQL through `@prisma/adapter-pg` when a DATABASE_URL is given, else
 * the embedded PGlite on disk in `<dataDir>/pglite` through `pglite-prisma-adapter`. Both use the
 * same schema and migrations (src/persistence/migrator.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations, defaultPrismaDir } from './migrator.js';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client.js';

/** Where the data lives. `databaseUrl` wins; otherwise PGlite in `dataDir` (or in memory when `dataDir` is null). */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded PGlite database (`<dataDir>/pglite`); null = in memory (tests). */
  dataDir?: string | null;
  /** Connection attempts before giving up (containers start in any order). Default 30. */
  connectAttempts?: number;
  /** Delay between attempts in milliseconds. Default 1000. */
  connectDelayMs?: number;
  /** Max pool size for PostgreSQL. Default 10. */
  poolSize?: number;
  /** Called with the SQL of every query (tests count queries; never log parameters). */
  onQuery?: (sql: string) => void;
}

function newClient(adapter: SqlDriverAdapterFactory, onQuery?: (sql: string) => void): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query' as never, ((event: { query: string }) => onQuery(event.query)));
  return client;
}

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  /** Applies pending migrations; returns the names applied now. */
  migrate(prismaDir?: string): Promise<string[]>;
  /** Cheap liveness probe (SELECT 1). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until PostgreSQL at `url` accepts a connection (`SELECT 1`), retrying `attempts` times
 * `delayMs` apart. Throws the last error when it never does. The URL is never logged.
 */
export async function waitForPostgres(url: string, attempts = 30, delayMs = 1000): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < Math.max(1, attempts); i += 1) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      if (i + 1 < attempts) await sleep(delayMs);
    }
  }
  throw new Error(
    `PostgreSQL is not reachable after ${attempts} attempts: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
  );
}

/** Opens the database described by `options` (waiting for PostgreSQL). Does not migrate. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    await waitForPostgres(url, options.connectAttempts ?? 30, options.connectDelayMs ?? 1000);
    const prisma = newClient(new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 }), options.onQuery);
    return {
      kind: 'postgres',
      prisma,
      migrate: async (prismaDir = defaultPrismaDir()) => {
        // One connection of our own, closed before returning: the schema engine takes a
        // session-level advisory lock and never unlocks it (it counts on the connection closing),
        // and freeing the WASM engine does not close the adapter's pool. Left open, the idle
        // connection would hold the lock until the pool's idle timeout and make the next migrate on
        // this database wait. When the engine gives up waiting for the lock (10 s), its
        // pg_advisory_lock call still waits on the server, so the connection is ended directly
        // (pool.end() would wait for that call); its end resolves once the socket has closed.
        const pool = new pg.Pool({ connectionString: url, max: 1 });
        const clients: pg.PoolClient[] = [];
        pool.on('connect', (client) => clients.push(client));
        try {
          return await applyMigrations(new PrismaPg(pool), prismaDir);
        } finally {
          await Promise.all(clients.map((client) => client.end()));
          await pool.end();
        }
      },
      ping: () => prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
      close: () => prisma.$disconnect(),
    };
  }
  let pglite: PGlite;
  if (options.dataDir) {
    const dir = path.resolve(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    pglite = new PGlite(dir);
  } else {
    pglite = new PGlite();
  }
  await pglite.waitReady;
  const factory: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  const prisma = newClient(factory, options.onQuery);
  return {
    kind: 'pglite',
    prisma,
    migrate: (prismaDir = defaultPrismaDir()) => applyMigrations(factory, prismaDir),
    ping: () => prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
