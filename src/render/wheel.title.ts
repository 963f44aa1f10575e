/**
 * The caller's title drawn at the top of the wheel: a band above the usual margin (the wheel
 * shrinks by the band's height, so nothing else moves into it), one line of text centred in it,
 * shortened with "…" when its estimated width exceeds the picture, and clipped to the picture's
 * inner width by a `<clipPath>` as well, so no font makes it spill out.
 */
import { fmt } from './geometry.js';
import { el, escapeXml } from './svg.js';
import type { WheelPalette } from './themes.js';

/** Title font size as a fraction of the picture side; the band is twice as high. */
const TITLE_FONT_FRACTION = 0.03;
/** Left and right padding of the title, as a fraction of the picture side. */
const TITLE_PAD_FRACTION = 0.02;

/** Height (px) of the title band at the top of a picture of side `size`; 0 without a title. */
export function titleBandPx(size: number, title: string | null): number {
  return title ? 2 * TITLE_FONT_FRACTION * size : 0;
}

/**
 * Estimated advance width (em) of a text in DejaVu Sans, erring wide: narrow punctuation 0.4,
 * space 0.32, lower-case letters and digits 0.64 (m and w 0.98), upper case 0.78 (M and W 1.0),
 * anything outside Latin (CJK, emoji, …) 1.0.
 */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.32;
    else if (/[.,:;'!|il()[\]]/.test(ch)) em += 0.4;
    else if (ch === 'm' || ch === 'w') em += 0.98;
    else if (ch === 'M' || ch === 'W') em += 1.0;
    else if (/[A-Z]/.test(ch)) em += 0.78;
    else if (/[\p{Ll}\p{Nd}]/u.test(ch) && ch.codePointAt(0)! < 0x250) em += 0.64;
    else em += 1.0;
  }
  return em;
}

/** `text` itself when it fits `maxEm`, else its longest prefix (whole code points) followed by "…" that does. */
export function ellipsize(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && textWidthEm(chars.slice(0, n).join('').trimEnd() + '…') > maxEm) n -= 1;
  return chars.slice(0, n).join('').trimEnd() + '…';
}

/** The `<g data-role="title">` with its clip path; empty without a title. */
export function titleBand(size: number, title: string | null, palette: WheelPalette, idPrefix: string): string {
  if (!title) return '';
  const font = TITLE_FONT_FRACTION * size;
  const pad = TITLE_PAD_FRACTION * size;
  const band = titleBandPx(size, title);
  const shown = ellipsize(title, (size - 2 * pad) / font);
  const clipId = `${idPrefix}-title-clip`;
  const clip = el('clipPath', { id: clipId }, el('rect', { x: fmt(pad), y: 0, width: fmt(size - 2 * pad), height: fmt(band) }));
  const label = el(
    'text',
    {
      x: fmt(size / 2),
      y: fmt(band / 2),
      'font-size': fmt(font),
      'font-weight': 'bold',
      fill: palette.ink,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      'clip-path': `url(#${clipId})`,
      'data-role': 'title',
      'data-full-title': shown === title ? undefined : title,
    },
    escapeXml(shown),
  );
  return el('defs', {}, clip) + label;
}
