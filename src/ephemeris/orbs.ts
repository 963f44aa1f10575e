/**
 * Default aspect orbs, degrees, for the 17 aspect types of `ASPECT_ANGLES` (types.ts).
 *
 * Source: Astrolog (Walter D. Pullen), the default aspect orb table `rAspOrb[]` in data.c,
 * unchanged from Astrolog 5.40 through 7.x: conjunction, opposition, square, trine 7°; sextile 6°;
 * inconjunct (quincunx), semisextile, semisquare, sesquiquadrate 3°; quintile, biquintile 2°;
 * semiquintile, septile, novile, binovile, biseptile, triseptile, quadranovile 1°.
 * Astrolog's set of aspects is the one the old service's 17 types were taken from (same names,
 * same angles, including 360°/7 septiles and 40° noviles).
 *
 * Adaptations: (1) the semiquintile (36°) is not one of our types and is left out; (2) Astrolog
 * widens orbs per body (`rObjAdd`: +1° when the Sun or Moon takes part, `rObjOrb` caps for
 * minor objects); we use one orb per aspect type for every pair of points, so a request's
 * `orbs` and `orbMultiplier` are the only adjustments.
 */
import type { AspectType } from './types.js';

export const DEFAULT_ORBS: Readonly<Record<AspectType, number>> = Object.freeze({
  CONJUNCTION: 7,
  OPPOSITION: 7,
  TRINE: 7,
  SQUARE: 7,
  SEXTILE: 6,
  QUINCUNX: 3,
  SEMISEXTILE: 3,
  SEMISQUARE: 3,
  SESQUISQUARE: 3,
  QUINTILE: 2,
  BIQUINTILE: 2,
  SEPTILE: 1,
  BISEPTILE: 1,
  TRISEPTILE: 1,
  NOVILE: 1,
  BINOVILE: 1,
  QUADRINOVILE: 1,
});

/** Largest orb a request may set for one aspect type, degrees (before the multiplier). */
export const MAX_ORB_DEGREES = 30;
/** Largest orb multiplier a request may set. */
export const MAX_ORB_MULTIPLIER = 5;
