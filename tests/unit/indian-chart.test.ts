/**
 * North and South Indian square charts: houses and signs where the conventions put them, bodies in
 * their whole-sign houses, Ketu opposite a lone node, escaping, determinism, well-formed markup.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { computeChart } from '../../src/ephemeris/chart.js';
import { SIGNS } from '../../src/ephemeris/types.js';
import { renderIndianChartSvg } from '../../src/render/index.js';
import { assertWellFormed, groups } from '../helpers/svg.js';
import { makeChart } from './wheel.fixtures.js';

const chart = computeChart({
  moment: { utc: '1990-01-15T14:30:00Z' }, location: { latitude: 28.61, longitude: 77.2 }, zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI',
  bodies: ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'MEAN_NODE'],
});
const lagna = Math.floor(chart.houses!.ascendant / 30);

const bodiesIn = (inner: string) => [...inner.matchAll(/data-body="([A-Z_]+)"/g)].map((m) => m[1]);

// Rendered inside each test, not once while the file is collected: an exception thrown while
// collecting is a file-load error, not a failing test.
describe('North Indian chart', () => {
  const north = () => renderIndianChartSvg(chart, 'NORTH_INDIAN');

  it('twelve fixed houses counter-clockwise from the top diamond; house h shows sign number lagna + h − 1; every body in its whole-sign house', () => {
    const svg = north();
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
    const svg = north();
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
  const south = () => renderIndianChartSvg(chart, 'SOUTH_INDIAN', { theme: 'dark', size: 800 });

  it('fixed signs: Pisces top left, Aries to Gemini along the top, then clockwise; the lagna sign is marked and the houses counted from it', () => {
    const svg = south();
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
    const svg = south();
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

/** The body labels (`<text data-body>`) with position, font size and text. */
function bodyTexts(svg: string): { body: string; sign: string; x: string; y: string; font: string; text: string }[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"[^>]*data-body="(\w+)" data-sign="(\w+)">([^<]*)<\/text>/g)].map(
    (m) => ({ x: m[1], y: m[2], font: m[3], body: m[4], sign: m[5], text: m[6] }),
  );
}

describe('Indian chart labels', () => {
  // Hand-made: six bodies in Aries (given out of order), four in Scorpio, Saturn alone in Leo,
  // Jupiter retrograde; Ascendant 100° (Cancer).
  const crowded = makeChart(
    '2000-01-01T00:00:00Z',
    [
      ['SUN', 20, 1], ['MOON', 5, 13], ['MARS', 12, 0.5], ['MERCURY', 25, 1.2], ['VENUS', 1, 1.1], ['JUPITER', 14, -0.1],
      ['URANUS', 215, 0.01], ['NEPTUNE', 212, 0.01], ['PLUTO', 219, 0.01], ['CHIRON', 211, 0.01], ['SATURN', 130.5, 0.1],
    ],
    { ascendant: 100, midheaven: 10 },
  );

  it('South Indian at 800 px: labels in zodiacal order, one column up to four, two beyond, font sized to the cell', () => {
    // m = 48 px, cells of 176 px; a cell's labels are centred on (x + 88, y + 0.56 × 176 = y + 98.56)
    // in a box 0.68 × 176 = 119.68 high and 0.92 × 176 = 161.92 wide; font at most 0.032 × 800 = 25.6 px.
    const labels = bodyTexts(renderIndianChartSvg(crowded, 'SOUTH_INDIAN', { size: 800 }));
    const where = (sign: string) => labels.filter((l) => l.sign === sign).map((l) => `${l.text} ${l.x},${l.y} ${l.font}`);
    // Aries (row 0, column 1: x 224, y 48): six labels, two columns of three rows. Font
    // min(25.6, 0.9 × 119.68 / 3.5, 0.9 × 161.92 / (2 × 4.2)) = 17.35 px; rows 1.2 × 17.349 = 20.82 px
    // apart around 146.56; columns 161.92 / 2.6 = 62.28 px apart around 312.
    expect(where('ARIES')).toEqual([
      'Ve 1° 280.86,125.74 17.35', 'Mo 5° 280.86,146.56 17.35', 'Ma 12° 280.86,167.38 17.35',
      'Ju 14° R 343.14,125.74 17.35', 'Su 20° 343.14,146.56 17.35', 'Me 25° 343.14,167.38 17.35',
    ]);
    // Scorpio (row 3, column 1: x 224, y 576): four labels, one column. Font
    // min(25.6, 0.9 × 119.68 / 4.5) = 23.94 px, rows 28.72 px apart around 674.56.
    expect(where('SCORPIO')).toEqual([
      'Ch 1° 312.00,631.48 23.94', 'Ne 2° 312.00,660.20 23.94', 'Ur 5° 312.00,688.92 23.94', 'Pl 9° 312.00,717.64 23.94',
    ]);
    // Leo (row 2, column 3: x 576, y 400): Saturn alone, at the cell's label centre, full font.
    expect(where('LEO')).toEqual(['Sa 10° 664.00,498.56 25.60']);
    // Cancer, the lagna (row 1, column 3): only "Asc".
    expect(where('CANCER')).toEqual(['Asc 664.00,322.56 25.60']);
    expect(labels).toHaveLength(12);
  });

  it('without degree labels: the abbreviations and the retrograde mark only', () => {
    const labels = bodyTexts(renderIndianChartSvg(crowded, 'SOUTH_INDIAN', { size: 800, showDegreeLabels: false }));
    expect(labels.filter((l) => l.sign === 'ARIES').map((l) => l.text)).toEqual(['Ve', 'Mo', 'Ma', 'Ju R', 'Su', 'Me']);
    const nodes = makeChart('2000-01-01T00:00:00Z', [['MEAN_NODE', 95.5, -0.05]], null);
    expect(bodyTexts(renderIndianChartSvg(nodes, 'NORTH_INDIAN', { showDegreeLabels: false })).map((l) => l.text)).toEqual(['Ra', 'Ke']);
  });

  it('the nodes carry no "R"; Ketu is 180° from Rahu with its own degree', () => {
    // Rahu 95.5° (5° Cancer, retrograde as the mean node always is), Ketu 275.5° (5° Capricorn).
    const nodes = makeChart('2000-01-01T00:00:00Z', [['MEAN_NODE', 95.5, -0.05], ['SUN', 280, 1]], null);
    const labels = bodyTexts(renderIndianChartSvg(nodes, 'SOUTH_INDIAN'));
    expect(labels.map((l) => `${l.body} ${l.sign} ${l.text}`)).toEqual(['MEAN_NODE CANCER Ra 5°', 'KETU CAPRICORN Ke 5°', 'SUN CAPRICORN Su 10°']);
    const both = makeChart('2000-01-01T00:00:00Z', [['TRUE_NODE', 95.5, -0.05], ['SOUTH_NODE', 275.5, -0.05]], null);
    expect(bodyTexts(renderIndianChartSvg(both, 'SOUTH_INDIAN')).map((l) => `${l.body} ${l.text}`)).toEqual(['TRUE_NODE Ra 5°', 'SOUTH_NODE Ke 5°']);
  });

  it('a lone true node gets its Ketu too; equal longitudes are listed by body; labels are centred on their place', () => {
    const trueNode = makeChart('2000-01-01T00:00:00Z', [['SUN', 280, 1], ['TRUE_NODE', 95.5, -0.05]], null);
    const svg = renderIndianChartSvg(trueNode, 'SOUTH_INDIAN');
    assertWellFormed(svg);
    expect(bodyTexts(svg).map((l) => `${l.body} ${l.sign} ${l.text}`)).toEqual(['TRUE_NODE CANCER Ra 5°', 'KETU CAPRICORN Ke 5°', 'SUN CAPRICORN Su 10°']);
    const tie = makeChart('2000-01-01T00:00:00Z', [['URANUS', 215, 0.01], ['NEPTUNE', 215, 0.01], ['MARS', 214, 0.5]], null);
    expect(bodyTexts(renderIndianChartSvg(tie, 'NORTH_INDIAN')).map((l) => l.body)).toEqual(['MARS', 'NEPTUNE', 'URANUS']);
    const texts = [...renderIndianChartSvg(crowded, 'NORTH_INDIAN').matchAll(/<text [^>]*data-body[^>]*>/g)].map((m) => m[0]);
    expect(texts).toHaveLength(11);
    for (const t of texts) expect(t).toContain('text-anchor="middle" dominant-baseline="central"');
  });

  it('North Indian: every label inside its house', () => {
    let checked = 0;
    const failures: string[] = [];
    for (const c of [chart, crowded]) {
      const svg = renderIndianChartSvg(c, 'NORTH_INDIAN', { size: 600 });
      for (const house of groups(svg, 'data-house')) {
        const pts = /<polygon points="([^"]+)"/.exec(house.inner)![1].split(' ').map((p) => p.split(',').map(Number));
        for (const l of bodyTexts(house.inner)) {
          const [x, y] = [Number(l.x), Number(l.y)];
          // Ray casting: an odd number of edge crossings to the right means inside.
          let inside = false;
          for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
            const [xi, yi] = pts[i];
            const [xj, yj] = pts[j];
            if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
          }
          if (!inside) failures.push(`house ${house.attrs['data-house']}: ${l.text} at ${x},${y}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(9 + 11);
    expect(failures).toEqual([]);
  });

  it('refuses a chart without positions, a non-finite longitude or ascendant, naming the field', () => {
    const field = (c: unknown) => {
      try {
        renderIndianChartSvg(c as typeof chart, 'NORTH_INDIAN');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).field;
      }
      return 'accepted';
    };
    expect(field(chart)).toBe('accepted');
    expect(field(null)).toBe('chart');
    expect(field({ positions: 'none' })).toBe('chart');
    const nan = makeChart('2000-01-01T00:00:00Z', [['SUN', 10, 1], ['MOON', 20, 13]], { ascendant: 100, midheaven: 10 });
    nan.positions[1] = { ...nan.positions[1], longitude: Number.POSITIVE_INFINITY };
    expect(field(nan)).toBe('chart.positions[1].longitude');
    const badAsc = makeChart('2000-01-01T00:00:00Z', [['SUN', 10, 1]], { ascendant: 100, midheaven: 10 });
    badAsc.houses = { ...badAsc.houses!, ascendant: Number.NaN };
    expect(field(badAsc)).toBe('chart.houses.ascendant');
  });
});
