/**
 * What the browser test reads back from a rendered wheel: a script evaluated in the page (plain
 * JavaScript text, so this file needs no DOM typings) and the shape of its result.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MeasuredBody {
  body: string;
  ring: string;
  longitude: number;
  displayLongitude: number;
  retrograde: boolean;
  /** Centre of the glyph's anchor circle, page px. */
  anchor: { x: number; y: number; diameter: number };
  /** Bounding box of the drawn glyph paths, page px. */
  glyphBox: Box;
  /** Boxes of the labels: degrees, sign glyph, minutes, retrograde mark. */
  labelBoxes: Box[];
  hasRetrogradeMark: boolean;
}

export interface MeasuredWheel {
  svgBox: Box;
  centre: { x: number; y: number };
  referenceLongitude: number;
  bodies: MeasuredBody[];
  trueDegrees: { body: string; ring: string; longitude: number; x: number; y: number }[];
  leaders: { body: string; ring: string; x1: number; y1: number }[];
  signGlyphs: number;
  houseNumbers: number[];
  /** Outer ends (page px) of the ASC/MC/DSC/IC axes with their longitudes, in drawing order. */
  angleEnds: { name: string; longitude: number; x: number; y: number }[];
  /** Boxes of the angle labels in the margin: names, degrees and sign glyphs. */
  angleLabelBoxes: Box[];
  aspectLines: { type: string; family: string; stroke: string }[];
  /** Bi-wheels: the outer chart's cusp and angle ticks (outer end, page px). */
  outerTicks: { cusp: number | null; angle: string | null; longitude: number; x: number; y: number }[];
  /** Bi-wheels: the inner–outer aspect lines (ends, page px: x1/y1 at the inner point, x2/y2 at the outer one). */
  crossLines: { type: string; inner: string; outer: string; x1: number; y1: number; x2: number; y2: number }[];
  title: string;
  /** The drawn title (`text[data-role=title]`): its text and box, page px; null when none is drawn. */
  drawnTitle: { text: string; box: Box } | null;
  /** Outer radius of the zodiac ring, page px. */
  radius: number;
  desc: string;
  role: string | null;
  labelledBy: string[];
}

/** Evaluated in the page; returns a MeasuredWheel. */
export const MEASURE_SCRIPT = `(() => {
  const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const svg = document.querySelector('svg');
  const s = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const k = s.width / vb.width;
  const centre = { x: s.x + Number(svg.dataset.centerX) * k, y: s.y + Number(svg.dataset.centerY) * k };
  const bodies = [...svg.querySelectorAll('g[data-body]')].map((g) => {
    const a = g.querySelector('circle[data-role="glyph-anchor"]').getBoundingClientRect();
    const glyph = g.querySelector('circle[data-role="glyph-anchor"] + g').getBoundingClientRect();
    return {
      body: g.dataset.body,
      ring: g.dataset.ring,
      longitude: Number(g.dataset.longitude),
      displayLongitude: Number(g.dataset.displayLongitude),
      retrograde: g.dataset.retrograde === 'true',
      anchor: { x: a.x + a.width / 2, y: a.y + a.height / 2, diameter: a.width },
      glyphBox: box(glyph),
      labelBoxes: [...g.querySelectorAll('[data-role="label"]')].map((t) => box(t.getBoundingClientRect())),
      hasRetrogradeMark: g.querySelector('[data-mark="retrograde"]') !== null,
    };
  });
  const trueDegrees = [...svg.querySelectorAll('circle[data-role="true-degree"]')].map((c) => {
    const r = c.getBoundingClientRect();
    return { body: c.dataset.body, ring: c.dataset.ring, longitude: Number(c.dataset.longitude), x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const ctm = svg.getScreenCTM();
  const leaders = [...svg.querySelectorAll('line[data-leader-for]')].map((l) => {
    const p = svg.createSVGPoint();
    p.x = l.x1.baseVal.value; p.y = l.y1.baseVal.value;
    const q = p.matrixTransform(ctm);
    return { body: l.dataset.leaderFor, ring: l.dataset.ring, x1: q.x, y1: q.y };
  });
  return {
    svgBox: box(s),
    centre,
    referenceLongitude: Number(svg.dataset.referenceLongitude),
    bodies,
    trueDegrees,
    leaders,
    signGlyphs: svg.querySelectorAll('g[data-sign]').length,
    houseNumbers: [...svg.querySelectorAll('text[data-house]')].map((t) => Number(t.textContent)),
    angleEnds: [...svg.querySelectorAll('line[data-angle]')].map((l) => {
      const p = svg.createSVGPoint();
      p.x = l.x2.baseVal.value; p.y = l.y2.baseVal.value;
      const q = p.matrixTransform(ctm);
      return { name: l.dataset.angle, longitude: Number(l.dataset.longitude), x: q.x, y: q.y };
    }),
    angleLabelBoxes: [...svg.querySelectorAll('g[data-role="angles"] > text, g[data-role="angle-sign"]')].map((t) => box(t.getBoundingClientRect())),
    aspectLines: [...svg.querySelectorAll('line[data-aspect]')].map((l) => ({ type: l.dataset.aspect, family: l.dataset.family, stroke: l.getAttribute('stroke') })),
    outerTicks: [...svg.querySelectorAll('line[data-outer-cusp], line[data-outer-angle]')].map((l) => {
      const p = svg.createSVGPoint();
      p.x = l.x2.baseVal.value; p.y = l.y2.baseVal.value;
      const q = p.matrixTransform(ctm);
      return { cusp: l.dataset.outerCusp ? Number(l.dataset.outerCusp) : null, angle: l.dataset.outerAngle || null, longitude: Number(l.dataset.longitude), x: q.x, y: q.y };
    }),
    crossLines: [...svg.querySelectorAll('line[data-cross-aspect]')].map((l) => {
      const a = svg.createSVGPoint(); a.x = l.x1.baseVal.value; a.y = l.y1.baseVal.value;
      const b = svg.createSVGPoint(); b.x = l.x2.baseVal.value; b.y = l.y2.baseVal.value;
      const p = a.matrixTransform(ctm); const q = b.matrixTransform(ctm);
      return { type: l.dataset.crossAspect, inner: l.dataset.inner, outer: l.dataset.outer, x1: p.x, y1: p.y, x2: q.x, y2: q.y };
    }),
    title: svg.querySelector(':scope > title').textContent,
    drawnTitle: (() => {
      const t = svg.querySelector('text[data-role="title"]');
      return t ? { text: t.textContent, box: box(t.getBoundingClientRect()) } : null;
    })(),
    radius: Number(svg.dataset.radius) * k,
    desc: svg.querySelector(':scope > desc').textContent,
    role: svg.getAttribute('role'),
    labelledBy: (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean),
  };
})()`;

/** Angle (degrees, counter-clockwise from +x, [0, 360)) of a page point seen from the centre. */
export function pageAngle(centre: { x: number; y: number }, p: { x: number; y: number }): number {
  const a = (Math.atan2(-(p.y - centre.y), p.x - centre.x) * 180) / Math.PI;
  return ((a % 360) + 360) % 360;
}

/** Signed smallest difference a − b in degrees, (−180, 180]. */
export function angleDiff(a: number, b: number): number {
  const d = (((a - b) % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

/** True when two boxes overlap by more than `slackPx` in both directions. */
export function boxesOverlap(a: Box, b: Box, slackPx: number): boolean {
  return (
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > slackPx &&
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > slackPx
  );
}
