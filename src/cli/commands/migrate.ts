/**
 * `nocturna migrate`: applies pending Prisma migrations with the WASM schema engine to DATABASE_URL
 * (else the embedded PGlite in DATA_DIR). Idempotent; waits for the database (containers start in
 * any order), and tries a failed migration again a few times, as the server retries its start: a
 * lost connection or a lock held too long would otherwise end the one-shot and leave the stack
 * without tables. Each failure is logged with its cause. A migration whose SQL failed is not run
 * again: the database then holds a failed migration (Prisma's P3009), which a person must resolve.
 * Exit 0 when up to date afterwards.
 */
import { say } from '../cli-context.js';
import { retry } from '../../main.js';
import { createLogger } from '../../observability/logger.js';
import { openDatabase } from '../../persistence/database.js';
import { loadConfigOrReport, parseArguments, type CliCommand } from '../command.js';

/** Attempts of the migration, 0.5 + 1 + 2 + 4 s apart. */
const MIGRATE_ATTEMPTS = 5;

/** Prisma's "found failed migrations": another attempt is refused the same way. */
export const notAFailedMigration = (error: unknown) => (error as { code?: unknown } | null)?.code !== 'P3009';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations (offline WASM schema engine; idempotent)',
  usage: 'usage: nocturna migrate   (DATABASE_URL, else the embedded database in DATA_DIR)',
  async run(args) {
    parseArguments(args, {});
    const config = loadConfigOrReport();
    if (!config) return 2;
    try {
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      try {
        const applied = await retry('migration', () => db.migrate(), createLogger(config.logLevel), {
          attempts: MIGRATE_ATTEMPTS,
          retryable: notAFailedMigration,
        });
        say(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      } finally {
        await db.close();
      }
    } catch (error) {
      say(`nocturna migrate: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
};
