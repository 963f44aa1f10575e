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
 * Fresh loaders for one request.
 * @param signal aborts when nobody waits for the request any more (work in the pool stops)
 */
export function createRequestLoaders(services: { chart: ChartService; techniques: TechniquesService }, signal?: AbortSignal): RequestLoaders {
  return { chart: services.chart.createLoader(), technique: services.techniques.createLoader(signal) };
}

/**
 * A signal that aborts when the response closes before it was finished (the client went away, or
 * the server stopped waiting): work started for the request stops then.
 */
export function abandonedSignal(res: { readonly writableFinished: boolean; once(event: 'close', listener: () => void): unknown }): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
