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
import { SIGNS, type Aspect, type Body, type Chart, type ChartPoint, type Position } from '../ephemeris/types.js';
import { aspectFamily } from './aspect-families.js';
import {
  fmt,
  fmtLongitude,
  formatDegreesMinutes,
  norm360,
  polar,
  screenAngle,
  zodiacDegree,
  type Point,
} from './geometry.js';
import { BODY_GLYPHS, RETROGRADE_GLYPH, SIGN_GLYPHS, type GlyphPaths } from './glyphs.js';
import { BI_LAYOUT, SINGLE_LAYOUT, type BodyRingLayout, type WheelLayout } from './layout.js';
import { houseSystemName, pointName } from './names.js';
import { spreadLongitudes } from './spread.js';
import { el, escapeXml } from './svg.js';
import { PALETTES, signColour, type WheelPalette } from './themes.js';
import { describeLongitude, wheelDescription, wheelTitle } from './wheel.text.js';
import { resolveWheelOptions, type ResolvedWheelOptions, type WheelOptions } from './wheel.options.js';

const FONT_FAMILY = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
/** Width of a label like "29°" or "42′" (DejaVu Sans digits are 0.64 em) and its box height, em. */
const LABEL_WIDTH_EM = 1.8;
const LABEL_HEIGHT_EM = 1.2;

interface Frame {
  readonly size: number;
  readonly cx: number;
  readonly cy: number;
  /** Outer radius of the zodiac ring, px. */
  readonly R: number;
  /** Longitude drawn at 9 o'clock. */
  readonly reference: number;
  readonly layout: WheelLayout;
  readonly palette: WheelPalette;
  readonly options: ResolvedWheelOptions;
}

function at(f: Frame, radiusFraction: number, longitude: number): Point {
  return polar(f.cx, f.cy, radiusFraction * f.R, screenAngle(longitude, f.reference));
}

function line(a: Point, b: Point, extra: Record<string, string | number | undefined>): string {
  return el('line', { x1: fmt(a.x), y1: fmt(a.y), x2: fmt(b.x), y2: fmt(b.y), ...extra });
}

function circleEl(c: Point, r: number, extra: Record<string, string | number | undefined>): string {
  return el('circle', { cx: fmt(c.x), cy: fmt(c.y), r: fmt(r), ...extra });
}

/** A glyph drawn at `centre`, `sidePx` wide; optional halo in the background colour for legibility. */
function glyph(paths: GlyphPaths, centre: Point, sidePx: number, colour: string, halo: string | null): string {
  const scale = sidePx / 20;
  // 1.6 units at normal sizes; never thinner than 1.1 px on screen (small label glyphs).
  const strokeWidth = Math.max(1.6, 1.1 / scale).toFixed(2);
  let inner = '';
  if (halo !== null) {
    inner += el('path', {
      d: paths.stroke + paths.fill,
      fill: 'none',
      stroke: halo,
      'stroke-width': (Number(strokeWidth) + 2.6).toFixed(2),
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    });
  }
  if (paths.stroke) {
    inner += el('path', {
      d: paths.stroke,
      fill: 'none',
      stroke: colour,
      'stroke-width': strokeWidth,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    });
  }
  if (paths.fill) inner += el('path', { d: paths.fill, fill: colour });
  return el('g', { transform: `translate(${fmt(centre.x)} ${fmt(centre.y)}) scale(${scale.toFixed(4)})` }, inner);
}

function text(
  f: Frame,
  centre: Point,
  content: string,
  fontPx: number,
  colour: string,
  extra: Record<string, string | number | undefined> = {},
): string {
  return el(
    'text',
    {
      x: fmt(centre.x),
      y: fmt(centre.y),
      'font-size': fmt(fontPx),
      fill: colour,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      stroke: f.palette.background,
      'stroke-width': fmt(Math.max(1.5, fontPx * 0.22)),
      'paint-order': 'stroke',
      ...extra,
    },
    escapeXml(content),
  );
}

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

function zodiacRing(f: Frame): string {
  const { layout, palette, R } = f;
  const centre = { x: f.cx, y: f.cy };
  let out = circleEl(centre, R, { fill: palette.ringFill, stroke: palette.ink, 'stroke-width': fmt(Math.max(1, R * 0.006)) });
  out += circleEl(centre, layout.zodiacInner * R, {
    fill: palette.background,
    stroke: palette.ink,
    'stroke-width': fmt(Math.max(1, R * 0.004)),
  });
  let ticks = '';
  for (let degree = 0; degree < 360; degree += 1) {
    const kind = degree % 10 === 0 ? 2 : degree % 5 === 0 ? 1 : 0;
    if (degree % 30 === 0) continue;
    const a = at(f, layout.zodiacInner, degree);
    const b = at(f, layout.zodiacInner + layout.ticks[kind], degree);
    ticks += line(a, b, {});
  }
  out += el('g', { stroke: palette.muted, 'stroke-width': fmt(Math.max(0.6, R * 0.0025)), 'data-role': 'ticks' }, ticks);
  let signs = '';
  SIGNS.forEach((sign, k) => {
    signs += line(at(f, layout.zodiacInner, 30 * k), at(f, 1, 30 * k), {
      stroke: palette.ink,
      'stroke-width': fmt(Math.max(0.8, R * 0.004)),
    });
    const centre = at(f, layout.signGlyph, 30 * k + 15);
    signs += el(
      'g',
      { 'data-sign': sign },
      el('title', {}, escapeXml(sign.charAt(0) + sign.slice(1).toLowerCase())) +
        glyph(SIGN_GLYPHS[sign], centre, layout.signGlyphSize * R, signColour(f.palette, sign), null),
    );
  });
  return el('g', { 'data-role': 'zodiac' }, out + signs);
}

function houseRing(f: Frame, chart: Chart): string {
  const { layout, palette, R } = f;
  const centre = { x: f.cx, y: f.cy };
  const h = chart.houses;
  let out = '';
  if (h) {
    out += circleEl(centre, layout.houseOuter * R, {
      fill: palette.houseRingFill,
      stroke: palette.muted,
      'stroke-width': fmt(Math.max(0.6, R * 0.003)),
    });
  }
  out += circleEl(centre, layout.aspect * R, {
    fill: palette.background,
    stroke: palette.ink,
    'stroke-width': fmt(Math.max(0.8, R * 0.004)),
    'data-role': 'aspect-circle',
  });
  if (!h) return el('g', { 'data-role': 'houses' }, out);
  let cusps = '';
  let numbers = '';
  h.cusps.forEach((cusp, i) => {
    const next = h.cusps[(i + 1) % 12];
    cusps += line(at(f, layout.aspect, cusp), at(f, layout.zodiacInner, cusp), { 'data-cusp': i + 1 });
    const middle = cusp + norm360(next - cusp) / 2;
    numbers += text(f, at(f, layout.houseNumber, middle), String(i + 1), layout.houseFont * R, palette.muted, {
      'data-house': i + 1,
    });
  });
  out += el('g', { stroke: palette.muted, 'stroke-width': fmt(Math.max(0.6, R * 0.0028)), 'data-role': 'cusps' }, cusps);
  out += el('g', { 'data-role': 'house-numbers' }, numbers);
  return el('g', { 'data-role': 'houses' }, out);
}

function pointLongitude(chart: Chart, point: ChartPoint): number | null {
  if (point === 'ASCENDANT') return chart.houses ? chart.houses.ascendant : null;
  if (point === 'MIDHEAVEN') return chart.houses ? chart.houses.midheaven : null;
  const p = chart.positions.find((q) => q.body === point);
  return p ? p.longitude : null;
}

function aspectsToDraw(chart: Chart, options: ResolvedWheelOptions): Aspect[] {
  if (!options.showAspects) return [];
  return chart.aspects.filter(
    (a) =>
      (options.aspectTypes === null || options.aspectTypes.has(a.type)) &&
      pointLongitude(chart, a.first) !== null &&
      pointLongitude(chart, a.second) !== null,
  );
}

function aspectLines(f: Frame, chart: Chart, aspects: readonly Aspect[]): string {
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

/** Below this label font size (px) the labels go compact: larger degrees and sign, no minutes. */
const COMPACT_LABEL_FONT_PX = 6.5;

/** Where and how big a ring's labels are drawn (radii and sizes as fractions of R). */
interface LabelPlan {
  readonly degrees: number;
  readonly font: number;
  readonly sign: number;
  readonly signSize: number;
  /** Radius of the minutes label, or null in compact mode. */
  readonly minutes: number | null;
}

function labelPlan(ring: BodyRingLayout, R: number, show: boolean): LabelPlan | null {
  if (!show) return null;
  if (ring.font * R >= COMPACT_LABEL_FONT_PX) {
    return { degrees: ring.degrees, font: ring.font, sign: ring.sign, signSize: ring.signSize, minutes: ring.minutes };
  }
  return {
    degrees: (ring.degrees + ring.sign) / 2,
    font: ring.font * 1.3,
    sign: ring.minutes,
    signSize: ring.signSize * 1.3,
    minutes: null,
  };
}

/**
 * Smallest angular distance (degrees) between neighbouring glyph stacks of a ring: the glyph
 * needs its side (plus 12 %) along the circle. Two upright w × h labels a distance s apart along
 * the circle at angle θ are clear when s·|sin θ| ≥ w or s·|cos θ| ≥ h; the worst θ needs
 * s = √(w² + h²), taken (plus 5 %) at the innermost text label radius.
 */
function minSeparationDeg(ring: BodyRingLayout, labels: LabelPlan | null): number {
  const radians = [(ring.glyphSize * 1.12) / ring.glyph];
  if (labels) {
    const diagonal = labels.font * Math.hypot(LABEL_WIDTH_EM, LABEL_HEIGHT_EM) * 1.05;
    radians.push(diagonal / (labels.minutes ?? labels.degrees), (labels.signSize * 1.15) / labels.sign);
  }
  return (Math.max(...radians) * 180) / Math.PI;
}

function bodyLabel(p: Position, chart: Chart): string {
  const parts = [`${pointName(p.body)} ${describeLongitude(p.longitude)}`];
  if (p.retrograde) parts.push('retrograde');
  if (p.house !== null && chart.houses) parts.push(`house ${p.house}`);
  return parts.join(', ');
}

function bodyRing(f: Frame, chart: Chart, ring: BodyRingLayout, ringName: 'inner' | 'outer', colour: string): string {
  const { R, palette, options } = f;
  const labels = labelPlan(ring, R, options.showDegreeLabels);
  const display = spreadLongitudes(
    chart.positions.map((p) => ({ key: p.body, longitude: p.longitude })),
    minSeparationDeg(ring, labels),
  );
  let leaders = '';
  let glyphs = '';
  const tickWidth = fmt(Math.max(0.8, R * 0.004));
  for (const p of chart.positions) {
    const shown = display.get(p.body) as number;
    const body: Body = p.body;
    const trueEnd = at(f, ring.marker, p.longitude);
    leaders += line(at(f, ring.outer, p.longitude), trueEnd, { stroke: colour, 'stroke-width': tickWidth });
    leaders += line(trueEnd, at(f, ring.glyph + ring.glyphSize * 0.62, shown), {
      stroke: palette.muted,
      'stroke-width': fmt(Math.max(0.6, R * 0.0025)),
      'data-leader-for': body,
      'data-ring': ringName,
    });
    leaders += circleEl(trueEnd, Math.max(1, R * 0.006), {
      fill: colour,
      'data-role': 'true-degree',
      'data-body': body,
      'data-ring': ringName,
      'data-longitude': fmtLongitude(p.longitude),
    });
    const centre = at(f, ring.glyph, shown);
    let content = el('title', {}, escapeXml(bodyLabel(p, chart)));
    content += circleEl(centre, (ring.glyphSize * R) / 2, {
      fill: palette.background,
      'fill-opacity': '0',
      'data-role': 'glyph-anchor',
    });
    content += glyph(BODY_GLYPHS[body], centre, ring.glyphSize * R, colour, palette.background);
    if (labels) {
      const z = zodiacDegree(p.longitude);
      const font = labels.font * R;
      content += text(f, at(f, labels.degrees, shown), `${z.degrees}°`, font, colour, { 'data-role': 'label' });
      content += el(
        'g',
        { 'data-role': 'label' },
        glyph(SIGN_GLYPHS[z.sign], at(f, labels.sign, shown), labels.signSize * R, signColour(palette, z.sign), null),
      );
      if (labels.minutes !== null) {
        content += text(f, at(f, labels.minutes, shown), `${String(z.minutes).padStart(2, '0')}′`, font, colour, {
          'data-role': 'label',
        });
      }
    }
    if (p.retrograde) {
      content += el(
        'g',
        { 'data-role': 'label', 'data-mark': 'retrograde' },
        glyph(RETROGRADE_GLYPH, at(f, ring.retrograde, shown), ring.retrogradeSize * R, palette.aspect.hard, null),
      );
    }
    glyphs += el(
      'g',
      {
        'data-body': body,
        'data-ring': ringName,
        'data-longitude': fmtLongitude(p.longitude),
        'data-display-longitude': fmtLongitude(shown),
        'data-retrograde': String(p.retrograde),
      },
      content,
    );
  }
  return el('g', { 'data-role': `bodies-${ringName}` }, el('g', { 'data-role': 'leaders' }, leaders) + glyphs);
}

function angles(f: Frame, chart: Chart): string {
  const h = chart.houses;
  if (!h) return '';
  const { R, palette, layout, size } = f;
  const list = [
    { name: 'ASC', longitude: h.ascendant },
    { name: 'MC', longitude: h.midheaven },
    { name: 'DSC', longitude: h.descendant },
    { name: 'IC', longitude: h.imumCoeli },
  ];
  const font = size * 0.02;
  const labelRadius = 1 + (size * 0.036) / R;
  const spread = spreadLongitudes(
    list.map((a) => ({ key: a.name, longitude: a.longitude })),
    ((font * 3.4) / (labelRadius * R)) * (180 / Math.PI),
  );
  let out = '';
  for (const a of list) {
    const stroke = { stroke: palette.angle, 'stroke-width': fmt(Math.max(1.4, R * 0.009)), 'stroke-linecap': 'round' };
    out += line(at(f, layout.aspect, a.longitude), at(f, layout.zodiacInner, a.longitude), {
      ...stroke,
      'data-angle': a.name,
      'data-longitude': fmtLongitude(a.longitude),
    });
    out += line(at(f, 1, a.longitude), at(f, 1 + (size * 0.014) / R, a.longitude), stroke);
    const c = at(f, labelRadius, spread.get(a.name) as number);
    out += text(f, { x: c.x, y: c.y - font * 0.55 }, a.name, font, palette.angle, { 'font-weight': 'bold' });
    out += text(f, { x: c.x, y: c.y + font * 0.6 }, formatDegreesMinutes(zodiacDegree(a.longitude)), font * 0.85, palette.angle);
  }
  return el('g', { 'data-role': 'angles' }, out);
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
 * @param outer optional second chart (transits, a partner) drawn in a ring outside the first:
 *   only its positions are drawn.
 * @returns the SVG text; byte-identical for the same input.
 * @throws ValidationError naming the bad option (`options.size`, …) or chart field.
 */
export function renderWheelSvg(chart: Chart, options: WheelOptions = {}, outer?: Chart): string {
  const resolved = resolveWheelOptions(options);
  checkChart(chart, 'chart');
  if (outer) checkChart(outer, 'outer');
  const layout = outer ? BI_LAYOUT : SINGLE_LAYOUT;
  const size = resolved.size;
  const f: Frame = {
    size,
    cx: size / 2,
    cy: size / 2,
    R: size / 2 - layout.marginFraction * size,
    reference: chart.houses ? norm360(chart.houses.ascendant) : 0,
    layout,
    palette: PALETTES[resolved.theme],
    options: resolved,
  };
  const drawn = aspectsToDraw(chart, resolved);
  const titleId = `${resolved.idPrefix}-title`;
  const descId = `${resolved.idPrefix}-desc`;
  let body = el('title', { id: titleId }, escapeXml(wheelTitle(chart, outer, resolved)));
  body += el('desc', { id: descId }, escapeXml(wheelDescription(chart, outer, drawn, resolved)));
  body += el('rect', { width: size, height: size, fill: f.palette.background });
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

