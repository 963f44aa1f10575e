/**
 * Wheel service: draws a computed chart as an SVG wheel (src/render), with an optional outer chart
 * (a bi-wheel) computed through the chart service. Options are checked before the outer chart is
 * computed. Errors name fields relative to the request ("size", "outer.location.latitude"). The
 * style NORTH_INDIAN or SOUTH_INDIAN draws the chart as a square chart of Jyotish instead
 * (render/indian-chart.svg.ts).
 */
import { ValidationError, withFieldPrefix, withFieldPrefixAsync } from '../errors.js';
import type { Chart, ChartRequest } from '../ephemeris/types.js';
import {
  INDIAN_CHART_STYLES, renderIndianChartSvg, renderWheelSvg, resolveWheelOptions, type WheelOptions,
} from '../render/index.js';
import type { ChartService } from './chart.service.js';
import type { RequestLoaders } from './request-loaders.js';
import { inSpan } from '../observability/tracing.js';

/** The kinds of picture: the round Western wheel, or one of the two square charts of Jyotish. */
export const WHEEL_STYLES = ['WESTERN', ...INDIAN_CHART_STYLES] as const;
export type WheelStyle = (typeof WHEEL_STYLES)[number];

/** How to draw a wheel, and the chart drawn outside it for a bi-wheel. */
export interface WheelRequest extends WheelOptions {
  /** Default WESTERN. The square charts draw one chart: no outer chart, no aspect lines. */
  style?: WheelStyle | null;
  outer?: ChartRequest | null;
}

/** The style of a request. @throws ValidationError ('style', 'outer') */
function styleOf(request: WheelRequest): WheelStyle {
  const style = request.style ?? 'WESTERN';
  if (!(WHEEL_STYLES as readonly string[]).includes(style)) throw new ValidationError('style', `style must be one of ${WHEEL_STYLES.join(', ')}`);
  if (style !== 'WESTERN' && request.outer) throw new ValidationError('outer', `a ${style} chart draws one chart; a bi-wheel needs style WESTERN`);
  return style;
}

export class WheelService {
  constructor(private readonly charts: ChartService) {}

  /**
   * The SVG document of `chart` drawn with `request`'s options, and its outer chart outside.
   * @throws ValidationError ('size', 'outer.location.latitude' …)
   */
  draw(chart: Chart, request: WheelRequest, loaders: RequestLoaders): Promise<string> {
    return inSpan('wheel.draw', undefined, () => this.drawNow(chart, request, loaders));
  }

  private async drawNow(chart: Chart, request: WheelRequest, loaders: RequestLoaders): Promise<string> {
    const style = styleOf(request);
    resolveWheelOptions(request); // refuse bad options before computing an outer chart
    if (style !== 'WESTERN') return renderIndianChartSvg(chart, style, request);
    const outerRequest = request.outer;
    const outer = outerRequest ? await withFieldPrefixAsync('outer', () => this.charts.chart(outerRequest, loaders)) : undefined;
    return renderWheelSvg(chart, request, outer);
  }

  /**
   * A string equal for requests that draw the same picture (defaults applied), for caches of
   * pictures outside the request (the REST wheel route). @throws ValidationError as `draw`
   */
  pictureKey(input: ChartRequest, request: WheelRequest): string {
    const style = styleOf(request);
    const resolved = resolveWheelOptions(request);
    const chart = this.charts.requestKey(input);
    const outerRequest = request.outer;
    return JSON.stringify({
      chart,
      outer: outerRequest ? withFieldPrefix('outer', () => this.charts.requestKey(outerRequest)) : null,
      style,
      options: { ...resolved, aspectTypes: resolved.aspectTypes ? [...resolved.aspectTypes].sort() : null },
    });
  }
}
