/**
 * Chart wheels in real headless Chromium (Debian's /usr/bin/chromium via playwright-core): each
 * wheel loads without console errors, every body glyph sits at its longitude's angle relative to
 * the reference (Ascendant on the left), the leader line ends at the true degree, no two glyphs or
 * labels of a ring overlap, and a PNG screenshot is saved under test-output/wheels/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { renderWheelSvg } from '../../src/render/index.js';
import { wheelCases } from './wheel.cases.js';
import { MEASURE_SCRIPT, angleDiff, boxesOverlap, pageAngle, type MeasuredWheel } from './wheel.measure.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT_DIR = join(process.cwd(), 'test-output', 'wheels');
const available = existsSync(CHROMIUM);
const run = available || Boolean(process.env.CI);
if (!run) {
  console.warn(`wheel browser test skipped: ${CHROMIUM} is missing (apt-get install chromium); it always runs when CI is set`);
}

/** Smallest angular distance between the shown glyphs of one ring, degrees. */
function closestSpacing(m: MeasuredWheel, ring: string): number {
  const shown = m.bodies.filter((b) => b.ring === ring).map((b) => b.displayLongitude);
  let closest = 360;
  for (let i = 0; i < shown.length; i += 1) {
    for (let j = i + 1; j < shown.length; j += 1) closest = Math.min(closest, Math.abs(angleDiff(shown[i], shown[j])));
  }
  return closest;
}

/** Tolerances, degrees: where a glyph/true-degree dot is drawn vs where it should be. */
const GLYPH_TOLERANCE_DEG = 0.5;
const TRUE_DEGREE_TOLERANCE_DEG = 0.3;

describe.skipIf(!run)('chart wheel in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const c of wheelCases()) {
    it(`${c.name}: glyphs at their longitudes, no console errors, screenshot saved`, async () => {
      const svg = renderWheelSvg(c.chart, c.options, c.outer);
      const size = c.options.size ?? 600;
      const page = await browser.newPage({ viewport: { width: size + 40, height: size + 40 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== 'about:blank') errors.push(`network request: ${r.url()}`);
      });
      try {
        await page.setContent(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${c.name}</title></head>` +
            `<body style="margin:20px;background:#888">${svg}</body></html>`,
        );
        const m = await page.evaluate<MeasuredWheel>(MEASURE_SCRIPT);
        await page.locator('svg').screenshot({ path: join(OUT_DIR, `${c.name}.png`) });
        expect(errors).toEqual([]);

        // The picture: size, accessibility.
        expect(m.svgBox.width).toBeCloseTo(size, 1);
        expect(m.centre.x).toBeCloseTo(m.svgBox.x + size / 2, 1);
        expect(m.role).toBe('img');
        expect(m.labelledBy).toHaveLength(2);
        expect(m.title.length).toBeGreaterThan(5);
        for (const p of [...c.chart.positions, ...(c.outer?.positions ?? [])]) {
          expect(m.desc).toContain(p.body.charAt(0) + p.body.slice(1).toLowerCase().split('_')[0]);
        }
        expect(m.signGlyphs).toBe(12);

        // The title: drawn (as text, not markup) inside the picture's width and above the wheel,
        // shortened with "…" only when it does not fit; without a title option nothing is drawn.
        if (c.options.title) {
          const t = m.drawnTitle;
          expect(t, 'drawn title').not.toBeNull();
          if (t) {
            expect(t.box.x, 'title left edge').toBeGreaterThanOrEqual(m.svgBox.x);
            expect(t.box.x + t.box.width, 'title right edge').toBeLessThanOrEqual(m.svgBox.x + m.svgBox.width);
            expect(t.box.y, 'title top edge').toBeGreaterThanOrEqual(m.svgBox.y);
            expect(t.box.y + t.box.height, 'title above the zodiac ring').toBeLessThanOrEqual(m.centre.y - m.radius);
            for (const b of m.angleLabelBoxes) expect(boxesOverlap(t.box, b, 0.5), 'title over an angle label').toBe(false);
            if (c.name.includes('long')) expect(t.text.endsWith('…'), 'the over-wide title is shortened').toBe(true);
            if (t.text.endsWith('…')) {
              expect(c.options.title.startsWith(t.text.slice(0, -1).trimEnd())).toBe(true);
              expect(t.box.width, 'a shortened title uses most of the width').toBeGreaterThan(m.svgBox.width * 0.6);
            } else {
              expect(t.text).toBe(c.options.title);
            }
            expect(m.title).toBe(c.options.title);
          }
        } else {
          expect(m.drawnTitle).toBeNull();
        }

        // Orientation: Ascendant (or 0° Aries) on the left.
        const reference = c.chart.houses ? c.chart.houses.ascendant : 0;
        expect(Math.abs(angleDiff(m.referenceLongitude, reference))).toBeLessThan(1e-5);
        if (c.chart.houses) {
          expect(m.houseNumbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
          expect(m.angleEnds.map((e) => e.name)).toEqual(['ASC', 'MC', 'DSC', 'IC']);
          if (c.expectFallback) expect(c.chart.houses.system).not.toBe(c.chart.houses.requestedSystem);
          // The axes: ASC exactly on the left, the others at their longitudes relative to it.
          const h = c.chart.houses;
          const wanted: Record<string, number> = { ASC: h.ascendant, MC: h.midheaven, DSC: h.descendant, IC: h.imumCoeli };
          for (const end of m.angleEnds) {
            expect(Math.abs(angleDiff(end.longitude, wanted[end.name] ?? Number.NaN))).toBeLessThan(1e-5);
            const drawnAt = pageAngle(m.centre, end);
            expect(Math.abs(angleDiff(drawnAt, 180 + end.longitude - reference)), `${end.name} axis`).toBeLessThan(TRUE_DEGREE_TOLERANCE_DEG);
          }
          const asc = m.angleEnds.find((e) => e.name === 'ASC');
          expect(Math.abs(angleDiff(pageAngle(m.centre, asc ?? { x: 0, y: 0 }), 180))).toBeLessThan(TRUE_DEGREE_TOLERANCE_DEG);
          // The angle labels (names, degrees, sign glyphs) stay inside the picture.
          expect(m.angleLabelBoxes).toHaveLength(12);
          for (const b of m.angleLabelBoxes) {
            expect(b.x, 'angle label left edge').toBeGreaterThanOrEqual(m.svgBox.x);
            expect(b.y, 'angle label top edge').toBeGreaterThanOrEqual(m.svgBox.y);
            expect(b.x + b.width, 'angle label right edge').toBeLessThanOrEqual(m.svgBox.x + m.svgBox.width);
            expect(b.y + b.height, 'angle label bottom edge').toBeLessThanOrEqual(m.svgBox.y + m.svgBox.height);
          }
        } else {
          expect(m.houseNumbers).toEqual([]);
        }

        // Every body drawn once per ring, at the right angle.
        const expected = [
          ...c.chart.positions.map((p) => ({ ...p, ring: 'inner' })),
          ...(c.outer?.positions ?? []).map((p) => ({ ...p, ring: 'outer' })),
        ];
        expect(m.bodies).toHaveLength(expected.length);
        let worstGlyph = 0;
        let worstTrue = 0;
        let worstDisplacement = 0;
        for (const p of expected) {
          const g = m.bodies.find((b) => b.body === p.body && b.ring === p.ring);
          expect(g, `${p.ring} ${p.body}`).toBeDefined();
          if (!g) continue;
          expect(Math.abs(angleDiff(g.longitude, p.longitude))).toBeLessThan(1e-5);
          expect(g.retrograde).toBe(p.retrograde);
          expect(g.hasRetrogradeMark).toBe(p.retrograde);
          // The glyph is drawn at its display longitude…
          const glyphAngle = pageAngle(m.centre, g.anchor);
          const glyphError = Math.abs(angleDiff(glyphAngle, 180 + g.displayLongitude - reference));
          worstGlyph = Math.max(worstGlyph, glyphError);
          expect(glyphError, `${p.body} glyph angle`).toBeLessThan(GLYPH_TOLERANCE_DEG);
          // …the drawing is centred on the anchor…
          const gx = g.glyphBox.x + g.glyphBox.width / 2;
          const gy = g.glyphBox.y + g.glyphBox.height / 2;
          expect(Math.hypot(gx - g.anchor.x, gy - g.anchor.y), `${p.body} glyph centred`).toBeLessThan(g.anchor.diameter * 0.3);
          // …a body is displaced only when packed against a neighbour (at the ring's closest
          // spacing), and by at most 40°.
          const displacement = Math.abs(angleDiff(g.displayLongitude, p.longitude));
          worstDisplacement = Math.max(worstDisplacement, displacement);
          const ringMates = m.bodies.filter((b) => b.ring === p.ring && b.body !== p.body);
          const nearestShown = Math.min(...ringMates.map((b) => Math.abs(angleDiff(b.displayLongitude, g.displayLongitude))));
          if (displacement > 1e-6) {
            expect(nearestShown, `${p.body} displaced but not packed`).toBeLessThan(closestSpacing(m, p.ring) + 1e-3);
          }
          expect(displacement, `${p.body} displacement`).toBeLessThan(40);
          // The leader line ends at the true degree.
          const dot = m.trueDegrees.find((t) => t.body === p.body && t.ring === p.ring);
          expect(dot, `${p.body} true-degree dot`).toBeDefined();
          if (!dot) continue;
          const trueError = Math.abs(angleDiff(pageAngle(m.centre, dot), 180 + p.longitude - reference));
          worstTrue = Math.max(worstTrue, trueError);
          expect(trueError, `${p.body} true degree`).toBeLessThan(TRUE_DEGREE_TOLERANCE_DEG);
          const leader = m.leaders.find((l) => l.body === p.body && l.ring === p.ring);
          expect(leader).toBeDefined();
          expect(Math.hypot((leader?.x1 ?? 0) - dot.x, (leader?.y1 ?? 0) - dot.y)).toBeLessThan(0.5);
        }

        // Legibility: within a ring, no glyphs overlap and no labels of different bodies overlap.
        for (const ring of ['inner', 'outer']) {
          const inRing = m.bodies.filter((b) => b.ring === ring);
          for (let i = 0; i < inRing.length; i += 1) {
            for (let j = i + 1; j < inRing.length; j += 1) {
              const a = inRing[i];
              const b = inRing[j];
              const distance = Math.hypot(a.anchor.x - b.anchor.x, a.anchor.y - b.anchor.y);
              expect(distance, `${a.body}/${b.body} glyphs apart`).toBeGreaterThan(a.anchor.diameter * 0.95);
              for (const la of [a.glyphBox, ...a.labelBoxes]) {
                for (const lb of [b.glyphBox, ...b.labelBoxes]) {
                  expect(boxesOverlap(la, lb, 0.5), `${a.body}/${b.body} labels overlap`).toBe(false);
                }
              }
            }
          }
        }

        // Bi-wheels: the outer chart's cusps and angles as ticks at their longitudes, and the
        // inner–outer aspect lines from the inner point's degree to the outer point's, each listed
        // in the text alternative.
        const outerHouses = c.outer?.houses;
        if (outerHouses) {
          expect(m.outerTicks.filter((t) => t.cusp !== null).map((t) => t.cusp)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
          expect(m.outerTicks.filter((t) => t.angle !== null).map((t) => t.angle)).toEqual(['ASC', 'MC', 'DSC', 'IC']);
          const wanted = [...outerHouses.cusps, outerHouses.ascendant, outerHouses.midheaven, outerHouses.descendant, outerHouses.imumCoeli];
          m.outerTicks.forEach((t, i) => {
            expect(Math.abs(angleDiff(t.longitude, wanted[i]))).toBeLessThan(1e-5);
            expect(Math.abs(angleDiff(pageAngle(m.centre, t), 180 + t.longitude - reference)), `outer tick ${i}`).toBeLessThan(TRUE_DEGREE_TOLERANCE_DEG);
          });
        } else {
          expect(m.outerTicks).toEqual([]);
        }
        if (c.outer) {
          const longitudeOf = (chart: typeof c.chart, point: string) =>
            point === 'ASCENDANT' ? chart.houses?.ascendant : point === 'MIDHEAVEN' ? chart.houses?.midheaven : chart.positions.find((p) => p.body === point)?.longitude;
          if (c.name.startsWith('synastry')) expect(m.crossLines.length).toBeGreaterThan(5);
          for (const l of m.crossLines) {
            const a = longitudeOf(c.chart, l.inner) ?? Number.NaN;
            const b = longitudeOf(c.outer, l.outer) ?? Number.NaN;
            expect(Math.abs(angleDiff(pageAngle(m.centre, { x: l.x1, y: l.y1 }), 180 + a - reference)), `${l.inner} end`).toBeLessThan(TRUE_DEGREE_TOLERANCE_DEG);
            expect(Math.abs(angleDiff(pageAngle(m.centre, { x: l.x2, y: l.y2 }), 180 + b - reference)), `${l.outer} end`).toBeLessThan(TRUE_DEGREE_TOLERANCE_DEG);
            const name = (p: string) => p.charAt(0) + p.slice(1).toLowerCase().replace(/_(\w)/g, (_, w: string) => ` ${w.toUpperCase()}`);
            expect(m.desc).toContain(`${c.options.outerLabel ?? 'Outer'} ${name(l.outer)} ${l.type.toLowerCase()} ${c.options.innerLabel ?? 'Natal'} ${name(l.inner)} (orb`);
          }
        } else {
          expect(m.crossLines).toEqual([]);
        }

        // Aspect lines are coloured by family.
        const strokes = new Map<string, Set<string>>();
        for (const a of m.aspectLines) {
          if (!strokes.has(a.family)) strokes.set(a.family, new Set());
          strokes.get(a.family)?.add(a.stroke);
        }
        for (const set of strokes.values()) expect(set.size).toBe(1);
        const colours = [...strokes.values()].map((s) => [...s][0]);
        expect(new Set(colours).size).toBe(colours.length);

        console.log(
          `${c.name}: worst glyph angle error ${worstGlyph.toFixed(3)}°, true-degree error ${worstTrue.toFixed(3)}°, ` +
            `largest spread displacement ${worstDisplacement.toFixed(2)}°`,
        );
      } finally {
        await page.close();
      }
    });
  }
});
