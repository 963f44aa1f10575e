/**
 * The per-request caches of the calculation services: made once per HTTP request (GraphQL context,
 * REST route), passed to every service call of that request, dropped with it.
 */
import type { ChartLoader, ChartService } from './chart.service.js';
import type { TechniqueLoader, TechniquesService } from './techniques.service.js';

export interface RequestLoaders {
  chart: ChartLoader;
  technique: TechniqueLoader;
}

/**
 * The loaders of one request. The techniques' loader is made when the request first runs a
 * technique (a chart request never does), and the request's signal when work first goes to the pool.
 *
 * A class, not an object literal with its own getter. With the object literal (and the lazy signal
 * made inside the fast path's handler), uncached charts under load kept about 25 KB a request
 * alive past two young-generation collections, so every request's chart was promoted to the old
 * generation and freed only by full collections (`--trace-gc`: 2.7 MB promoted per scavenge instead
 * of 0.1 MB; about 3 minor page faults a request instead of 0.2 with the calculation cache off; a
 * fifth fewer uncached charts a second in `npm run bench:http`). The likely reason: V8 gives an
 * object literal that has its own getter a map of its own; maps live outside the young generation,
 * so until a full collection frees the map, every scavenge treats what it references (the getter's
 * closure, and through it the request's loaders and charts) as alive.
 */
class LoadersOfRequest implements RequestLoaders {
  readonly chart: ChartLoader;
  private techniqueLoader: TechniqueLoader | undefined = undefined;
  private madeSignal: AbortSignal | undefined = undefined;

  constructor(
    private readonly services: { chart: ChartService; techniques: TechniquesService },
    private readonly signal: (() => AbortSignal) | undefined,
  ) {
    this.chart = services.chart.createLoader();
  }

  get technique(): TechniqueLoader {
    const signal = this.signal;
    return (this.techniqueLoader ??= this.services.techniques.createLoader(signal && (() => (this.madeSignal ??= signal()))));
  }
}

/**
 * Fresh loaders for one request.
 * @param signal the request's signal (`signalOnDemand(res)`), asked for when work first goes to the
 *   pool: made once, then the same for every pooled call of the request
 */
export function createRequestLoaders(services: { chart: ChartService; techniques: TechniquesService }, signal?: () => AbortSignal): RequestLoaders {
  return new LoadersOfRequest(services, signal);
}

/**
 * A signal that aborts when the response closes before it was finished (the client went away, or
 * the server stopped waiting): work started for the request stops then. Made only when pooled work
 * starts (createRequestLoaders asks for it then), so that a chart request pays nothing for it.
 */
export function abandonedSignal(res: {
  readonly writableFinished: boolean;
  /** True once the response closed (node's ServerResponse has it): the signal is then aborted at once if unfinished. */
  readonly closed?: boolean;
  once(event: 'close', listener: () => void): unknown;
}): AbortSignal {
  const controller = new AbortController();
  if (res.closed) {
    if (!res.writableFinished) controller.abort();
  } else {
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
  }
  return controller.signal;
}

/**
 * `() => abandonedSignal(res)`, made here so that the function holds the response alone, not the
 * scope of the handler that asks for it (with the earlier loaders, the function made inside the
 * fast path's handler kept that scope, the request's context among it, alive too: 3.1 → 1.0 faults
 * a request once moved out; kept out as a precaution).
 */
export function signalOnDemand(res: Parameters<typeof abandonedSignal>[0]): () => AbortSignal {
  return () => abandonedSignal(res);
}
