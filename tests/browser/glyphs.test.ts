/**
 * The path glyphs in headless Chromium: every sign and body glyph draws something, stays inside
 * its 20 × 20 box and is roughly centred; a sheet of them is saved as test-output/wheels/glyphs.png
 * for a look.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { BODY_GLYPHS, RETROGRADE_GLYPH, SIGN_GLYPHS, type GlyphPaths } from '../../src/render/glyphs.js';

const CHROMIUM = '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!run) console.warn(`glyph browser test skipped: ${CHROMIUM} is missing; it always runs when CI is set`);

const CELL = 80;
const SCALE = 3;

function sheet(glyphs: [string, GlyphPaths][]): string {
  const columns = 8;
  const rows = Math.ceil(glyphs.length / columns);
  let body = '';
  glyphs.forEach(([name, g], i) => {
    const x = (i % columns) * CELL + CELL / 2;
    const y = Math.floor(i / columns) * CELL + CELL / 2 - 6;
    body +=
      `<rect x="${x - 10 * SCALE}" y="${y - 10 * SCALE}" width="${20 * SCALE}" height="${20 * SCALE}" fill="none" stroke="#ddd"/>` +
      `<g data-glyph="${name}" transform="translate(${x} ${y}) scale(${SCALE})">` +
      `<path d="${g.stroke}" fill="none" stroke="#222" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>` +
      (g.fill ? `<path d="${g.fill}" fill="#222"/>` : '') +
      `</g><text x="${x}" y="${y + 10 * SCALE + 12}" font-size="9" text-anchor="middle" font-family="sans-serif">${name}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * CELL}" height="${rows * CELL}" style="background:#fff">${body}</svg>`;
}

describe.skipIf(!run)('path glyphs in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(join(process.cwd(), 'test-output', 'wheels'), { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every glyph is drawn inside its box, roughly centred', async () => {
    const glyphs: [string, GlyphPaths][] = [
      ...Object.entries(SIGN_GLYPHS),
      ...Object.entries(BODY_GLYPHS),
      ['RETROGRADE', RETROGRADE_GLYPH],
    ];
    const page = await browser.newPage({ viewport: { width: 700, height: 500 } });
    try {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.setContent(`<!doctype html><html><body style="margin:0">${sheet(glyphs)}</body></html>`);
      const boxes = await page.evaluate<{ name: string; x: number; y: number; width: number; height: number }[]>(`[...document.querySelectorAll('g[data-glyph]')].map((g) => {
        const b = g.getBBox();
        return { name: g.dataset.glyph, x: b.x, y: b.y, width: b.width, height: b.height };
      })`);
      await page.locator('svg').screenshot({ path: join(process.cwd(), 'test-output', 'wheels', 'glyphs.png') });
      expect(errors).toEqual([]);
      expect(boxes).toHaveLength(12 + 21 + 1);
      for (const b of boxes) {
        // getBBox is in the glyph's own units (the 20 × 20 box centred on the origin).
        expect(b.width, `${b.name} width`).toBeGreaterThan(6);
        expect(b.height, `${b.name} height`).toBeGreaterThan(6);
        expect(b.x, b.name).toBeGreaterThanOrEqual(-10.5);
        expect(b.y, b.name).toBeGreaterThanOrEqual(-10.6);
        expect(b.x + b.width, b.name).toBeLessThanOrEqual(10.5);
        expect(b.y + b.height, b.name).toBeLessThanOrEqual(10.6);
        expect(Math.abs(b.x + b.width / 2), `${b.name} centred in x`).toBeLessThan(3);
        expect(Math.abs(b.y + b.height / 2), `${b.name} centred in y`).toBeLessThan(3);
      }
    } finally {
      await page.close();
    }
  });
});
