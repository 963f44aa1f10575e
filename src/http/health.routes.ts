/**
 * Health endpoints.
 * - GET /health: liveness, no dependency touched, always 200 while the process serves HTTP.
 * - GET /ready and GET /api/v1/health: database, Redis and ephemeris with latency. 503 at once
 *   while the process drains (SIGTERM), and when a required dependency is down: the database (when configured) and the ephemeris. Redis is
 *   reported but not required: without it the service answers uncached ("degraded", 200).
 * - GET /api/v1/calculations/health: the ephemeris self-test only.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppRuntime } from '../app.deps.js';

type CheckStatus = 'ok' | 'down' | 'not_configured';
interface Check {
  status: CheckStatus;
  required: boolean;
  kind?: string;
  latencyMs?: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 2000;

async function timed(fn: () => Promise<unknown>): Promise<{ latencyMs: number; error?: string }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { latencyMs: round(performance.now() - start) };
  } catch (error) {
    return { latencyMs: round(performance.now() - start), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function ephemerisCheck(rt: AppRuntime): Promise<Check> {
  const r = await timed(async () => rt.services.chart.selfTest());
  return { status: r.error ? 'down' : 'ok', required: true, latencyMs: r.latencyMs, ...(r.error ? { error: 'self-test failed' } : {}) };
}

async function readiness(rt: AppRuntime) {
  const db = rt.deps.database;
  const [database, redis, ephemeris] = await Promise.all([
    db
      ? timed(() => db.ping()).then((r): Check => ({
          status: r.error ? 'down' : 'ok',
          required: true,
          kind: db.kind,
          latencyMs: r.latencyMs,
          ...(r.error ? { error: 'unreachable' } : {}),
        }))
      : Promise.resolve<Check>({ status: 'not_configured', required: false }),
    rt.cache.kind === 'redis'
      ? timed(() => rt.cache.ping()).then((r): Check => ({
          status: r.error ? 'down' : 'ok',
          required: false,
          kind: 'redis',
          latencyMs: r.latencyMs,
          ...(r.error ? { error: 'unreachable (caching in this process)' } : {}),
        }))
      : Promise.resolve<Check>({ status: 'not_configured', required: false, kind: 'memory' }),
    ephemerisCheck(rt),
  ]);
  const checks = { database, redis, ephemeris };
  const requiredDown = Object.values(checks).some((c) => c.required && c.status === 'down');
  const anyDown = Object.values(checks).some((c) => c.status === 'down');
  return {
    httpStatus: requiredDown ? 503 : 200,
    body: {
      status: requiredDown ? 'unavailable' : anyDown ? 'degraded' : 'ok',
      version: process.env.npm_package_version ?? '0.1.0',
      environment: rt.config.nodeEnv,
      uptimeSeconds: Math.round(process.uptime()),
      checks,
    },
  };
}

const checkSchema = z
  .object({
    status: z.enum(['ok', 'down', 'not_configured']),
    required: z.boolean(),
    kind: z.string().optional(),
    latencyMs: z.number().optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'HealthCheck' });
const readinessSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    version: z.string(),
    environment: z.string(),
    uptimeSeconds: z.number().int(),
    checks: z.object({ database: checkSchema, redis: checkSchema, ephemeris: checkSchema }),
  })
  .meta({ id: 'Readiness' });
const calculationsHealthSchema = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.object({ ephemeris: checkSchema }) });

function registerHealthRoutes(rt: AppRuntime): void {
  const tags = ['health'];
  rt.openapi.register({
    method: 'get',
    path: '/health',
    summary: 'Liveness: 200 while the process serves HTTP',
    tags,
    auth: false,
    responses: { 200: { description: 'Alive.', json: z.object({ status: z.literal('ok') }) } },
  });
  /** A check route: 200 when it passes, 503 with the same body when a required part is down. */
  const check = (path: string, summary: string, json: z.ZodType, description?: string) =>
    rt.openapi.register({
      method: 'get',
      path,
      summary,
      description,
      tags,
      auth: false,
      responses: {
        200: { description: 'Ready (status `ok`, or `degraded` without Redis).', json },
        503: { description: 'A required part is down.', json },
      },
    });
  const redisNote = 'Redis is reported but not required: without it the service answers uncached ("degraded", 200).';
  check('/ready', 'Readiness: database, Redis and ephemeris with latency', readinessSchema, redisNote);
  check('/api/v1/health', 'Readiness: database, Redis and ephemeris with latency', readinessSchema, redisNote);
  check('/api/v1/calculations/health', 'The ephemeris self-test', calculationsHealthSchema);
}

export function healthRouter(rt: AppRuntime): Router {
  const router = Router();
  registerHealthRoutes(rt);
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const ready = async (_req: unknown, res: import('express').Response) => {
    if (rt.lifecycle.draining) {
      // Shutting down: the load balancer takes this replica out while in-flight requests finish.
      res.status(503).json({ status: 'draining' });
      return;
    }
    const r = await readiness(rt);
    res.status(r.httpStatus).json(r.body);
  };
  router.get('/ready', ready);
  router.get('/api/v1/health', ready);
  router.get('/api/v1/calculations/health', async (_req, res) => {
    const ephemeris = await ephemerisCheck(rt);
    res.status(ephemeris.status === 'ok' ? 200 : 503).json({
      status: ephemeris.status === 'ok' ? 'ok' : 'unavailable',
      checks: { ephemeris },
    });
  });
  return router;
}
