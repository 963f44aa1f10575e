/**
 * What `createApp(config, deps)` can be given. Everything is optional: without deps the app runs
 * on its embedded defaults (memory cache, no database, no quota). The accounts stack plugs in its
 * database, services, revocation check and quota here (src/accounts/accounts.wiring.ts);
 * interfaces are open to declaration merging
 * (`declare module '../app.deps.js' { interface AppServices { accounts: AccountService } }`).
 */
import type { Redis } from 'ioredis';
import type { RequestHandler, Router } from 'express';
import type { ClassType } from 'type-graphql';
import type { RevocationCheck } from './auth/jwt.types.js';
import type { GatewayCache } from './cache/key-value-cache.js';
import type { Config } from './config/config.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import type { QuotaHook } from './quota/quota.hook.js';
import type { ChartService } from './services/chart.service.js';
import type { TechniquesService } from './services/techniques.service.js';
import type { WheelService } from './services/wheel.service.js';
import type { PlacesService } from './services/places.service.js';

/** A database as the health checks and shutdown see it. */
export interface DatabaseHandle {
  /** 'postgresql' | 'pglite' …, shown by /api/v1/health. */
  readonly kind: string;
  /** Round trip (e.g. `SELECT 1`). @throws when unreachable */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Services reachable from resolvers as `ctx.services` and from REST routes as `rt.services`. */
export interface AppServices {
  chart: ChartService;
  techniques: TechniquesService;
  wheels: WheelService;
  places: PlacesService;
}

/** Builds an extra REST router mounted at the root of the app (one line in app.ts or deps.routers). */
export type RouterFactory = (app: AppRuntime) => Router | RequestHandler;

export interface AppDeps {
  logger?: Logger;
  metrics?: Metrics;
  /** Redis client for the calculation cache and APQ (and quotas, accounts). Omitted → memory cache. */
  redis?: Redis;
  /** Prefix of every cache key (tests use a unique one). Default "nocturna:". */
  cacheKeyPrefix?: string;
  /** Replaces the cache built from `redis`. */
  cache?: GatewayCache;
  database?: DatabaseHandle;
  /** Revocation check run by the JWT verifier after the signature and claims. */
  isTokenRevoked?: RevocationCheck;
  /** Quota run after auth and before the calculation cache. Default: none. */
  quota?: QuotaHook;
  /** Extra services merged into `ctx.services`. */
  services?: Partial<AppServices> & Record<string, unknown>;
  /** Extra resolver classes appended to the schema's resolver list. */
  resolvers?: ClassType[];
  /** Extra REST routers. */
  routers?: RouterFactory[];
}

/** What route factories receive: the resolved runtime pieces of one app instance. */
export interface AppRuntime {
  /** `draining` turns true on SIGTERM (GatewayApp.startDraining): /ready answers 503. */
  lifecycle: { draining: boolean };
  config: Config;
  logger: Logger;
  metrics: Metrics;
  cache: GatewayCache;
  services: AppServices & Record<string, unknown>;
  deps: AppDeps;
  /** Verifies `Authorization` and runs the quota (1 unit); for REST routes that need a token. */
  requireAuth: RequestHandler;
  /** requireAuth charging `units` quota units per call (a route that computes as much as a costly GraphQL field). */
  requireAuthCharging(units: number): RequestHandler;
}
