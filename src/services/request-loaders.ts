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

/** Fresh loaders for one request. */
export function createRequestLoaders(services: { chart: ChartService; techniques: TechniquesService }): RequestLoaders {
  return { chart: services.chart.createLoader(), technique: services.techniques.createLoader() };
}
