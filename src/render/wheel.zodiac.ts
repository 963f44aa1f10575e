/** The zodiac ring: sign sectors with their glyphs (coloured by element) and 1°/5°/10° ticks. */
import { SIGNS } from '../ephemeris/types.js';
import { at, circleEl, glyph, line, type Frame } from './frame.js';
import { fmt } from './geometry.js';
import { SIGN_GLYPHS } from './glyphs.js';
import { el, escapeXml } from './svg.js';
import { signColour } from './themes.js';

/** Draws the zodiac ring. */
export function zodiacRing(f: Frame): string {
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
