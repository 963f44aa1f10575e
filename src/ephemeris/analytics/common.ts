/**
 * Helpers shared by the chart analytics: which bodies take part, their longitudes.
 */
import { ValidationError } from '../../errors.js';
import type { Body, Chart } from '../types.js';

/** The ten planets of the analytics (Sun…Pluto), as Jones and the pattern literature use. */
export const ANALYTIC_BODIES: readonly Body[] = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];

export interface BodyPoint { body: Body; longitude: number }

/**
 * The chart's positions of `bodies` (default: those of Sun…Pluto the chart has), in the given
 * order. @throws ValidationError(field) for a body the chart does not have
 */
export function chartPoints(chart: Chart, bodies?: readonly Body[], field = 'bodies'): BodyPoint[] {
  const byBody = new Map(chart.positions.map((p) => [p.body, p.longitude] as const));
  const wanted = bodies ?? ANALYTIC_BODIES.filter((b) => byBody.has(b));
  const points: BodyPoint[] = [];
  for (const b of wanted) {
    const lon = byBody.get(b);
    if (lon === undefined) throw new ValidationError(field, `the chart has no position of ${b}`);
    if (!Number.isFinite(lon)) throw new ValidationError(field, `${b} has no finite longitude`);
    points.push({ body: b, longitude: lon });
  }
  return points;
}
