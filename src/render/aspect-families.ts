/**
 * Aspect families used for colouring: hard (conjunction, opposition, square, semisquare,
 * sesquisquare: the divisions of the circle by 1, 2, 4 and 8), soft (trine, sextile: by 3 and 6)
 * and minor (every other of the 17 types: quincunx, semisextile, quintiles, septiles, noviles).
 */
import type { AspectType } from '../ephemeris/types.js';

export type AspectFamily = 'hard' | 'soft' | 'minor';

const FAMILY: Readonly<Record<AspectType, AspectFamily>> = {
  CONJUNCTION: 'hard',
  OPPOSITION: 'hard',
  SQUARE: 'hard',
  SEMISQUARE: 'hard',
  SESQUISQUARE: 'hard',
  TRINE: 'soft',
  SEXTILE: 'soft',
  QUINCUNX: 'minor',
  SEMISEXTILE: 'minor',
  QUINTILE: 'minor',
  BIQUINTILE: 'minor',
  SEPTILE: 'minor',
  BISEPTILE: 'minor',
  TRISEPTILE: 'minor',
  NOVILE: 'minor',
  BINOVILE: 'minor',
  QUADRINOVILE: 'minor',
};

/** The colouring family of an aspect type. */
export function aspectFamily(type: AspectType): AspectFamily {
  return FAMILY[type];
}
