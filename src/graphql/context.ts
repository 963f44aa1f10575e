/** The per-request context every resolver receives (type-graphql `@Ctx()`). */
import type { Principal } from '../auth/jwt.types.js';
import type { Logger } from '../observability/logger.js';
import type { ChartLoaders } from '../services/chart.service.js';
import type { AppServices } from '../app.deps.js';
import type { QuotaDecision } from '../http/quota.js';

/** Filled while the request runs; the HTTP access log reads it when the response finishes. */
export interface RequestObservation {
  /** Route label for metrics and the access log when express did not route the request (fast path). */
  route?: string;
  operation?: string;
  outcome?: string;
  cacheHit?: boolean;
  quota?: QuotaDecision;
}

export interface GatewayContext {
  requestId: string;
  /** null for anonymous requests (only public fields such as `login` then succeed). */
  principal: Principal | null;
  logger: Logger;
  services: AppServices;
  loaders: ChartLoaders;
  observation: RequestObservation;
  /** Client IP as express sees it (trust proxy honoured). */
  ip: string | undefined;
}
