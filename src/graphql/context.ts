/** The per-request context every resolver receives (type-graphql `@Ctx()`). */
import type { AppServices } from '../app.deps.js';
import type { Principal } from '../auth/jwt.types.js';
import type { Logger } from '../observability/logger.js';
import type { RequestObservation } from '../observability/request-observer.js';
import { createRequestLoaders, type RequestLoaders } from '../services/request-loaders.js';

export interface GatewayContext {
  requestId: string;
  /** null for anonymous requests (only public fields such as `login` then succeed). */
  principal: Principal | null;
  logger: Logger;
  services: AppServices;
  /** The request's caches of computed charts and techniques. */
  loaders: RequestLoaders;
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
  /** Loaders to reuse (those of a fast-path run handed on to Apollo); fresh ones otherwise. */
  loaders?: RequestLoaders;
  /** The signal that aborts when nobody waits for the answer any more (fresh loaders stop their pooled work), made when first needed. */
  signal?: () => AbortSignal;
}): GatewayContext {
  const { logger: root, requestId, loaders, signal, ...rest } = fields;
  let child: Logger | undefined;
  return {
    ...rest,
    requestId,
    get logger() {
      return (child ??= root.child({ requestId }));
    },
    loaders: loaders ?? createRequestLoaders(rest.services, signal),
  };
}
