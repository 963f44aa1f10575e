/**
 * Offline migrations with the official WASM schema engine (`@prisma/schema-engine-wasm`), bound to a
 * Prisma driver adapter (pg for PostgreSQL, PGlite for the embedded default). No engine binary is
 * downloaded or spawned: this is what `nocturna migrate`, `npm run migrate` and the embedded start
 * use. Migrations are ordinary Prisma migrations (`prisma/migrations/<name>/migration.sql`, recorded
 * in `_prisma_migrations`), so applying is idempotent.
 */
import { statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

type EngineModule = typeof import('@prisma/schema-engine-wasm');

/** The slice of the WebAssembly global used here (tsconfig's lib has no DOM, @types/node 20 no WebAssembly). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<unknown>;
  instantiate(module: unknown, imports: Record<string, unknown>): Promise<{ exports: Record<string, unknown> }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let engineModule: Promise<EngineModule> | undefined;

/**
 * Loads the wasm-bindgen module once. The package's own entry imports the `.wasm` file as an ES
 * module, which Node 20 cannot do, so the bytes are compiled here and handed to the JS glue.
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import(gluePath)) as EngineModule & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const module = await wasmApi.compile(bytes);
    const instance = await wasmApi.instantiate(module, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return engineModule;
}

/** The project root's `prisma/` folder, found from this file (works from src/ and from dist/src/). */
export function defaultPrismaDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    const candidate = path.join(dir, 'prisma');
    if (path.basename(dir) !== 'dist' && existsSyncDir(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('prisma');
}

function existsSyncDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads `<prismaDir>/migrations` into the list the engine expects (sorted by folder name). */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = [];
  for (const name of entries) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    const content = await readFile(file, 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (error: unknown) => ({ tag: 'error' as const, value: String(error) }),
    );
    migrationDirectories.push({ path: name, migrationFile: { path: 'migration.sql', content } });
  }
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Runs `work` with a schema engine connected through `factory`; the engine is freed afterwards. */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
  datamodel?: string,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: datamodel === undefined ? undefined : [['schema.prisma', datamodel]] }, () => {}, bound);
    return await work(engine);
  } catch (error) {
    throw withAdapterCause(error, bound.errorRegistry);
  } finally {
    engine?.free();
  }
}

/**
 * The engine reports an error the driver adapter threw (a lost connection, say) only as
 * "External error id#N"; the error itself waits in the adapter's registry. Returns `error` with
 * that error's message appended (and as its cause), or `error` itself when it is no such report.
 */
function withAdapterCause(error: unknown, registry: ErrorRegistry): unknown {
  const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  const cause: unknown = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (cause === undefined) return error;
  return new Error(`${(error as Error).message}: ${cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : typeof cause}`, { cause });
}

/**
 * Applies every pending migration of `<prismaDir>/migrations` through the adapter `factory`.
 * Idempotent: already applied migrations (by name and checksum in `_prisma_migrations`) are skipped.
 * @returns the names of the migrations applied by this call (empty when up to date).
 */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  prismaDir: string = defaultPrismaDir(),
): Promise<string[]> {
  const migrationsList = await readMigrationList(path.join(prismaDir, 'migrations'));
  const result = await withSchemaEngine(factory, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return result.appliedMigrationNames;
}

/**
 * The SQL that takes a database from the state of the existing migrations to `schema.prisma`
 * (`from` = migrations replayed on the adapter's shadow database, e.g. a scratch PGlite).
 * Returns '' when nothing changed. Used by `scripts/migrate.ts --create <name>`.
 */
export async function diffSchemaAgainstMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  prismaDir: string = defaultPrismaDir(),
): Promise<string> {
  const migrationsDir = path.join(prismaDir, 'migrations');
  const schema = await readFile(path.join(prismaDir, 'schema.prisma'), 'utf8');
  const hasMigrations = await stat(migrationsDir).then(() => true, () => false);
  const migrationsList = hasMigrations ? await readMigrationList(migrationsDir) : undefined;
  const result = await withSchemaEngine(
    factory,
    (engine) =>
      engine.diff({
        from:
          migrationsList && migrationsList.migrationDirectories.length > 0
            ? { tag: 'migrations', ...migrationsList }
            : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      }),
    schema,
  );
  const sql = (result.stdout ?? '').trim();
  return sql === '' || sql === '-- This is an empty migration.' ? '' : `${sql}\n`;
}
