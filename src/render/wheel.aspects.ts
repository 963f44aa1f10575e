/** Aspect lines inside the aspect circle, coloured by family (minor ones dashed), opacity by orb. */
import type { Aspect, Chart, ChartPoint } from '../ephemeris/types.js';
import { aspectFamily } from './aspect-families.js';
import { at, circleEl, line, type Frame } from './frame.js';
import { fmt } from './geometry.js';
import { el } from './svg.js';
import type { ResolvedWheelOptions } from './wheel.options.js';

/** Longitude (degrees) of a chart point: a body, or the Ascendant/Midheaven when the chart has houses. */
export function pointLongitude(chart: Chart, point: ChartPoint): number | null {
  if (point === 'ASCENDANT') return chart.houses ? chart.houses.ascendant : null;
  if (point === 'MIDHEAVEN') return chart.houses ? chart.houses.midheaven : null;
  const p = chart.positions.find((q) => q.body === point);
  return p ? p.longitude : null;
}

/** The chart's aspects that will be drawn (filtered by type; both points present). */
export function aspectsToDraw(chart: Chart, options: ResolvedWheelOptions): Aspect[] {
  if (!options.showAspects) return [];
  return chart.aspects.filter(
    (a) =>
      (options.aspectTypes === null || options.aspectTypes.has(a.type)) &&
      pointLongitude(chart, a.first) !== null &&
      pointLongitude(chart, a.second) !== null,
  );
}

/** Draws the aspect lines and a dot at each body's true degree on the aspect circle. */
export function aspectLines(f: Frame, chart: Chart, aspects: readonly Aspect[]): string {
  const { layout, palette, R } = f;
  const width = Math.max(0.8, R * 0.0055);
  let out = '';
  for (const a of aspects) {
    const family = aspectFamily(a.type);
    const from = at(f, layout.aspect, pointLongitude(chart, a.first) as number);
    const to = at(f, layout.aspect, pointLongitude(chart, a.second) as number);
    const opacity = 0.35 + 0.65 * Math.max(0, 1 - a.orb / 10);
    out += line(from, to, {
      stroke: palette.aspect[family],
      'stroke-width': fmt(width),
      'stroke-opacity': opacity.toFixed(2),
      'stroke-dasharray': family === 'minor' ? `${fmt(width * 4)} ${fmt(width * 3)}` : undefined,
      'stroke-linecap': 'round',
      'data-aspect': a.type,
      'data-family': family,
      'data-first': a.first,
      'data-second': a.second,
    });
  }
  let dots = '';
  for (const p of chart.positions) {
    dots += circleEl(at(f, layout.aspect, p.longitude), Math.max(1.2, R * 0.007), { fill: palette.ink });
  }
  return el('g', { 'data-role': 'aspects' }, out) + el('g', { 'data-role': 'aspect-points' }, dots);
}
