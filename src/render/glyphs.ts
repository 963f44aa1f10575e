/**
 * Glyphs drawn as SVG paths (no fonts, no network): the twelve zodiac signs, the 21 bodies of
 * `ephemeris/types.ts` and the retrograde mark. Our own drawings, in a 20 × 20 box centred on the
 * origin (x right, y down, coordinates in [-10, 10]); the renderer scales them with a transform.
 * `stroke` paths are drawn as 1.6-unit lines without fill; `fill` paths are filled solid.
 */
import type { Body, Sign } from '../ephemeris/types.js';

export interface GlyphPaths {
  /** Path data stroked without fill. */
  readonly stroke: string;
  /** Path data filled solid (dots, solid crescents); may be empty. */
  readonly fill: string;
}

/** A full circle as path data (two half arcs), centre (cx, cy), radius r, glyph units. */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

const NODE_STROKE = `M-4.5 4.6C-10 0-9.5-9 0-9C9.5-9 10 0 4.5 4.6${circle(-5, 6.9, 2.3)}${circle(5, 6.9, 2.3)}`;
const SOUTH_NODE_STROKE = `M-4.5-4.6C-10 0-9.5 9 0 9C9.5 9 10 0 4.5-4.6${circle(-5, -6.9, 2.3)}${circle(5, -6.9, 2.3)}`;
const LILITH_CRESCENT = 'M3.2-9.9A6 6 0 1 0 3.2 1.9A7 7 0 0 1 3.2-9.9Z';
const LILITH_CROSS = 'M0 1.4L0 10M-3.5 6.4L3.5 6.4';
const THREE_HUMPS =
  'M-9.5-6.5C-8.5-8-7-8-7-5.5L-7 7M-7-4C-7-7.5-2.5-8-2.5-4.5L-2.5 7M-2.5-4C-2.5-7.5 2-8 2-4.5';

/** Sign glyphs, keyed by sign. */
export const SIGN_GLYPHS: Readonly<Record<Sign, GlyphPaths>> = {
  ARIES: {
    stroke:
      'M0 9L0-1C0-6-2-9-5-9C-8-9-9.5-6.5-9-4C-8.6-2-7.5-1-6.5-0.5M0-1C0-6 2-9 5-9C8-9 9.5-6.5 9-4C8.6-2 7.5-1 6.5-0.5',
    fill: '',
  },
  TAURUS: { stroke: `${circle(0, 3.5, 5.5)}M-9-9C-8-4.5-4.5-2 0-2C4.5-2 8-4.5 9-9`, fill: '' },
  GEMINI: { stroke: 'M-8-8.5Q0-5.5 8-8.5M-8 8.5Q0 5.5 8 8.5M-3.5-6.9L-3.5 6.9M3.5-6.9L3.5 6.9', fill: '' },
  CANCER: {
    stroke: `${circle(-5, -3.5, 2.6)}M-5-6.1C0-9 6-8.5 9.5-4.5${circle(5, 3.5, 2.6)}M5 6.1C0 9-6 8.5-9.5 4.5`,
    fill: '',
  },
  LEO: {
    stroke: `${circle(-5.5, 4.5, 3)}M-2.5 4.5C-2.5 1-6-2-6-5.5C-6-8.5-3-10 0-10C3-10 5.5-8 5.5-5C5.5-1 2 2 2 5.5C2 8 4 9.5 6 9.5C7.5 9.5 8.7 8.7 9.3 7.5`,
    fill: '',
  },
  VIRGO: { stroke: `${THREE_HUMPS}L2 4M2-1C5-4 9-3 9 1C9 5 5 8 1 10`, fill: '' },
  LIBRA: {
    stroke: 'M-9 8L9 8M-9 4L-4 4C-6.5 2-6.5-1.5-5-4C-4-6-2-7 0-7C2-7 4-6 5-4C6.5-1.5 6.5 2 4 4L9 4',
    fill: '',
  },
  SCORPIO: { stroke: `${THREE_HUMPS}L2 6C2 8.5 4 9.5 6 8L9.5 4.5M6 4.3L9.5 4.5L9.7 8`, fill: '' },
  SAGITTARIUS: { stroke: 'M-8.5 8.5L8.5-8.5M0.5-8.5L8.5-8.5L8.5-0.5M-6-1L1 6', fill: '' },
  CAPRICORN: {
    stroke:
      'M-9.5-6C-8-8-6.5-7-6-4L-3 7L0.5-5C1.5-8.5 4-8 4-5L4 5C4 8.5 7 9.5 8.5 7.5C10 5.5 8.5 2.5 6.5 3C4.5 3.5 3 6.5 1.5 9.5',
    fill: '',
  },
  AQUARIUS: {
    stroke: 'M-9-1.5L-6-4.5L-3-1.5L0-4.5L3-1.5L6-4.5L9-1.5M-9 5.5L-6 2.5L-3 5.5L0 2.5L3 5.5L6 2.5L9 5.5',
    fill: '',
  },
  PISCES: { stroke: 'M-7.5-9C-2.5-5-2.5 5-7.5 9M7.5-9C2.5-5 2.5 5 7.5 9M-6 0L6 0', fill: '' },
};

/** Body glyphs, keyed by body. */
export const BODY_GLYPHS: Readonly<Record<Body, GlyphPaths>> = {
  SUN: { stroke: circle(0, 0, 8.5), fill: circle(0, 0, 1.8) },
  MOON: { stroke: 'M5.5-9.3A9.5 9.5 0 1 0 5.5 9.3A11 11 0 0 1 5.5-9.3Z', fill: '' },
  MERCURY: {
    stroke: `${circle(0, -1, 4.2)}M-4.5-9.5A4.5 4.5 0 0 0 4.5-9.5M0 3.2L0 10M-3.5 6.8L3.5 6.8`,
    fill: '',
  },
  VENUS: { stroke: `${circle(0, -3.5, 5.5)}M0 2L0 10M-4 6.2L4 6.2`, fill: '' },
  MARS: { stroke: `${circle(-2.5, 2.5, 5.5)}M1.4-1.4L9-9M3-9L9-9L9-3`, fill: '' },
  JUPITER: { stroke: 'M-7.5-6.5C-6-9.5-1-10-1-5.5C-1-1.5-5 1.5-8 3.5L9 3.5M4.5-9L4.5 9.5', fill: '' },
  SATURN: {
    stroke: 'M-5-10L-5 6M-8.5-6.5L-1.5-6.5M-5-0.5C-3-4 3.5-4 3.5 0.5C3.5 3.5 0.5 5 0.5 7.5C0.5 9.5 2.5 10.2 4.5 8.5',
    fill: '',
  },
  URANUS: { stroke: `M-6.5-9L-6.5 1M6.5-9L6.5 1M-6.5-4L6.5-4M0-9L0 3.5${circle(0, 6.5, 3)}`, fill: '' },
  NEPTUNE: {
    stroke:
      'M-7.5-8C-7.5-1-4 1.5 0 1.5C4 1.5 7.5-1 7.5-8M0-9.5L0 10M-4 6L4 6M-9.2-5.8L-7.5-8.5L-5.8-5.8M5.8-5.8L7.5-8.5L9.2-5.8M-1.7-7.2L0-9.8L1.7-7.2',
    fill: '',
  },
  PLUTO: { stroke: `M-6.5-8A6.5 6.5 0 0 0 6.5-8${circle(0, -7, 2.6)}M0-1.5L0 10M-4 5L4 5`, fill: '' },
  MEAN_NODE: { stroke: NODE_STROKE, fill: '' },
  TRUE_NODE: { stroke: NODE_STROKE, fill: circle(0, -1.5, 1.3) },
  SOUTH_NODE: { stroke: SOUTH_NODE_STROKE, fill: '' },
  MEAN_LILITH: { stroke: LILITH_CRESCENT + LILITH_CROSS, fill: '' },
  OSCULATING_LILITH: { stroke: LILITH_CROSS, fill: LILITH_CRESCENT },
  CHIRON: { stroke: `${circle(0, 6.2, 3.5)}M0 2.7L0-10M6-10L0-4L5.5 0.5`, fill: '' },
  PHOLUS: {
    stroke: `${circle(0, 6.5, 3)}M0 3.5L0-9M-6-9C-6-5-3-3 0-3C3-3 6-5 6-9M-6-9L6-9`,
    fill: '',
  },
  CERES: { stroke: 'M-4-8A5 5 0 1 1 0 0L0 10M-4 5.5L4 5.5', fill: '' },
  PALLAS: { stroke: 'M0-10L5.5-4L0 2L-5.5-4ZM0 2L0 10M-4 6.5L4 6.5', fill: '' },
  JUNO: { stroke: 'M0-10.5L0 10M-4.8-7.8L4.8-2.2M-4.8-2.2L4.8-7.8M-4 6L4 6', fill: '' },
  VESTA: {
    stroke: 'M-8-1L0 7L8-1M-8 9.5L8 9.5M0-1C-3-4-1.5-6.5 0-10C1.5-6.5 3-4 0-1',
    fill: '',
  },
};

/** The retrograde mark (an R with a crossed tail), same 20 × 20 box. */
export const RETROGRADE_GLYPH: GlyphPaths = {
  stroke: 'M-5.5 9L-5.5-8.5L0-8.5C4.5-8.5 4.5-0.5 0-0.5L-5.5-0.5M-1-0.5L7.5 9.5M2 9.5L7.5 3.5',
  fill: '',
};
