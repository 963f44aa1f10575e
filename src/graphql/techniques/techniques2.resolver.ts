/**
 * Vedic (Vimshottari dasha, divisional charts, panchang), Hellenistic time-lord (profections,
 * zodiacal releasing, firdaria), sky (Moon phase, rise and set, planetary hours, astrocartography)
 * and ephemeris-table queries, and the chart analytics on `Chart` (distribution, patterns, shape).
 * Each resolver is one call into the techniques service. All need a token and are deterministic,
 * hence cacheable; their `complexity` reflects the work (measured: docs/techniques.md, "Costs").
 */
import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Cacheable } from '../field-policy.js';
import { BodyEnum } from '../enums.js';
import { Chart } from '../chart/chart.type.js';
import { MomentInput } from '../chart/chart.input.js';
import type { Body, Chart as DomainChart } from '../../ephemeris/types.js';
import { EPHEMERIS_TABLE_COST } from '../../services/techniques.requests.js';
import {
  AstrocartographyInput, DashaInput, DivisionalChartInput, EphemerisTableInput, FirdariaInput, PanchangInput, PlanetaryHoursInput,
  ProfectionInput, RiseSetInput, ZodiacalReleasingInput,
} from './techniques2.input.js';
import {
  AspectPattern, AstrocartographyLine, ChartDistribution, ChartShape, DashaPeriod, DivisionalChart, EphemerisRow, FirdariaPeriod,
  MoonPhase, Panchang, PlanetaryHour, Profection, ReleasingPeriod, RiseSet,
} from './techniques2.type.js';

const input = { description: 'The query input.' };
const bodiesArg = { nullable: true, description: 'Bodies to count (each must be in the chart). Default: those of SUN…PLUTO the chart has.' };


@Resolver()
export class TechniquesIIResolver {
  @Query(() => [DashaPeriod], { description: "Vimshottari dasha: the nine mahadashas from the one running at birth (from the Moon's nakshatra), with antardashas and pratyantardashas down to `levels`, in time order.", complexity: 10 })
  @Cacheable()
  vimshottariDasha(@Arg('input', () => DashaInput, input) input: DashaInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('vimshottariDasha', input, ctx.loaders);
  }

  @Query(() => DivisionalChart, { description: "Divisional chart (varga) of Parashara: the sign of every body and of the ascendant in D1…D60.", complexity: 10 })
  @Cacheable()
  divisionalChart(@Arg('input', () => DivisionalChartInput, input) input: DivisionalChartInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('divisionalChart', input, ctx.loaders);
  }

  @Query(() => Panchang, { description: 'Panchang at an instant and place: tithi, paksha, nakshatra, yoga, karana, vara, sunrise and sunset.', complexity: 15 })
  @Cacheable()
  panchang(@Arg('input', () => PanchangInput, input) input: PanchangInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('panchang', input, ctx.loaders);
  }

  @Query(() => MoonPhase, { description: "The Moon's phase angle, illuminated fraction, elongation, age and phase name at an instant.", complexity: 5 })
  @Cacheable()
  moonPhase(@Arg('moment', () => MomentInput, { description: 'The instant.' }) moment: MomentInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('moonPhase', { moment }, ctx.loaders);
  }

  @Query(() => RiseSet, { description: 'The next rise, upper transit and set of a body after an instant at a place (upper limb, standard refraction).', complexity: 10 })
  @Cacheable()
  riseSet(@Arg('input', () => RiseSetInput, input) input: RiseSetInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('riseSet', input, ctx.loaders);
  }

  @Query(() => [PlanetaryHour], { description: 'The 24 planetary hours of a civil date at a place, Chaldean order, from sunrise to the next sunrise.', complexity: 10 })
  @Cacheable()
  planetaryHours(@Arg('input', () => PlanetaryHoursInput, input) input: PlanetaryHoursInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('planetaryHours', input, ctx.loaders);
  }

  @Query(() => [AstrocartographyLine], { description: 'Astrocartography: the MC, IC, ASC and DSC lines of each body at an instant (geocentric, in mundo).', complexity: 15 })
  @Cacheable()
  astrocartography(@Arg('input', () => AstrocartographyInput, input) input: AstrocartographyInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('astrocartography', input, ctx.loaders);
  }

  @Query(() => [EphemerisRow], { description: 'Ephemeris table: positions at regular steps from `from` to `to`, at most 10,000 rows (also as CSV: GET /api/v1/ephemeris.csv).', complexity: EPHEMERIS_TABLE_COST })
  @Cacheable()
  ephemerisTable(@Arg('input', () => EphemerisTableInput, input) input: EphemerisTableInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('ephemerisTable', input, ctx.loaders);
  }

  @Query(() => Profection, { description: 'Annual and monthly profections at an instant: age, profected sign, lord of the year and of the month.', complexity: 10 })
  @Cacheable()
  profections(@Arg('input', () => ProfectionInput, input) input: ProfectionInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('profections', input, ctx.loaders);
  }

  @Query(() => [ReleasingPeriod], { description: 'Zodiacal releasing from the Lot of Spirit or Fortune: periods of levels 1–4 overlapping a range, with loosing of the bond and peak periods, in time order (at most 5,000).', complexity: 20 })
  @Cacheable()
  zodiacalReleasing(@Arg('input', () => ZodiacalReleasingInput, input) input: ZodiacalReleasingInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('zodiacalReleasing', input, ctx.loaders);
  }

  @Query(() => [FirdariaPeriod], { description: 'Firdaria: the 75-year cycle of major periods and their sub-periods, in the day or night sequence.', complexity: 10 })
  @Cacheable()
  firdaria(@Arg('input', () => FirdariaInput, input) input: FirdariaInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('firdaria', input, ctx.loaders);
  }
}

/** Chart analytics: computed from the chart's own positions and angles. */
@Resolver(() => Chart)
export class ChartAnalyticsResolver {
  @FieldResolver(() => ChartDistribution, { description: 'Elements, modalities and hemispheres (with a location) of the bodies: counts and which bodies.', complexity: 2 })
  distribution(@Root() chart: DomainChart, @Arg('bodies', () => [BodyEnum], bodiesArg) bodies: Body[] | undefined, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.distribution(chart, bodies);
  }

  @FieldResolver(() => [AspectPattern], { description: 'Aspect patterns among the bodies: grand trine, T-square, grand cross, yod, kite, mystic rectangle, stellium.', complexity: 3 })
  patterns(
    @Root() chart: DomainChart,
    @Arg('bodies', () => [BodyEnum], bodiesArg) bodies: Body[] | undefined,
    @Arg('orbMultiplier', () => Float, { nullable: true, defaultValue: 1, description: 'Multiplies every orb, (0, 2]. Default 1.' }) orbMultiplier: number,
    @Arg('stelliumMinBodies', () => Int, { nullable: true, defaultValue: 3, description: 'Bodies in one sign that make a stellium, 3–10. Default 3.' }) stelliumMinBodies: number,
    @Ctx() ctx: GatewayContext,
  ) {
    return ctx.services.techniques.patterns(chart, { ...(bodies ? { bodies } : {}), orbMultiplier, stelliumMinBodies });
  }

  @FieldResolver(() => ChartShape, { description: "The chart's shape (Jones): bundle, bowl, bucket, locomotive, seesaw, splash or splay (at least five bodies).", complexity: 2 })
  shape(@Root() chart: DomainChart, @Arg('bodies', () => [BodyEnum], bodiesArg) bodies: Body[] | undefined, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.shape(chart, bodies);
  }
}
