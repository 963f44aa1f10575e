/**
 * Vimshottari dasha: the 120-year cycle of planetary periods counted from the Moon's nakshatra at
 * birth (BPHS ch. 46, "Vimshottari dasha", Santhanam's translation, vv. 12–21; P.V.R. Narasimha
 * Rao, "Vedic Astrology: An Integrated Approach", 2000, ch. 16).
 *
 * - The first mahadasha belongs to the lord of the Moon's nakshatra; the part of that nakshatra
 *   the Moon has already traversed is the part of the period already elapsed at birth, so the
 *   first mahadasha starts before birth and the balance at birth is the rest of it.
 * - Antardashas (level 2) divide a mahadasha in the same nine-lord order starting from the
 *   mahadasha lord, each lasting (mahadasha years × antardasha lord's years / 120); pratyantardashas
 *   (level 3) divide an antardasha the same way.
 * - Year length (schools differ; selectable): JULIAN 365.25 days (the default, as Swiss
 *   Ephemeris-based software and the reference data use), SIDEREAL 365.256363 days (the sidereal
 *   year, IERS Conventions / Astronomical Almanac value 365.256 363 004 d), SAVANA 360 days (the
 *   civil "savana" year of 12 × 30 days, Surya Siddhanta ch. 14).
 * Exact by definition; the dates inherit the Moon's longitude error (≈ 3″ gives ≈ 0.5 day on a
 * 20-year period).
 */
import { fieldPath, ValidationError } from '../../errors.js';
import type { ChartRequest, ResolvedMoment } from '../types.js';
import { normalizeChartRequest, positionsAt } from '../techniques/cast.js';
import {
  nakshatraOf, VIMSHOTTARI_SEQUENCE, VIMSHOTTARI_TOTAL_YEARS, VIMSHOTTARI_YEARS,
  type DashaLord, type NakshatraPosition,
} from './nakshatra.js';
import { vedicChartRequest } from './sidereal-chart.js';

export const DASHA_YEARS = ['JULIAN', 'SIDEREAL', 'SAVANA'] as const;
export type DashaYear = (typeof DASHA_YEARS)[number];
/** Days per dasha year for each convention (see the module comment for the sources). */
export const DASHA_YEAR_DAYS: Readonly<Record<DashaYear, number>> = { JULIAN: 365.25, SIDEREAL: 365.256363004, SAVANA: 360 };
export const MAX_DASHA_LEVELS = 3;

const MS_PER_DAY = 86_400_000;

/** One dasha period (the GraphQL `DashaPeriod`). */
export interface DashaPeriod {
  lord: DashaLord;
  /** 1 mahadasha, 2 antardasha, 3 pratyantardasha. */
  level: number;
  start: Date;
  end: Date;
  /** Lords from the mahadasha down to this period (length = level). */
  path: DashaLord[];
}

/** The running mahadasha at birth. */
export interface DashaBalance {
  lord: DashaLord;
  /** Part of the mahadasha elapsed at birth, [0, 1). */
  elapsedFraction: number;
  /** Years of the mahadasha left at birth (in dasha years of the chosen length). */
  remainingYears: number;
  mahadashaStart: Date;
  mahadashaEnd: Date;
}

export interface DashaOptions {
  /** 1–3 (default 1). */
  levels?: number;
  /** Default JULIAN. */
  yearLength?: DashaYear;
}

export interface VimshottariResult {
  /** The Moon's sidereal longitude used, degrees [0, 360). */
  moonLongitude: number;
  moonNakshatra: NakshatraPosition;
  balance: DashaBalance;
  /** Every period of levels 1…`levels` over the nine mahadashas, in time order (a period before its sub-periods). */
  periods: DashaPeriod[];
}

function checkOptions(opts: DashaOptions, field: string): { levels: number; yearDays: number } {
  const levels = opts.levels ?? 1;
  if (!Number.isInteger(levels) || levels < 1 || levels > MAX_DASHA_LEVELS) {
    throw new ValidationError(fieldPath(field, 'levels'), `levels must be an integer from 1 to ${MAX_DASHA_LEVELS}`);
  }
  const yearLength = opts.yearLength ?? 'JULIAN';
  if (!(DASHA_YEARS as readonly string[]).includes(yearLength)) {
    throw new ValidationError(fieldPath(field, 'yearLength'), `yearLength must be one of ${DASHA_YEARS.join(', ')}`);
  }
  return { levels, yearDays: DASHA_YEAR_DAYS[yearLength] };
}

function subPeriods(out: DashaPeriod[], parent: DashaPeriod, startMs: number, years: number, yearDays: number, levels: number): void {
  const first = VIMSHOTTARI_SEQUENCE.indexOf(parent.lord);
  let t = startMs;
  for (let k = 0; k < 9; k++) {
    const lord = VIMSHOTTARI_SEQUENCE[(first + k) % 9];
    const subYears = (years * VIMSHOTTARI_YEARS[lord]) / VIMSHOTTARI_TOTAL_YEARS;
    const end = t + subYears * yearDays * MS_PER_DAY;
    const period: DashaPeriod = { lord, level: parent.level + 1, start: new Date(Math.round(t)), end: new Date(Math.round(end)), path: [...parent.path, lord] };
    out.push(period);
    if (period.level < levels) subPeriods(out, period, t, subYears, yearDays, levels);
    t = end;
  }
}

/**
 * Vimshottari periods from the Moon's sidereal longitude (degrees) at `birth`: the nine
 * mahadashas from the one running at birth (which starts before birth), with their antardashas and
 * pratyantardashas down to `levels`, in time order.
 * @throws ValidationError (`field`.levels, `field`.yearLength, longitude)
 */
export function vimshottariFromMoon(moonSiderealLongitude: number, birth: ResolvedMoment, opts: DashaOptions = {}, field = ''): VimshottariResult {
  const { levels, yearDays } = checkOptions(opts, field);
  const nak = nakshatraOf(moonSiderealLongitude);
  const firstIndex = VIMSHOTTARI_SEQUENCE.indexOf(nak.lord);
  const birthMs = birth.utc.getTime();
  const firstYears = VIMSHOTTARI_YEARS[nak.lord];
  let t = birthMs - nak.fractionElapsed * firstYears * yearDays * MS_PER_DAY;
  const periods: DashaPeriod[] = [];
  let balance: DashaBalance | null = null;
  for (let k = 0; k < 9; k++) {
    const lord = VIMSHOTTARI_SEQUENCE[(firstIndex + k) % 9];
    const years = VIMSHOTTARI_YEARS[lord];
    const end = t + years * yearDays * MS_PER_DAY;
    const period: DashaPeriod = { lord, level: 1, start: new Date(Math.round(t)), end: new Date(Math.round(end)), path: [lord] };
    periods.push(period);
    if (k === 0) {
      balance = {
        lord,
        elapsedFraction: nak.fractionElapsed,
        remainingYears: (1 - nak.fractionElapsed) * years,
        mahadashaStart: period.start,
        mahadashaEnd: period.end,
      };
    }
    if (levels > 1) subPeriods(periods, period, t, years, yearDays, levels);
    t = end;
  }
  return { moonLongitude: ((moonSiderealLongitude % 360) + 360) % 360, moonNakshatra: nak, balance: balance!, periods };
}

/**
 * Vimshottari dasha of a natal chart request. The Moon is taken in the sidereal zodiac (the
 * request's ayanamsa, LAHIRI when the request gives no zodiac; see sidereal-chart.ts), from the
 * request's centre (GEOCENTRIC by default, as tradition).
 * @throws ValidationError with fields under `field` (e.g. 'natal.moment.utc', 'levels')
 */
export function vimshottariDashaOfChart(natal: ChartRequest, opts: DashaOptions = {}, field = '', natalField = fieldPath(field, 'natal')): VimshottariResult {
  checkOptions(opts, field);
  const n = normalizeChartRequest(vedicChartRequest(natal), natalField);
  const moon = positionsAt(n, n.moment, ['MOON'])[0];
  return vimshottariFromMoon(moon.longitude, n.moment, opts, field);
}

/** The periods only (the `vimshottariDasha` query's list). */
export function vimshottariDasha(natal: ChartRequest, opts: DashaOptions = {}, field = ''): DashaPeriod[] {
  return vimshottariDashaOfChart(natal, opts, field).periods;
}
