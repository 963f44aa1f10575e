/**
 * Plugs the accounts stack into the gateway: `createApp(config, accountsDeps(...))` gets the
 * database handle, the revocation check, the quota hook and `ctx.services.accounts` (the account
 * resolvers are in RESOLVERS, src/graphql/schema.ts; without `services.accounts` they answer
 * INTERNAL_SERVER_ERROR). `accountsStartupProvider` does the same for `main.ts` with real clients:
 * it waits for PostgreSQL (or opens PGlite in DATA_DIR), applies pending migrations when
 * MIGRATE_ON_START (always on the embedded default), and creates the admin from ADMIN_EMAIL /
 * ADMIN_PASSWORD on first start.
 */
import type { Redis } from 'ioredis';
import type { AppDeps } from '../app.deps.js';
import type { Config } from '../config/config.js';
import { createRedisClient } from '../cache/redis.client.js';
import type { QuotaHook } from '../quota/quota.hook.js';
import type { Logger } from '../observability/logger.js';
import { openDatabase, type Database } from '../persistence/database.js';
import { QuotaExceededError } from '../quota/quota.service.js';
import { DomainError } from '../errors.js';
import { createAccounts, type Accounts, type AccountsOptions } from './accounts.module.js';
import { ensureDevServiceToken } from './dev-token.file.js';

/** Builds the accounts stack from the validated config. */
export function accountsFromConfig(
  config: Config,
  db: Database,
  redis: Redis | undefined,
  over: Partial<AccountsOptions> = {},
): Accounts {
  return createAccounts({
    prisma: db.prisma,
    redis,
    secret: config.secretKey,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    accessTokenTtlSeconds: config.jwt.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.jwt.refreshTokenTtlSeconds,
    registration: config.registration,
    rateLimit: config.rateLimit,
    ...over,
  });
}

/** The quota hook: the request's cost charged to the principal's account, on its plan (DEFAULT for unknown subjects). */
export function createQuotaHook(accounts: Accounts): QuotaHook {
  return async (request) => {
    const state = await accounts.state.userState(request.principal.subject);
    const plan = state?.plan ?? 'DEFAULT';
    try {
      const s = await accounts.quota.consume(request.principal.subject, plan, request.cost);
      const policy = plan.toLowerCase();
      return { allowed: true, limit: s.limit, remaining: s.remaining, resetAtEpochSeconds: s.resetEpochSeconds, windowSeconds: s.windowSeconds, policy, cost: request.cost };
    } catch (error) {
      if (!(error instanceof QuotaExceededError)) throw error;
      return {
        allowed: false,
        limit: error.state.limit,
        remaining: 0,
        resetAtEpochSeconds: error.state.resetEpochSeconds,
        retryAfterSeconds: error.retryAfterSeconds,
        windowSeconds: error.state.windowSeconds,
        policy: plan.toLowerCase(),
        cost: request.cost,
      };
    }
  };
}

/** The deps `createApp` needs for accounts, over an open database and (optionally) shared Redis. */
export function accountsDeps(accounts: Accounts, db: Database): Partial<AppDeps> {
  return {
    database: {
      kind: db.kind === 'postgres' ? 'postgresql' : 'pglite',
      async ping() {
        if (!(await db.ping())) throw new Error('database ping failed');
      },
      close: () => db.close(),
    },
    isTokenRevoked: accounts.state.isRevoked,
    quota: createQuotaHook(accounts),
    services: { accounts },
  };
}

/**
 * Opens the configured database (waiting for PostgreSQL) and migrates when configured; closes it
 * again when migrating fails. The embedded PGlite default always migrates (there is no separate
 * migrate step).
 */
export async function openConfiguredDatabase(config: Config, logger?: Logger): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (config.migrateOnStart || db.kind === 'pglite') {
    try {
      const applied = await db.migrate();
      if (applied.length) logger?.info({ migrations: applied }, 'database migrations applied');
    } catch (error) {
      // main.ts retries providers: release this attempt's handle (PGlite allows one opener per directory).
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  return db;
}

/** main.ts startup provider: database, accounts, revocation, quotas (one of STARTUP_PROVIDERS). */
export async function accountsStartupProvider(config: Config, logger: Logger): Promise<Partial<AppDeps>> {
  const db = await openConfiguredDatabase(config, logger);
  let redis: Redis | undefined;
  try {
    redis = config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
    const accounts = accountsFromConfig(config, db, redis);
    try {
      const admin = await accounts.bootstrapAdmin(config.admin.email, config.admin.password);
      if (admin) logger.info({ email: admin.email }, 'admin account created from ADMIN_EMAIL');
    } catch (error) {
      // A bad ADMIN_PASSWORD must not keep the API down: report it and serve without the admin.
      if (!(error instanceof DomainError)) throw error;
      logger.error({ reason: error.message }, 'admin bootstrap from ADMIN_EMAIL / ADMIN_PASSWORD refused');
    }
    if (config.nodeEnv === 'development' && db.kind === 'pglite') {
      const dev = await ensureDevServiceToken(accounts, config.dataDir);
      logger.info({ file: dev.file, issued: dev.issued }, 'development service token kept in DATA_DIR: TOKEN=$(cat <file>)');
    }
    const deps = accountsDeps(accounts, db);
    const client = redis;
    deps.database = {
      ...deps.database!,
      close: async () => {
        client?.disconnect();
        await db.close();
      },
    };
    return deps;
  } catch (error) {
    // main.ts retries providers: release this attempt's clients (PGlite allows one opener per directory).
    redis?.disconnect();
    await db.close().catch(() => undefined);
    throw error;
  }
}
