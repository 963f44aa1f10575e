/**
 * The overall shape of a chart: Marc Edmund Jones' seven planetary patterns ("The Guide to
 * Horoscope Interpretation", 1941). Jones defined the types by eye; these are the measurable rules
 * this module applies to the ten planets (Sun…Pluto), tested in this order, the first that holds
 * wins:
 *
 * 1. BUNDLE: all planets within a trine, i.e. the occupied arc (360° minus the largest empty arc)
 *    is at most 120°, or a little more as long as the signs of the two end planets are trine to each
 *    other (Jones, as Bob Marks reports him: "the effect can work even when the planets cover a
 *    little more than 120 degrees as long as the signs at each end are trine").
 * 2. BOWL: all planets within an opposition: occupied arc ≤ 180°.
 * 3. BUCKET: a bowl of all planets but a "handle" (one planet, or two within 10° of each other) that
 *    stands alone in the empty half: the other planets occupy ≤ 180° and the handle is more than a
 *    sextile (60°) from the planets on either side of it (Marion March, "Basic Chart Patterns":
 *    "its distance from the other planets is more than a sextile").
 * 4. LOCOMOTIVE: an empty arc of at least a trine (120°), the planets spread over the other two
 *    thirds.
 * 5. SEESAW: two opposed groups of at least two planets each, separated by two empty arcs, one of
 *    at least a square (90°) and the other of at least a sextile (60°) (Robert Jansky's measure, as
 *    Marion March gives it, "The 'See-Saw' Chart Pattern").
 * 6. SPLASH: the planets spread round the wheel: no empty arc of 90° or more and at least eight
 *    signs occupied.
 * 7. SPLAY: anything else (irregular clusters).
 *
 * The leading planet (BOWL, BUCKET, LOCOMOTIVE: the one at the clockwise end of the occupied arc,
 * first to meet the empty space in the diurnal motion, Jones' "cutting" or "leading" planet) and
 * the handle (BUCKET) are returned with the shape. Needs at least five bodies; by default the
 * chart's Sun…Pluto.
 */
import { ValidationError } from '../../errors.js';
import type { Body, Chart } from '../types.js';
import { normalizeDegrees } from '../techniques/angles.js';
import { chartPoints, type BodyPoint } from './common.js';

export const CHART_SHAPES = ['BUNDLE', 'BOWL', 'BUCKET', 'LOCOMOTIVE', 'SEESAW', 'SPLASH', 'SPLAY'] as const;
export type ChartShapeType = (typeof CHART_SHAPES)[number];

/** Limits of the rules above, degrees. */
export const SHAPE_LIMITS = {
  bundleArc: 120,
  bowlArc: 180,
  handleSeparation: 60,
  handlePairWithin: 10,
  locomotiveGap: 120,
  seesawMajorGap: 90,
  seesawMinorGap: 60,
  splashMaxGap: 90,
  splashMinSigns: 8,
} as const;

/** The GraphQL `ChartShape`. */
export interface ChartShape {
  type: ChartShapeType;
  /** Width of the largest empty arc, degrees. */
  largestGapDegrees: number;
  /** Occupied arc, 360° minus the largest empty arc. */
  occupiedArcDegrees: number;
  /** BOWL, BUCKET, LOCOMOTIVE: the planet leading the others in the diurnal motion; else null. */
  leadingBody: Body | null;
  /** BUCKET: the handle (one or two bodies); else empty. */
  handle: Body[];
}

const MIN_BODIES = 5;

function signIndex(lon: number): number {
  return Math.floor(normalizeDegrees(lon) / 30) % 12;
}

/** Circular arc from a forward to b, degrees [0, 360). */
function arc(a: number, b: number): number {
  return normalizeDegrees(b - a);
}

/**
 * Jones shape of a set of longitudes (see the module comment).
 * @throws ValidationError(field) for fewer than five bodies
 */
export function classifyShape(points: readonly BodyPoint[], field = 'bodies'): ChartShape {
  if (points.length < MIN_BODIES) throw new ValidationError(field, `a chart shape needs at least ${MIN_BODIES} bodies`);
  const sorted = [...points].sort((x, y) => normalizeDegrees(x.longitude) - normalizeDegrees(y.longitude));
  const n = sorted.length;
  const gaps = sorted.map((p, i) => arc(p.longitude, sorted[(i + 1) % n].longitude)); // gap after planet i
  let gi = 0;
  for (let i = 1; i < n; i++) if (gaps[i] > gaps[gi]) gi = i;
  const largest = gaps[gi];
  const occupied = 360 - largest;
  const first = sorted[(gi + 1) % n]; // at the clockwise end of the occupied arc (leads)
  const last = sorted[gi];
  const base = { largestGapDegrees: largest, occupiedArcDegrees: occupied };
  const L = SHAPE_LIMITS;

  const signSpan = (signIndex(last.longitude) - signIndex(first.longitude) + 12) % 12;
  if (occupied <= L.bundleArc || (occupied < 150 && signSpan === 4)) return { type: 'BUNDLE', ...base, leadingBody: null, handle: [] };
  if (occupied <= L.bowlArc) return { type: 'BOWL', ...base, leadingBody: first.body, handle: [] };

  // Bucket: a handle of one planet (or a close pair) between two empty arcs.
  for (let size = 1; size <= 2; size++) {
    for (let i = 0; i < n; i++) {
      const h0 = i;
      const h1 = (i + size - 1) % n;
      if (size === 2 && gaps[h0] > L.handlePairWithin) continue;
      const before = gaps[(h0 - 1 + n) % n];
      const after = gaps[h1];
      if (before <= L.handleSeparation || after <= L.handleSeparation) continue;
      const rest = 360 - before - after - (size === 2 ? gaps[h0] : 0);
      if (rest <= L.bowlArc) {
        const handle = size === 1 ? [sorted[h0].body] : [sorted[h0].body, sorted[h1].body];
        // the leading planet of the bowl part: the one after the handle's following gap
        return { type: 'BUCKET', ...base, leadingBody: sorted[(h1 + 1) % n].body, handle };
      }
    }
  }
  if (largest >= L.locomotiveGap) return { type: 'LOCOMOTIVE', ...base, leadingBody: first.body, handle: [] };

  // See-saw: the two largest gaps split the planets into two groups of at least two.
  let gj = gi === 0 ? 1 : 0;
  for (let i = 0; i < n; i++) if (i !== gi && gaps[i] > gaps[gj]) gj = i;
  const groupA = (gj - gi + n) % n; // planets after gap gi up to and including planet gj
  const groupB = n - groupA;
  if (largest >= L.seesawMajorGap && gaps[gj] >= L.seesawMinorGap && groupA >= 2 && groupB >= 2) {
    return { type: 'SEESAW', ...base, leadingBody: null, handle: [] };
  }
  const signs = new Set(sorted.map((p) => signIndex(p.longitude)));
  if (largest < L.splashMaxGap && signs.size >= L.splashMinSigns) return { type: 'SPLASH', ...base, leadingBody: null, handle: [] };
  return { type: 'SPLAY', ...base, leadingBody: null, handle: [] };
}

/** Jones shape of a chart (default bodies: Sun…Pluto present in the chart). */
export function chartShape(chart: Chart, bodies?: readonly Body[], field = 'bodies'): ChartShape {
  return classifyShape(chartPoints(chart, bodies, field), field);
}
