/**
 * Essential dignities of the seven traditional planets, with William Lilly's point scores
 * (Christian Astrology, 1647, book I, p. 101 "Table of the Essential Dignities" and p. 104 scores):
 * domicile +5, exaltation +4, triplicity +3, term +2, face +1; detriment −5, fall −4,
 * peregrine −5 (no essential dignity of any kind).
 *
 * Tables (all exact by definition; no numerical error):
 * - domiciles and exaltations: Ptolemy, Tetrabiblos I.17 and I.19 (exaltation degrees as in Lilly);
 * - triplicity rulers: Lilly's day/night table (fire Sun/Jupiter, earth Venus/Moon, air
 *   Saturn/Mercury, water Mars/Mars), i.e. Dorotheus without the participating ruler;
 * - terms: the "Egyptian" terms (Ptolemy, Tetrabiblos I.21; Valens, Anthology I.3);
 * - faces: Chaldean order from Mars at 0° Aries (Lilly p. 104).
 * Detriment is the sign opposite a domicile, fall the sign opposite an exaltation.
 */
import type { Sign } from '../types.js';
import { SIGNS } from '../types.js';
import { ValidationError } from '../../errors.js';
import { normalizeDegrees } from './angles.js';

export const TRADITIONAL_PLANETS = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN'] as const;
export type TraditionalPlanet = (typeof TRADITIONAL_PLANETS)[number];

/** Lilly's scores (Christian Astrology p. 104). */
export const LILLY_SCORES = {
  DOMICILE: 5, EXALTATION: 4, TRIPLICITY: 3, TERM: 2, FACE: 1, DETRIMENT: -5, FALL: -4, PEREGRINE: -5,
} as const;
export type DignityKind = keyof typeof LILLY_SCORES;

/** Domicile ruler of each sign, Aries first. */
export const DOMICILE_RULERS: readonly TraditionalPlanet[] = [
  'MARS', 'VENUS', 'MERCURY', 'MOON', 'SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'SATURN', 'JUPITER',
];

/** Exaltations: sign index and degree (Lilly: Sun 19° Aries, Moon 3° Taurus, …). */
export const EXALTATIONS: Readonly<Record<TraditionalPlanet, { sign: Sign; degree: number }>> = {
  SUN: { sign: 'ARIES', degree: 19 },
  MOON: { sign: 'TAURUS', degree: 3 },
  MERCURY: { sign: 'VIRGO', degree: 15 },
  VENUS: { sign: 'PISCES', degree: 27 },
  MARS: { sign: 'CAPRICORN', degree: 28 },
  JUPITER: { sign: 'CANCER', degree: 15 },
  SATURN: { sign: 'LIBRA', degree: 21 },
};

/** Triplicity rulers (Lilly) by element: [day, night]. Fire = Aries/Leo/Sagittarius, … */
const TRIPLICITY: Readonly<Record<'FIRE' | 'EARTH' | 'AIR' | 'WATER', [TraditionalPlanet, TraditionalPlanet]>> = {
  FIRE: ['SUN', 'JUPITER'],
  EARTH: ['VENUS', 'MOON'],
  AIR: ['SATURN', 'MERCURY'],
  WATER: ['MARS', 'MARS'],
};
const ELEMENTS = ['FIRE', 'EARTH', 'AIR', 'WATER'] as const;

/** Egyptian terms: per sign, [ruler, end degree] in order (Tetrabiblos I.21). */
export const EGYPTIAN_TERMS: readonly (readonly [TraditionalPlanet, number][])[] = [
  [['JUPITER', 6], ['VENUS', 12], ['MERCURY', 20], ['MARS', 25], ['SATURN', 30]],
  [['VENUS', 8], ['MERCURY', 14], ['JUPITER', 22], ['SATURN', 27], ['MARS', 30]],
  [['MERCURY', 6], ['JUPITER', 12], ['VENUS', 17], ['MARS', 24], ['SATURN', 30]],
  [['MARS', 7], ['VENUS', 13], ['MERCURY', 19], ['JUPITER', 26], ['SATURN', 30]],
  [['JUPITER', 6], ['VENUS', 11], ['SATURN', 18], ['MERCURY', 24], ['MARS', 30]],
  [['MERCURY', 7], ['VENUS', 17], ['JUPITER', 21], ['MARS', 28], ['SATURN', 30]],
  [['SATURN', 6], ['MERCURY', 14], ['JUPITER', 21], ['VENUS', 28], ['MARS', 30]],
  [['MARS', 7], ['VENUS', 11], ['MERCURY', 19], ['JUPITER', 24], ['SATURN', 30]],
  [['JUPITER', 12], ['VENUS', 17], ['MERCURY', 21], ['SATURN', 26], ['MARS', 30]],
  [['MERCURY', 7], ['JUPITER', 14], ['VENUS', 22], ['SATURN', 26], ['MARS', 30]],
  [['MERCURY', 7], ['VENUS', 13], ['JUPITER', 20], ['MARS', 25], ['SATURN', 30]],
  [['VENUS', 12], ['JUPITER', 16], ['MERCURY', 19], ['MARS', 28], ['SATURN', 30]],
];

/** Chaldean order used for the faces, starting with Mars at 0° Aries. */
const CHALDEAN_FROM_MARS: readonly TraditionalPlanet[] = ['MARS', 'SUN', 'VENUS', 'MERCURY', 'MOON', 'SATURN', 'JUPITER'];

function signIndex(longitude: number): number {
  return Math.floor(normalizeDegrees(longitude) / 30) % 12;
}

/** Domicile ruler of the sign containing `longitude` (degrees). */
export function domicileRuler(longitude: number): TraditionalPlanet {
  return DOMICILE_RULERS[signIndex(longitude)];
}

/** Triplicity ruler at `longitude` for a day (`isDayChart`) or night chart (Lilly). */
export function triplicityRuler(longitude: number, isDayChart: boolean): TraditionalPlanet {
  const pair = TRIPLICITY[ELEMENTS[signIndex(longitude) % 4]];
  return isDayChart ? pair[0] : pair[1];
}

/** Egyptian term ruler at `longitude` (degrees). */
export function termRuler(longitude: number): TraditionalPlanet {
  const lon = normalizeDegrees(longitude);
  const within = lon % 30;
  return EGYPTIAN_TERMS[signIndex(lon)].find(([, end]) => within < end)![0];
}

/** Face (decan) ruler at `longitude`: 36 faces of 10° in Chaldean order from Mars at 0° Aries. */
export function faceRuler(longitude: number): TraditionalPlanet {
  const decan = Math.floor(normalizeDegrees(longitude) / 10) % 36;
  return CHALDEAN_FROM_MARS[decan % 7];
}

/** Exaltation ruler of the sign containing `longitude`, or null (Gemini, Leo, Sagittarius, Aquarius). */
export function exaltationRuler(longitude: number): TraditionalPlanet | null {
  const s = SIGNS[signIndex(longitude)];
  return TRADITIONAL_PLANETS.find((p) => EXALTATIONS[p].sign === s) ?? null;
}

/**
 * Sect of a chart: day when the Sun is above the horizon, i.e. in the half of the ecliptic from the
 * Descendant forward to the Ascendant (houses 7–12). Ecliptic approximation: ignores the Sun's
 * latitude (< 1″) and refraction.
 * @param sunLongitude, ascendant degrees
 */
export function isDayChart(sunLongitude: number, ascendant: number): boolean {
  return normalizeDegrees(sunLongitude - ascendant) >= 180;
}

export interface EssentialDignity {
  planet: TraditionalPlanet;
  longitude: number;
  sign: Sign;
  /** The dignities and debilities held, e.g. ['DOMICILE', 'TERM']; ['PEREGRINE'] when none. */
  kinds: DignityKind[];
  /** Sum of Lilly's scores of `kinds`. */
  score: number;
}

function checkPlanet(planet: string): asserts planet is TraditionalPlanet {
  if (!(TRADITIONAL_PLANETS as readonly string[]).includes(planet)) {
    throw new ValidationError('planet', `essential dignities are defined for the seven traditional planets, not ${planet}`);
  }
}

/**
 * Essential dignities and debilities of a traditional planet at an ecliptic longitude (tropical),
 * scored after Lilly. A planet both dignified and debilitated (e.g. Mercury in Pisces: term, fall
 * and detriment) sums them all.
 */
export function essentialDignity(planet: TraditionalPlanet, longitude: number, dayChart: boolean): EssentialDignity {
  checkPlanet(planet);
  const lon = normalizeDegrees(longitude);
  const si = signIndex(lon);
  const kinds: DignityKind[] = [];
  if (DOMICILE_RULERS[si] === planet) kinds.push('DOMICILE');
  if (EXALTATIONS[planet].sign === SIGNS[si]) kinds.push('EXALTATION');
  if (triplicityRuler(lon, dayChart) === planet) kinds.push('TRIPLICITY');
  if (termRuler(lon) === planet) kinds.push('TERM');
  if (faceRuler(lon) === planet) kinds.push('FACE');
  const dignified = kinds.length > 0;
  if (DOMICILE_RULERS[(si + 6) % 12] === planet) kinds.push('DETRIMENT');
  if (SIGNS[(SIGNS.indexOf(EXALTATIONS[planet].sign) + 6) % 12] === SIGNS[si]) kinds.push('FALL');
  if (!dignified) kinds.push('PEREGRINE');
  return { planet, longitude: lon, sign: SIGNS[si], kinds, score: kinds.reduce((s, k) => s + LILLY_SCORES[k], 0) };
}

/** Points each planet receives at one degree: domicile 5, exaltation 4, triplicity 3, term 2, face 1. */
export function dignityPointsAt(longitude: number, dayChart: boolean): Record<TraditionalPlanet, number> {
  const pts = Object.fromEntries(TRADITIONAL_PLANETS.map((p) => [p, 0])) as Record<TraditionalPlanet, number>;
  pts[domicileRuler(longitude)] += LILLY_SCORES.DOMICILE;
  const ex = exaltationRuler(longitude);
  if (ex) pts[ex] += LILLY_SCORES.EXALTATION;
  pts[triplicityRuler(longitude, dayChart)] += LILLY_SCORES.TRIPLICITY;
  pts[termRuler(longitude)] += LILLY_SCORES.TERM;
  pts[faceRuler(longitude)] += LILLY_SCORES.FACE;
  return pts;
}

export interface AlmutenResult {
  /** The planet(s) with the highest total; several when tied. */
  almuten: TraditionalPlanet[];
  /** Total points per planet. */
  scores: Record<TraditionalPlanet, number>;
}

/**
 * Almuten (al-mubtazz): the planet with most essential-dignity points over one or more degrees
 * (Ibn Ezra, The Beginning of Wisdom ch. 2; scores as in Lilly). For the almuten of a degree pass one
 * longitude; for the almuten figuris pass the hylegical points (e.g. Sun, Moon, Ascendant, Part of
 * Fortune, prenatal syzygy).
 */
export function almuten(longitudes: readonly number[], dayChart: boolean): AlmutenResult {
  if (longitudes.length === 0) throw new ValidationError('longitudes', 'at least one longitude is needed');
  const scores = Object.fromEntries(TRADITIONAL_PLANETS.map((p) => [p, 0])) as Record<TraditionalPlanet, number>;
  for (const l of longitudes) {
    const pts = dignityPointsAt(l, dayChart);
    for (const p of TRADITIONAL_PLANETS) scores[p] += pts[p];
  }
  const best = Math.max(...Object.values(scores));
  return { almuten: TRADITIONAL_PLANETS.filter((p) => scores[p] === best), scores };
}
