/**
 * `nocturna migrate`: applies pending Prisma migrations with the WASM schema engine to DATABASE_URL
 * (else the embedded PGlite in DATA_DIR). Idempotent; waits for the database (containers start in
 * any order). Exit 0 when up to date afterwards.
 */
import { say } from '../cli-context.js';
import { openDatabase } from '../../persistence/database.js';
import { loadConfigOrReport, type CliCommand } from '../command.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations (offline WASM schema engine; idempotent)',
  async run() {
    const config = loadConfigOrReport();
    if (!config) return 2;
    try {
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      try {
        const applied = await db.migrate();
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
