/**
 * Techniques service: maps the GraphQL inputs of the techniques, stars and events queries to the
 * pure ephemeris functions (input validation with full field paths) and their results to the
 * output shapes. Stateless; resolvers make one call each.
 */
import { ValidationError } from '../../errors.js';
import { toChartRequest, type ChartInputLike } from '../../services/chart-request.js';
import type { AspectOptions, AspectType, ChartRequest } from '../../ephemeris/types.js';
import { planetaryReturn } from '../../ephemeris/techniques/returns.js';
import { progressedChart, solarArcDirections } from '../../ephemeris/techniques/progressions.js';
import { transitSearch, transitsAt } from '../../ephemeris/techniques/transits.js';
import { compositeChart, davisonChart, synastry } from '../../ephemeris/techniques/relationships.js';
import {
  chartAntiscia, chartArabicParts, chartDeclinations, chartDignities, chartFixedStars, chartHarmonic, chartMidpoints,
} from '../../ephemeris/techniques/natal-techniques.js';
import { eclipses, ingresses, lunarPhases, stations, voidOfCourseMoon } from '../../ephemeris/events/events.js';
import { fixedStarPositions } from '../../ephemeris/stars/fixed-stars.js';
import { momentFromUtc } from '../../ephemeris/time.js';
import type { AlmutenResult } from '../../ephemeris/techniques/dignities.js';
import type {
  ArabicPartsInput, ChartOrbInput, EclipseSearchInput, EventSearchInput, FixedStarsInput, HarmonicInput, IngressSearchInput,
  NatalInput, ProgressionInput, RelationshipInput, ReturnInput, SolarArcInput, StationSearchInput, SynastryInput,
  TransitSearchInput, TransitsInput, VoidOfCourseInput,
} from './techniques.input.js';

/** Re-throws a ValidationError with its field prefixed by `path` (C's convention: "input.natal.location"). */
function prefixed<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ValidationError && !error.field.startsWith('input')) {
      const Ctor = error.constructor as new (field: string, message: string, options?: { cause?: unknown }) => ValidationError;
      throw new Ctor(error.field ? `${path}.${error.field}` : path, error.message, { cause: error });
    }
    throw error;
  }
}

/** ChartInput → ChartRequest (C's gateway checks), fields prefixed by `path`. */
function chartRequest(input: ChartInputLike, path: string): ChartRequest {
  return prefixed(path, () => toChartRequest(input));
}

function aspectOptions(input: SynastryInput['aspects']): AspectOptions | undefined {
  if (!input) return undefined;
  return {
    ...(input.types ? { types: input.types } : {}),
    ...(input.orbs ? { orbs: Object.fromEntries(input.orbs.map((o) => [o.type, o.orbDegrees])) as Partial<Record<AspectType, number>> } : {}),
    ...(input.orbMultiplier !== undefined && input.orbMultiplier !== null ? { orbMultiplier: input.orbMultiplier } : {}),
  };
}

function almutenOut(a: AlmutenResult) {
  return { almuten: a.almuten, scores: Object.entries(a.scores).map(([planet, score]) => ({ planet, score })) };
}

export class TechniquesService {
  planetaryReturn(input: ReturnInput) {
    return prefixed('input', () => planetaryReturn({
      natal: chartRequest(input.natal, 'input.natal'),
      body: input.body,
      ...(input.after ? { after: input.after } : {}),
      ...(input.before ? { before: input.before } : {}),
      location: input.location ?? null,
    }));
  }

  progressedChart(input: ProgressionInput) {
    return prefixed('input', () => progressedChart({
      natal: chartRequest(input.natal, 'input.natal'),
      target: input.target,
      ...(input.method ? { method: input.method } : {}),
      ...(input.angles ? { angles: input.angles } : {}),
    }));
  }

  solarArcDirections(input: SolarArcInput) {
    return prefixed('input', () => solarArcDirections(chartRequest(input.natal, 'input.natal'), input.target));
  }

  lunarPhases(input: EventSearchInput) {
    return prefixed('input', () => lunarPhases(input.from, input.to));
  }

  eclipses(input: EclipseSearchInput) {
    return prefixed('input', () => eclipses(input.from, input.to, input.kind ?? undefined));
  }

  ingresses(input: IngressSearchInput) {
    if (input.zodiac === 'SIDEREAL' && !input.ayanamsa) throw new ValidationError('input.ayanamsa', 'the SIDEREAL zodiac needs an ayanamsa');
    const ayanamsa = input.zodiac === 'SIDEREAL' ? input.ayanamsa ?? undefined : undefined;
    return prefixed('input', () => ingresses(input.body, input.from, input.to, undefined, ayanamsa));
  }

  stations(input: StationSearchInput) {
    return prefixed('input', () => stations(input.body, input.from, input.to));
  }

  voidOfCourseMoon(input: VoidOfCourseInput) {
    return prefixed('input', () => voidOfCourseMoon(input.from, input.to, input.traditional ?? false));
  }

  transits(input: TransitsInput) {
    return prefixed('input', () => transitsAt(chartRequest(input.natal, 'input.natal'), input.at));
  }

  transitSearch(input: TransitSearchInput) {
    return prefixed('input', () => transitSearch({
      natal: chartRequest(input.natal, 'input.natal'),
      from: input.from,
      to: input.to,
      ...(input.bodies ? { bodies: input.bodies } : {}),
      ...(input.aspectTypes ? { aspectTypes: input.aspectTypes } : {}),
      ...(input.kinds ? { kinds: input.kinds } : {}),
    }));
  }

  synastry(input: SynastryInput) {
    return prefixed('input', () => synastry(chartRequest(input.first, 'input.first'), chartRequest(input.second, 'input.second'), aspectOptions(input.aspects)));
  }

  compositeChart(input: RelationshipInput) {
    return prefixed('input', () => compositeChart(chartRequest(input.first, 'input.first'), chartRequest(input.second, 'input.second')));
  }

  davisonChart(input: RelationshipInput) {
    return prefixed('input', () => davisonChart(chartRequest(input.first, 'input.first'), chartRequest(input.second, 'input.second')));
  }

  harmonicChart(input: HarmonicInput) {
    return prefixed('input', () => chartHarmonic(chartRequest(input.natal, 'input.natal'), input.harmonic));
  }

  antiscia(input: ChartOrbInput) {
    return prefixed('input', () => chartAntiscia(chartRequest(input.natal, 'input.natal'), input.orbDegrees ?? 1));
  }

  midpoints(input: NatalInput) {
    return prefixed('input', () => chartMidpoints(chartRequest(input.natal, 'input.natal')));
  }

  declinations(input: ChartOrbInput) {
    return prefixed('input', () => chartDeclinations(chartRequest(input.natal, 'input.natal'), input.orbDegrees ?? 1));
  }

  arabicParts(input: ArabicPartsInput) {
    return prefixed('input', () => chartArabicParts(chartRequest(input.natal, 'input.natal'), input.parts ?? undefined));
  }

  dignities(input: NatalInput) {
    const d = prefixed('input', () => chartDignities(chartRequest(input.natal, 'input.natal')));
    return { ...d, ascendantAlmuten: almutenOut(d.ascendantAlmuten), almutenFiguris: almutenOut(d.almutenFiguris) };
  }

  fixedStars(input: FixedStarsInput) {
    momentFromUtc(input.at, 'input.at'); // supported range
    return prefixed('input', () => fixedStarPositions(input.at, input.names ?? undefined));
  }

  fixedStarConjunctions(input: ChartOrbInput) {
    return prefixed('input', () => chartFixedStars(chartRequest(input.natal, 'input.natal'), input.orbDegrees ?? 1));
  }
}

/** The shared, stateless instance the resolver uses. */
export const techniquesService = new TechniquesService();
