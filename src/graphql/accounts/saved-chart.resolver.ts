/** Saved charts, scoped to their owner. Owners load through a DataLoader; charts compute through the chart service. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { savedChartInput, type SavedChartRecord } from '../../accounts/saved-chart.service.js';
import { NotFoundError } from '../../errors.js';
import type { GatewayContext } from '../context.js';
import { Chart } from '../chart/chart.type.js';
import { accountsOf, requireAccount, userLoader } from './accounts.context.js';
import { User } from './account.types.js';
import { SaveChartInput, SavedChart, SavedChartPage, UpdateChartInput } from './saved-chart.type.js';

/** Maps a repository row to the GraphQL object (hidden ownerId/input kept for field resolvers). */
function toSavedChart(row: SavedChartRecord): SavedChart {
  const settings = row.settings as Record<string, unknown>;
  return {
    id: row.id,
    name: row.name,
    utc: row.utc,
    timeZone: row.timeZone,
    utcOffsetMinutes: row.utcOffsetMinutes,
    location:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude, elevationMeters: row.elevationMeters ?? 0 }
        : null,
    settings: {
      bodies: settings.bodies,
      houseSystem: settings.houseSystem,
      zodiac: settings.zodiac,
      ayanamsa: settings.ayanamsa ?? null,
      center: settings.center,
    } as SavedChart['settings'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ownerId: row.ownerId,
    input: row.input,
  };
}

@Resolver(() => SavedChart)
export class SavedChartResolver {
  @Mutation(() => SavedChart, { description: 'Saves a chart input for the caller.' })
  async saveChart(@Arg('input', () => SaveChartInput, { description: 'Name and chart input.' }) input: SaveChartInput, @Ctx() ctx: GatewayContext): Promise<SavedChart> {
    const principal = await requireAccount(ctx);
    return toSavedChart(await accountsOf(ctx).charts.save(principal.subject, { name: input.name, chart: input.chart }));
  }

  @Mutation(() => SavedChart, { description: 'Renames and/or replaces the input of one of the caller\'s charts.' })
  async updateChart(
    @Arg('id', () => ID, { description: 'Saved chart id.' }) id: string,
    @Arg('input', () => UpdateChartInput, { description: 'The changes.' }) input: UpdateChartInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<SavedChart> {
    const principal = await requireAccount(ctx);
    return toSavedChart(
      await accountsOf(ctx).charts.update(principal.subject, id, { name: input.name, chart: input.chart ?? null }),
    );
  }

  @Mutation(() => Boolean, { description: 'Deletes one of the caller\'s charts.' })
  async deleteChart(@Arg('id', () => ID, { description: 'Saved chart id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    const principal = await requireAccount(ctx);
    return accountsOf(ctx).charts.delete(principal.subject, id);
  }

  @Query(() => SavedChart, { description: 'One of the caller\'s charts (another user\'s id answers NOT_FOUND).' })
  async savedChart(@Arg('id', () => ID, { description: 'Saved chart id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<SavedChart> {
    const principal = await requireAccount(ctx);
    return toSavedChart(await accountsOf(ctx).charts.get(principal.subject, id));
  }

  @Query(() => SavedChartPage, { description: 'The caller\'s charts, newest first, cursor-paginated.' })
  async savedCharts(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<SavedChartPage> {
    const principal = await requireAccount(ctx);
    const page = await accountsOf(ctx).charts.list(principal.subject, { first, after });
    return { ...page, items: page.items.map(toSavedChart) };
  }

  @FieldResolver(() => User, { description: 'The owner (batched per request).' })
  async owner(@Root() chart: SavedChart, @Ctx() ctx: GatewayContext): Promise<User> {
    const user = await userLoader(ctx).load(chart.ownerId);
    if (!user) throw new NotFoundError('Owner not found');
    return user;
  }

  @FieldResolver(() => Chart, { description: 'The chart computed from the stored input by the ephemeris.' })
  chart(@Root() chart: SavedChart, @Ctx() ctx: GatewayContext) {
    return ctx.services.chart.chart(savedChartInput(chart.input), ctx.loaders);
  }
}
