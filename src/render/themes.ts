/**
 * Colours of the light and dark wheel themes. Sign glyphs are coloured by element (fire, earth,
 * air, water); aspect lines by family. Contrast of `ink` on `background` is above 12:1 in both.
 */
import type { Sign } from '../ephemeris/types.js';
import type { WheelTheme } from './wheel.options.js';
import type { AspectFamily } from './aspect-families.js';

export interface WheelPalette {
  readonly background: string;
  /** Main lines and the inner chart's glyphs. */
  readonly ink: string;
  /** Secondary lines (ticks, house cusps) and labels. */
  readonly muted: string;
  /** Fill of the zodiac ring. */
  readonly ringFill: string;
  /** Fill of the house-number ring. */
  readonly houseRingFill: string;
  /** Glyphs of the outer chart of a bi-wheel. */
  readonly outerInk: string;
  /** The four angles. */
  readonly angle: string;
  readonly element: Readonly<Record<'fire' | 'earth' | 'air' | 'water', string>>;
  readonly aspect: Readonly<Record<AspectFamily, string>>;
}

export const PALETTES: Readonly<Record<WheelTheme, WheelPalette>> = {
  light: {
    background: '#ffffff',
    ink: '#1b1b2f',
    muted: '#6b6b80',
    ringFill: '#f4f1ea',
    houseRingFill: '#f7f7fa',
    outerInk: '#0b6e75',
    angle: '#7a1f3d',
    element: { fire: '#c0392b', earth: '#2e7d32', air: '#a66f00', water: '#1f5fa8' },
    aspect: { hard: '#d0312d', soft: '#1f6fd1', minor: '#2e8b57' },
  },
  dark: {
    background: '#12131c',
    ink: '#ecebf5',
    muted: '#9c9bb3',
    ringFill: '#1e2030',
    houseRingFill: '#191a27',
    outerInk: '#5fd3d9',
    angle: '#f28bb0',
    element: { fire: '#ff7a6b', earth: '#7fd18b', air: '#f2c14e', water: '#7fb2ff' },
    aspect: { hard: '#ff6b6b', soft: '#6fa8ff', minor: '#7bd88f' },
  },
};

const ELEMENT_OF_SIGN: Readonly<Record<Sign, keyof WheelPalette['element']>> = {
  ARIES: 'fire', LEO: 'fire', SAGITTARIUS: 'fire',
  TAURUS: 'earth', VIRGO: 'earth', CAPRICORN: 'earth',
  GEMINI: 'air', LIBRA: 'air', AQUARIUS: 'air',
  CANCER: 'water', SCORPIO: 'water', PISCES: 'water',
};

/** Colour of a sign glyph in a palette (by the sign's element). */
export function signColour(palette: WheelPalette, sign: Sign): string {
  return palette.element[ELEMENT_OF_SIGN[sign]];
}
