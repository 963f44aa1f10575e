/**
 * Radii of the wheel's rings, as fractions of the zodiac ring's outer radius R, for a single
 * wheel and for a bi-wheel (natal inside, the other chart between natal and zodiac).
 * Sizes of glyphs and fonts are fractions of R too, so every picture size looks the same.
 */

/** Where one chart's bodies and their labels go. */
export interface BodyRingLayout {
  /** Outer edge of the band (the true-degree tick starts here). */
  readonly outer: number;
  /** Inner end of the true-degree tick; the leader line starts here. */
  readonly marker: number;
  /** Centre radius of the body glyphs. */
  readonly glyph: number;
  /** Side of a body glyph. */
  readonly glyphSize: number;
  /** Centre radii of the stacked labels: degrees, sign glyph, minutes, retrograde mark. */
  readonly degrees: number;
  readonly sign: number;
  readonly minutes: number;
  readonly retrograde: number;
  /** Label font size, sign-glyph side and retrograde-mark side. */
  readonly font: number;
  readonly signSize: number;
  readonly retrogradeSize: number;
  /** Inner edge of the band. */
  readonly inner: number;
}

export interface WheelLayout {
  /** Picture margin around the zodiac ring, as a fraction of the picture size. */
  readonly marginFraction: number;
  readonly zodiacInner: number;
  readonly signGlyph: number;
  readonly signGlyphSize: number;
  /** Lengths of the 1°, 5° and 10° ticks, measured outwards from zodiacInner. */
  readonly ticks: readonly [number, number, number];
  /** Body bands: [inner chart] or [inner chart, outer chart]. */
  readonly rings: readonly BodyRingLayout[];
  readonly houseOuter: number;
  readonly houseNumber: number;
  readonly houseFont: number;
  /** Radius of the aspect circle (= inner edge of the house-number ring). */
  readonly aspect: number;
}

export const SINGLE_LAYOUT: WheelLayout = {
  marginFraction: 0.075,
  zodiacInner: 0.84,
  signGlyph: 0.92,
  signGlyphSize: 0.085,
  ticks: [0.016, 0.028, 0.04],
  rings: [
    {
      outer: 0.84, marker: 0.815, glyph: 0.745, glyphSize: 0.08,
      degrees: 0.672, sign: 0.617, minutes: 0.562, retrograde: 0.508,
      font: 0.036, signSize: 0.038, retrogradeSize: 0.03, inner: 0.49,
    },
  ],
  houseOuter: 0.49,
  houseNumber: 0.455,
  houseFont: 0.042,
  aspect: 0.42,
};

export const BI_LAYOUT: WheelLayout = {
  marginFraction: 0.075,
  zodiacInner: 0.87,
  signGlyph: 0.935,
  signGlyphSize: 0.07,
  ticks: [0.013, 0.022, 0.032],
  rings: [
    {
      outer: 0.59, marker: 0.57, glyph: 0.527, glyphSize: 0.062,
      degrees: 0.466, sign: 0.42, minutes: 0.374, retrograde: 0.332,
      font: 0.03, signSize: 0.03, retrogradeSize: 0.026, inner: 0.315,
    },
    {
      outer: 0.87, marker: 0.85, glyph: 0.8, glyphSize: 0.062,
      degrees: 0.739, sign: 0.693, minutes: 0.647, retrograde: 0.605,
      font: 0.03, signSize: 0.03, retrogradeSize: 0.026, inner: 0.59,
    },
  ],
  houseOuter: 0.315,
  houseNumber: 0.288,
  houseFont: 0.032,
  aspect: 0.262,
};
