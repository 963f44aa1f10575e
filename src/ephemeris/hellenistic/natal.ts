/**
 * What the Hellenistic time-lord techniques need from a natal chart: the Ascendant, the Sun and the
 * Moon, the sect (day when the Sun is above the horizon) and the Lots of Fortune and Spirit
 * (Paulus Alexandrinus, Introductory Matters 23: Fortune = Asc + Moon − Sun by day, Asc + Sun − Moon
 * by night; Spirit the reverse), in the chart request's zodiac.
 */
import { fieldPath, ValidationError } from '../../errors.js';
import { SIGNS, type ChartRequest, type ResolvedMoment, type Sign } from '../types.js';
import { housesAt, normalizeChartRequest, positionsAt } from '../techniques/cast.js';
import { arabicParts } from '../techniques/arabic-parts.js';
import { isDayChart, TRADITIONAL_PLANETS, type TraditionalPlanet } from '../techniques/dignities.js';

export interface HellenisticNatal {
  moment: ResolvedMoment;
  ascendant: number;
  midheaven: number;
  dayChart: boolean;
  /** Longitudes of the seven traditional planets, degrees. */
  planets: Record<TraditionalPlanet, number>;
  fortune: number;
  spirit: number;
}

/** Sign index 0–11 (Aries = 0) of a longitude. */
export function signIndexOf(longitude: number): number {
  return Math.floor((((longitude % 360) + 360) % 360) / 30) % 12;
}

/** Sign of index `i` (any integer, taken mod 12). */
export function signAt(i: number): Sign {
  return SIGNS[((i % 12) + 12) % 12];
}

/**
 * Casts what the time-lord techniques need. The request must have a location (Ascendant, sect).
 * @throws ValidationError with fields under `field` ('location' when it has none)
 */
export function hellenisticNatal(req: ChartRequest, field = ''): HellenisticNatal {
  const n = normalizeChartRequest(req, field);
  if (!n.location) throw new ValidationError(fieldPath(field, 'location'), 'this technique needs a birth place (the Ascendant and the sect)');
  const houses = housesAt(n, n.moment, n.location);
  const positions = positionsAt(n, n.moment, TRADITIONAL_PLANETS);
  const planets = Object.fromEntries(positions.map((p) => [p.body, p.longitude])) as Record<TraditionalPlanet, number>;
  const [fortune, spirit] = arabicParts({ bodies: planets, ascendant: houses.ascendant, midheaven: houses.midheaven, cusps: houses.cusps }, ['FORTUNE', 'SPIRIT']);
  return {
    moment: n.moment,
    ascendant: houses.ascendant,
    midheaven: houses.midheaven,
    dayChart: isDayChart(planets.SUN, houses.ascendant),
    planets,
    fortune: fortune.longitude,
    spirit: spirit.longitude,
  };
}
