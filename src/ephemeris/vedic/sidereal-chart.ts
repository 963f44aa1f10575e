/**
 * The zodiac of the Vedic techniques. Jyotish works in the sidereal zodiac, so a chart request
 * that leaves `zodiac` out is taken as SIDEREAL with its `ayanamsa` (default LAHIRI, the Indian
 * Government's Chitrapaksha ayanamsa of the Calendar Reform Committee, 1955). A request that says
 * TROPICAL explicitly is honoured (some astrologers cast tropical vargas); SIDEREAL keeps its own
 * ayanamsa.
 */
import type { Ayanamsa, ChartRequest } from '../types.js';

/** Default ayanamsa of the Vedic techniques. */
export const DEFAULT_VEDIC_AYANAMSA: Ayanamsa = 'LAHIRI';

/** `req` with the Vedic default zodiac applied (SIDEREAL + LAHIRI when `zodiac` is absent). */
export function vedicChartRequest(req: ChartRequest): ChartRequest {
  if (!req || typeof req !== 'object') return req;
  if (req.zodiac === undefined || req.zodiac === null) {
    return { ...req, zodiac: 'SIDEREAL', ayanamsa: req.ayanamsa ?? DEFAULT_VEDIC_AYANAMSA };
  }
  return req;
}
