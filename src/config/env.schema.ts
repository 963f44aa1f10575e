/**
 * The one zod schema over `process.env`. Every variable of the deployment guide (README → Deploy)
 * and of the service is declared here; nothing else in the code base reads `process.env`.
 */
import { z } from 'zod';

/** Optional boolean, parses "true"/"false"/"1"/"0"/"yes"/"no"/"on"/"off" (any case); undefined when
 *  unset (so a default can depend on NODE_ENV). */
const optionalBooleanFlag = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), {
      message: 'expected true or false',
    })
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v))
    .optional();

/** Boolean with a fixed default when unset. */
const booleanFlag = (defaultValue: boolean) => optionalBooleanFlag().transform((v) => v ?? defaultValue);

const integer = (defaultValue: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? defaultValue);

/** Empty strings count as unset (a `.env` line `SERVICE_TOKEN=` means "not yet generated"). */
const optionalString = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * CORS_ORIGINS: a JSON array (`["https://a.com","https://b.com"]`, as the deployment guide writes
 * it), a comma-separated list, or `*`. Unset → no cross-origin access in production, any origin in
 * development (decided in load-config.ts).
 */
const corsOrigins = z
  .string()
  .optional()
  .transform((raw, ctx): string[] | undefined => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const text = raw.trim();
    let list: unknown;
    if (text.startsWith('[')) {
      try {
        list = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON (expected an array of origins)' });
        return z.NEVER;
      }
      if (!Array.isArray(list) || !list.every((o) => typeof o === 'string')) {
        ctx.addIssue({ code: 'custom', message: 'expected a JSON array of strings' });
        return z.NEVER;
      }
    } else {
      list = text.split(',');
    }
    const origins = (list as string[]).map((o) => o.trim()).filter((o) => o !== '');
    for (const origin of origins) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
        ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin (scheme://host[:port], no path)` });
        return z.NEVER;
      }
    }
    return origins;
  });

const url = (schemes: string[]) =>
  optionalString().pipe(
    z
      .string()
      .refine((v) => schemes.some((s) => v.startsWith(`${s}://`)), {
        message: `expected a ${schemes.join(' or ')} URL`,
      })
      .optional(),
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  PORT: integer(8000, 0, 65535), // 0 = any free port (tests)
  HOST: optionalString().transform((v) => v ?? '0.0.0.0'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional(),

  // Security
  SECRET_KEY: optionalString(),
  JWT_ISSUER: optionalString().transform((v) => v ?? 'nocturna'),
  JWT_AUDIENCE: optionalString().transform((v) => v ?? 'nocturna-api'),
  ACCESS_TOKEN_TTL: integer(900, 60, 86_400 * 7),
  REFRESH_TOKEN_TTL: integer(86_400 * 30, 300, 86_400 * 365),
  SERVICE_TOKEN_TTL: integer(86_400 * 30, 3600, 86_400 * 3650),
  ADMIN_EMAIL: optionalString().transform((v) => v ?? 'admin@nocturna.service'),
  ADMIN_PASSWORD: optionalString(),
  SERVICE_TOKEN: optionalString(),
  POSTGRES_PASSWORD: optionalString(), // used by compose for the db container; unused by the app

  // Service component settings
  ALLOW_USER_REGISTRATION: booleanFlag(false),
  REGISTRATION_REQUIRES_APPROVAL: booleanFlag(true),
  MAX_USERS_LIMIT: integer(100, 0, 10_000_000),

  // Integration
  CORS_ORIGINS: corsOrigins,
  DATABASE_URL: url(['postgres', 'postgresql']),
  REDIS_URL: url(['redis', 'rediss']),
  DATA_DIR: optionalString().transform((v) => v ?? './data'),
  MIGRATE_ON_START: booleanFlag(true),

  // Performance
  RATE_LIMIT_DEFAULT: integer(1000, 0, 100_000_000),
  RATE_LIMIT_PREMIUM: integer(10_000, 0, 100_000_000),
  CACHE_TTL: integer(3600, 0, 86_400 * 30),
  MAX_QUERY_COST: integer(1000, 1, 1_000_000),
  MAX_QUERY_DEPTH: integer(10, 2, 100),
  BODY_LIMIT_BYTES: integer(100_000, 1_000, 50_000_000),
  SHUTDOWN_TIMEOUT: integer(10_000, 0, 300_000), // milliseconds
  SHUTDOWN_IDLE_GRACE: integer(2_000, 0, 60_000), // milliseconds before idle keep-alive sockets are closed
  WORKER_THREADS: integer(0, 0, 256), // 0 = from the CPUs
  WORK_QUEUE_SIZE: integer(16, 0, 10_000),
  WORK_TIMEOUT: integer(30_000, 100, 600_000), // milliseconds

  // Metrics: a separate port and/or a bearer token for GET /metrics (default: public on PORT)
  METRICS_PORT: optionalString().pipe(
    z.string().regex(/^\d+$/, 'expected an integer').transform(Number).pipe(z.number().int().min(1).max(65535)).optional(),
  ),
  METRICS_TOKEN: optionalString().pipe(z.string().min(16, 'must be at least 16 characters').optional()),

  // GraphQL developer tools (default: on in development/test, off in production)
  ENABLE_INTROSPECTION: optionalBooleanFlag(),
  ENABLE_SANDBOX: optionalBooleanFlag(),

  // Trusted documents (persisted operations): off | allow | require, and their manifest (a JSON
  // object of "sha256:<hex>" ids to document texts); require is the recommended production setting.
  TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'require']).optional().default('off'),
  TRUSTED_DOCUMENTS_FILE: optionalString(),

  // OpenTelemetry tracing: on when the OTLP endpoint is set (the collector's base URL; spans go to
  // <endpoint>/v1/traces), off and free otherwise.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString().pipe(
    z
      .url({ protocol: /^https?$/, message: 'expected an http:// or https:// URL' })
      .max(2048)
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json']).optional().default('http/protobuf'),
  OTEL_SERVICE_NAME: optionalString().pipe(z.string().max(256).optional()),
});

export type Env = z.infer<typeof envSchema>;
