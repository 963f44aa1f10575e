/** `Chart.wheelSvg`: the chart drawn as an SVG wheel (one call into the renderer). */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Chart } from '../chart/chart.type.js';
import type { Chart as DomainChart } from '../../ephemeris/types.js';
import { renderWheelSvg, resolveWheelOptions } from '../../render/index.js';
import { WheelOptionsInput, toWheelOptions } from './wheel.input.js';

@Resolver(() => Chart)
export class WheelResolver {
  @FieldResolver(() => String, {
    description:
      'The chart drawn as a classic wheel: a standalone SVG document (image/svg+xml), Ascendant on the left, ' +
      'accessible (title, description listing every position) and identical for identical input.',
  })
  async wheelSvg(
    @Root() chart: DomainChart,
    @Arg('options', () => WheelOptionsInput, { nullable: true, description: 'Size, theme, labels, aspects, bi-wheel.' })
    options: WheelOptionsInput | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<string> {
    const wheelOptions = toWheelOptions(options);
    resolveWheelOptions(wheelOptions); // fail fast on bad options, before computing an outer chart
    const outer = options?.outer ? await ctx.services.chart.chart(options.outer, ctx.loaders, 'options.outer') : undefined;
    return renderWheelSvg(chart, wheelOptions, outer);
  }
}
