/**
 * Divisional charts (vargas) of Parashara: the sixteen of BPHS ch. 6 ("The sixteen divisions of a
 * rasi", Santhanam's translation). Each sign of 30° is cut into N equal parts (D30 excepted) and
 * every part is mapped to a sign by the verse's rule:
 *
 * | D | name | rule (odd = Aries, Gemini …; movable = Aries, Cancer, Libra, Capricorn) |
 * | --- | --- | --- |
 * | 1 | rasi | the sign itself |
 * | 2 | hora (vv. 5–6) | odd sign: first half Sun's hora (Leo), second half Moon's (Cancer); even sign the reverse |
 * | 3 | drekkana (vv. 7–8) | 1st, 5th, 9th sign from the sign |
 * | 4 | chaturthamsa (v. 9) | 1st, 4th, 7th, 10th sign from the sign (the kendras) |
 * | 7 | saptamsa (vv. 10–11) | odd: counted from the sign; even: from the 7th sign |
 * | 9 | navamsa | counted from Aries / Capricorn / Libra / Cancer for fire / earth / air / water signs, i.e. floor(λ / 3°20′) mod 12 |
 * | 10 | dasamsa | odd: from the sign; even: from the 9th sign |
 * | 12 | dwadasamsa | from the sign itself |
 * | 16 | shodasamsa (v. 16) | movable from Aries, fixed from Leo, dual from Sagittarius |
 * | 20 | vimsamsa (vv. 17–21) | movable from Aries, fixed from Sagittarius, dual from Leo |
 * | 24 | chaturvimsamsa (vv. 22–23) | odd from Leo, even from Cancer |
 * | 27 | saptavimsamsa / bhamsa (vv. 24–26) | fire from Aries, earth from Cancer, air from Libra, water from Capricorn, i.e. floor(λ / 1°6′40″) mod 12 |
 * | 30 | trimsamsa | unequal: odd signs Mars 5°, Saturn 5°, Jupiter 8°, Mercury 7°, Venus 5° → Aries, Aquarius, Sagittarius, Gemini, Libra; even signs Venus 5°, Mercury 7°, Jupiter 8°, Saturn 5°, Mars 5° → Taurus, Virgo, Pisces, Capricorn, Scorpio (each lord's sign of the same parity) |
 * | 40 | khavedamsa | odd from Aries, even from Libra |
 * | 45 | akshavedamsa | movable from Aries, fixed from Leo, dual from Sagittarius |
 * | 60 | shashtiamsa | twice the degrees in the sign, integer part, counted from the sign itself |
 *
 * Where schools differ (stated, not selectable): D2 here is Parashara's (only Cancer and Leo);
 * the "parivritti" (cyclic) hora of Jagannatha Hora maps the 24 horas round the zodiac. D30 is
 * Parashara's unequal trimsamsa; cyclic 1° trimsamsas are a later variant. D60 is counted from the
 * sign itself, as P.V.R. Narasimha Rao and Jagannatha Hora do; a reading of the verse that counts
 * from Aries (floor(2 × degrees) mod 12 + 1) exists in some translations' notes. D3 is Parashara's
 * (not the Jagannatha or Somanatha drekkanas). Boundaries belong to the next part (a longitude of
 * exactly 15° in an odd sign is in the Moon's hora).
 */
import { fieldPath, ValidationError } from '../../errors.js';
import { SIGNS, type Body, type ChartRequest, type Sign } from '../types.js';
import { normalizeDegrees } from '../techniques/angles.js';
import { natalChart, normalizeChartRequest } from '../techniques/cast.js';
import { vedicChartRequest } from './sidereal-chart.js';

/** The sixteen divisions of BPHS ch. 6. */
export const DIVISIONS = [1, 2, 3, 4, 7, 9, 10, 12, 16, 20, 24, 27, 30, 40, 45, 60] as const;
export type Division = (typeof DIVISIONS)[number];

/** Trimsamsa (D30) parts: [end degree within the sign, sign index] for odd and even signs. */
const TRIMSAMSA_ODD: readonly (readonly [number, number])[] = [[5, 0], [10, 10], [18, 8], [25, 2], [30, 6]];
const TRIMSAMSA_EVEN: readonly (readonly [number, number])[] = [[5, 1], [12, 5], [20, 11], [25, 9], [30, 7]];

/** Start offset (signs from Aries) for movable / fixed / dual signs. */
function byQuality(sign: number, movable: number, fixed: number, dual: number): number {
  const q = sign % 3;
  return q === 0 ? movable : q === 1 ? fixed : dual;
}

/** True for odd (masculine) signs: Aries, Gemini, Leo … (index 0, 2, 4 …). */
function isOdd(sign: number): boolean {
  return sign % 2 === 0;
}

/**
 * Sign index (0 = Aries) of a longitude in divisional chart D`division`.
 * @param longitude ecliptic longitude in degrees (sidereal for Jyotish), any range.
 */
export function divisionalSignIndex(longitude: number, division: Division): number {
  const lon = normalizeDegrees(longitude);
  const sign = Math.min(11, Math.floor(lon / 30));
  const deg = Math.min(Math.max(lon - sign * 30, 0), 30 - 1e-12);
  const part = Math.min(division - 1, Math.floor((deg * division) / 30));
  const from = (start: number) => (start + part) % 12;
  switch (division) {
    case 1: return sign;
    case 2: return (isOdd(sign) ? part === 0 : part === 1) ? 4 : 3;
    case 3: return (sign + 4 * part) % 12;
    case 4: return (sign + 3 * part) % 12;
    case 7: return from(isOdd(sign) ? sign : sign + 6);
    case 9: return Math.floor(lon / (30 / 9)) % 12;
    case 10: return from(isOdd(sign) ? sign : sign + 8);
    case 12: return from(sign);
    case 16: return from(byQuality(sign, 0, 4, 8));
    case 20: return from(byQuality(sign, 0, 8, 4));
    case 24: return from(isOdd(sign) ? 4 : 3);
    case 27: return Math.floor(lon / (30 / 27)) % 12;
    case 30: {
      const table = isOdd(sign) ? TRIMSAMSA_ODD : TRIMSAMSA_EVEN;
      for (const [end, s] of table) if (deg < end) return s;
      return table[table.length - 1][1];
    }
    case 40: return from(isOdd(sign) ? 0 : 6);
    case 45: return from(byQuality(sign, 0, 4, 8));
    case 60: return (sign + Math.floor(deg * 2)) % 12;
    default: throw new ValidationError('division', `unsupported division D${String(division)}`);
  }
}

/** Sign of a longitude in divisional chart D`division` (see {@link divisionalSignIndex}). */
export function divisionalSign(longitude: number, division: Division): Sign {
  return SIGNS[divisionalSignIndex(longitude, division)];
}

/** The GraphQL `DivisionalPosition`. */
export interface DivisionalPosition { body: Body; sign: Sign }
/** The GraphQL `DivisionalChart`. */
export interface DivisionalChart {
  division: Division;
  /** Null when the request has no location (no ascendant). */
  ascendantSign: Sign | null;
  positions: DivisionalPosition[];
}

/** Checks a division number; @throws ValidationError(field). */
export function checkDivision(division: unknown, field = 'division'): Division {
  if (typeof division !== 'number' || !(DIVISIONS as readonly number[]).includes(division)) {
    throw new ValidationError(field, `division must be one of ${DIVISIONS.join(', ')}`);
  }
  return division as Division;
}

/**
 * Divisional chart D`division` of a chart request: the sign of every requested body and, with a
 * location, of the ascendant. Zodiac: SIDEREAL with LAHIRI unless the request says otherwise
 * (sidereal-chart.ts).
 * @throws ValidationError (`division`, `chart.…`, under `field`)
 */
export function divisionalChart(chart: ChartRequest, division: number, field = ''): DivisionalChart {
  const d = checkDivision(division, fieldPath(field, 'division'));
  const n = normalizeChartRequest(vedicChartRequest(chart), fieldPath(field, 'chart'));
  const { chart: c, houses } = natalChart(n);
  return {
    division: d,
    ascendantSign: houses ? divisionalSign(houses.ascendant, d) : null,
    positions: c.positions.map((p) => ({ body: p.body, sign: divisionalSign(p.longitude, d) })),
  };
}
