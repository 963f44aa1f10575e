/**
 * A ring of body glyphs: each glyph at its (spread-apart) display longitude with a leader line to
 * a dot at its true degree, and its labels stacked towards the centre (degrees, sign, minutes,
 * retrograde mark).
 */
import type { Body, Chart, Position } from '../ephemeris/types.js';
import { at, circleEl, glyph, line, text, LABEL_HEIGHT_EM, LABEL_WIDTH_EM, type Frame } from './frame.js';
import { fmt, fmtLongitude, zodiacDegree } from './geometry.js';
import { BODY_GLYPHS, RETROGRADE_GLYPH, SIGN_GLYPHS } from './glyphs.js';
import type { BodyRingLayout } from './layout.js';
import { pointName } from './names.js';
import { spreadLongitudes } from './spread.js';
import { el, escapeXml } from './svg.js';
import { signColour } from './themes.js';
import { describeLongitude } from './wheel.text.js';

/** Below this label font size (px) the labels go compact: larger degrees and sign, no minutes. */
export const COMPACT_LABEL_FONT_PX = 6.5;

/** Where and how big a ring's labels are drawn (radii and sizes as fractions of R). */
export interface LabelPlan {
  readonly degrees: number;
  readonly font: number;
  readonly sign: number;
  readonly signSize: number;
  /** Radius of the minutes label, or null in compact mode. */
  readonly minutes: number | null;
}

/** The label plan of a ring at radius R px: full, compact (small fonts) or none. */
export function labelPlan(ring: BodyRingLayout, R: number, show: boolean): LabelPlan | null {
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
export function minSeparationDeg(ring: BodyRingLayout, labels: LabelPlan | null): number {
  const radians = [(ring.glyphSize * 1.12) / ring.glyph];
  if (labels) {
    const diagonal = labels.font * Math.hypot(LABEL_WIDTH_EM, LABEL_HEIGHT_EM) * 1.05;
    radians.push(diagonal / (labels.minutes ?? labels.degrees), (labels.signSize * 1.15) / labels.sign);
  }
  return (Math.max(...radians) * 180) / Math.PI;
}

/** Tooltip text of a body glyph: "Sun 25°06′ Capricorn, house 9". */
export function bodyLabel(p: Position, chart: Chart): string {
  const parts = [`${pointName(p.body)} ${describeLongitude(p.longitude)}`];
  if (p.retrograde) parts.push('retrograde');
  if (p.house !== null && chart.houses) parts.push(`house ${p.house}`);
  return parts.join(', ');
}

/** Draws one chart's bodies in the given ring (`inner` for the chart, `outer` for a bi-wheel's other chart). */
export function bodyRing(f: Frame, chart: Chart, ring: BodyRingLayout, ringName: 'inner' | 'outer', colour: string): string {
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
