/**
 * Builds the accounts stack (users, tokens, saved charts, revocation state, login limiter, quotas)
 * over one database and, when given, one shared Redis. `createApp` receives the result in its deps.
 */
import type { Redis } from 'ioredis';
import { AccountState } from '../auth/account-state.js';
import { createLoginLimiter, type LoginLimiter } from '../auth/login-limiter.js';
import { createMemorySharedStore, createRedisSharedStore } from '../auth/shared-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { createQuotaService, type QuotaService } from '../quota/quota.service.js';
import type { ScryptParams } from './password.js';
import { SavedChartService } from './saved-chart.service.js';
import { TokenService } from './token.service.js';
import { UserService, type RegistrationSettings, type UserRecord } from './user.service.js';

export interface AccountsOptions {
  prisma: PrismaClient;
  /** Shared Redis (production, several replicas); omitted → in-process memory (embedded). */
  redis?: Redis | undefined;
  /** Prefix of every Redis key of this deployment (unique per test file). Default "nocturna:". */
  redisKeyPrefix?: string;
  secret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  registration: RegistrationSettings;
  rateLimit: { defaultPerHour: number; premiumPerHour: number };
  /** Login attempts (auth/login-limiter.ts): failures per (account, IP) / per IP per 15 min, the account's slow-down. */
  loginAttempts?: { perAccountAndIp?: number; perIp?: number; slowDownAfter?: number; maxDelayMs?: number; windowSeconds?: number };
  scrypt?: ScryptParams;
}

export interface Accounts {
  users: UserService;
  tokens: TokenService;
  charts: SavedChartService;
  state: AccountState;
  quota: QuotaService;
  loginLimiter: LoginLimiter;
  registration: RegistrationSettings;
  prisma: PrismaClient;
  /** Creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  bootstrapAdmin(email: string, password: string | undefined): Promise<UserRecord | null>;
}

export function createAccounts(o: AccountsOptions): Accounts {
  const prefix = o.redisKeyPrefix ?? 'nocturna:';
  const store = o.redis ? createRedisSharedStore(o.redis, `${prefix}acct:`) : createMemorySharedStore();
  const state = new AccountState({ prisma: o.prisma, store });
  const users = new UserService({ prisma: o.prisma, state, ...(o.scrypt ? { scrypt: o.scrypt } : {}) });
  const loginLimiter = createLoginLimiter({ redis: o.redis, keyPrefix: `${prefix}login:`, ...o.loginAttempts });
  const tokens = new TokenService({
    prisma: o.prisma,
    users,
    state,
    loginLimiter,
    secret: o.secret,
    issuer: o.issuer,
    audience: o.audience,
    accessTokenTtlSeconds: o.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: o.refreshTokenTtlSeconds,
  });
  const quota = createQuotaService({
    defaultPerHour: o.rateLimit.defaultPerHour,
    premiumPerHour: o.rateLimit.premiumPerHour,
    redis: o.redis,
    keyPrefix: `${prefix}quota:`,
  });
  return {
    users,
    tokens,
    charts: new SavedChartService(o.prisma),
    state,
    quota,
    loginLimiter,
    registration: o.registration,
    prisma: o.prisma,
    bootstrapAdmin: (email, password) => users.bootstrapAdmin(email, password),
  };
}
