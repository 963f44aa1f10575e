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

/**
 * The context of one request (express/Apollo and the fast path build it the same way). The
 * request's child logger is made when a resolver first asks for it (most requests never log).
 */
export function createGatewayContext(fields: {
  requestId: string;
  principal: Principal | null;
  logger: Logger;
  services: AppServices;
  observation: RequestObservation;
  ip: string | undefined;
  /** Loaders to reuse (a fast-path run handed on); fresh ones otherwise. */
  loaders?: ChartLoaders;
}): GatewayContext {
  const { logger: root, requestId, loaders, ...rest } = fields;
  let child: Logger | undefined;
  return {
    ...rest,
    requestId,
    get logger() {
      return (child ??= root.child({ requestId }));
    },
    loaders: loaders ?? rest.services.chart.createLoaders(),
  };
}
