/**
 * Aspect patterns among the chart's bodies (definitions as in Astrodienst's Astrowiki and Bil
 * Tierney, "Dynamics of Aspect Analysis", 1983):
 * - GRAND_TRINE: three bodies each trine the other two;
 * - T_SQUARE: two bodies in opposition, both square a third (the apex);
 * - GRAND_CROSS: four bodies in two oppositions, each square its two neighbours (the four T-squares
 *   inside a grand cross are not reported separately);
 * - YOD ("finger of God"): two bodies in sextile, both quincunx a third (the apex);
 * - KITE: a grand trine and a fourth body opposite one of its corners (the apex, the kite's
 *   head) and sextile the other two (the grand trine is reported as well);
 * - MYSTIC_RECTANGLE: four bodies in two oppositions whose ends are joined alternately by
 *   sextiles and trines;
 * - STELLIUM: at least `stelliumMinBodies` (default 3) bodies in one sign.
 *
 * Orbs: the chart module's default orbs (Astrolog's table, orbs.ts): opposition, square and trine
 * 7°, sextile 6°, quincunx 3°; `orbMultiplier` scales them all. Every pairwise aspect of a pattern
 * must be within its orb. Default bodies: Sun…Pluto present in the chart. Bodies in a pattern are
 * listed in the order of the input; the apex, when there is one, last.
 */
import { fieldPath, ValidationError } from '../../errors.js';
import type { AspectType, Body, Chart, Sign } from '../types.js';
import { SIGNS } from '../types.js';
import { DEFAULT_ORBS } from '../orbs.js';
import { separationDegrees } from '../techniques/angles.js';
import { chartPoints, type BodyPoint } from './common.js';

export const PATTERN_TYPES = ['GRAND_TRINE', 'T_SQUARE', 'GRAND_CROSS', 'YOD', 'KITE', 'MYSTIC_RECTANGLE', 'STELLIUM'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

/** The GraphQL `AspectPattern`. */
export interface AspectPattern {
  type: PatternType;
  bodies: Body[];
  /** Focal body of a T-square, yod or kite; null otherwise. */
  apex: Body | null;
  /** Sign of a stellium; null otherwise. */
  sign: Sign | null;
}

export interface PatternOptions {
  bodies?: readonly Body[];
  /** Multiplies every orb, (0, 2]; default 1. */
  orbMultiplier?: number;
  /** 3–10, default 3. */
  stelliumMinBodies?: number;
}

type Kind = 'OPPOSITION' | 'SQUARE' | 'TRINE' | 'SEXTILE' | 'QUINCUNX';
const ANGLE: Readonly<Record<Kind, number>> = { OPPOSITION: 180, SQUARE: 90, TRINE: 120, SEXTILE: 60, QUINCUNX: 150 };

/**
 * Aspect patterns among longitudes (see the module comment).
 * @throws ValidationError ('orbMultiplier', 'stelliumMinBodies')
 */
export function findPatterns(points: readonly BodyPoint[], opts: Omit<PatternOptions, 'bodies'> = {}, field = ''): AspectPattern[] {
  const mult = opts.orbMultiplier ?? 1;
  if (!Number.isFinite(mult) || mult <= 0 || mult > 2) throw new ValidationError(fieldPath(field, 'orbMultiplier'), 'orbMultiplier must be within (0, 2]');
  const minStellium = opts.stelliumMinBodies ?? 3;
  if (!Number.isInteger(minStellium) || minStellium < 3 || minStellium > 10) throw new ValidationError(fieldPath(field, 'stelliumMinBodies'), 'stelliumMinBodies must be an integer from 3 to 10');
  const n = points.length;
  // separations computed once per pair
  const sep: number[] = new Array<number>(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sep[i * n + j] = separationDegrees(points[i].longitude, points[j].longitude);
  const is = (i: number, j: number, kind: Kind) => Math.abs(sep[i * n + j] - ANGLE[kind]) <= DEFAULT_ORBS[kind as AspectType] * mult;
  const out: AspectPattern[] = [];
  const body = (i: number) => points[i].body;
  const add = (type: PatternType, idx: number[], apex: number | null) =>
    out.push({ type, bodies: idx.map(body), apex: apex === null ? null : body(apex), sign: null });

  const trines: [number, number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) {
    if (is(a, b, 'TRINE') && is(b, c, 'TRINE') && is(a, c, 'TRINE')) { trines.push([a, b, c]); add('GRAND_TRINE', [a, b, c], null); }
  }
  // Grand crosses first, so that their T-squares can be left out.
  const crosses: Set<number>[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) for (let d = c + 1; d < n; d++) {
    const q = [a, b, c, d];
    // the two oppositions pair the four bodies one of three ways
    for (const [[p1, p2], [p3, p4]] of [[[a, b], [c, d]], [[a, c], [b, d]], [[a, d], [b, c]]] as const) {
      if (is(p1, p2, 'OPPOSITION') && is(p3, p4, 'OPPOSITION') && is(p1, p3, 'SQUARE') && is(p1, p4, 'SQUARE') && is(p2, p3, 'SQUARE') && is(p2, p4, 'SQUARE')) {
        crosses.push(new Set(q));
        add('GRAND_CROSS', q, null);
        break;
      }
    }
  }
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    if (!is(a, b, 'OPPOSITION')) continue;
    for (let c = 0; c < n; c++) {
      if (c === a || c === b || !is(a, c, 'SQUARE') || !is(b, c, 'SQUARE')) continue;
      if (crosses.some((s) => s.has(a) && s.has(b) && s.has(c))) continue;
      add('T_SQUARE', [a, b, c], c);
    }
  }
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    if (!is(a, b, 'SEXTILE')) continue;
    for (let c = 0; c < n; c++) {
      if (c !== a && c !== b && is(a, c, 'QUINCUNX') && is(b, c, 'QUINCUNX')) add('YOD', [a, b, c], c);
    }
  }
  for (const t of trines) {
    for (let d = 0; d < n; d++) {
      if (t.includes(d)) continue;
      for (let k = 0; k < 3; k++) {
        const head = t[k];
        const others = t.filter((x) => x !== head);
        if (is(d, head, 'OPPOSITION') && is(d, others[0], 'SEXTILE') && is(d, others[1], 'SEXTILE')) add('KITE', [...t, d], d);
      }
    }
  }
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) for (let d = c + 1; d < n; d++) {
    for (const [[p1, p2], [p3, p4]] of [[[a, b], [c, d]], [[a, c], [b, d]], [[a, d], [b, c]]] as const) {
      if (!is(p1, p2, 'OPPOSITION') || !is(p3, p4, 'OPPOSITION')) continue;
      // going round the rectangle p1 – p3 – p2 – p4: sides alternate sextile / trine
      const s1 = is(p1, p3, 'SEXTILE') && is(p3, p2, 'TRINE') && is(p2, p4, 'SEXTILE') && is(p4, p1, 'TRINE');
      const s2 = is(p1, p3, 'TRINE') && is(p3, p2, 'SEXTILE') && is(p2, p4, 'TRINE') && is(p4, p1, 'SEXTILE');
      if (s1 || s2) { add('MYSTIC_RECTANGLE', [a, b, c, d], null); break; }
    }
  }
  for (let s = 0; s < 12; s++) {
    const inSign = points.filter((p) => Math.floor((((p.longitude % 360) + 360) % 360) / 30) === s);
    if (inSign.length >= minStellium) out.push({ type: 'STELLIUM', bodies: inSign.map((p) => p.body), apex: null, sign: SIGNS[s] });
  }
  return out;
}

/** Aspect patterns of a chart's bodies (default Sun…Pluto present in the chart). */
export function chartPatterns(chart: Chart, opts: PatternOptions = {}, field = ''): AspectPattern[] {
  return findPatterns(chartPoints(chart, opts.bodies, fieldPath(field, 'bodies')), opts, field);
}
