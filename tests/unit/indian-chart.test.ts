/**
 * North and South Indian square charts: houses and signs where the conventions put them, bodies in
 * their whole-sign houses, Ketu opposite a lone node, escaping, determinism, well-formed markup.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { computeChart } from '../../src/ephemeris/chart.js';
import { SIGNS } from '../../src/ephemeris/types.js';
import { renderIndianChartSvg } from '../../src/render/index.js';

const chart = computeChart({
  moment: { utc: '1990-01-15T14:30:00Z' }, location: { latitude: 28.61, longitude: 77.2 }, zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI',
  bodies: ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'MEAN_NODE'],
});
const lagna = Math.floor(chart.houses!.ascendant / 30);

/** The `<g …>` groups with their attributes and inner markup. */
function groups(svg: string, attribute: string): { attrs: Record<string, string>; inner: string }[] {
  const out: { attrs: Record<string, string>; inner: string }[] = [];
  const re = /<g((?:\s+[\w:-]+="[^"]*")*)>/g;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2]!;
    if (!(attribute in attrs)) continue;
    let depth = 1;
    let i = re.lastIndex;
    const tag = /<(\/?)g[\s>]/g;
    tag.lastIndex = i;
    for (let t = tag.exec(svg); t; t = tag.exec(svg)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) { out.push({ attrs, inner: svg.slice(i, t.index) }); break; }
    }
    i = 0;
  }
  return out;
}

function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([\w:-]+)(?:\s+[\w:-]+="[^"<]*")*\s*(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
}

const bodiesIn = (inner: string) => [...inner.matchAll(/data-body="([A-Z_]+)"/g)].map((m) => m[1]);

describe('North Indian chart', () => {
  const svg = renderIndianChartSvg(chart, 'NORTH_INDIAN');

  it('twelve fixed houses counter-clockwise from the top diamond; house h shows sign number lagna + h − 1; every body in its whole-sign house', () => {
    assertWellFormed(svg);
    const houses = groups(svg, 'data-house');
    expect(houses.map((h) => Number(h.attrs['data-house']))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    let placed = 0;
    for (const h of houses) {
      const n = Number(h.attrs['data-house']);
      const sign = (lagna + n - 1) % 12;
      expect(h.attrs['data-sign']).toBe(SIGNS[sign]);
      expect(h.inner).toContain(`data-role="sign-number">${sign + 1}</text>`);
      for (const b of bodiesIn(h.inner)) {
        const p = chart.positions.find((x) => x.body === b);
        const lon = p ? p.longitude : (chart.positions.find((x) => x.body === 'MEAN_NODE')!.longitude + 180) % 360; // KETU
        expect(Math.floor(lon / 30)).toBe(sign);
        placed++;
      }
    }
    expect(placed).toBe(9); // eight bodies and Ketu
    // house 1 is the top diamond: its polygon starts at the top middle of the square
    expect(houses[0].inner).toMatch(/<polygon points="300.00,36.00 /);
    expect(svg).toContain(`data-lagna="${SIGNS[lagna]}"`);
  });

  it('Ketu is drawn opposite a lone node, and not twice when SOUTH_NODE is in the chart; retrograde bodies carry "R"', () => {
    expect(svg.match(/data-body="KETU"/g)?.length).toBe(1);
    const withSouth = computeChart({ moment: { utc: '1990-01-15T14:30:00Z' }, bodies: ['MEAN_NODE', 'SOUTH_NODE', 'JUPITER'], zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' });
    const s2 = renderIndianChartSvg(withSouth, 'NORTH_INDIAN');
    expect(s2).not.toContain('data-body="KETU"');
    expect(s2).toContain('data-body="SOUTH_NODE"');
    const jupiter = chart.positions.find((p) => p.body === 'JUPITER')!;
    expect(jupiter.retrograde).toBe(true);
    expect(svg).toMatch(new RegExp(`data-body="JUPITER"[^>]*>Ju ${Math.floor(jupiter.longitude % 30)}° R<`));
  });

  it('without houses: Aries is house 1 and a caption says so', () => {
    const noHouses = renderIndianChartSvg(computeChart({ moment: { utc: '1990-01-15T14:30:00Z' } }), 'NORTH_INDIAN');
    expect(groups(noHouses, 'data-house')[0].attrs['data-sign']).toBe('ARIES');
    expect(noHouses).toContain('No ascendant: Aries drawn as house 1');
    expect(noHouses).not.toContain('data-lagna');
  });
});

describe('South Indian chart', () => {
  const svg = renderIndianChartSvg(chart, 'SOUTH_INDIAN', { theme: 'dark', size: 800 });

  it('fixed signs: Pisces top left, Aries to Gemini along the top, then clockwise; the lagna sign is marked and the houses counted from it', () => {
    assertWellFormed(svg);
    const cells = groups(svg, 'data-sign').filter((g) => g.inner.includes('data-role="sign"'));
    expect(cells.map((c) => c.attrs['data-sign'])).toEqual([...SIGNS]);
    const m = 800 * 0.06;
    const cell = (800 - 2 * m) / 4;
    const corner = (sign: string) => /<polygon points="([\d.]+),([\d.]+) /.exec(cells.find((c) => c.attrs['data-sign'] === sign)!.inner)!.slice(1).map(Number);
    expect(corner('PISCES')).toEqual([m, m]);
    expect(corner('ARIES')).toEqual([m + cell, m]);
    expect(corner('GEMINI')).toEqual([m + 3 * cell, m]);
    expect(corner('CANCER')).toEqual([m + 3 * cell, m + cell]);
    expect(corner('VIRGO')).toEqual([m + 3 * cell, m + 3 * cell]);
    expect(corner('SAGITTARIUS')).toEqual([m, m + 3 * cell]);
    expect(corner('AQUARIUS')).toEqual([m, m + cell]);
    const lagnaCells = cells.filter((c) => c.inner.includes('data-role="lagna"'));
    expect(lagnaCells.map((c) => c.attrs['data-sign'])).toEqual([SIGNS[lagna]]);
    expect(lagnaCells[0].attrs['data-house']).toBe('1');
    for (const c of cells) {
      for (const b of bodiesIn(c.inner).filter((x) => x !== 'KETU' && x !== 'ASCENDANT')) {
        expect(SIGNS[Math.floor(chart.positions.find((p) => p.body === b)!.longitude / 30)]).toBe(c.attrs['data-sign']);
      }
    }
  });

  it('deterministic, escaped, validated', () => {
    expect(renderIndianChartSvg(chart, 'SOUTH_INDIAN', { theme: 'dark', size: 800 })).toBe(svg);
    const titled = renderIndianChartSvg(chart, 'SOUTH_INDIAN', { title: 'Rāśi <chart> & "D1"' });
    expect(titled).toContain('Rāśi &lt;chart&gt; &amp; &quot;D1&quot;');
    expect(titled).not.toContain('<chart>');
    for (const [style, opts, field] of [['EAST_INDIAN', {}, 'style'], ['SOUTH_INDIAN', { size: 100 }, 'size']] as const) {
      try {
        renderIndianChartSvg(chart, style as never, opts);
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).field).toBe(field);
      }
    }
  });
});
