/**
 * Distribution of the chart's bodies over the elements, the modalities (quadruplicities) and the
 * hemispheres, with the bodies in each (Ptolemy, Tetrabiblos I.18 for the triplicities and I.11
 * for the tropical/solid/bicorporeal signs; the hemisphere emphasis of modern chart reading, e.g.
 * Stephen Arroyo, "Chart Interpretation Handbook", 1989).
 *
 * - Elements: fire Aries/Leo/Sagittarius, earth Taurus/Virgo/Capricorn, air Gemini/Libra/Aquarius,
 *   water Cancer/Scorpio/Pisces.
 * - Modalities: cardinal Aries/Cancer/Libra/Capricorn, fixed Taurus/Leo/Scorpio/Aquarius, mutable
 *   Gemini/Virgo/Sagittarius/Pisces.
 * - Hemispheres (need the angles; empty without a location), from the angles themselves so they do
 *   not depend on the house system: SOUTHERN = above the horizon (from the Descendant forward to
 *   the Ascendant, houses 7–12), NORTHERN = below it (houses 1–6), EASTERN = from the Midheaven
 *   forward to the Imum Coeli through the Ascendant (houses 10–3), WESTERN = the other half
 *   (houses 4–9). A body exactly on an angle goes to the half that starts there.
 * Counts are of bodies (angles are not counted). Default bodies: Sun…Pluto present in the chart.
 */
import type { Body, Chart } from '../types.js';
import { normalizeDegrees } from '../techniques/angles.js';
import { chartPoints } from './common.js';

export const ELEMENTS = ['FIRE', 'EARTH', 'AIR', 'WATER'] as const;
export type ZodiacElement = (typeof ELEMENTS)[number];
export const MODALITIES = ['CARDINAL', 'FIXED', 'MUTABLE'] as const;
export type Modality = (typeof MODALITIES)[number];
export const HEMISPHERES = ['NORTHERN', 'SOUTHERN', 'EASTERN', 'WESTERN'] as const;
export type Hemisphere = (typeof HEMISPHERES)[number];

export interface DistributionCount<K extends string> { key: K; count: number; bodies: Body[] }
/** The GraphQL `ChartDistribution`. */
export interface ChartDistribution {
  elements: DistributionCount<ZodiacElement>[];
  modalities: DistributionCount<Modality>[];
  /** Empty when the chart has no houses. */
  hemispheres: DistributionCount<Hemisphere>[];
  total: number;
}

/** Element of the sign containing a longitude (degrees). */
export function elementOf(longitude: number): ZodiacElement {
  return ELEMENTS[Math.floor(normalizeDegrees(longitude) / 30) % 4];
}

/** Modality of the sign containing a longitude (degrees). */
export function modalityOf(longitude: number): Modality {
  return MODALITIES[Math.floor(normalizeDegrees(longitude) / 30) % 3];
}

function tally<K extends string>(keys: readonly K[], items: { body: Body; key: K | null }[]): DistributionCount<K>[] {
  return keys.map((key) => {
    const bodies = items.filter((i) => i.key === key).map((i) => i.body);
    return { key, count: bodies.length, bodies };
  });
}

/** Distribution of a chart's bodies (see the module comment). */
export function chartDistribution(chart: Chart, bodies?: readonly Body[]): ChartDistribution {
  const points = chartPoints(chart, bodies);
  const h = chart.houses;
  const hemispheres: DistributionCount<Hemisphere>[] = [];
  if (h) {
    const vertical = points.map((p): { body: Body; key: Hemisphere } => ({ body: p.body, key: (normalizeDegrees(p.longitude - h.ascendant) >= 180 ? 'SOUTHERN' : 'NORTHERN') }));
    const horizontal = points.map((p): { body: Body; key: Hemisphere } => ({ body: p.body, key: (normalizeDegrees(p.longitude - h.midheaven) < 180 ? 'EASTERN' : 'WESTERN') }));
    for (const c of tally(HEMISPHERES, [...vertical, ...horizontal])) hemispheres.push(c);
  }
  return {
    elements: tally(ELEMENTS, points.map((p) => ({ body: p.body, key: elementOf(p.longitude) }))),
    modalities: tally(MODALITIES, points.map((p) => ({ body: p.body, key: modalityOf(p.longitude) }))),
    hemispheres,
    total: points.length,
  };
}
