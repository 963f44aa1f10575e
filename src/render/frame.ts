/**
 * The drawing frame of a wheel (centre, radius, orientation, palette) and the small SVG element
 * helpers every part of the wheel uses. All coordinates go through `fmt` (stable text).
 */
import { fmt, polar, screenAngle, type Point } from './geometry.js';
import type { GlyphPaths } from './glyphs.js';
import type { WheelLayout } from './layout.js';
import { el, escapeXml } from './svg.js';
import type { WheelPalette } from './themes.js';
import type { ResolvedWheelOptions } from './wheel.options.js';

/** Text font: DejaVu Sans (Debian's default) with common fallbacks; only digits, °, ′ and Latin letters are drawn as text. */
export const FONT_FAMILY = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
/** Width of a label like "29°" or "42′" (DejaVu Sans digits are 0.64 em) and its box height, em. */
export const LABEL_WIDTH_EM = 1.8;
export const LABEL_HEIGHT_EM = 1.2;

/** Everything a part of the wheel needs to place itself. */
export interface Frame {
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

/** Screen point at `radiusFraction` × R and ecliptic `longitude` (degrees), in the wheel's orientation. */
export function at(f: Frame, radiusFraction: number, longitude: number): Point {
  return polar(f.cx, f.cy, radiusFraction * f.R, screenAngle(longitude, f.reference));
}

/** A `<line>` from a to b with extra attributes. */
export function line(a: Point, b: Point, extra: Record<string, string | number | undefined>): string {
  return el('line', { x1: fmt(a.x), y1: fmt(a.y), x2: fmt(b.x), y2: fmt(b.y), ...extra });
}

/** A `<circle>` centred on c, radius r px, with extra attributes. */
export function circleEl(c: Point, r: number, extra: Record<string, string | number | undefined>): string {
  return el('circle', { cx: fmt(c.x), cy: fmt(c.y), r: fmt(r), ...extra });
}

/** A glyph drawn at `centre`, `sidePx` wide; optional halo in the background colour for legibility. */
export function glyph(paths: GlyphPaths, centre: Point, sidePx: number, colour: string, halo: string | null): string {
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

/** Upright centred text with a halo in the background colour (legible over lines). */
export function text(
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
