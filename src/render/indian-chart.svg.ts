/**
 * The two square charts of Jyotish as standalone SVG documents, pure functions of the chart (no
 * I/O, no clock, no random ids: the same input gives byte-identical output).
 *
 * - NORTH_INDIAN: the houses are fixed and the signs move. The square is cut by its diagonals and
 *   by the diamond joining the midpoints of its sides into twelve cells; house 1 (the lagna) is the
 *   top central diamond and the houses run counter-clockwise from it (2 and 3 top left, 4 the left
 *   diamond, 7 the bottom diamond, 10 the right diamond). Each house shows its sign's number (1 =
 *   Aries … 12 = Pisces) near the centre.
 * - SOUTH_INDIAN: the signs are fixed and the houses move: a 4 × 4 grid whose twelve outer cells
 *   hold Pisces, Aries, Taurus, Gemini along the top and go clockwise (Cancer, Leo down the right,
 *   Virgo … Sagittarius along the bottom from the right, Capricorn, Aquarius up the left); the
 *   lagna's sign is marked by a diagonal stroke across its top-left corner and the label "Asc".
 * Houses are whole signs from the lagna (the ascendant's sign). The chart is drawn in the zodiac it
 * was computed in: pass a sidereal chart for Jyotish. Bodies are labelled with the usual two-letter
 * abbreviations (Su Mo Ma Me Ju Ve Sa Ra Ke; Ur Ne Pl and the rest likewise), the degree within the
 * sign and "R" when retrograde. When the chart has a lunar node but no SOUTH_NODE, Ketu is drawn
 * opposite it. A chart without houses is drawn with Aries as house 1 (NORTH_INDIAN) or without the
 * lagna mark (SOUTH_INDIAN), and says so in a caption.
 */
import { ValidationError } from '../errors.js';
import { SIGNS, type Body, type Chart, type Sign } from '../ephemeris/types.js';
import { FONT_FAMILY, glyph } from './frame.js';
import { fmt, norm360, type Point } from './geometry.js';
import { SIGN_GLYPHS } from './glyphs.js';
import { signName } from './names.js';
import { el, escapeXml } from './svg.js';
import { PALETTES, signColour, type WheelPalette } from './themes.js';
import { resolveWheelOptions, type WheelOptions } from './wheel.options.js';

export const INDIAN_CHART_STYLES = ['NORTH_INDIAN', 'SOUTH_INDIAN'] as const;
export type IndianChartStyle = (typeof INDIAN_CHART_STYLES)[number];

const ABBREVIATIONS: Readonly<Record<Body, string>> = {
  SUN: 'Su', MOON: 'Mo', MARS: 'Ma', MERCURY: 'Me', JUPITER: 'Ju', VENUS: 'Ve', SATURN: 'Sa', URANUS: 'Ur', NEPTUNE: 'Ne',
  PLUTO: 'Pl', MEAN_NODE: 'Ra', TRUE_NODE: 'Ra', SOUTH_NODE: 'Ke', MEAN_LILITH: 'Li', OSCULATING_LILITH: 'Li', CHIRON: 'Ch',
  PHOLUS: 'Ph', CERES: 'Ce', PALLAS: 'Pa', JUNO: 'Jn', VESTA: 'Vs',
};

interface Label { key: string; text: string; longitude: number }

function checkChart(chart: Chart): void {
  if (!chart || !Array.isArray(chart.positions)) throw new ValidationError('chart', 'chart must be a chart with positions');
  chart.positions.forEach((p, i) => {
    if (!Number.isFinite(p.longitude)) throw new ValidationError(`chart.positions[${i}].longitude`, 'longitude must be a finite number of degrees');
  });
  if (chart.houses && !Number.isFinite(chart.houses.ascendant)) throw new ValidationError('chart.houses.ascendant', 'the ascendant must be finite');
}

function signIndex(longitude: number): number {
  return Math.floor(norm360(longitude) / 30) % 12;
}

/** Body labels by sign index, in zodiacal order inside each sign; Ketu added opposite a lone node. */
function labelsBySign(chart: Chart, showDegrees: boolean): Label[][] {
  const labels: Label[] = chart.positions.map((p) => ({
    key: p.body,
    text: `${ABBREVIATIONS[p.body]}${showDegrees ? ` ${Math.floor(norm360(p.longitude) % 30)}°` : ''}${p.retrograde && p.body !== 'MEAN_NODE' && p.body !== 'TRUE_NODE' && p.body !== 'SOUTH_NODE' ? ' R' : ''}`,
    longitude: norm360(p.longitude),
  }));
  const node = chart.positions.find((p) => p.body === 'MEAN_NODE' || p.body === 'TRUE_NODE');
  if (node && !chart.positions.some((p) => p.body === 'SOUTH_NODE')) {
    const lon = norm360(node.longitude + 180);
    labels.push({ key: 'KETU', text: `Ke${showDegrees ? ` ${Math.floor(lon % 30)}°` : ''}`, longitude: lon });
  }
  const out: Label[][] = Array.from({ length: 12 }, () => []);
  for (const l of labels) out[signIndex(l.longitude)].push(l);
  for (const list of out) list.sort((a, b) => a.longitude - b.longitude || a.key.localeCompare(b.key));
  return out;
}

/** Stacked labels centred on `c`, in one or two columns to fit `height` px. */
function labelBlock(labels: Label[], c: Point, height: number, width: number, basePx: number, palette: WheelPalette, sign: Sign): string {
  if (labels.length === 0) return '';
  const columns = labels.length > 4 ? 2 : 1;
  const rows = Math.ceil(labels.length / columns);
  const fontPx = Math.min(basePx, (height * 0.9) / (rows + 0.5), (width * 0.9) / (columns * 4.2));
  const lineH = fontPx * 1.2;
  const colW = width / (columns + 0.6);
  let out = '';
  labels.forEach((l, i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x = c.x + (col - (columns - 1) / 2) * colW;
    const y = c.y + (row - (rows - 1) / 2) * lineH;
    out += el('text', {
      x: fmt(x), y: fmt(y), 'font-size': fmt(fontPx), fill: palette.ink, 'text-anchor': 'middle', 'dominant-baseline': 'central',
      'data-body': l.key, 'data-sign': sign,
    }, escapeXml(l.text));
  });
  return out;
}

function polygon(points: Point[], palette: WheelPalette, extra: Record<string, string | number | undefined>): string {
  return el('polygon', { points: points.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' '), fill: palette.houseRingFill, stroke: palette.ink, 'stroke-width': '1.2', ...extra });
}

function centroid(points: Point[]): Point {
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

function describeChart(style: IndianChartStyle, lagna: number | null, bySign: Label[][]): string {
  const parts: string[] = [`${style === 'NORTH_INDIAN' ? 'North' : 'South'} Indian chart.`];
  parts.push(lagna === null ? 'No ascendant (no birth place).' : `Lagna ${signName(SIGNS[lagna])}.`);
  for (let h = 0; h < 12; h++) {
    const s = ((lagna ?? 0) + h) % 12;
    if (bySign[s].length) parts.push(`${lagna === null ? '' : `House ${h + 1}, `}${signName(SIGNS[s])}: ${bySign[s].map((l) => l.text).join(', ')}.`);
  }
  return parts.join(' ');
}

/**
 * Renders a chart as a North or South Indian square chart (SVG text, no XML declaration).
 * @param options size (300–2000 px), theme, title, idPrefix, showDegreeLabels as for the wheel
 *   (`resolveWheelOptions`); the aspect options are ignored.
 * @throws ValidationError naming the bad option (`size`, `style` …, relative to the options) or chart field
 */
export function renderIndianChartSvg(chart: Chart, style: IndianChartStyle, options: WheelOptions = {}): string {
  if (!(INDIAN_CHART_STYLES as readonly string[]).includes(style)) {
    throw new ValidationError('style', `options.style must be one of ${INDIAN_CHART_STYLES.join(', ')}`);
  }
  const o = resolveWheelOptions(options);
  checkChart(chart);
  const palette = PALETTES[o.theme];
  const size = o.size;
  const m = size * 0.06;
  const side = size - 2 * m;
  const lagna = chart.houses ? signIndex(chart.houses.ascendant) : null;
  const bySign = labelsBySign(chart, o.showDegreeLabels);
  const font = size * 0.032;
  let body = '';
  const titleId = `${o.idPrefix}-title`;
  const descId = `${o.idPrefix}-desc`;
  body += el('title', { id: titleId }, escapeXml(o.title ?? (style === 'NORTH_INDIAN' ? 'North Indian chart' : 'South Indian chart')));
  body += el('desc', { id: descId }, escapeXml(describeChart(style, lagna, bySign)));
  body += el('rect', { width: size, height: size, fill: palette.background });

  if (style === 'NORTH_INDIAN') {
    const x0 = m, y0 = m, x1 = m + side, y1 = m + side, cx = size / 2, cy = size / 2;
    const TL = { x: x0, y: y0 }, TR = { x: x1, y: y0 }, BR = { x: x1, y: y1 }, BL = { x: x0, y: y1 };
    const T = { x: cx, y: y0 }, R = { x: x1, y: cy }, B = { x: cx, y: y1 }, L = { x: x0, y: cy }, C = { x: cx, y: cy };
    const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    const pTL = mid(TL, C), pTR = mid(TR, C), pBR = mid(BR, C), pBL = mid(BL, C);
    const cells: Point[][] = [
      [T, pTL, C, pTR], [TL, T, pTL], [TL, pTL, L], [L, pTL, C, pBL], [L, pBL, BL], [BL, pBL, B],
      [B, pBL, C, pBR], [B, pBR, BR], [BR, pBR, R], [R, pBR, C, pTR], [R, pTR, TR], [TR, pTR, T],
    ];
    cells.forEach((cell, h) => {
      const s = ((lagna ?? 0) + h) % 12;
      const diamond = cell.length === 4;
      const c = centroid(cell);
      // the sign number sits in the cell's corner nearest the centre of the chart, the bodies in its middle
      const inner = cell.reduce((best, p) => (Math.hypot(p.x - C.x, p.y - C.y) < Math.hypot(best.x - C.x, best.y - C.y) ? p : best));
      const numberAt = { x: inner.x + (c.x - inner.x) * 0.4, y: inner.y + (c.y - inner.y) * 0.4 };
      const labelAt = diamond ? { x: c.x + (c.x - C.x) * 0.15, y: c.y + (c.y - C.y) * 0.15 } : c;
      let g = polygon(cell, palette, { 'data-role': 'house' });
      g += el('text', { x: fmt(numberAt.x), y: fmt(numberAt.y), 'font-size': fmt(font * 0.8), fill: signColour(palette, SIGNS[s]), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'data-role': 'sign-number' }, String(s + 1));
      g += labelBlock(bySign[s], labelAt, side * (diamond ? 0.2 : 0.14), side * (diamond ? 0.26 : 0.2), font, palette, SIGNS[s]);
      body += el('g', { 'data-house': h + 1, 'data-sign': SIGNS[s] }, g);
    });
  } else {
    const cell = side / 4;
    const positions: [number, number][] = [[0, 1], [0, 2], [0, 3], [1, 3], [2, 3], [3, 3], [3, 2], [3, 1], [3, 0], [2, 0], [1, 0], [0, 0]]; // Aries … Pisces
    positions.forEach(([row, col], s) => {
      const x = m + col * cell, y = m + row * cell;
      const pts = [{ x, y }, { x: x + cell, y }, { x: x + cell, y: y + cell }, { x, y: y + cell }];
      let g = polygon(pts, palette, { 'data-role': 'sign' });
      g += glyph(SIGN_GLYPHS[SIGNS[s]], { x: x + cell * 0.85, y: y + cell * 0.14 }, cell * 0.15, signColour(palette, SIGNS[s]), null);
      const list = [...bySign[s]];
      if (lagna === s) {
        g += el('line', { x1: fmt(x), y1: fmt(y + cell * 0.28), x2: fmt(x + cell * 0.28), y2: fmt(y), stroke: palette.angle, 'stroke-width': '2', 'data-role': 'lagna' });
        list.unshift({ key: 'ASCENDANT', text: 'Asc', longitude: -1 });
      }
      const house = lagna === null ? undefined : ((s - lagna + 12) % 12) + 1;
      g += labelBlock(list, { x: x + cell / 2, y: y + cell * 0.56 }, cell * 0.68, cell * 0.92, font, palette, SIGNS[s]);
      body += el('g', { 'data-sign': SIGNS[s], 'data-house': house }, g);
    });
    body += el('rect', { x: fmt(m + cell), y: fmt(m + cell), width: fmt(2 * cell), height: fmt(2 * cell), fill: palette.background, stroke: palette.ink, 'stroke-width': '1.2' });
    body += el('text', { x: fmt(size / 2), y: fmt(size / 2), 'font-size': fmt(font), fill: palette.muted, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, escapeXml(o.title ?? 'Rasi'));
  }
  if (lagna === null) {
    body += el('text', { x: fmt(m), y: fmt(size - m * 0.35), 'font-size': fmt(size * 0.022), fill: palette.muted, 'data-role': 'caption' },
      escapeXml(style === 'NORTH_INDIAN' ? 'No ascendant: Aries drawn as house 1' : 'No ascendant: lagna not marked'));
  }
  return el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width: size, height: size, viewBox: `0 0 ${size} ${size}`, role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, 'font-family': FONT_FAMILY, 'data-style': style, 'data-theme': o.theme,
    ...(lagna === null ? {} : { 'data-lagna': SIGNS[lagna] }),
  }, body);
}
