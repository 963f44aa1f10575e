/**
 * Transits: transiting positions and transit-to-natal aspects at a moment, and a search over a date
 * range for the exact times of transit-to-natal aspects, sign ingresses and natal-house ingresses.
 *
 * The search samples each transiting body once over the range (speed-aware step, see
 * events/body-longitude.ts) and finds every target longitude at once: natal point ± aspect angle,
 * the 12 sign boundaries, the 12 natal cusps. Roots are refined by Illinois regula falsi to 1e-7 day.
 * Transiting longitudes come from events/body-longitude.ts (Sun and Moon from astronomy-engine,
 * within 0.4″ of the chart module; the planets from the chart module itself), so an exact aspect
 * is exact in the charts too; slow planets' exact times are intrinsically soft (Pluto moves 1″ in
 * ≈ 7 min). Natal points come from the chart module.
 */
import type { Aspect, AspectType, Ayanamsa, Body, ChartPoint, ChartRequest, Position, ResolvedMoment, Sign } from '../types.js';
import { ASPECT_ANGLES, SIGNS } from '../types.js';
import { ValidationError } from '../../errors.js';
import { findAspectsBetween } from '../aspects.js';
import { houseOfLongitude } from '../houses.js';
import { momentFromUtc } from '../time.js';
import { bodyMotion, longitudeFn, siderealLongitudeFn } from '../events/body-longitude.js';
import { findCrossings } from '../events/search.js';
import { validateRange } from '../events/events.js';
import { aspectPoints, natalChart, normalizeChartRequest, positionsAt, type NormalizedChartRequest } from './cast.js';
import { dateFromJulianDay, normalizeDegrees } from './angles.js';

/** Default transiting bodies of a search: Sun and Mercury…Pluto (the Moon on request: ≈ 13 contacts/month/point). */
export const DEFAULT_TRANSITING_BODIES: readonly Body[] = ['SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];
/** Default aspect types of a search: the five Ptolemaic aspects. */
export const DEFAULT_SEARCH_ASPECTS: readonly AspectType[] = ['CONJUNCTION', 'SEXTILE', 'SQUARE', 'TRINE', 'OPPOSITION'];

export interface TransitsAtResult {
  moment: ResolvedMoment;
  /** Transiting positions; `house` is the natal house they fall in (when the natal chart has houses). */
  positions: Position[];
  /** Aspects transiting (first) → natal (second), with applying/separating. */
  aspects: Aspect[];
}

/**
 * Transits at a moment: transiting positions (natal chart's frame and bodies), their natal houses
 * and the transit-to-natal aspects with the natal request's aspect options.
 */
export function transitsAt(natal: ChartRequest, at: Date): TransitsAtResult {
  const n = normalizeChartRequest(natal, 'natal');
  const moment = momentFromUtc(at, 'at');
  const { chart, houses } = natalChart(n);
  const transiting = positionsAt(n, moment).map((p) => ({ ...p, house: houses ? houseOfLongitude(p.longitude, houses.cusps) : null }));
  const natalPts = aspectPoints(chart.positions, houses);
  const transitPts = transiting.map((p) => ({ point: p.body, longitude: p.longitude, longitudeSpeed: p.longitudeSpeed }));
  return { moment, positions: transiting, aspects: findAspectsBetween(transitPts, natalPts, n.aspects) };
}

export type TransitEventKind = 'ASPECT' | 'SIGN_INGRESS' | 'HOUSE_INGRESS';

export interface TransitEvent {
  kind: TransitEventKind;
  utc: Date;
  transitingBody: Body;
  /** Transiting longitude at the instant, degrees [0, 360). */
  longitude: number;
  retrograde: boolean;
  /** ASPECT: the natal point and aspect type. */
  natalPoint: ChartPoint | null;
  aspect: AspectType | null;
  /** SIGN_INGRESS: the sign entered. */
  sign: Sign | null;
  /** HOUSE_INGRESS: the natal house entered. */
  house: number | null;
}

export interface TransitSearchRequest {
  natal: ChartRequest;
  from: Date;
  to: Date;
  /** Transiting bodies; default Sun, Mercury…Pluto. */
  bodies?: Body[];
  /** Aspect types; default the five Ptolemaic. */
  aspectTypes?: AspectType[];
  /** Which events; default all three kinds. */
  kinds?: TransitEventKind[];
}

/** Longest transit search: 5 years. */
export const MAX_TRANSIT_SEARCH_DAYS = 5 * 365.25 + 1;

interface TargetMeaning { kind: TransitEventKind; natalPoint?: ChartPoint; aspect?: AspectType; boundaryIndex?: number }

/** A transit search's request checked, with its defaults applied: what the search computes from. */
export interface CheckedTransitSearch {
  /** The range, Julian days (UT). */
  a: number;
  b: number;
  n: NormalizedChartRequest;
  /** The true ayanamsa of a sidereal natal chart, else null. */
  ayanamsa: Ayanamsa | null;
  bodies: readonly Body[];
  types: readonly AspectType[];
  kinds: ReadonlySet<TransitEventKind>;
}

/**
 * Checks a transit search's request (the first thing `transitSearch` does; cheap: no search).
 * @throws ValidationError for a bad range (> 5 years, inverted, outside 1000–2999), options, or a
 *   heliocentric natal chart
 */
export function checkTransitSearch(req: TransitSearchRequest): CheckedTransitSearch {
  const [a, b] = validateRange(req.from, req.to, '', MAX_TRANSIT_SEARCH_DAYS);
  const n = normalizeChartRequest(req.natal, 'natal');
  if (n.center === 'HELIOCENTRIC') {
    throw new ValidationError('natal.center', 'transit searches need a geocentric or topocentric natal chart');
  }
  // Transiting bodies are geocentric; in a sidereal chart their longitudes are tropical − the true
  // ayanamsa of the instant (same as the chart module), so targets stay in the natal zodiac.
  const ayanamsa = n.zodiac === 'SIDEREAL' && n.ayanamsa ? n.ayanamsa : null;
  const bodies = req.bodies && req.bodies.length > 0 ? req.bodies : DEFAULT_TRANSITING_BODIES;
  const types = req.aspectTypes && req.aspectTypes.length > 0 ? req.aspectTypes : DEFAULT_SEARCH_ASPECTS;
  for (const t of types) if (!(t in ASPECT_ANGLES)) throw new ValidationError('aspectTypes', `unknown aspect type ${t}`);
  const kinds = new Set<TransitEventKind>(req.kinds && req.kinds.length > 0 ? req.kinds : ['ASPECT', 'SIGN_INGRESS', 'HOUSE_INGRESS']);
  return { a, b, n, ayanamsa, bodies, types, kinds };
}

/**
 * Ordered exact times of transit-to-natal aspects, sign ingresses and natal house ingresses in
 * (from, to]. A retrograde ingress enters the previous sign/house.
 * Sidereal natal charts are searched in the sidereal zodiac (signs, cusps and aspects).
 * @throws ValidationError as checkTransitSearch
 */
export function transitSearch(req: TransitSearchRequest): TransitEvent[] {
  const { a, b, n, ayanamsa, bodies, types, kinds } = checkTransitSearch(req);
  const { chart, houses } = natalChart(n);
  const natalPts = aspectPoints(chart.positions, houses);

  // Target longitude → meanings (a value can be several targets at once).
  const targets = new Map<number, TargetMeaning[]>();
  const add = (lon: number, m: TargetMeaning) => {
    const key = Math.round(normalizeDegrees(lon) * 1e9) / 1e9;
    const list = targets.get(key);
    if (list) list.push(m); else targets.set(key, [m]);
  };
  if (kinds.has('ASPECT')) {
    for (const p of natalPts) {
      for (const t of types) {
        const angle = ASPECT_ANGLES[t];
        add(p.longitude + angle, { kind: 'ASPECT', natalPoint: p.point, aspect: t });
        if (angle !== 0 && angle !== 180) add(p.longitude - angle, { kind: 'ASPECT', natalPoint: p.point, aspect: t });
      }
    }
  }
  if (kinds.has('SIGN_INGRESS')) for (let i = 0; i < 12; i++) add(i * 30, { kind: 'SIGN_INGRESS', boundaryIndex: i });
  if (kinds.has('HOUSE_INGRESS') && houses) houses.cusps.forEach((c, i) => add(c, { kind: 'HOUSE_INGRESS', boundaryIndex: i }));
  const targetList = [...targets.keys()];

  const out: TransitEvent[] = [];
  for (const body of bodies) {
    const lon = ayanamsa ? siderealLongitudeFn(longitudeFn(body), ayanamsa) : longitudeFn(body);
    for (const r of findCrossings(lon, targetList, a, b, bodyMotion(body).sampleStepDays)) {
      const key = Math.round(r.target * 1e9) / 1e9;
      for (const m of targets.get(key) ?? []) {
        const base = { utc: dateFromJulianDay(r.jd), transitingBody: body, longitude: r.target, retrograde: r.retrograde };
        if (m.kind === 'ASPECT') {
          out.push({ ...base, kind: 'ASPECT', natalPoint: m.natalPoint!, aspect: m.aspect!, sign: null, house: null });
        } else if (m.kind === 'SIGN_INGRESS') {
          const i = r.retrograde ? (m.boundaryIndex! + 11) % 12 : m.boundaryIndex!;
          out.push({ ...base, kind: 'SIGN_INGRESS', natalPoint: null, aspect: null, sign: SIGNS[i], house: null });
        } else {
          const i = r.retrograde ? (m.boundaryIndex! + 11) % 12 : m.boundaryIndex!;
          out.push({ ...base, kind: 'HOUSE_INGRESS', natalPoint: null, aspect: null, sign: null, house: i + 1 });
        }
      }
    }
  }
  const kindOrder: Record<TransitEventKind, number> = { SIGN_INGRESS: 0, HOUSE_INGRESS: 1, ASPECT: 2 };
  return out.sort((x, y) => x.utc.getTime() - y.utc.getTime() || kindOrder[x.kind] - kindOrder[y.kind]);
}
