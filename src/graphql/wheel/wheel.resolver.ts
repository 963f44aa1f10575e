/** `Chart.wheelSvg`: the chart drawn as an SVG wheel (one call into the renderer). */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Chart } from '../chart/chart.type.js';
import { ValidationError } from '../../errors.js';
import type { Chart as DomainChart } from '../../ephemeris/types.js';
import { renderWheelSvg, resolveWheelOptions } from '../../render/index.js';
import { WheelOptionsInput, toWheelOptions } from './wheel.input.js';

/**
 * Wheels one GraphQL request may draw. The query cost rule prices non-root fields at 1, so
 * without this a thousand aliased `wheelSvg` fields (up to ~10 ms of CPU each for a crowded
 * 2000 px bi-wheel) would pass it.
 */
export const MAX_WHEELS_PER_REQUEST = 10;

const drawn = new WeakMap<object, number>();

@Resolver(() => Chart)
export class WheelResolver {
  @FieldResolver(() => String, {
    description:
      'The chart drawn as a classic wheel: a standalone SVG document (image/svg+xml), Ascendant on the left, ' +
      `accessible (title, description listing every position) and identical for identical input. At most ${MAX_WHEELS_PER_REQUEST} per request.`,
  })
  async wheelSvg(
    @Root() chart: DomainChart,
    @Arg('options', () => WheelOptionsInput, { nullable: true, description: 'Size, theme, labels, aspects, bi-wheel.' })
    options: WheelOptionsInput | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<string> {
    const count = (drawn.get(ctx) ?? 0) + 1;
    drawn.set(ctx, count);
    if (count > MAX_WHEELS_PER_REQUEST) {
      throw new ValidationError('wheelSvg', `at most ${MAX_WHEELS_PER_REQUEST} wheels per request`);
    }
    const wheelOptions = toWheelOptions(options);
    resolveWheelOptions(wheelOptions); // fail fast on bad options, before computing an outer chart
    const outer = options?.outer ? await ctx.services.chart.chart(options.outer, ctx.loaders, 'options.outer') : undefined;
    return renderWheelSvg(chart, wheelOptions, outer);
  }
}
