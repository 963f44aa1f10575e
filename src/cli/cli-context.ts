/**
 * Shared plumbing of the account CLI commands (migrate, admin, token, setup-production): config
 * from the environment, the database (waiting for it: containers start in any order), the shared
 * Redis when REDIS_URL is set (so a revocation reaches every running replica), prompts.
 */
import { createInterface } from 'node:readline';
import type { Redis } from 'ioredis';
import { createRedisClient } from '../cache/redis.client.js';
import type { Config } from '../config/config.js';
import { loadConfigOrReport } from './command.js';
import { DomainError, ValidationError } from '../errors.js';
import { openDatabase, type Database } from '../persistence/database.js';
import type { Accounts } from '../accounts/accounts.module.js';
import { accountsFromConfig } from '../accounts/accounts.wiring.js';

export interface CliContext {
  config: Config;
  db: Database;
  redis: Redis | undefined;
  accounts: Accounts;
  close(): Promise<void>;
}

/** Writes one line to stderr (messages, never secrets). */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function waitForRedis(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Redis (REDIS_URL) is not reachable')), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Opens database, Redis and the accounts stack for a command. Retries connections (30 × 1 s for
 * PostgreSQL, 30 s for Redis). With `migrate`, pending migrations are applied first.
 */
export async function openCliContext(config: Config, options: { migrate?: boolean } = {}): Promise<CliContext> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  let redis: Redis | undefined;
  try {
    if (options.migrate) {
      const applied = await db.migrate();
      if (applied.length) say(`applied migrations: ${applied.join(', ')}`);
    }
    if (config.redisUrl) {
      redis = createRedisClient(config.redisUrl, { commandTimeoutMs: 2000 });
      await waitForRedis(redis, 30_000);
    }
  } catch (error) {
    redis?.disconnect();
    await db.close();
    throw error;
  }
  const accounts = accountsFromConfig(config, db, redis);
  return {
    config,
    db,
    redis,
    accounts,
    async close() {
      redis?.disconnect();
      await db.close();
    },
  };
}

/** Runs `work` with a context, mapping domain errors to a message and exit code 1. */
export async function withCliContext(
  options: { migrate?: boolean },
  work: (ctx: CliContext) => Promise<number>,
): Promise<number> {
  const config = loadConfigOrReport();
  if (!config) return 2;
  let ctx: CliContext | undefined;
  try {
    ctx = await openCliContext(config, options);
    return await work(ctx);
  } catch (error) {
    if (error instanceof DomainError) {
      const field = error instanceof ValidationError && error.field !== '' ? ` (${error.field})` : '';
      say(`nocturna: ${error.message}${field}`);
      return 1;
    }
    say(`nocturna: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await ctx?.close();
  }
}

/**
 * Asks a question on stderr and reads one line from stdin. `hidden` does not echo what is typed
 * (passwords) when stdin is a terminal.
 */
export async function prompt(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
  if (hidden && process.stdin.isTTY) {
    const write = (rl as unknown as { _writeToOutput?: (s: string) => void });
    write._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stderr.write(question);
    };
  }
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('close', () => reject(new Error('no input (stdin closed)')));
      rl.question(question, (answer) => {
        if (hidden && process.stdin.isTTY) process.stderr.write('\n');
        resolve(answer.trim());
      });
    });
  } finally {
    rl.removeAllListeners('close');
    rl.close();
  }
}

/** Pads columns for a small table on stdout. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
