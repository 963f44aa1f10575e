/** GET /metrics: Prometheus text exposition of this app instance's registry. */
import { Router } from 'express';
import type { AppRuntime } from '../app.deps.js';

export function metricsRouter(rt: AppRuntime): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', rt.metrics.registry.contentType);
    res.send(await rt.metrics.registry.metrics());
  });
  return router;
}
