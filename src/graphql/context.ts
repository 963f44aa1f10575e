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

/** The fields a request's context is made of (`createGatewayContext`). */
interface ContextFields {
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
}

/**
 * A class, not an object literal with its own `logger` getter, for the reason given at the loaders'
 * class (src/services/request-loaders.ts): such per-request objects likely kept their requests
 * alive until full collections.
 */
class RequestContext implements GatewayContext {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly services: AppServices;
  readonly loaders: RequestLoaders;
  readonly observation: RequestObservation;
  readonly ip: string | undefined;
  private readonly rootLogger: Logger;
  private childLogger: Logger | undefined = undefined;

  constructor(fields: ContextFields) {
    this.requestId = fields.requestId;
    this.principal = fields.principal;
    this.services = fields.services;
    this.loaders = fields.loaders ?? createRequestLoaders(fields.services, fields.signal);
    this.observation = fields.observation;
    this.ip = fields.ip;
    this.rootLogger = fields.logger;
  }

  get logger(): Logger {
    return (this.childLogger ??= this.rootLogger.child({ requestId: this.requestId }));
  }
}

/**
 * The context of one request (express/Apollo and the fast path build it the same way). The
 * request's child logger is made when a resolver first asks for it (most requests never log).
 */
export function createGatewayContext(fields: ContextFields): GatewayContext {
  return new RequestContext(fields);
}
