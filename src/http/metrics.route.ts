/**
 * GET /metrics: Prometheus text exposition of this app instance's registry. Public on PORT by
 * default (it holds counts and timings, no secrets); METRICS_TOKEN makes it require
 * `Authorization: Bearer <METRICS_TOKEN>`, and METRICS_PORT serves it on a port of its own instead
 * (main.ts; reachable only where that port is, e.g. from the Prometheus scraper's network).
 */
import { hash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { AppRuntime } from '../app.deps.js';

const digest = (text: string) => hash('sha256', text, 'buffer');

/** The /metrics handler (with the token check when METRICS_TOKEN is set). */
export function metricsHandler(rt: AppRuntime) {
  const expected = rt.config.metrics.token === undefined ? undefined : digest(`Bearer ${rt.config.metrics.token}`);
  return async (req: Request, res: Response): Promise<void> => {
    if (expected && !timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' } });
      return;
    }
    res.setHeader('Content-Type', rt.metrics.registry.contentType);
    res.send(await rt.metrics.registry.metrics());
  };
}

/** /metrics on the main port, unless METRICS_PORT moves it to a port of its own. */
export function metricsRouter(rt: AppRuntime): Router {
  const router = Router();
  if (rt.config.metrics.port !== undefined) return router;
  rt.openapi.register({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics of this instance',
    description: 'Public unless METRICS_TOKEN is set (then `Authorization: Bearer <METRICS_TOKEN>`); served on METRICS_PORT instead when that is set.',
    tags: ['health'],
    auth: false,
    responses: { 200: { description: 'Prometheus text exposition format.', content: { mediaType: 'text/plain', schema: { type: 'string' } } } },
  });
  router.get('/metrics', metricsHandler(rt));
  return router;
}
