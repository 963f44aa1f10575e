/**
 * Techniques derived from one chart: essential dignities and almuten, Arabic parts, antiscia,
 * midpoints, harmonic chart, declinations with parallels, fixed-star conjunctions. Each takes a
 * chart request, casts the chart once and applies the pure functions of the sibling modules.
 */
import type { Body, ChartPoint, ChartRequest, Sign } from '../types.js';
import { ValidationError } from '../../errors.js';
import { Astronomy } from '../astro.js';
import { natalChart, normalizeChartRequest, type NormalizedChartRequest } from './cast.js';
import { almuten, essentialDignity, isDayChart, TRADITIONAL_PLANETS, type AlmutenResult, type EssentialDignity } from './dignities.js';
import { arabicParts, type ArabicPart } from './arabic-parts.js';
import { antiscia, antisciaContacts, harmonicChart, midpoints, type AntisciaContact, type AntisciaPoint, type Midpoint } from './points.js';
import { declinationFromEcliptic, parallels, trueObliquityDegrees, type DeclinationContact } from './declinations.js';
import { fixedStarConjunctions, type FixedStarConjunction } from '../stars/fixed-stars.js';
import { signOf, signLongitudeOf } from './angles.js';
import { computePositions } from '../positions.js';
import { momentFromUtc } from '../time.js';

interface Cast {
  n: NormalizedChartRequest;
  points: { point: ChartPoint; longitude: number }[];
  chart: ReturnType<typeof natalChart>;
}

function cast(req: ChartRequest, field: string): Cast {
  const n = normalizeChartRequest(req, field);
  const chart = natalChart(n);
  const points: { point: ChartPoint; longitude: number }[] = chart.chart.positions.map((p) => ({ point: p.body, longitude: p.longitude }));
  if (chart.houses) points.push({ point: 'ASCENDANT', longitude: chart.houses.ascendant }, { point: 'MIDHEAVEN', longitude: chart.houses.midheaven });
  return { n, points, chart };
}

function needHouses(c: Cast, field: string, what: string) {
  if (!c.chart.houses) throw new ValidationError(`${field}.location`, `${what} needs a location (Ascendant and sect)`);
  return c.chart.houses;
}

/** Longitude of a traditional planet in the chart, computing it if the request left it out. */
function planetLongitudes(c: Cast): Record<(typeof TRADITIONAL_PLANETS)[number], number> {
  const have = new Map(c.chart.chart.positions.map((p) => [p.body, p.longitude] as const));
  const missing = TRADITIONAL_PLANETS.filter((p) => !have.has(p));
  if (missing.length) {
    const extra = computePositions(c.n.moment, missing, { center: c.n.center, ...(c.n.location ? { location: c.n.location } : {}), zodiac: c.n.zodiac, ...(c.n.ayanamsa ? { ayanamsa: c.n.ayanamsa } : {}) });
    for (const p of extra) have.set(p.body, p.longitude);
  }
  return Object.fromEntries(TRADITIONAL_PLANETS.map((p) => [p, have.get(p)!])) as Record<(typeof TRADITIONAL_PLANETS)[number], number>;
}

export interface DignitiesReport {
  dayChart: boolean;
  /** The seven traditional planets' essential dignities (Lilly's scores). */
  planets: EssentialDignity[];
  /** Almuten of the Ascendant degree. */
  ascendantAlmuten: AlmutenResult;
  /**
   * Almuten figuris over Ibn Ezra's five hylegical places: Sun, Moon, Ascendant, Part of Fortune and
   * the prenatal syzygy (last new or full Moon before birth; the Moon's longitude at a full Moon,
   * the conjunction degree at a new Moon).
   */
  almutenFiguris: AlmutenResult;
  prenatalSyzygyLongitude: number;
}

/** The Moon's longitude at the last new or full Moon before `utc` (the prenatal syzygy). */
function prenatalSyzygy(n: NormalizedChartRequest): number {
  const birth = n.moment.utc;
  let q = Astronomy.SearchMoonQuarter(new Date(birth.getTime() - 16 * 86_400_000));
  let last: Date | null = null;
  while (q.time.date.getTime() < birth.getTime()) {
    if (q.quarter === 0 || q.quarter === 2) last = q.time.date;
    q = Astronomy.NextMoonQuarter(q);
  }
  const at = last ?? birth;
  const moment = momentFromUtc(at);
  return computePositions(moment, ['MOON'], { center: 'GEOCENTRIC', zodiac: n.zodiac, ...(n.ayanamsa ? { ayanamsa: n.ayanamsa } : {}) })[0].longitude;
}

/** Essential dignities, sect and almutens of a chart (needs a location for the Ascendant and sect). */
export function chartDignities(req: ChartRequest, field = 'natal'): DignitiesReport {
  const c = cast(req, field);
  const houses = needHouses(c, field, 'dignities');
  const lons = planetLongitudes(c);
  const day = isDayChart(lons.SUN, houses.ascendant);
  const fortune = arabicParts({ bodies: lons, ascendant: houses.ascendant, midheaven: houses.midheaven, cusps: houses.cusps }, ['FORTUNE'])[0].longitude;
  const syzygy = prenatalSyzygy(c.n);
  return {
    dayChart: day,
    planets: TRADITIONAL_PLANETS.map((p) => essentialDignity(p, lons[p], day)),
    ascendantAlmuten: almuten([houses.ascendant], day),
    almutenFiguris: almuten([lons.SUN, lons.MOON, houses.ascendant, fortune, syzygy], day),
    prenatalSyzygyLongitude: syzygy,
  };
}

/** Arabic parts of a chart (see arabic-parts.ts for the set and the night reversal). */
export function chartArabicParts(req: ChartRequest, names?: readonly string[], field = 'natal'): ArabicPart[] {
  const c = cast(req, field);
  const houses = needHouses(c, field, 'Arabic parts');
  const bodies: Partial<Record<Body, number>> = { ...planetLongitudes(c) };
  for (const p of c.chart.chart.positions) bodies[p.body] = p.longitude;
  if (bodies.URANUS === undefined) {
    bodies.URANUS = computePositions(c.n.moment, ['URANUS'], { center: c.n.center, zodiac: c.n.zodiac, ...(c.n.ayanamsa ? { ayanamsa: c.n.ayanamsa } : {}) })[0].longitude;
  }
  return arabicParts({ bodies, ascendant: houses.ascendant, midheaven: houses.midheaven, cusps: houses.cusps }, names);
}

/** Antiscia and contra-antiscia of every chart point, and the contacts within `orbDegrees`. */
export function chartAntiscia(req: ChartRequest, orbDegrees = 1, field = 'natal'): { points: AntisciaPoint[]; contacts: AntisciaContact[] } {
  const c = cast(req, field);
  return { points: antiscia(c.points), contacts: antisciaContacts(c.points, orbDegrees) };
}

/** Midpoints of every pair of chart points (bodies and, with a location, ASC and MC). */
export function chartMidpoints(req: ChartRequest, field = 'natal'): Midpoint[] {
  return midpoints(cast(req, field).points);
}

export interface HarmonicPoint { point: ChartPoint; longitude: number; sign: Sign; signLongitude: number }

/** Harmonic chart (1…360) of the chart points. */
export function chartHarmonic(req: ChartRequest, harmonic: number, field = 'natal'): HarmonicPoint[] {
  const c = cast(req, field);
  return harmonicChart(c.points, harmonic).map((p) => ({ point: p.point as ChartPoint, longitude: p.longitude, sign: signOf(p.longitude), signLongitude: signLongitudeOf(p.longitude) }));
}

export interface ChartDeclinations {
  /** True obliquity of date used for the angles, degrees. */
  obliquityDegrees: number;
  points: { point: ChartPoint; declination: number; outOfBounds: boolean }[];
  contacts: DeclinationContact[];
}

/**
 * Declinations of the chart points (bodies from their equatorial coordinates of date; ASC and MC
 * from Meeus eq. 13.4 with β = 0 and the true obliquity), "out of bounds" when |δ| > ε, and the
 * parallels / contra-parallels within `orbDegrees` (default 1°).
 */
export function chartDeclinations(req: ChartRequest, orbDegrees = 1, field = 'natal'): ChartDeclinations {
  const c = cast(req, field);
  const eps = trueObliquityDegrees(c.n.moment.julianDayUt);
  const pts: { point: ChartPoint; declination: number }[] = c.chart.chart.positions.map((p) => ({ point: p.body, declination: p.declination }));
  if (c.chart.houses) {
    // Angles are ecliptic points of date: use their tropical longitudes for the declination.
    const tropical = (lon: number) => lon + (c.n.zodiac === 'SIDEREAL' ? tropicalOffset(c) : 0);
    pts.push({ point: 'ASCENDANT', declination: declinationFromEcliptic(tropical(c.chart.houses.ascendant), 0, eps) });
    pts.push({ point: 'MIDHEAVEN', declination: declinationFromEcliptic(tropical(c.chart.houses.midheaven), 0, eps) });
  }
  return {
    obliquityDegrees: eps,
    points: pts.map((p) => ({ ...p, outOfBounds: Math.abs(p.declination) > eps })),
    contacts: parallels(pts, orbDegrees),
  };
}

/** Tropical − sidereal offset of a sidereal chart (the ayanamsa with nutation), from the Sun in both zodiacs. */
function tropicalOffset(c: Cast): number {
  const trop = computePositions(c.n.moment, ['SUN'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' })[0].longitude;
  const sid = computePositions(c.n.moment, ['SUN'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ...(c.n.ayanamsa ? { ayanamsa: c.n.ayanamsa } : {}) })[0].longitude;
  return trop - sid;
}

/**
 * Conjunctions of the chart points with the 50 catalogue stars within `orbDegrees` (default 1°).
 * Tropical charts only (star longitudes are tropical of date).
 */
export function chartFixedStars(req: ChartRequest, orbDegrees = 1, field = 'natal'): FixedStarConjunction[] {
  const c = cast(req, field);
  if (c.n.zodiac !== 'TROPICAL') throw new ValidationError(`${field}.zodiac`, 'fixed-star conjunctions use the tropical zodiac');
  return fixedStarConjunctions(c.n.moment.utc, c.points, orbDegrees);
}
