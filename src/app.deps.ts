/**
 * What `createApp(config, deps)` can be given. Everything is optional: without deps the app runs
 * on its embedded defaults (memory cache, no database, no quota). The accounts issue plugs in its
 * database, services, revocation check and quota here; interfaces are open to declaration merging
 * (`declare module '../app.deps.js' { interface AppServices { accounts: AccountService } }`).
 */
import type { Redis } from 'ioredis';
import type { RequestHandler, Router } from 'express';
import type { RevocationCheck } from './auth/jwt.types.js';
import type { GatewayCache } from './cache/key-value-cache.js';
import type { QuotaHook } from './http/quota.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import type { ChartService, ComputeChart } from './services/chart.service.js';
import type { Config } from './config/config.js';

/** A database as the health checks and shutdown see it. */
export interface DatabaseHandle {
  /** 'postgresql' | 'pglite' …, shown by /api/v1/health. */
  readonly kind: string;
  /** Round trip (e.g. `SELECT 1`). @throws when unreachable */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Services reachable from resolvers as `ctx.services`. */
export interface AppServices {
  chart: ChartService;
}

/** Builds an extra REST router mounted at the root of the app (one line in app.ts or deps.routers). */
export type RouterFactory = (app: AppRuntime) => Router | RequestHandler;

export interface AppDeps {
  logger?: Logger;
  metrics?: Metrics;
  /** Redis client for the response cache and APQ (and quotas, accounts). Omitted → memory cache. */
  redis?: Redis;
  /** Prefix of every cache key (tests use a unique one). Default "nocturna:". */
  cacheKeyPrefix?: string;
  /** Replaces the cache built from `redis`. */
  cache?: GatewayCache;
  database?: DatabaseHandle;
  /** The Prisma client of the accounts issue, passed through untouched. */
  prisma?: unknown;
  /** Revocation check run by the JWT verifier after the signature and claims. */
  isTokenRevoked?: RevocationCheck;
  /** Quota run after auth and before the response cache. Default: none. */
  quota?: QuotaHook;
  /** Extra services merged into `ctx.services`. */
  services?: Partial<AppServices> & Record<string, unknown>;
  /** Extra resolver classes appended to the schema's resolver list. */
  resolvers?: Function[];
  /** Extra REST routers. */
  routers?: RouterFactory[];
  /** The chart domain function; default the ephemeris' computeChart. */
  computeChart?: ComputeChart;
}

/** What route factories receive: the resolved runtime pieces of one app instance. */
export interface AppRuntime {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  cache: GatewayCache;
  services: AppServices & Record<string, unknown>;
  deps: AppDeps;
  /** Verifies `Authorization` and runs the quota; for REST routes that need a token. */
  requireAuth: RequestHandler;
}
