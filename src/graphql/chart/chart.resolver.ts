/** The calculation queries. Each resolver is one call into the chart service. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { ChartInput } from './chart.input.js';
import { Aspect, Chart, Houses, Position } from './chart.type.js';

@Resolver()
export class ChartResolver {
  @Query(() => Chart, { description: 'A complete chart: resolved moment, positions, houses (with a location) and aspects.' })
  async chart(
    @Arg('input', () => ChartInput, { description: 'The instant, place and options.' }) input: ChartInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Chart> {
    return ctx.services.chart.chart(input, ctx.loaders);
  }

  @Query(() => [Position], { description: 'Positions of the requested bodies.' })
  async positions(
    @Arg('input', () => ChartInput, { description: 'The instant, place and options.' }) input: ChartInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Position[]> {
    return ctx.services.chart.positions(input, ctx.loaders);
  }

  @Query(() => Houses, { description: 'House cusps and angles; requires input.location.' })
  async houses(
    @Arg('input', () => ChartInput, { description: 'The instant, place (required) and options.' }) input: ChartInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Houses> {
    return ctx.services.chart.houses(input, ctx.loaders);
  }

  @Query(() => [Aspect], { description: 'Aspects between the requested bodies (and the angles when a location is given).' })
  async aspects(
    @Arg('input', () => ChartInput, { description: 'The instant, place and options.' }) input: ChartInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Aspect[]> {
    return ctx.services.chart.aspects(input, ctx.loaders);
  }
}
