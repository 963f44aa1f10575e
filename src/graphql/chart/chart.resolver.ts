/**
 * The calculation queries. Each resolver is one call into the chart service. They need a token,
 * their answers are shared through the calculation cache, and each costs ten units on top of the
 * fields it selects (a full chart selection costs about 50, so MAX_QUERY_COST 1000 allows ~20 charts
 * per request and refuses 200 aliased charts).
 */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ValidationError, withFieldPrefixAsync } from '../../errors.js';
import type { GatewayContext } from '../context.js';
import { Cacheable, CostPerItem } from '../field-policy.js';
import { ChartInput } from './chart.input.js';
import { Aspect, Chart, Houses, Position } from './chart.type.js';

const CHART_COST = 10;
/** Inputs of one `charts` call, at most. */
export const MAX_BATCH_CHARTS = 50;
const input = { description: 'The instant, place and options.' };

@Resolver()
export class ChartResolver {
  @Query(() => Chart, { description: 'A complete chart: resolved moment, positions, houses (with a location) and aspects.', complexity: CHART_COST })
  @Cacheable()
  chart(@Arg('input', () => ChartInput, input) input: ChartInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.chart.chart(input, ctx.loaders);
  }

  @Query(() => [Chart], {
    description: `Several charts in one request: each input answered exactly as chart(input:) answers it, in order (equal inputs are computed once). At most ${MAX_BATCH_CHARTS} inputs; priced like that many chart queries (a list given by a variable counts as ${MAX_BATCH_CHARTS} in the cost limit and the quota).`,
    complexity: CHART_COST,
  })
  @Cacheable()
  @CostPerItem('inputs', MAX_BATCH_CHARTS)
  async charts(@Arg('inputs', () => [ChartInput], { description: `The charts' inputs, 1 to ${MAX_BATCH_CHARTS}.` }) inputs: ChartInput[], @Ctx() ctx: GatewayContext) {
    if (inputs.length === 0 || inputs.length > MAX_BATCH_CHARTS) {
      throw new ValidationError('', `give 1 to ${MAX_BATCH_CHARTS} inputs, got ${inputs.length}`);
    }
    return Promise.all(inputs.map((one, i) => withFieldPrefixAsync(String(i), () => ctx.services.chart.chart(one, ctx.loaders))));
  }

  @Query(() => [Position], { description: 'Positions of the requested bodies.', complexity: CHART_COST })
  @Cacheable()
  positions(@Arg('input', () => ChartInput, input) input: ChartInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.chart.positions(input, ctx.loaders);
  }

  @Query(() => Houses, { description: 'House cusps and angles; requires input.location.', complexity: CHART_COST })
  @Cacheable()
  houses(
    @Arg('input', () => ChartInput, { description: 'The instant, place (required) and options.' }) input: ChartInput,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.chart.houses(input, ctx.loaders);
  }

  @Query(() => [Aspect], { description: 'Aspects between the requested bodies (and the angles when a location is given).', complexity: CHART_COST })
  @Cacheable()
  aspects(@Arg('input', () => ChartInput, input) input: ChartInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.chart.aspects(input, ctx.loaders);
  }
}
