/**
 * Wheel service: draws a computed chart as an SVG wheel (src/render), with an optional outer chart
 * (a bi-wheel) computed through the chart service. Options are checked before the outer chart is
 * computed. Errors name fields relative to the request ("size", "outer.location.latitude").
 */
import { withFieldPrefix, withFieldPrefixAsync } from '../errors.js';
import type { Chart, ChartRequest } from '../ephemeris/types.js';
import { renderWheelSvg, resolveWheelOptions, type WheelOptions } from '../render/index.js';
import type { ChartService } from './chart.service.js';
import type { RequestLoaders } from './request-loaders.js';

/** How to draw a wheel, and the chart drawn outside it for a bi-wheel. */
export interface WheelRequest extends WheelOptions {
  outer?: ChartRequest | null;
}

export class WheelService {
  constructor(private readonly charts: ChartService) {}

  /**
   * The SVG document of `chart` drawn with `request`'s options, and its outer chart outside.
   * @throws ValidationError ('size', 'outer.location.latitude' …)
   */
  async draw(chart: Chart, request: WheelRequest, loaders: RequestLoaders): Promise<string> {
    resolveWheelOptions(request); // refuse bad options before computing an outer chart
    const outerRequest = request.outer;
    const outer = outerRequest ? await withFieldPrefixAsync('outer', () => this.charts.chart(outerRequest, loaders)) : undefined;
    return renderWheelSvg(chart, request, outer);
  }

  /**
   * A string equal for requests that draw the same picture (defaults applied), for caches of
   * pictures outside the request (the REST wheel route). @throws ValidationError as `draw`
   */
  pictureKey(input: ChartRequest, request: WheelRequest): string {
    const resolved = resolveWheelOptions(request);
    const chart = this.charts.requestKey(input);
    const outerRequest = request.outer;
    return JSON.stringify({
      chart,
      outer: outerRequest ? withFieldPrefix('outer', () => this.charts.requestKey(outerRequest)) : null,
      options: { ...resolved, aspectTypes: resolved.aspectTypes ? [...resolved.aspectTypes].sort() : null },
    });
  }
}
