/**
 * The SVG wheel renderer without a browser: option validation, determinism, accessibility,
 * escaping, orientation (Ascendant on the left, longitudes counter-clockwise), house fallback
 * caption, retrograde marks, aspect colouring by family, bi-wheel rings, well-formed markup.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { renderWheelSvg, type WheelOptions } from '../../src/render/index.js';
import { PALETTES } from '../../src/render/themes.js';
import { ellipsize, textWidthEm } from '../../src/render/wheel.title.js';
import { fmt } from '../../src/render/geometry.js';
import { assertWellFormed, groupInner } from '../helpers/svg.js';
import { makeChart, ordinaryChart, polarChart, signOf, stelliumChart, transitChart } from './wheel.fixtures.js';

/** Attributes of every element matching `selector` (an attribute that must be present). */
function elementsWith(svg: string, attribute: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of svg.matchAll(/<(\w+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)) {
    const attrs: Record<string, string> = { tag: m[1] };
    for (const a of m[2].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    if (attribute in attrs) out.push(attrs);
  }
  return out;
}

function expectValidationError(options: WheelOptions, field: string): void {
  try {
    renderWheelSvg(ordinaryChart(), options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    return;
  }
  throw new Error(`expected a ValidationError on ${field}`);
}

function anchorOf(svg: string, body: string, ring = 'inner'): { x: number; y: number } {
  const start = svg.indexOf(`<g data-body="${body}" data-ring="${ring}"`);
  expect(start, `${ring} ${body} drawn`).toBeGreaterThanOrEqual(0);
  const circle = /<circle cx="([\d.-]+)" cy="([\d.-]+)"[^>]*data-role="glyph-anchor"/.exec(svg.slice(start));
  expect(circle).not.toBeNull();
  return { x: Number(circle?.[1]), y: Number(circle?.[2]) };
}

describe('renderWheelSvg options', () => {
  it('accepts sizes 300 and 2000 and sets width, height and viewBox', () => {
    for (const size of [300, 2000]) {
      const svg = renderWheelSvg(ordinaryChart(), { size });
      expect(svg).toContain(`width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"`);
    }
  });

  it('rejects bad options with a ValidationError naming the option', () => {
    expectValidationError({ size: 299 }, 'size');
    expectValidationError({ size: 2001 }, 'size');
    expectValidationError({ size: 600.5 }, 'size');
    expectValidationError({ size: '600' as unknown as number }, 'size');
    expectValidationError({ theme: 'blue' as 'light' }, 'theme');
    expectValidationError({ aspectTypes: ['TRINE', 'FOO' as 'TRINE'] }, 'aspectTypes');
    expectValidationError({ idPrefix: '1wheel' }, 'idPrefix');
    expectValidationError({ idPrefix: 'a b' }, 'idPrefix');
    expectValidationError({ title: 'x'.repeat(201) }, 'title');
    expectValidationError({ showAspects: 'yes' as unknown as boolean }, 'showAspects');
  });

  it('rejects a chart with a non-finite longitude, naming the field', () => {
    const chart = ordinaryChart();
    chart.positions[2].longitude = Number.NaN;
    expect(() => renderWheelSvg(chart, {})).toThrow(ValidationError);
    try {
      renderWheelSvg(chart, {});
    } catch (error) {
      expect((error as ValidationError).field).toBe('chart.positions[2].longitude');
    }
  });
});

describe('renderWheelSvg output', () => {
  it('is deterministic: the same input gives byte-identical output', () => {
    const a = renderWheelSvg(ordinaryChart(), { size: 640, theme: 'dark' }, transitChart());
    const b = renderWheelSvg(ordinaryChart(), { size: 640, theme: 'dark' }, transitChart());
    expect(a).toBe(b);
    expect(a).not.toMatch(/-0\.00[^\d]/);
    expect(a).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('has a well-formedness check that catches broken markup', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><g a="1"></g><text>a < b</text></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><g a="1"></g><text>a &lt; b</text></svg>')).not.toThrow();
    expect(() => assertWellFormed('<svg><g a="1">stray</g></svg>')).toThrow();
  });

  it('is well-formed markup for every fixture and theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      assertWellFormed(renderWheelSvg(ordinaryChart(), { theme }));
      assertWellFormed(renderWheelSvg(polarChart(), { theme }));
      assertWellFormed(renderWheelSvg(stelliumChart(), { theme, size: 300 }));
      assertWellFormed(renderWheelSvg(stelliumChart(), { theme }, transitChart()));
    }
  });

  it('is accessible: role img, labelled by its title and description listing every position', () => {
    const chart = ordinaryChart();
    const svg = renderWheelSvg(chart, { idPrefix: 'natal-1' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="natal-1-title natal-1-desc"');
    expect(svg).toContain('<title id="natal-1-title">Chart wheel for 1990-01-15T13:30:00Z</title>');
    const desc = /<desc id="natal-1-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    // Sun 295.1° = 25°06′ Capricorn; Mercury retrograde (speed < 0); houses from the fixture.
    expect(desc).toContain('Sun 25°06′ Capricorn, house 9');
    expect(desc).toContain('Mercury 6°18′ Capricorn, retrograde, house 8');
    expect(desc).toContain('Mean Node 14°36′ Aquarius');
    expect(desc).toContain('Placidus houses. Ascendant 2°18′ Gemini, Midheaven 11°06′ Aquarius');
    for (const p of chart.positions) {
      const name = p.body.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
      expect(desc).toMatch(new RegExp(`${name} \\d+°\\d\\d′ [A-Z][a-z]+`));
    }
    expect(desc).toMatch(/Aspects: .*Sun conjunction Venus \(orb 3\.7°\)/);
  });

  it('escapes user text in the title', () => {
    const svg = renderWheelSvg(ordinaryChart(), { title: 'Ada <b>& "Bob"</b>' });
    expect(svg).toContain('Ada &lt;b&gt;&amp; &quot;Bob&quot;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('draws the title above the wheel, escaped, and moves the wheel down to make room', () => {
    const plain = renderWheelSvg(ordinaryChart(), { size: 600 });
    expect(plain).not.toContain('data-role="title"');
    const svg = renderWheelSvg(ordinaryChart(), { size: 600, title: 'Ada <b>& "Bob"</b>' });
    const drawn = /<text([^>]*)data-role="title"[^>]*>([^<]*)<\/text>/.exec(svg);
    expect(drawn?.[2]).toBe('Ada &lt;b&gt;&amp; &quot;Bob&quot;&lt;/b&gt;');
    assertWellFormed(svg);
    const num = (s: string, name: string) => Number(new RegExp(`${name}="([-0-9.]+)"`).exec(s)?.[1]);
    // Band of 2 × 3 % of 600 = 36 px: centre 18 px lower, radius 18 px smaller, the ring's top at
    // the usual margin (45 px) below the band; its bottom where it was.
    expect(num(svg, 'data-center-y')).toBeCloseTo(num(plain, 'data-center-y') + 18, 6);
    expect(num(svg, 'data-radius')).toBeCloseTo(num(plain, 'data-radius') - 18, 6);
    expect(num(svg, 'data-center-y') - num(svg, 'data-radius')).toBeCloseTo(36 + 45, 6);
    expect(num(svg, 'data-center-y') + num(svg, 'data-radius')).toBeCloseTo(num(plain, 'data-center-y') + num(plain, 'data-radius'), 6);
    expect(num(drawn?.[1] ?? '', 'y')).toBeCloseTo(18, 6);
  });

  it('shortens a title wider than the picture with "…" and clips it to the picture width', () => {
    const title = `${'Wide MMWW title '.repeat(11)}end`;
    for (const size of [300, 600, 2000]) {
      const svg = renderWheelSvg(ordinaryChart(), { size, title, idPrefix: 'w1' });
      const shown = /data-role="title"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? '';
      const font = 0.03 * size;
      const available = size - 2 * 0.02 * size;
      expect(textWidthEm(shown) * font, `${size}px: estimated width`).toBeLessThanOrEqual(available);
      if (textWidthEm(title) * font > available) {
        expect(shown.endsWith('…')).toBe(true);
        expect(title.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
        // One more character would not have fitted: the cut is as late as it can be.
        let j = shown.length - 1;
        while (title[j] === ' ') j += 1;
        const next = title.slice(0, j + 1) + '…';
        expect(textWidthEm(next) * font).toBeGreaterThan(available);
        expect(svg).toContain(`data-full-title="${title}"`);
      } else {
        expect(shown).toBe(title);
      }
      expect(svg).toContain(`<clipPath id="w1-title-clip"><rect x="${fmt(0.02 * size)}" y="0" width="${fmt(available)}"`);
      expect(svg).toContain('clip-path="url(#w1-title-clip)"');
    }
    // The estimate errs wide: DejaVu Sans' widest Latin letters are about 1 em.
    expect(textWidthEm('MW')).toBe(2);
    expect(ellipsize('short', 10)).toBe('short');
    expect(ellipsize('x'.repeat(40), 5)).toMatch(/^x+…$/);
  });

  it('refuses control characters and lone surrogates in user text', () => {
    expectValidationError({ title: 'a\u0000b' }, 'title');
    expectValidationError({ title: 'line\nbreak' }, 'title');
    expectValidationError({ innerLabel: 'x\ud800' }, 'innerLabel');
    expect(() => renderWheelSvg(ordinaryChart(), { title: 'Ünïcödé ☉ 日本' })).not.toThrow();
  });

  it('puts the Ascendant on the left and longitudes counter-clockwise', () => {
    // Bodies 90° apart, with the Ascendant at 100°: a body at the Ascendant is on the left,
    // 90° later (counter-clockwise) at the bottom, 180° later on the right, 270° later on top.
    const chart = makeChart(
      '2000-01-01T00:00:00Z',
      [['SUN', 100, 1], ['MOON', 190, 13], ['MARS', 280, 0.5], ['JUPITER', 10, 0.1]],
      { ascendant: 100, midheaven: 10 },
    );
    const svg = renderWheelSvg(chart, { size: 600 });
    const c = 300;
    const sun = anchorOf(svg, 'SUN');
    const moon = anchorOf(svg, 'MOON');
    const mars = anchorOf(svg, 'MARS');
    const jupiter = anchorOf(svg, 'JUPITER');
    expect(sun.y).toBeCloseTo(c, 1);
    expect(sun.x).toBeLessThan(c - 100);
    expect(moon.x).toBeCloseTo(c, 1);
    expect(moon.y).toBeGreaterThan(c + 100);
    expect(mars.y).toBeCloseTo(c, 1);
    expect(mars.x).toBeGreaterThan(c + 100);
    expect(jupiter.x).toBeCloseTo(c, 1);
    expect(jupiter.y).toBeLessThan(c - 100);
    expect(svg).toContain('data-reference-longitude="100.000000"');
  });

  it('puts 0° Aries on the left when the chart has no houses', () => {
    const chart = makeChart('2000-01-01T00:00:00Z', [['SUN', 0, 1], ['MOON', 90, 13]], null);
    const svg = renderWheelSvg(chart, { size: 600 });
    expect(anchorOf(svg, 'SUN').y).toBeCloseTo(300, 1);
    expect(anchorOf(svg, 'SUN').x).toBeLessThan(200);
    expect(anchorOf(svg, 'MOON').y).toBeGreaterThan(400);
    expect(svg).toContain('No houses: 0° Aries on the left');
    expect(elementsWith(svg, 'data-house')).toHaveLength(0);
    expect(elementsWith(svg, 'data-angle')).toHaveLength(0);
  });

  it('draws 12 signs, 12 cusps with numbers 1..12 and the four angles', () => {
    const chart = ordinaryChart();
    const svg = renderWheelSvg(chart, {});
    expect(elementsWith(svg, 'data-sign')).toHaveLength(12);
    expect(elementsWith(svg, 'data-cusp').map((e) => e['data-cusp'])).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    );
    expect(elementsWith(svg, 'data-house')).toHaveLength(12);
    expect(elementsWith(svg, 'data-angle').map((e) => e['data-angle'])).toEqual(['ASC', 'MC', 'DSC', 'IC']);
    expect(svg).toContain('>ASC</text>');
    expect(svg).toContain('>2°18′</text>');
    // Each axis label names its sign (by glyph) after the degrees.
    const h = chart.houses;
    if (!h) throw new Error('fixture has houses');
    expect(elementsWith(svg, 'data-angle-sign').map((e) => e['data-angle-sign'])).toEqual(
      [h.ascendant, h.midheaven, h.descendant, h.imumCoeli].map(signOf),
    );
  });

  it('keeps the angle labels inside the picture with two-digit degrees, ASC and DSC at the edges', () => {
    // 27°54′ is about the widest degree label; ASC is drawn exactly on the left, DSC on the right.
    const chart = makeChart('2000-01-01T00:00:00Z', [['SUN', 100, 1]], { ascendant: 27.9, midheaven: 297.9 });
    for (const size of [300, 600, 2000]) {
      const svg = renderWheelSvg(chart, { size });
      const glyphs = [
        ...svg.matchAll(/data-angle-sign="\w+"><g transform="translate\(([\d.-]+) [\d.-]+\) scale\(([\d.]+)\)"/g),
      ];
      expect(glyphs, `${size} px`).toHaveLength(4);
      for (const [, x, scale] of glyphs) {
        // A glyph is drawn in a 20-unit square centred on its translation.
        const half = 10 * Number(scale);
        expect(Number(x) - half, `${size} px sign glyph left edge`).toBeGreaterThanOrEqual(0);
        expect(Number(x) + half, `${size} px sign glyph right edge`).toBeLessThanOrEqual(size);
      }
    }
  });

  it('marks retrograde bodies and only those', () => {
    const chart = ordinaryChart();
    const svg = renderWheelSvg(chart, {});
    const marks = svg.match(/data-mark="retrograde"/g) ?? [];
    expect(marks.length).toBe(chart.positions.filter((p) => p.retrograde).length);
    expect(marks.length).toBeGreaterThan(0);
    for (const p of chart.positions) expect(svg).toContain(`data-body="${p.body}" data-ring="inner"`);
    expect(elementsWith(svg, 'data-retrograde').filter((e) => e['data-retrograde'] === 'true')).toHaveLength(
      marks.length,
    );
  });

  it('notes the house-system fallback of a polar chart', () => {
    const svg = renderWheelSvg(polarChart(), {});
    expect(svg).toContain('Porphyry houses (Placidus impossible here)');
    expect(svg).toContain('Porphyry houses (Placidus requested but not possible here)');
  });

  it('colours aspect lines by family, filters by type, and can leave them out', () => {
    const chart = ordinaryChart();
    for (const theme of ['light', 'dark'] as const) {
      const lines = elementsWith(renderWheelSvg(chart, { theme }), 'data-aspect');
      expect(lines).toHaveLength(chart.aspects.length);
      for (const l of lines) {
        const family = ['TRINE', 'SEXTILE'].includes(l['data-aspect'])
          ? 'soft'
          : ['CONJUNCTION', 'OPPOSITION', 'SQUARE', 'SEMISQUARE', 'SESQUISQUARE'].includes(l['data-aspect'])
            ? 'hard'
            : 'minor';
        expect(l['data-family']).toBe(family);
        expect(l.stroke).toBe(PALETTES[theme].aspect[family]);
        expect('stroke-dasharray' in l).toBe(family === 'minor');
      }
      expect(new Set(lines.map((l) => l['data-family']))).toEqual(new Set(['hard', 'soft', 'minor']));
    }
    const trines = elementsWith(renderWheelSvg(chart, { aspectTypes: ['TRINE'] }), 'data-aspect');
    expect(trines.length).toBe(chart.aspects.filter((a) => a.type === 'TRINE').length);
    expect(trines.every((l) => l['data-aspect'] === 'TRINE')).toBe(true);
    expect(elementsWith(renderWheelSvg(chart, { showAspects: false }), 'data-aspect')).toHaveLength(0);
  });

  it('uses the theme background', () => {
    expect(renderWheelSvg(ordinaryChart(), { theme: 'dark' })).toContain(`fill="${PALETTES.dark.background}"`);
    expect(renderWheelSvg(ordinaryChart(), { theme: 'light' })).toContain(`fill="${PALETTES.light.background}"`);
  });

  it('draws a bi-wheel: natal inside, the other chart outside, further from the centre', () => {
    const natal = ordinaryChart();
    const transits = transitChart();
    const svg = renderWheelSvg(natal, { size: 800, outerLabel: 'Transits' }, transits);
    expect(elementsWith(svg, 'data-ring').filter((e) => e.tag === 'g' && e['data-ring'] === 'outer')).toHaveLength(
      transits.positions.length,
    );
    const inner = anchorOf(svg, 'SUN', 'inner');
    const outer = anchorOf(svg, 'SUN', 'outer');
    expect(Math.hypot(outer.x - 400, outer.y - 400)).toBeGreaterThan(Math.hypot(inner.x - 400, inner.y - 400) + 50);
    expect(svg).toContain('outside: Transits');
    expect(svg).toContain('Transits chart (outer ring)');
  });

  it("draws a bi-wheel's outer houses as ticks and the inner–outer aspects with their own orbs", () => {
    // Natal Sun 10°, Moon 100°, ASC 40°, MC 310°; outer Mars 12.5° direct, Jupiter 191° retrograde,
    // Saturn 160°, ASC 222°, MC 130°. Default cross orbs: 3° (sextile 2°), major aspects only.
    const natal = makeChart('2000-01-01T00:00:00Z', [['SUN', 10, 1], ['MOON', 100, 13]], { ascendant: 40, midheaven: 310 });
    const outer = makeChart('2024-01-01T00:00:00Z', [['MARS', 12.5, 0.7], ['JUPITER', 191, -0.1], ['SATURN', 160, 0.05]], {
      ascendant: 222, midheaven: 130,
    });
    const svg = renderWheelSvg(natal, { size: 800, innerLabel: 'Natal', outerLabel: 'Partner', showAspects: false }, outer);
    const lines = elementsWith(svg, 'data-cross-aspect').map((e) => `${e['data-inner']} ${e['data-cross-aspect']} ${e['data-outer']}`);
    // Independently: every inner × outer pair whose separation is within the orb of a major aspect.
    const inner = { SUN: 10, MOON: 100, ASCENDANT: 40, MIDHEAVEN: 310 };
    const out = { MARS: 12.5, JUPITER: 191, SATURN: 160, ASCENDANT: 222, MIDHEAVEN: 130 };
    const majors: [string, number, number][] = [['CONJUNCTION', 0, 3], ['OPPOSITION', 180, 3], ['TRINE', 120, 3], ['SQUARE', 90, 3], ['SEXTILE', 60, 2]];
    const expected: string[] = [];
    for (const [a, la] of Object.entries(inner)) {
      for (const [b, lb] of Object.entries(out)) {
        const sep = Math.min(Math.abs(la - lb), 360 - Math.abs(la - lb));
        const hit = majors.filter(([, angle, orb]) => Math.abs(sep - angle) <= orb).sort((x, y) => Math.abs(sep - x[1]) - Math.abs(sep - y[1]))[0];
        if (hit) expected.push(`${a} ${hit[0]} ${b}`);
      }
    }
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(lines.sort()).toEqual(expected.sort());
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    expect(desc).toContain('Aspects between Natal and Partner: Partner Midheaven square Natal Ascendant (orb 0.0°);');
    expect(desc).toContain('Partner Saturn sextile Natal Moon (orb 0.0°)');
    expect(desc).toContain('Partner Jupiter opposition Natal Sun (orb 1.0°, applying)');
    expect(desc).toContain('Partner Jupiter square Natal Moon (orb 1.0°, applying)');
    expect(desc).toContain('Partner Mars conjunction Natal Sun (orb 2.5°)');
    expect(desc).toContain('Partner Midheaven opposition Natal Midheaven (orb 0.0°)');
    expect(desc).toContain('Partner: Porphyry houses. Ascendant 12°00′ Scorpio, Midheaven 10°00′ Leo');
    // Lines run between the two longitudes on the aspect circle.
    const cx = Number(/data-center-x="([\d.]+)"/.exec(svg)?.[1]);
    const cy = Number(/data-center-y="([\d.]+)"/.exec(svg)?.[1]);
    const conj = elementsWith(svg, 'data-cross-aspect').find((e) => e['data-outer'] === 'MARS' && e['data-inner'] === 'SUN');
    const angle = (x: string, y: string) => (Math.atan2(-(Number(y) - cy), Number(x) - cx) * 180) / Math.PI;
    // ASC (40°) on the left: longitude λ is drawn at screen angle 180° + (λ − 40°).
    expect(Math.abs(((angle(conj?.x1 ?? '', conj?.y1 ?? '') - (180 + 10 - 40) + 540) % 360) - 180)).toBeLessThan(0.01);
    expect(Math.abs(((angle(conj?.x2 ?? '', conj?.y2 ?? '') - (180 + 12.5 - 40) + 540) % 360) - 180)).toBeLessThan(0.01);
    // The outer chart's 12 cusps and 4 angles, at their longitudes.
    const cusps = elementsWith(svg, 'data-outer-cusp');
    expect(cusps.map((e) => Number(e['data-longitude']))).toEqual(outer.houses?.cusps.map((c) => Number(c.toFixed(6))));
    expect(elementsWith(svg, 'data-outer-angle').map((e) => `${e['data-outer-angle']} ${Number(e['data-longitude'])}`)).toEqual([
      'ASC 222', 'MC 130', 'DSC 42', 'IC 310',
    ]);
    // Their own orbs: a multiplier of 0.3 keeps only orbs within 0.9° (0.6° for the sextile).
    const tight = renderWheelSvg(natal, { crossAspects: { orbMultiplier: 0.3, types: ['SEXTILE'], orbs: { SEXTILE: 2 } } }, outer);
    expect(elementsWith(tight, 'data-cross-aspect').map((e) => `${e['data-inner']} ${e['data-outer']}`)).toEqual(['MOON SATURN']);
    // Quincunx (150°) with the standard 3° orb: Sun 10° – Saturn 160°: 150°; Sun – outer ASC 222°:
    // 148°; natal MC 310° – Saturn: 150°; natal ASC 40° – Jupiter 191°: 151°.
    const quincunx = renderWheelSvg(natal, { crossAspects: { types: ['QUINCUNX'] } }, outer);
    expect(elementsWith(quincunx, 'data-cross-aspect').map((e) => `${e['data-inner']} ${e['data-outer']}`).sort()).toEqual(
      ['ASCENDANT JUPITER', 'MIDHEAVEN SATURN', 'SUN ASCENDANT', 'SUN SATURN'],
    );
    // Switched off: no lines, no ticks, nothing listed.
    const bare = renderWheelSvg(natal, { showCrossAspects: false, showOuterHouses: false }, outer);
    expect(bare).not.toContain('data-cross-aspect');
    expect(bare).not.toContain('data-outer-cusp');
    expect(bare).not.toContain('Aspects between');
    expect(() => renderWheelSvg(natal, { crossAspects: { orbMultiplier: 9 } }, outer)).toThrow(
      expect.objectContaining({ field: 'crossAspects.orbMultiplier' }),
    );
    assertWellFormed(svg);
  });

  it('spreads a stellium so no two glyphs overlap, keeping the leader at the true degree', () => {
    const chart = stelliumChart();
    const svg = renderWheelSvg(chart, { size: 600 });
    const anchors = chart.positions.map((p) => anchorOf(svg, p.body));
    const radius = Number(elementsWith(svg, 'data-role').find((e) => e['data-role'] === 'glyph-anchor')?.r);
    for (let i = 0; i < anchors.length; i += 1) {
      for (let j = i + 1; j < anchors.length; j += 1) {
        expect(Math.hypot(anchors[i].x - anchors[j].x, anchors[i].y - anchors[j].y)).toBeGreaterThan(2 * radius);
      }
    }
    const dots = elementsWith(svg, 'data-role').filter((e) => e['data-role'] === 'true-degree');
    for (const p of chart.positions) {
      const dot = dots.find((d) => d['data-body'] === p.body);
      expect(Number(dot?.['data-longitude'])).toBeCloseTo(p.longitude, 6);
      const leader = elementsWith(svg, 'data-leader-for').find((l) => l['data-leader-for'] === p.body);
      expect(Number(leader?.x1)).toBeCloseTo(Number(dot?.cx), 2);
      expect(Number(leader?.y1)).toBeCloseTo(Number(dot?.cy), 2);
    }
  });
});

/** Every `<text>` with its attributes and content. */
function texts(svg: string): (Record<string, string> & { content: string })[] {
  return [...svg.matchAll(/<text((?:\s+[\w:-]+="[^"]*")*)>([^<]*)<\/text>/g)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    return { ...attrs, content: m[2] };
  });
}

/** Centres and scales of the glyphs (`<g transform="translate(x y) scale(s)">`) in some markup. */
function glyphsIn(markup: string): { x: number; y: number; scale: number }[] {
  return [...markup.matchAll(/<g transform="translate\(([\d.-]+) ([\d.-]+)\) scale\(([\d.]+)\)">/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    scale: Number(m[3]),
  }));
}

/** Radius (px) and mathematical angle (degrees, counter-clockwise from +x, [0, 360)) of a point around (c, c). */
function polarOf(x: number, y: number, c: number): { r: number; angle: number } {
  return { r: Math.hypot(x - c, y - c), angle: (((Math.atan2(-(y - c), x - c) * 180) / Math.PI) % 360 + 360) % 360 };
}

/** Angular difference in degrees, NaN-propagating, in [0, 180]. */
function angleErr(a: number, b: number): number {
  return Math.abs(((a - b + 540) % 360) - 180);
}

describe('renderWheelSvg body ring geometry, worked from the layout fractions', () => {
  // Ascendant 100° on the left: a longitude λ is drawn at θ = 180° + λ − 100°. Bodies far apart,
  // so each stays at its true longitude: Sun 130° (θ 210°), Mercury 250.25° retrograde (θ 330.25°),
  // Moon 10° (θ 90°: straight up), Mars 355.5° (θ 75.5°).
  const chart = makeChart(
    '2000-01-01T00:00:00Z',
    [['SUN', 130, 1], ['MERCURY', 250.25, -0.5], ['MOON', 10, 13], ['MARS', 355.5, 0.5]],
    { ascendant: 100, midheaven: 10 },
  );
  const theta: Record<string, number> = { SUN: 210, MERCURY: 330.25, MOON: 90, MARS: 75.5 };

  /** Checks every point of `points` lies at radius `r` (±0.01 px) and angle θ (±0.01°); returns the failures. */
  function offRay(name: string, points: { x: number; y: number }[], r: number, angle: number, c: number): string[] {
    const bad: string[] = [];
    if (points.length === 0) bad.push(`${name}: nothing drawn`);
    for (const p of points) {
      const q = polarOf(p.x, p.y, c);
      if (!(Math.abs(q.r - r) <= 0.01) || !(angleErr(q.angle, angle) <= 0.01)) {
        bad.push(`${name}: r ${q.r.toFixed(3)} (want ${r.toFixed(3)}), θ ${q.angle.toFixed(3)} (want ${angle})`);
      }
    }
    return bad;
  }

  it('600 px (R = 255 px): tick, dot, leader, glyph and the four stacked labels at their radii, on the body\'s ray', () => {
    const svg = renderWheelSvg(chart, { size: 600 });
    const R = 255;
    const c = 300;
    expect(svg).toContain(`data-radius="${R.toFixed(2)}"`);
    const failures: string[] = [];
    let checked = 0;
    for (const p of chart.positions) {
      const th = theta[p.body];
      const group = groupInner(svg, `<g data-body="${p.body}" data-ring="inner"`);
      const anchor = elementsWith(group, 'data-role').find((e) => e['data-role'] === 'glyph-anchor');
      failures.push(...offRay(`${p.body} glyph anchor`, [{ x: Number(anchor?.cx), y: Number(anchor?.cy) }], 0.745 * R, th, c));
      expect(anchor?.r).toBe('10.20'); // half the glyph side 0.08 R
      const [bodyGlyph, signGlyph, ...rest] = glyphsIn(group);
      failures.push(...offRay(`${p.body} glyph`, [bodyGlyph], 0.745 * R, th, c));
      expect(bodyGlyph.scale, `${p.body} glyph scale`).toBeCloseTo((0.08 * R) / 20, 4);
      failures.push(...offRay(`${p.body} sign glyph`, [signGlyph], 0.617 * R, th, c));
      expect(signGlyph.scale, `${p.body} sign glyph scale`).toBeCloseTo((0.038 * R) / 20, 4);
      const labels = texts(group).filter((t) => t['data-role'] === 'label');
      expect(labels.map((t) => t.content)).toEqual([
        `${Math.floor(p.longitude % 30)}°`,
        `${String(Math.floor(((p.longitude % 30) % 1) * 60 + 1e-9)).padStart(2, '0')}′`,
      ]);
      failures.push(...offRay(`${p.body} degrees`, [{ x: Number(labels[0].x), y: Number(labels[0].y) }], 0.672 * R, th, c));
      failures.push(...offRay(`${p.body} minutes`, [{ x: Number(labels[1].x), y: Number(labels[1].y) }], 0.562 * R, th, c));
      for (const l of labels) expect(l['font-size']).toBe('9.18'); // 0.036 R
      // The sign glyph and the retrograde mark are labels too (hidden with them in the browser).
      expect(group.match(/<g data-role="label"><g transform=/g) ?? []).toHaveLength(1);
      expect(group.match(/<g data-role="label" data-mark="retrograde"><g transform=/g) ?? []).toHaveLength(p.retrograde ? 1 : 0);
      if (p.retrograde) {
        expect(rest).toHaveLength(1);
        failures.push(...offRay(`${p.body} retrograde mark`, rest, 0.508 * R, th, c));
        expect(rest[0].scale).toBeCloseTo((0.03 * R) / 20, 4);
      } else {
        expect(rest).toHaveLength(0);
      }
      // The true degree: a tick from 0.84 R to 0.815 R, a dot at 0.815 R, and the leader from the dot
      // to just outside the glyph (0.745 R + 0.62 × 0.08 R).
      const dot = elementsWith(svg, 'data-role').find((e) => e['data-role'] === 'true-degree' && e['data-body'] === p.body);
      failures.push(...offRay(`${p.body} true-degree dot`, [{ x: Number(dot?.cx), y: Number(dot?.cy) }], 0.815 * R, th, c));
      expect(dot?.r).toBe('1.53'); // 0.006 R
      const leaderAt = svg.indexOf(`data-leader-for="${p.body}"`);
      const leader = elementsWith(svg.slice(svg.lastIndexOf('<line', leaderAt)), 'data-leader-for')[0];
      failures.push(...offRay(`${p.body} leader start`, [{ x: Number(leader.x1), y: Number(leader.y1) }], 0.815 * R, th, c));
      failures.push(...offRay(`${p.body} leader end`, [{ x: Number(leader.x2), y: Number(leader.y2) }], (0.745 + 0.62 * 0.08) * R, th, c));
      const tickAt = svg.lastIndexOf('<line', svg.lastIndexOf('<line', leaderAt) - 1);
      const tick = /<line x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"/.exec(svg.slice(tickAt));
      failures.push(...offRay(`${p.body} tick outer end`, [{ x: Number(tick?.[1]), y: Number(tick?.[2]) }], 0.84 * R, th, c));
      failures.push(...offRay(`${p.body} tick inner end`, [{ x: Number(tick?.[3]), y: Number(tick?.[4]) }], 0.815 * R, th, c));
      checked += 1;
    }
    expect(checked).toBe(4);
    expect(failures).toEqual([]);
  });

  it('300 px (R = 127.5 px, label font under 6.5 px): compact labels, degrees larger and between the usual radii, no minutes', () => {
    const svg = renderWheelSvg(chart, { size: 300 });
    const R = 127.5;
    const c = 150;
    const failures: string[] = [];
    for (const p of chart.positions) {
      const th = theta[p.body];
      const group = groupInner(svg, `<g data-body="${p.body}" data-ring="inner"`);
      const labels = texts(group).filter((t) => t['data-role'] === 'label');
      expect(labels.map((t) => t.content)).toEqual([`${Math.floor(p.longitude % 30)}°`]);
      // 1.3 × 0.036 R = 5.967 px, halfway between the degrees (0.672 R) and sign (0.617 R) radii.
      expect(Number(labels[0]['font-size'])).toBeCloseTo(5.97, 6);
      failures.push(...offRay(`${p.body} degrees`, [{ x: Number(labels[0].x), y: Number(labels[0].y) }], ((0.672 + 0.617) / 2) * R, th, c));
      const [, signGlyph, ...rest] = glyphsIn(group);
      // The sign glyph moves to the minutes radius (0.562 R), 1.3 × 0.038 R wide.
      failures.push(...offRay(`${p.body} sign glyph`, [signGlyph], 0.562 * R, th, c));
      expect(signGlyph.scale).toBeCloseTo((1.3 * 0.038 * R) / 20, 4);
      expect(rest).toHaveLength(p.retrograde ? 1 : 0);
      if (p.retrograde) failures.push(...offRay(`${p.body} retrograde mark`, rest, 0.508 * R, th, c));
    }
    expect(failures).toEqual([]);
  });

  it('keeps thin lines at their minimum width on small pictures and scales them with R on large ones', () => {
    // True-degree tick 0.004 R (at least 0.8 px), leader 0.0025 R (at least 0.6 px), dot radius
    // 0.006 R (at least 1 px): R = 127.5 px at 300 px, 850 px at 2000 px.
    for (const [size, tick, leader, dot] of [[300, 0.8, 0.6, 1], [2000, 3.4, 2.125, 5.1]] as const) {
      const svg = renderWheelSvg(chart, { size });
      const leaders = groupInner(svg, '<g data-role="leaders"');
      expect(svg, `${size} px`).toContain('<g data-role="bodies-inner"><g data-role="leaders">');
      const lines = elementsWith(leaders, 'x1');
      expect(lines).toHaveLength(8);
      for (const l of lines) {
        const want = 'data-leader-for' in l ? leader : tick;
        expect(Math.abs(Number(l['stroke-width']) - want), `${size} px ${JSON.stringify(l)}`).toBeLessThanOrEqual(0.005);
        expect(l.stroke).toBe('data-leader-for' in l ? PALETTES.light.muted : PALETTES.light.ink);
      }
      const dots = elementsWith(leaders, 'data-role').filter((e) => e['data-role'] === 'true-degree');
      expect(dots).toHaveLength(4);
      for (const d of dots) expect(Math.abs(Number(d.r) - dot)).toBeLessThanOrEqual(0.005);
      // The glyph anchor is an invisible disc (hit target for the browser), not a drawn one.
      for (const a of elementsWith(svg, 'data-role').filter((e) => e['data-role'] === 'glyph-anchor')) expect(a['fill-opacity']).toBe('0');
    }
  });

  it('leaves the labels out when asked: only the glyphs and the retrograde mark', () => {
    const svg = renderWheelSvg(chart, { size: 600, showDegreeLabels: false });
    const group = groupInner(svg, '<g data-body="MERCURY" data-ring="inner"');
    expect(texts(group).filter((t) => t['data-role'] === 'label')).toEqual([]);
    expect(glyphsIn(group)).toHaveLength(2); // the body and the retrograde mark
  });

  it('spreads a three-body cluster by the separation the layout needs: 8.337° (labels), 9.451° (compact), 6.891° (glyphs only)', () => {
    // Separation = the largest of: the glyph side plus 12 % at the glyph radius, 0.08 × 1.12 / 0.745 rad
    // = 6.891°; the label diagonal plus 5 % at the innermost text radius, 0.036 × √(1.8² + 1.2²) ×
    // 1.05 / 0.562 rad = 8.337° (compact: font × 1.3 at (0.672 + 0.617) / 2, 9.451°); the sign glyph
    // plus 15 % at its radius (4.06°, compact 5.79°). Bi-wheel inner ring: 0.03 × 2.1633 × 1.05 / 0.374
    // rad = 10.440°.
    const cluster = makeChart('2000-01-01T00:00:00Z', [['SUN', 100, 1], ['MOON', 101, 13], ['MARS', 102, 0.5], ['SATURN', 250, 0.1]], null);
    const cases: [string, string, number][] = [
      ['600 px', renderWheelSvg(cluster, { size: 600 }), 8.336832],
      ['300 px', renderWheelSvg(cluster, { size: 300 }), 9.450565],
      ['no labels', renderWheelSvg(cluster, { size: 600, showDegreeLabels: false }), 6.890875],
      ['bi-wheel inner', renderWheelSvg(cluster, { size: 800 }, transitChart()), 10.439616],
    ];
    for (const [name, svg, sep] of cases) {
      const shown = ['SUN', 'MOON', 'MARS', 'SATURN'].map((b) => {
        const g = elementsWith(svg, 'data-display-longitude').find((e) => e['data-body'] === b && e['data-ring'] === 'inner');
        return Number(g?.['data-display-longitude']);
      });
      expect(shown[0], name).toBeCloseTo(101 - sep, 5);
      expect(shown[1], name).toBeCloseTo(101, 5);
      expect(shown[2], name).toBeCloseTo(101 + sep, 5);
      expect(shown[3], name).toBe(250);
    }
  });

  it('bi-wheel at 800 px (R = 340 px): inner glyphs at 0.527 R, outer glyphs at 0.8 R', () => {
    const natal = ordinaryChart();
    const svg = renderWheelSvg(natal, { size: 800 }, transitChart());
    for (const [ring, fraction, chart] of [['inner', 0.527, natal], ['outer', 0.8, transitChart()]] as const) {
      let checked = 0;
      for (const p of chart.positions) {
        const a = anchorOf(svg, p.body, ring);
        expect(Math.hypot(a.x - 400, a.y - 400), `${ring} ${p.body}`).toBeCloseTo(fraction * 340, 1);
        checked += 1;
      }
      expect(checked, `${ring} bodies checked`).toBeGreaterThan(0);
    }
  });

  it('no two bodies\' glyphs or labels overlap, at every size, for a crowded stellium and a bi-wheel', () => {
    type Box = { body: string; x0: number; x1: number; y0: number; y1: number; what: string };
    let compared = 0;
    const failures: string[] = [];
    for (const [name, svg, ring] of [
      ['300', renderWheelSvg(stelliumChart(), { size: 300 }), 'inner'],
      ['600', renderWheelSvg(stelliumChart(), { size: 600 }), 'inner'],
      ['2000', renderWheelSvg(stelliumChart(), { size: 2000 }), 'inner'],
      ['bi 800 inner', renderWheelSvg(stelliumChart(), { size: 800 }, transitChart()), 'inner'],
      ['bi 800 outer', renderWheelSvg(ordinaryChart(), { size: 800 }, stelliumChart()), 'outer'],
    ] as const) {
      const boxes: Box[] = [];
      for (const p of stelliumChart().positions) {
        const group = groupInner(svg, `<g data-body="${p.body}" data-ring="${ring}"`);
        for (const t of texts(group).filter((x) => x['data-role'] === 'label')) {
          const font = Number(t['font-size']);
          // A label box: LABEL_WIDTH_EM × LABEL_HEIGHT_EM (1.8 × 1.2 em) around its centre.
          boxes.push({ body: p.body, what: t.content, x0: Number(t.x) - 0.9 * font, x1: Number(t.x) + 0.9 * font, y0: Number(t.y) - 0.6 * font, y1: Number(t.y) + 0.6 * font });
        }
        for (const g of glyphsIn(group)) {
          const half = 10 * g.scale; // a glyph is a 20-unit square
          boxes.push({ body: p.body, what: 'glyph', x0: g.x - half, x1: g.x + half, y0: g.y - half, y1: g.y + half });
        }
      }
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.body === b.body) continue;
          compared += 1;
          const overlap = a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01;
          if (overlap) failures.push(`${name}: ${a.body} ${a.what} overlaps ${b.body} ${b.what}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('titles each body glyph with its name, position, retrograde and house', () => {
    const svg = renderWheelSvg(ordinaryChart(), {});
    const title = (s: string, body: string) => /<title>([^<]*)<\/title>/.exec(groupInner(s, `<g data-body="${body}" data-ring="inner"`))?.[1];
    expect(title(svg, 'SUN')).toBe('Sun 25°06′ Capricorn, house 9');
    expect(title(svg, 'MERCURY')).toBe('Mercury 6°18′ Capricorn, retrograde, house 8');
    const noHouses = makeChart('2000-01-01T00:00:00Z', [['SUN', 0.5, 1], ['MARS', 200, -0.2]], null);
    const bare = renderWheelSvg(noHouses, {});
    expect(title(bare, 'SUN')).toBe('Sun 0°30′ Aries');
    expect(title(bare, 'MARS')).toBe('Mars 20°00′ Libra, retrograde');
    const unplaced = ordinaryChart();
    unplaced.positions[0] = { ...unplaced.positions[0], house: null };
    expect(title(renderWheelSvg(unplaced, {}), 'SUN')).toBe('Sun 25°06′ Capricorn');
  });
});

describe('renderWheelSvg aspect lines', () => {
  // Ascendant 100° on the left, so λ is drawn at θ = 180° + λ − 100°; the aspect circle is 0.42 R.
  function aspectChart(houses: boolean) {
    const chart = makeChart(
      '2000-01-01T00:00:00Z',
      [['SUN', 130, 1], ['MOON', 250, 13], ['MARS', 40, 0.5]],
      houses ? { ascendant: 100, midheaven: 10 } : null,
    );
    const aspect = (first: string, second: string, type: string, orb: number) =>
      ({ first, second, type, orb, exactAngle: 0, separation: 0, applying: false }) as Chart['aspects'][number];
    chart.aspects = [
      aspect('SUN', 'MOON', 'TRINE', 0),
      aspect('ASCENDANT', 'MOON', 'QUINCUNX', 4),
      aspect('MIDHEAVEN', 'MARS', 'CONJUNCTION', 12),
      aspect('SUN', 'PLUTO', 'SQUARE', 1), // Pluto is not in the chart: nothing to draw
    ];
    return chart;
  }
  type Chart = ReturnType<typeof makeChart>;

  it('draws each aspect between its two points on the aspect circle, opacity falling with the orb, minor ones dashed', () => {
    const svg = renderWheelSvg(aspectChart(true), { size: 600 });
    const R = 255;
    const lines = elementsWith(svg, 'data-aspect');
    expect(lines.map((l) => `${l['data-first']} ${l['data-aspect']} ${l['data-second']}`)).toEqual([
      'SUN TRINE MOON', 'ASCENDANT QUINCUNX MOON', 'MIDHEAVEN CONJUNCTION MARS',
    ]);
    const ends: [number, number][] = [[130, 250], [100, 250], [10, 40]];
    const failures: string[] = [];
    lines.forEach((l, i) => {
      const [a, b] = ends[i];
      for (const [x, y, lon] of [[l.x1, l.y1, a], [l.x2, l.y2, b]] as const) {
        const q = polarOf(Number(x), Number(y), 300);
        if (!(Math.abs(q.r - 0.42 * R) <= 0.01) || !(angleErr(q.angle, 180 + lon - 100) <= 0.01)) {
          failures.push(`${l['data-aspect']} end at ${lon}°: r ${q.r}, θ ${q.angle}`);
        }
      }
    });
    expect(failures).toEqual([]);
    // Opacity 0.35 + 0.65 × (1 − orb / 10), never below 0.35: orb 0 → 1, 4 → 0.74, 12 → 0.35.
    expect(lines.map((l) => l['stroke-opacity'])).toEqual(['1.00', '0.74', '0.35']);
    // 0.0055 R = 1.4025 px wide; the minor (quincunx) dashed 4 × and 3 × the width.
    expect(lines.map((l) => l['stroke-width'])).toEqual(['1.40', '1.40', '1.40']);
    expect(lines.map((l) => l['stroke-dasharray'])).toEqual([undefined, '5.61 4.21', undefined]);
    // A dot at each body's true degree on the aspect circle, 0.007 R in radius.
    const dots = elementsWith(groupInner(svg, '<g data-role="aspect-points"'), 'cx');
    expect(dots).toHaveLength(3);
    dots.forEach((d, i) => {
      const q = polarOf(Number(d.cx), Number(d.cy), 300);
      expect(q.r).toBeCloseTo(0.42 * R, 1);
      expect(angleErr(q.angle, 180 + [130, 250, 40][i] - 100)).toBeLessThan(0.01);
      expect(d.r).toBe('1.79');
    });
    expect(svg).toContain('<g data-role="aspects"><line');
    const dark = renderWheelSvg(aspectChart(true), { size: 600, theme: 'dark' });
    const darkDots = elementsWith(groupInner(dark, '<g data-role="aspect-points"'), 'cx');
    expect(darkDots.map((d) => d.fill)).toEqual([PALETTES.dark.ink, PALETTES.dark.ink, PALETTES.dark.ink]);
    // At 300 px the line and the dots keep their minimum sizes (0.8 px, 1.2 px).
    const small = renderWheelSvg(aspectChart(true), { size: 300 });
    expect(elementsWith(small, 'data-aspect').map((l) => l['stroke-width'])).toEqual(['0.80', '0.80', '0.80']);
    expect(elementsWith(groupInner(small, '<g data-role="aspect-points"'), 'cx').map((d) => d.r)).toEqual(['1.20', '1.20', '1.20']);
  });

  it('leaves out the aspects to the angles of a chart without houses', () => {
    const svg = renderWheelSvg(aspectChart(false), { size: 600 });
    expect(elementsWith(svg, 'data-aspect').map((l) => `${l['data-first']} ${l['data-second']}`)).toEqual(['SUN MOON']);
  });
});
