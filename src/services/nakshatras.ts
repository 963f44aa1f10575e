/**
 * Positions in the sidereal zodiac carry their nakshatra, pada and Vimshottari lord (the GraphQL
 * `Position.nakshatra`; null in the tropical zodiac, where a nakshatra means nothing).
 */
import { nakshatraOf, type DashaLord, type Nakshatra } from '../ephemeris/vedic/nakshatra.js';
import type { Chart, Position } from '../ephemeris/types.js';

/** The GraphQL `NakshatraPosition`. */
export interface PositionNakshatra {
  nakshatra: Nakshatra;
  pada: number;
  lord: DashaLord;
}

/** A position with its nakshatra (sidereal zodiac). */
export type SiderealPosition = Position & { nakshatra: PositionNakshatra };

/** `positions` (sidereal longitudes) each with its nakshatra. */
export function withSiderealNakshatras(positions: readonly Position[]): SiderealPosition[] {
  return positions.map((p) => {
    const { nakshatra, pada, lord } = nakshatraOf(p.longitude);
    return { ...p, nakshatra: { nakshatra, pada, lord } };
  });
}

/** The chart with nakshatras on its positions when it was computed in the sidereal zodiac. */
export function chartWithNakshatras(chart: Chart, zodiac: string): Chart {
  return zodiac === 'SIDEREAL' ? { ...chart, positions: withSiderealNakshatras(chart.positions) } : chart;
}
