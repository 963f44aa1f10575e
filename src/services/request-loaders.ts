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
 * Fresh loaders for one request. The techniques' loader is made when the request first runs a
 * technique (a chart request never does).
 * @param signal the request's signal (abandonedSignal), asked for when work first goes to the
 *   pool: made once, then the same for every pooled call of the request
 */
export function createRequestLoaders(services: { chart: ChartService; techniques: TechniquesService }, signal?: () => AbortSignal): RequestLoaders {
  let technique: TechniqueLoader | undefined;
  let made: AbortSignal | undefined;
  const once = signal && (() => (made ??= signal()));
  return {
    chart: services.chart.createLoader(),
    get technique() {
      return (technique ??= services.techniques.createLoader(once));
    },
  };
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
