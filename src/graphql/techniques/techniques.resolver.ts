/**
 * Techniques, fixed stars and events queries (issue 6). Each resolver is one call into the
 * techniques service. All require a token (like `chart`) and are deterministic, hence cacheable;
 * costs reflect the work (a year of transit search ≫ a chart).
 */
import { Arg, Query, Resolver } from 'type-graphql';
import { registerRootField } from '../operation-policy.js';
import { Chart } from '../chart/chart.type.js';
import { techniquesService as svc } from './techniques.service.js';
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

/** Field costs (on top of the selection), see operation-policy.ts. */
const COSTS: Record<string, number> = {
  planetaryReturn: 20, progressedChart: 20, solarArcDirections: 15, lunarPhases: 10, eclipses: 20, ingresses: 10,
  stations: 10, voidOfCourseMoon: 40, transits: 15, transitSearch: 100, synastry: 25, compositeChart: 25, davisonChart: 15,
  harmonicChart: 10, antiscia: 10, midpoints: 10, declinations: 10, arabicParts: 10, dignities: 15, fixedStars: 5,
  fixedStarConjunctions: 10,
};
for (const [name, cost] of Object.entries(COSTS)) registerRootField(name, { cacheable: true, cost });

const inputArg = { description: 'The query input.' };

@Resolver()
export class TechniquesResolver {
  @Query(() => ReturnChart, { description: 'Planetary return (solar, lunar or any body): the exact return next after or last before an instant, and its chart.' })
  planetaryReturn(@Arg('input', () => ReturnInput, inputArg) input: ReturnInput): ReturnChart {
    return svc.planetaryReturn(input);
  }

  @Query(() => ProgressedChart, { description: 'Progressed chart (secondary, tertiary or minor) with angles by solar arc (default) or Naibod.' })
  progressedChart(@Arg('input', () => ProgressionInput, inputArg) input: ProgressionInput): ProgressedChart {
    return svc.progressedChart(input) as ProgressedChart;
  }

  @Query(() => SolarArcDirections, { description: 'Solar-arc directions: natal points advanced by progressed Sun − natal Sun.' })
  solarArcDirections(@Arg('input', () => SolarArcInput, inputArg) input: SolarArcInput): SolarArcDirections {
    return svc.solarArcDirections(input);
  }

  @Query(() => [LunarPhaseEvent], { description: 'Exact times of the four lunar phases in a range (≤ 5 years).' })
  lunarPhases(@Arg('input', () => EventSearchInput, inputArg) input: EventSearchInput): LunarPhaseEvent[] {
    return svc.lunarPhases(input);
  }

  @Query(() => [EclipseEvent], { description: 'Solar and/or lunar eclipses (type and greatest eclipse) in a range (≤ 5 years).' })
  eclipses(@Arg('input', () => EclipseSearchInput, inputArg) input: EclipseSearchInput): EclipseEvent[] {
    return svc.eclipses(input);
  }

  @Query(() => [IngressEvent], { description: 'Sign ingresses of a body in a range (≤ 5 years), retrograde re-entries included.' })
  ingresses(@Arg('input', () => IngressSearchInput, inputArg) input: IngressSearchInput): IngressEvent[] {
    return svc.ingresses(input);
  }

  @Query(() => [StationEvent], { description: 'Stations (retrograde and direct) of a body in a range (≤ 5 years).' })
  stations(@Arg('input', () => StationSearchInput, inputArg) input: StationSearchInput): StationEvent[] {
    return svc.stations(input);
  }

  @Query(() => [VoidOfCoursePeriod], { description: 'Void-of-course Moon periods in a range (≤ 1 year).' })
  voidOfCourseMoon(@Arg('input', () => VoidOfCourseInput, inputArg) input: VoidOfCourseInput): VoidOfCoursePeriod[] {
    return svc.voidOfCourseMoon(input);
  }

  @Query(() => TransitsResult, { description: 'Transiting positions (in natal houses) and transit-to-natal aspects at an instant.' })
  transits(@Arg('input', () => TransitsInput, inputArg) input: TransitsInput): TransitsResult {
    return svc.transits(input);
  }

  @Query(() => [TransitEvent], { description: 'Exact transit-to-natal aspects, sign ingresses and house ingresses over a range (≤ 5 years), in time order.' })
  transitSearch(@Arg('input', () => TransitSearchInput, inputArg) input: TransitSearchInput): TransitEvent[] {
    return svc.transitSearch(input);
  }

  @Query(() => Synastry, { description: 'Synastry: aspects between two charts and house overlays.' })
  synastry(@Arg('input', () => SynastryInput, inputArg) input: SynastryInput): Synastry {
    return svc.synastry(input);
  }

  @Query(() => Chart, { description: 'Composite chart: shorter-arc midpoints, houses from the composite MC.' })
  compositeChart(@Arg('input', () => RelationshipInput, inputArg) input: RelationshipInput): Chart {
    return svc.compositeChart(input);
  }

  @Query(() => Chart, { description: 'Davison chart: the chart of the midpoint in time and place.' })
  davisonChart(@Arg('input', () => RelationshipInput, inputArg) input: RelationshipInput): Chart {
    return svc.davisonChart(input);
  }

  @Query(() => [PointLongitude], { description: 'Harmonic chart (1–360): every point at n × longitude.' })
  harmonicChart(@Arg('input', () => HarmonicInput, inputArg) input: HarmonicInput): PointLongitude[] {
    return svc.harmonicChart(input);
  }

  @Query(() => AntisciaResult, { description: 'Antiscia (180° − λ) and contra-antiscia (360° − λ) of the chart points, and contacts.' })
  antiscia(@Arg('input', () => ChartOrbInput, inputArg) input: ChartOrbInput): AntisciaResult {
    return svc.antiscia(input) as AntisciaResult;
  }

  @Query(() => [Midpoint], { description: 'Midpoints of every pair of chart points.' })
  midpoints(@Arg('input', () => NatalInput, inputArg) input: NatalInput): Midpoint[] {
    return svc.midpoints(input) as Midpoint[];
  }

  @Query(() => Declinations, { description: 'Declinations, out-of-bounds points, parallels and contra-parallels.' })
  declinations(@Arg('input', () => ChartOrbInput, inputArg) input: ChartOrbInput): Declinations {
    return svc.declinations(input) as Declinations;
  }

  @Query(() => [ArabicPart], { description: 'Arabic parts (25, reversed by night where the tradition does).' })
  arabicParts(@Arg('input', () => ArabicPartsInput, inputArg) input: ArabicPartsInput): ArabicPart[] {
    return svc.arabicParts(input);
  }

  @Query(() => Dignities, { description: "Essential dignities of the seven planets (Lilly's scores), sect and almutens." })
  dignities(@Arg('input', () => NatalInput, inputArg) input: NatalInput): Dignities {
    return svc.dignities(input);
  }

  @Query(() => [FixedStarPosition], { description: 'Apparent positions of the 50 catalogue fixed stars at an instant.' })
  fixedStars(@Arg('input', () => FixedStarsInput, inputArg) input: FixedStarsInput): FixedStarPosition[] {
    return svc.fixedStars(input);
  }

  @Query(() => [FixedStarConjunction], { description: 'Chart points conjunct fixed stars within an orb.' })
  fixedStarConjunctions(@Arg('input', () => ChartOrbInput, inputArg) input: ChartOrbInput): FixedStarConjunction[] {
    return svc.fixedStarConjunctions(input) as FixedStarConjunction[];
  }
}
