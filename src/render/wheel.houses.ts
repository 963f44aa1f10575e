/** Houses and angles: the house-number ring, cusp lines, and the ASC/MC/DSC/IC axes with labels. */
import type { Chart } from '../ephemeris/types.js';
import { at, circleEl, glyph, line, text, type Frame } from './frame.js';
import { fmt, fmtLongitude, formatDegreesMinutes, norm360, zodiacDegree } from './geometry.js';
import { SIGN_GLYPHS } from './glyphs.js';
import { spreadLongitudes } from './spread.js';
import { el } from './svg.js';
import { signColour } from './themes.js';

/** Rough DejaVu Sans advance widths (em) of the characters in a degree label: digits, ° and ′. */
function degreeLabelWidthEm(label: string): number {
  let em = 0;
  for (const ch of label) em += ch === '°' ? 0.5 : ch === '′' ? 0.3 : 0.64;
  return em;
}

/** Draws the house-number ring, the cusps and the aspect circle (the circle also without houses). */
export function houseRing(f: Frame, chart: Chart): string {
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

/** Draws the four angles: thick axes and their labels (name and degree) in the margin. */
export function angles(f: Frame, chart: Chart): string {
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
    // Second line: "4°38′" followed by the sign glyph, centred together under the name.
    const z = zodiacDegree(a.longitude);
    const degrees = formatDegreesMinutes(z);
    const degreeFont = font * 0.85;
    const textWidth = degreeLabelWidthEm(degrees) * degreeFont;
    const signSide = degreeFont * 1.1;
    const gap = degreeFont * 0.2;
    const width = textWidth + gap + signSide;
    // Centred under the name, but kept inside the picture (ASC/DSC labels sit near its edges).
    const edge = font * 0.2;
    const left = Math.min(Math.max(c.x - width / 2, edge), size - edge - width);
    const y = c.y + font * 0.6;
    out += text(f, { x: left + textWidth / 2, y }, degrees, degreeFont, palette.angle);
    out += el(
      'g',
      { 'data-role': 'angle-sign', 'data-angle-sign': z.sign },
      glyph(SIGN_GLYPHS[z.sign], { x: left + textWidth + gap + signSide / 2, y }, signSide, signColour(palette, z.sign), null),
    );
  }
  return el('g', { 'data-role': 'angles' }, out);
}
