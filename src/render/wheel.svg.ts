/**
 * The chart wheel as an SVG document: a pure function of its input (no I/O, no clock, no random
 * ids), so the same chart and options always give byte-identical output.
 *
 * Layout, from the outside in: angle labels (ASC, MC, DSC, IC) in the margin; the zodiac ring
 * with the sign glyphs and 1°/5°/10° ticks; for a bi-wheel, the outer chart's bodies; the inner
 * chart's bodies with their stacked labels (degrees, sign, minutes, retrograde mark); the ring of
 * house numbers; the aspect circle with the aspect lines. Orientation: see `geometry.ts`.
 *
 * Readable back from the DOM (the browser test does): the root carries `data-center-x/-y`,
 * `data-radius` and `data-reference-longitude`; each body glyph is a `<g data-body data-ring
 * data-longitude data-display-longitude>` whose `circle[data-role=glyph-anchor]` is centred on the
 * glyph; the leader line's end at the true degree is a `circle[data-role=true-degree]`.
 */
import { ValidationError } from '../errors.js';
import type { Chart } from '../ephemeris/types.js';
import { circleEl, text, FONT_FAMILY, type Frame } from './frame.js';
import { fmt, fmtLongitude, norm360 } from './geometry.js';
import { BI_LAYOUT, SINGLE_LAYOUT } from './layout.js';
import { houseSystemName } from './names.js';
import { el, escapeXml } from './svg.js';
import { PALETTES } from './themes.js';
import { aspectLines, aspectsToDraw } from './wheel.aspects.js';
import { bodyRing } from './wheel.bodies.js';
import { angles, houseRing } from './wheel.houses.js';
import { wheelDescription, wheelTitle } from './wheel.text.js';
import { titleBand, titleBandPx } from './wheel.title.js';
import { crossAspectLines, crossAspectsToDraw, outerHouseTicks } from './wheel.outer.js';
import { zodiacRing } from './wheel.zodiac.js';
import { resolveWheelOptions, type WheelOptions } from './wheel.options.js';

function checkChart(chart: Chart, field: string): void {
  if (!chart || !Array.isArray(chart.positions)) {
    throw new ValidationError(field, `${field} must be a chart with positions`);
  }
  chart.positions.forEach((p, i) => {
    if (!Number.isFinite(p.longitude)) {
      throw new ValidationError(`${field}.positions[${i}].longitude`, 'longitude must be a finite number of degrees');
    }
  });
  const h = chart.houses;
  if (h) {
    const values = [...h.cusps, h.ascendant, h.midheaven, h.descendant, h.imumCoeli];
    if (h.cusps.length !== 12 || !values.every(Number.isFinite)) {
      throw new ValidationError(`${field}.houses`, 'houses need 12 finite cusps and finite angles');
    }
  }
}

function captions(f: Frame, chart: Chart, outer: Chart | undefined): string {
  const { size, palette, options } = f;
  const font = size * 0.019;
  const pad = size * 0.018;
  let out = '';
  const h = chart.houses;
  const houseText = !h
    ? 'No houses: 0° Aries on the left'
    : h.system === h.requestedSystem
      ? `${houseSystemName(h.system)} houses`
      : `${houseSystemName(h.system)} houses (${houseSystemName(h.requestedSystem)} impossible here)`;
  out += text(f, { x: pad, y: size - pad }, houseText, font, palette.muted, { 'text-anchor': 'start', 'data-role': 'house-system' });
  if (outer) {
    out += text(f, { x: size - pad, y: size - pad - font * 1.3 }, `inside: ${options.innerLabel}`, font, palette.ink, {
      'text-anchor': 'end',
    });
    out += text(f, { x: size - pad, y: size - pad }, `outside: ${options.outerLabel}`, font, palette.outerInk, {
      'text-anchor': 'end',
    });
  }
  return el('g', { 'data-role': 'captions' }, out);
}

/**
 * Renders a chart wheel as a standalone SVG document (UTF-8 text, no XML declaration).
 *
 * @param chart the (natal) chart drawn inside; its houses, when present, orient the wheel
 *   (Ascendant on the left), otherwise 0° Aries is on the left. Longitudes in degrees.
 * @param options size (300..2000 px), theme, aspect filter, labels; see `WheelOptions`.
 * @param outer optional second chart (transits, a partner) drawn in a ring outside the first: its
 *   bodies, its house cusps and angles as ticks (when it has houses), and the inner–outer aspects
 *   (see `wheel.outer.ts`).
 * @returns the SVG text; byte-identical for the same input.
 * @throws ValidationError naming the bad option (`options.size`, …) or chart field.
 */
export function renderWheelSvg(chart: Chart, options: WheelOptions = {}, outer?: Chart): string {
  const resolved = resolveWheelOptions(options);
  checkChart(chart, 'chart');
  if (outer) checkChart(outer, 'outer');
  const layout = outer ? BI_LAYOUT : SINGLE_LAYOUT;
  const size = resolved.size;
  // A drawn title takes a band at the top: the wheel moves down by half of it and shrinks by half.
  const band = titleBandPx(size, resolved.title);
  const f: Frame = {
    size,
    cx: size / 2,
    cy: size / 2 + band / 2,
    R: size / 2 - layout.marginFraction * size - band / 2,
    reference: chart.houses ? norm360(chart.houses.ascendant) : 0,
    layout,
    palette: PALETTES[resolved.theme],
    options: resolved,
  };
  const drawn = aspectsToDraw(chart, resolved);
  const cross = outer ? crossAspectsToDraw(f, chart, outer) : [];
  const titleId = `${resolved.idPrefix}-title`;
  const descId = `${resolved.idPrefix}-desc`;
  let body = el('title', { id: titleId }, escapeXml(wheelTitle(chart, outer, resolved)));
  body += el('desc', { id: descId }, escapeXml(wheelDescription(chart, outer, drawn, resolved, cross)));
  body += el('rect', { width: size, height: size, fill: f.palette.background });
  body += titleBand(size, resolved.title, f.palette, resolved.idPrefix);
  body += zodiacRing(f);
  if (outer) {
    body += circleEl({ x: f.cx, y: f.cy }, layout.rings[0].outer * f.R, {
      fill: 'none',
      stroke: f.palette.muted,
      'stroke-width': fmt(Math.max(0.6, f.R * 0.003)),
    });
  }
  body += houseRing(f, chart);
  body += aspectLines(f, chart, drawn);
  if (outer) body += crossAspectLines(f, chart, outer, cross) + outerHouseTicks(f, outer);
  body += angles(f, chart);
  body += bodyRing(f, chart, layout.rings[0], 'inner', f.palette.ink);
  if (outer) body += bodyRing(f, outer, layout.rings[1], 'outer', f.palette.outerInk);
  body += captions(f, chart, outer);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: size,
      height: size,
      viewBox: `0 0 ${size} ${size}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'font-family': FONT_FAMILY,
      'data-center-x': fmt(f.cx),
      'data-center-y': fmt(f.cy),
      'data-radius': fmt(f.R),
      'data-reference-longitude': fmtLongitude(f.reference),
      'data-theme': resolved.theme,
    },
    body,
  );
}

