/**
 * Techniques, fixed stars and events queries. Each resolver is one call into the techniques
 * service. All need a token (like `chart`) and are deterministic, hence cacheable; their
 * `complexity` reflects the work (a year of transit search ≫ a chart).
 */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Cacheable } from '../field-policy.js';
import { Chart } from '../chart/chart.type.js';
import {
  ArabicPartsInput, ChartOrbInput, EclipseSearchInput, EventSearchInput, FixedStarsInput, HarmonicInput, IngressSearchInput,
  NatalInput, ProgressionInput, RelationshipInput, ReturnInput, SolarArcInput, StationSearchInput, SynastryInput,
  TransitSearchInput, TransitsInput, VoidOfCourseInput,
} from './techniques.input.js';
import {
  AntisciaResult, ArabicPart, Declinations, Dignities, EclipseEvent, FixedStarConjunction, FixedStarPosition, IngressEvent,
  LunarPhaseEvent, Midpoint, PointLongitude, ProgressedChart, ReturnChart, SolarArcDirections, StationEvent, Synastry,
  TransitEvent, TransitsResult, VoidOfCoursePeriod,
} from './techniques.type.js';

const input = { description: 'The query input.' };

@Resolver()
export class TechniquesResolver {
  @Query(() => ReturnChart, { description: 'Planetary return (solar, lunar or any body): the exact return next after or last before an instant, and its chart.', complexity: 20 })
  @Cacheable()
  planetaryReturn(@Arg('input', () => ReturnInput, input) input: ReturnInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('planetaryReturn', input, ctx.loaders);
  }

  @Query(() => ProgressedChart, { description: 'Progressed chart (secondary, tertiary or minor) with angles by solar arc (default) or Naibod.', complexity: 20 })
  @Cacheable()
  progressedChart(@Arg('input', () => ProgressionInput, input) input: ProgressionInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('progressedChart', input, ctx.loaders);
  }

  @Query(() => SolarArcDirections, { description: 'Solar-arc directions: natal points advanced by progressed Sun − natal Sun.', complexity: 15 })
  @Cacheable()
  solarArcDirections(@Arg('input', () => SolarArcInput, input) input: SolarArcInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('solarArcDirections', input, ctx.loaders);
  }

  @Query(() => [LunarPhaseEvent], { description: 'Exact times of the four lunar phases in a range (≤ 5 years).', complexity: 10 })
  @Cacheable()
  lunarPhases(@Arg('input', () => EventSearchInput, input) input: EventSearchInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('lunarPhases', input, ctx.loaders);
  }

  @Query(() => [EclipseEvent], { description: 'Solar and/or lunar eclipses (type and greatest eclipse) in a range (≤ 5 years).', complexity: 20 })
  @Cacheable()
  eclipses(@Arg('input', () => EclipseSearchInput, input) input: EclipseSearchInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('eclipses', input, ctx.loaders);
  }

  @Query(() => [IngressEvent], { description: 'Sign ingresses of a body in a range (≤ 5 years), retrograde re-entries included.', complexity: 10 })
  @Cacheable()
  ingresses(@Arg('input', () => IngressSearchInput, input) input: IngressSearchInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('ingresses', input, ctx.loaders);
  }

  @Query(() => [StationEvent], { description: 'Stations (retrograde and direct) of a body in a range (≤ 5 years).', complexity: 10 })
  @Cacheable()
  stations(@Arg('input', () => StationSearchInput, input) input: StationSearchInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('stations', input, ctx.loaders);
  }

  @Query(() => [VoidOfCoursePeriod], { description: 'Void-of-course Moon periods in a range (≤ 1 year).', complexity: 40 })
  @Cacheable()
  voidOfCourseMoon(@Arg('input', () => VoidOfCourseInput, input) input: VoidOfCourseInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('voidOfCourseMoon', input, ctx.loaders);
  }

  @Query(() => TransitsResult, { description: 'Transiting positions (in natal houses) and transit-to-natal aspects at an instant.', complexity: 15 })
  @Cacheable()
  transits(@Arg('input', () => TransitsInput, input) input: TransitsInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('transits', input, ctx.loaders);
  }

  @Query(() => [TransitEvent], { description: 'Exact transit-to-natal aspects, sign ingresses and house ingresses over a range (≤ 5 years), in time order.', complexity: 100 })
  @Cacheable()
  transitSearch(@Arg('input', () => TransitSearchInput, input) input: TransitSearchInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('transitSearch', input, ctx.loaders);
  }

  @Query(() => Synastry, { description: 'Synastry: aspects between two charts and house overlays.', complexity: 25 })
  @Cacheable()
  synastry(@Arg('input', () => SynastryInput, input) input: SynastryInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('synastry', input, ctx.loaders);
  }

  @Query(() => Chart, { description: 'Composite chart: shorter-arc midpoints, houses from the composite MC.', complexity: 25 })
  @Cacheable()
  compositeChart(@Arg('input', () => RelationshipInput, input) input: RelationshipInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('compositeChart', input, ctx.loaders);
  }

  @Query(() => Chart, { description: 'Davison chart: the chart of the midpoint in time and place.', complexity: 15 })
  @Cacheable()
  davisonChart(@Arg('input', () => RelationshipInput, input) input: RelationshipInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('davisonChart', input, ctx.loaders);
  }

  @Query(() => [PointLongitude], { description: 'Harmonic chart (1–360): every point at n × longitude.', complexity: 10 })
  @Cacheable()
  harmonicChart(@Arg('input', () => HarmonicInput, input) input: HarmonicInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('harmonicChart', input, ctx.loaders);
  }

  @Query(() => AntisciaResult, { description: 'Antiscia (180° − λ) and contra-antiscia (360° − λ) of the chart points, and contacts.', complexity: 10 })
  @Cacheable()
  antiscia(@Arg('input', () => ChartOrbInput, input) input: ChartOrbInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('antiscia', input, ctx.loaders);
  }

  @Query(() => [Midpoint], { description: 'Midpoints of every pair of chart points.', complexity: 10 })
  @Cacheable()
  midpoints(@Arg('input', () => NatalInput, input) input: NatalInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('midpoints', input, ctx.loaders);
  }

  @Query(() => Declinations, { description: 'Declinations, out-of-bounds points, parallels and contra-parallels.', complexity: 10 })
  @Cacheable()
  declinations(@Arg('input', () => ChartOrbInput, input) input: ChartOrbInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('declinations', input, ctx.loaders);
  }

  @Query(() => [ArabicPart], { description: 'Arabic parts (25, reversed by night where the tradition does).', complexity: 10 })
  @Cacheable()
  arabicParts(@Arg('input', () => ArabicPartsInput, input) input: ArabicPartsInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('arabicParts', input, ctx.loaders);
  }

  @Query(() => Dignities, { description: "Essential dignities of the seven planets (Lilly's scores), sect and almutens.", complexity: 15 })
  @Cacheable()
  dignities(@Arg('input', () => NatalInput, input) input: NatalInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('dignities', input, ctx.loaders);
  }

  @Query(() => [FixedStarPosition], { description: 'Apparent positions of the 50 catalogue fixed stars at an instant.', complexity: 5 })
  @Cacheable()
  fixedStars(@Arg('input', () => FixedStarsInput, input) input: FixedStarsInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('fixedStars', input, ctx.loaders);
  }

  @Query(() => [FixedStarConjunction], { description: 'Chart points conjunct fixed stars within an orb.', complexity: 10 })
  @Cacheable()
  fixedStarConjunctions(@Arg('input', () => ChartOrbInput, input) input: ChartOrbInput, @Ctx() ctx: GatewayContext) {
    return ctx.services.techniques.run('fixedStarConjunctions', input, ctx.loaders);
  }
}
