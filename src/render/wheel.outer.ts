/**
 * What a bi-wheel adds for its outer chart (transits, progressions, a partner):
 *
 * - its house cusps and angles, as ticks on the circle between the inner and the outer ring
 *   (cusps short and thin, ASC/MC/DSC/IC longer and thicker, each with a tooltip), in the outer
 *   chart's colour: the outer ring's bodies and labels stay where they are;
 * - the inner–outer aspects (synastry, transits to natal), found with their own aspect options
 *   (`crossAspects`: types, orbs, multiplier; default the five major aspects with a 3° orb, 2° for
 *   the sextile — transit-sized; synastry usually wants `orbMultiplier` 2 or more), drawn across the
 *   aspect circle in the outer chart's colour as dashed lines, from the inner point to the outer
 *   point's degree marked with a hollow dot.
 *
 * "Applying" for a cross aspect holds the inner chart still (a natal chart does not move) and moves
 * the outer chart's bodies at their speeds; the outer angles count as still.
 */
import { findAspectsBetween, type AspectPoint } from '../ephemeris/aspects.js';
import type { Aspect, Chart, ChartPoint } from '../ephemeris/types.js';
import { at, circleEl, line, type Frame } from './frame.js';
import { fmt, fmtLongitude } from './geometry.js';
import { el, escapeXml } from './svg.js';
import { pointLongitude } from './wheel.aspects.js';
import { describeLongitude } from './wheel.text.js';

/** Bodies plus Ascendant and Midheaven (when the chart has houses), each with a longitude speed. */
function points(chart: Chart, moving: boolean): AspectPoint[] {
  const pts: AspectPoint[] = chart.positions.map((p) => ({ point: p.body, longitude: p.longitude, longitudeSpeed: moving ? p.longitudeSpeed : 0 }));
  if (chart.houses) {
    pts.push({ point: 'ASCENDANT', longitude: chart.houses.ascendant, longitudeSpeed: 0 });
    pts.push({ point: 'MIDHEAVEN', longitude: chart.houses.midheaven, longitudeSpeed: 0 });
  }
  return pts;
}

/** Inner–outer aspects (`first` an inner point, `second` an outer one), by orb; none when switched off. */
export function crossAspectsToDraw(f: Frame, chart: Chart, outer: Chart): Aspect[] {
  if (!f.options.showCrossAspects) return [];
  return findAspectsBetween(points(chart, false), points(outer, true), f.options.crossAspects);
}

/** The outer chart's cusps and angles as ticks on the circle between the two rings. */
export function outerHouseTicks(f: Frame, outer: Chart): string {
  const h = outer.houses;
  if (!h || !f.options.showOuterHouses) return '';
  const base = f.layout.rings[0].outer;
  const colour = f.palette.outerInk;
  let out = '';
  h.cusps.forEach((cusp, i) => {
    out += el(
      'line',
      {
        ...endpoints(f, base, base + 0.025, cusp),
        stroke: colour,
        'stroke-width': fmt(Math.max(0.8, f.R * 0.004)),
        'data-outer-cusp': i + 1,
        'data-longitude': fmtLongitude(cusp),
      },
      el('title', {}, escapeXml(`${f.options.outerLabel} house ${i + 1} cusp ${describeLongitude(cusp)}`)),
    );
  });
  const angles: [string, string, number][] = [
    ['ASC', 'Ascendant', h.ascendant], ['MC', 'Midheaven', h.midheaven], ['DSC', 'Descendant', h.descendant], ['IC', 'Imum Coeli', h.imumCoeli],
  ];
  for (const [name, long, longitude] of angles) {
    out += el(
      'line',
      {
        ...endpoints(f, base - 0.02, base + 0.05, longitude),
        stroke: colour,
        'stroke-width': fmt(Math.max(1.4, f.R * 0.009)),
        'stroke-linecap': 'round',
        'data-outer-angle': name,
        'data-longitude': fmtLongitude(longitude),
      },
      el('title', {}, escapeXml(`${f.options.outerLabel} ${long} ${describeLongitude(longitude)}`)),
    );
  }
  return el('g', { 'data-role': 'outer-houses' }, out);
}

function endpoints(f: Frame, from: number, to: number, longitude: number) {
  const a = at(f, from, longitude);
  const b = at(f, to, longitude);
  return { x1: fmt(a.x), y1: fmt(a.y), x2: fmt(b.x), y2: fmt(b.y) };
}

/** The inner–outer aspect lines across the aspect circle, and a hollow dot at each outer point's degree. */
export function crossAspectLines(f: Frame, chart: Chart, outer: Chart, aspects: readonly Aspect[]): string {
  if (aspects.length === 0) return '';
  const { layout, palette, R } = f;
  const width = Math.max(0.8, R * 0.0055);
  let out = '';
  const outerDots = new Set<ChartPoint>();
  for (const a of aspects) {
    const from = at(f, layout.aspect, pointLongitude(chart, a.first) as number);
    const to = at(f, layout.aspect, pointLongitude(outer, a.second) as number);
    out += line(from, to, {
      stroke: palette.outerInk,
      'stroke-width': fmt(width),
      'stroke-opacity': (0.45 + 0.55 * Math.max(0, 1 - a.orb / 5)).toFixed(2),
      'stroke-dasharray': `${fmt(width * 6)} ${fmt(width * 2.5)}`,
      'stroke-linecap': 'round',
      'data-cross-aspect': a.type,
      'data-inner': a.first,
      'data-outer': a.second,
    });
    outerDots.add(a.second);
  }
  let dots = '';
  for (const point of outerDots) {
    dots += circleEl(at(f, layout.aspect, pointLongitude(outer, point) as number), Math.max(1.6, R * 0.009), {
      fill: palette.background,
      stroke: palette.outerInk,
      'stroke-width': fmt(Math.max(0.8, R * 0.004)),
      'data-outer-point': point,
    });
  }
  return el('g', { 'data-role': 'cross-aspects' }, out + dots);
}
