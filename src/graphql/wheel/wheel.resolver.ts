/** `Chart.wheelSvg`: the chart drawn as an SVG wheel (one call into the wheel service). */
import { Arg, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Chart } from '../chart/chart.type.js';
import { atMostPerRequest } from '../limits/per-request.middleware.js';
import type { Chart as DomainChart } from '../../ephemeris/types.js';
import { WheelOptionsInput } from './wheel.input.js';

/**
 * Wheels one GraphQL request may draw. The cost rule prices a wheel like any field (1), so without
 * this a thousand aliased `wheelSvg` fields (up to ~10 ms of CPU each for a crowded 2000 px
 * bi-wheel) would pass it.
 */
const MAX_WHEELS_PER_REQUEST = 10;

@Resolver(() => Chart)
export class WheelResolver {
  @FieldResolver(() => String, {
    description:
      'The chart drawn as a classic wheel: a standalone SVG document (image/svg+xml), Ascendant on the left, ' +
      `accessible (title, description listing every position) and identical for identical input. At most ${MAX_WHEELS_PER_REQUEST} per request.`,
  })
  @UseMiddleware(atMostPerRequest(MAX_WHEELS_PER_REQUEST, 'wheels'))
  wheelSvg(
    @Root() chart: DomainChart,
    @Arg('options', () => WheelOptionsInput, { nullable: true, description: 'Size, theme, labels, aspects, bi-wheel.' })
    options: WheelOptionsInput | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.wheels.draw(chart, options ?? {}, ctx.loaders);
  }
}
