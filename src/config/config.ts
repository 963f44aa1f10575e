/**
 * Validated application configuration. `loadConfig(env)` parses the environment once at start-up
 * and throws a ConfigError listing every invalid variable; the rest of the code receives a Config.
 */
import { resolve } from 'node:path';
import { envSchema, type Env } from './env.schema.js';
import { loadOrCreateDevSecret, secretKeyProblems } from './secret-key.js';

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JWT signing key (HS256). In development possibly generated into dataDir. */
  secretKey: string;
  /** Where the secret came from: the environment or the generated development file. */
  secretKeySource: 'env' | 'generated';
  jwt: {
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    serviceTokenTtlSeconds: number;
  };
  admin: { email: string; password: string | undefined };
  serviceToken: string | undefined;
  registration: { allow: boolean; requiresApproval: boolean; maxUsers: number };
  /** Allowed CORS origins; ['*'] means any. */
  corsOrigins: string[];
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Absolute path of the data directory (PGlite files, generated dev secret). */
  dataDir: string;
  migrateOnStart: boolean;
  rateLimit: { defaultPerHour: number; premiumPerHour: number };
  cacheTtlSeconds: number;
  limits: { maxQueryCost: number; maxQueryDepth: number; bodyLimitBytes: number };
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long idle keep-alive sockets stay open (clients get `Connection: close` meanwhile). */
  shutdownIdleGraceMs: number;
  /** The worker-thread pool of heavy calculations: threads (0 = from the CPUs), queue bound, deadline. */
  work: { threads: number; queueSize: number; timeoutMs: number };
  /** GET /metrics: on its own port when `port` is set (and then not on PORT); a bearer token when `token` is set. */
  metrics: { port: number | undefined; token: string | undefined };
  graphql: { introspection: boolean; sandbox: boolean };
  /**
   * Trusted documents: `allow` also serves `{"documentId": "sha256:<hex>"}` from the manifest;
   * `require` serves nothing else. `file` is the manifest's absolute path (set unless mode is off).
   */
  trustedDocuments: { mode: 'off' | 'allow' | 'require'; file: string | undefined };
  /**
   * OpenTelemetry tracing: spans exported over OTLP/HTTP to `<endpoint>/v1/traces` when `endpoint`
   * is set (OTEL_EXPORTER_OTLP_ENDPOINT); off (no SDK loaded) when it is not.
   */
  tracing: { endpoint: string | undefined; protocol: 'http/protobuf' | 'http/json'; serviceName: string };
}

/** Thrown by loadConfig; `problems` holds one "VARIABLE: message" line per invalid variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Generate and keep a development secret in DATA_DIR when SECRET_KEY is unset (default true). */
  generateDevSecret?: boolean;
}

/**
 * Parses `env` (normally `process.env`) into a Config.
 * @throws ConfigError listing every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = issue.path.join('.') || '(environment)';
      problems.push(`${variable}: ${issue.message}`);
    }
    if (env.NODE_ENV === 'production') {
      const secret = env.SECRET_KEY?.trim() ? env.SECRET_KEY.trim() : undefined;
      for (const p of secretKeyProblems(secret)) problems.push(`SECRET_KEY: ${p}`);
    }
    throw new ConfigError(problems);
  }
  const e: Env = parsed.data;
  const production = e.NODE_ENV === 'production';

  if (production) {
    for (const p of secretKeyProblems(e.SECRET_KEY)) problems.push(`SECRET_KEY: ${p}`);
  } else if (e.SECRET_KEY !== undefined && e.SECRET_KEY.length < 32) {
    problems.push('SECRET_KEY: must be at least 32 characters');
  }
  if (e.TRUSTED_DOCUMENTS !== 'off' && e.TRUSTED_DOCUMENTS_FILE === undefined) {
    problems.push(`TRUSTED_DOCUMENTS_FILE: required when TRUSTED_DOCUMENTS is ${e.TRUSTED_DOCUMENTS}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = resolve(e.DATA_DIR);
  let secretKey = e.SECRET_KEY;
  let secretKeySource: Config['secretKeySource'] = 'env';
  if (secretKey === undefined) {
    if (options.generateDevSecret === false) throw new ConfigError(['SECRET_KEY: not set']);
    secretKey = loadOrCreateDevSecret(dataDir);
    secretKeySource = 'generated';
  }

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    secretKey,
    secretKeySource,
    jwt: {
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL,
      serviceTokenTtlSeconds: e.SERVICE_TOKEN_TTL,
    },
    admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    serviceToken: e.SERVICE_TOKEN,
    registration: {
      allow: e.ALLOW_USER_REGISTRATION,
      requiresApproval: e.REGISTRATION_REQUIRES_APPROVAL,
      maxUsers: e.MAX_USERS_LIMIT,
    },
    corsOrigins: e.CORS_ORIGINS ?? (production ? [] : ['*']),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir,
    migrateOnStart: e.MIGRATE_ON_START,
    rateLimit: { defaultPerHour: e.RATE_LIMIT_DEFAULT, premiumPerHour: e.RATE_LIMIT_PREMIUM },
    cacheTtlSeconds: e.CACHE_TTL,
    limits: {
      maxQueryCost: e.MAX_QUERY_COST,
      maxQueryDepth: e.MAX_QUERY_DEPTH,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT,
    shutdownIdleGraceMs: e.SHUTDOWN_IDLE_GRACE,
    work: { threads: e.WORKER_THREADS, queueSize: e.WORK_QUEUE_SIZE, timeoutMs: e.WORK_TIMEOUT },
    metrics: { port: e.METRICS_PORT, token: e.METRICS_TOKEN },
    graphql: {
      introspection: e.ENABLE_INTROSPECTION ?? !production,
      sandbox: e.ENABLE_SANDBOX ?? !production,
    },
    trustedDocuments: {
      mode: e.TRUSTED_DOCUMENTS,
      file: e.TRUSTED_DOCUMENTS_FILE === undefined ? undefined : resolve(e.TRUSTED_DOCUMENTS_FILE),
    },
    tracing: {
      endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
      protocol: e.OTEL_EXPORTER_OTLP_PROTOCOL,
      serviceName: e.OTEL_SERVICE_NAME ?? 'nocturna',
    },
  };
}
