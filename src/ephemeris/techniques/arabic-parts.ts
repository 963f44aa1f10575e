/**
 * Arabic parts (lots): λ = base + A − B (degrees, mod 360), by day; parts marked `reverseByNight`
 * use base + B − A in a night chart (Sun below the horizon).
 *
 * The set (25 parts). Sources, with the reversal rule each gives:
 * - The seven Hermetic lots (Fortune, Spirit, Eros, Necessity, Courage, Victory, Nemesis):
 *   Paulus Alexandrinus, Introductory Matters ch. 23 (all reversed by night).
 * - Family and life lots (Father, Mother, Brothers, Children, Marriage of men/women, Sickness, Death
 *   = Saturn + 8th cusp − Moon, Travel = Asc + 9th cusp − ruler of the 9th): al-Bīrūnī, The Book of
 *   Instruction in the Elements of the Art of Astrology (1029), §476 ff., tr. R. Ramsay Wright (1934);
 *   Bonatti, Liber Astronomiae tr. 8. Sources disagree on a few reversals (e.g. Father, Children):
 *   this table follows al-Bīrūnī.
 * - Debt and Inheritance: medieval lots as modern software tabulates them (attribution uncertain).
 * - Modern lots used by Western software (Commerce, Passion, Love, Catastrophe, Friends, Partners,
 *   Faith): never reversed.
 * Positions are exact functions of their inputs (no numerical error beyond the inputs').
 */
import type { Body } from '../types.js';
import { ValidationError } from '../../errors.js';
import { normalizeDegrees } from './angles.js';
import { domicileRuler, isDayChart } from './dignities.js';

/** What a part formula may refer to: a body, an angle, a house cusp or another part. */
export type PartOperand =
  | Body
  | 'ASCENDANT' | 'MIDHEAVEN' | 'DESCENDANT'
  | 'HOUSE_8' | 'HOUSE_9'
  /** Traditional domicile ruler of the sign on the 9th cusp. */
  | 'RULER_HOUSE_9'
  | 'PART_FORTUNE' | 'PART_SPIRIT';

export interface ArabicPartDefinition {
  name: string;
  /** Day formula: base + add − subtract. */
  base: PartOperand;
  add: PartOperand;
  subtract: PartOperand;
  reverseByNight: boolean;
  source: string;
}

const P = 'Paulus Alexandrinus, Introductory Matters 23';
const B = 'al-Bīrūnī, Book of Instruction §476 ff.';
const M = 'modern (Solar Fire / Astrolog tables)';
const T = 'medieval lot as tabulated by modern software (Solar Fire); attribution and reversal vary between sources';

/** The documented set of parts, in output order. */
export const ARABIC_PARTS: readonly ArabicPartDefinition[] = [
  { name: 'FORTUNE', base: 'ASCENDANT', add: 'MOON', subtract: 'SUN', reverseByNight: true, source: P },
  { name: 'SPIRIT', base: 'ASCENDANT', add: 'SUN', subtract: 'MOON', reverseByNight: true, source: P },
  { name: 'EROS', base: 'ASCENDANT', add: 'VENUS', subtract: 'PART_SPIRIT', reverseByNight: true, source: P },
  { name: 'NECESSITY', base: 'ASCENDANT', add: 'PART_FORTUNE', subtract: 'MERCURY', reverseByNight: true, source: P },
  { name: 'COURAGE', base: 'ASCENDANT', add: 'PART_FORTUNE', subtract: 'MARS', reverseByNight: true, source: P },
  { name: 'VICTORY', base: 'ASCENDANT', add: 'JUPITER', subtract: 'PART_SPIRIT', reverseByNight: true, source: P },
  { name: 'NEMESIS', base: 'ASCENDANT', add: 'PART_FORTUNE', subtract: 'SATURN', reverseByNight: true, source: P },
  { name: 'FATHER', base: 'ASCENDANT', add: 'SATURN', subtract: 'SUN', reverseByNight: true, source: B },
  { name: 'MOTHER', base: 'ASCENDANT', add: 'MOON', subtract: 'VENUS', reverseByNight: true, source: B },
  { name: 'BROTHERS', base: 'ASCENDANT', add: 'JUPITER', subtract: 'SATURN', reverseByNight: false, source: B },
  { name: 'CHILDREN', base: 'ASCENDANT', add: 'SATURN', subtract: 'JUPITER', reverseByNight: true, source: B },
  { name: 'MARRIAGE_OF_MEN', base: 'ASCENDANT', add: 'VENUS', subtract: 'SATURN', reverseByNight: false, source: B },
  { name: 'MARRIAGE_OF_WOMEN', base: 'ASCENDANT', add: 'SATURN', subtract: 'VENUS', reverseByNight: false, source: B },
  { name: 'SICKNESS', base: 'ASCENDANT', add: 'MARS', subtract: 'SATURN', reverseByNight: true, source: B },
  { name: 'DEATH', base: 'SATURN', add: 'HOUSE_8', subtract: 'MOON', reverseByNight: false, source: B },
  { name: 'DEBT', base: 'ASCENDANT', add: 'MERCURY', subtract: 'SATURN', reverseByNight: true, source: T },
  { name: 'INHERITANCE', base: 'ASCENDANT', add: 'MOON', subtract: 'SATURN', reverseByNight: true, source: T },
  { name: 'TRAVEL', base: 'ASCENDANT', add: 'HOUSE_9', subtract: 'RULER_HOUSE_9', reverseByNight: false, source: B },
  { name: 'COMMERCE', base: 'ASCENDANT', add: 'MERCURY', subtract: 'SUN', reverseByNight: false, source: M },
  { name: 'PASSION', base: 'ASCENDANT', add: 'MARS', subtract: 'SUN', reverseByNight: false, source: M },
  { name: 'LOVE', base: 'ASCENDANT', add: 'VENUS', subtract: 'SUN', reverseByNight: false, source: M },
  { name: 'CATASTROPHE', base: 'ASCENDANT', add: 'URANUS', subtract: 'SUN', reverseByNight: false, source: M },
  { name: 'FRIENDS', base: 'ASCENDANT', add: 'MOON', subtract: 'URANUS', reverseByNight: false, source: M },
  { name: 'PARTNERS', base: 'ASCENDANT', add: 'DESCENDANT', subtract: 'VENUS', reverseByNight: false, source: M },
  { name: 'FAITH', base: 'ASCENDANT', add: 'MERCURY', subtract: 'MOON', reverseByNight: false, source: M },
];

export interface ArabicPartsInput {
  /** Longitudes (degrees) of the bodies the formulas use: SUN, MOON, MERCURY, VENUS, MARS, JUPITER, SATURN, URANUS. */
  bodies: Partial<Record<Body, number>>;
  ascendant: number;
  midheaven: number;
  /** 12 house cusps, house 1 first (cusps 8 and 9 are used). */
  cusps: readonly number[];
}

export interface ArabicPart {
  name: string;
  longitude: number;
  /** Formula actually used, e.g. "ASCENDANT + SUN − MOON". */
  formula: string;
  reversed: boolean;
  source: string;
}

/**
 * Computes the parts of {@link ARABIC_PARTS} (or the named subset) for a chart.
 * Sect from {@link isDayChart} (Sun in houses 7–12 ⇒ day).
 * @returns parts in table order, longitudes [0, 360) degrees
 * @throws ValidationError when a needed body is missing
 */
export function arabicParts(input: ArabicPartsInput, names?: readonly string[]): ArabicPart[] {
  const sun = input.bodies.SUN;
  if (sun === undefined) throw new ValidationError('bodies', 'Arabic parts need the Sun');
  const day = isDayChart(sun, input.ascendant);
  const wanted = names && names.length > 0 ? names.map((n) => n.toUpperCase()) : null;
  if (wanted) {
    const unknown = wanted.filter((n) => !ARABIC_PARTS.some((p) => p.name === n));
    if (unknown.length) throw new ValidationError('parts', `unknown Arabic part(s): ${unknown.join(', ')}`);
  }
  const computed = new Map<string, number>();
  const value = (op: PartOperand): number => {
    switch (op) {
      case 'ASCENDANT': return input.ascendant;
      case 'MIDHEAVEN': return input.midheaven;
      case 'DESCENDANT': return normalizeDegrees(input.ascendant + 180);
      case 'HOUSE_8': return input.cusps[7];
      case 'HOUSE_9': return input.cusps[8];
      case 'RULER_HOUSE_9': return value(domicileRuler(input.cusps[8]));
      case 'PART_FORTUNE': return part(ARABIC_PARTS[0]).longitude;
      case 'PART_SPIRIT': return part(ARABIC_PARTS[1]).longitude;
      default: {
        const v = input.bodies[op];
        if (v === undefined) throw new ValidationError('bodies', `Arabic parts need ${op}`);
        return v;
      }
    }
  };
  const part = (def: ArabicPartDefinition): ArabicPart => {
    const reversed = def.reverseByNight && !day;
    const [a, b] = reversed ? [def.subtract, def.add] : [def.add, def.subtract];
    const longitude = computed.get(def.name) ?? normalizeDegrees(value(def.base) + value(a) - value(b));
    computed.set(def.name, longitude);
    return { name: def.name, longitude, formula: `${def.base} + ${a} − ${b}`, reversed, source: def.source };
  };
  return ARABIC_PARTS.filter((d) => !wanted || wanted.includes(d.name)).map(part);
}
