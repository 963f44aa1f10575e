/** GET /metrics: Prometheus text exposition of this app instance's registry. */
import { Router } from 'express';
import type { AppRuntime } from '../app.deps.js';

export function metricsRouter(rt: AppRuntime): Router {
  const router = Router();
  rt.openapi.register({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics of this instance',
    tags: ['health'],
    auth: false,
    responses: { 200: { description: 'Prometheus text exposition format.', content: { mediaType: 'text/plain', schema: { type: 'string' } } } },
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', rt.metrics.registry.contentType);
    res.send(await rt.metrics.registry.metrics());
  });
  return router;
}
