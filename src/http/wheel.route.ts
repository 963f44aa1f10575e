/**
 * GET /api/v1/charts/wheel.svg?…: a chart wheel as `image/svg+xml`, behind the same auth and quota
 * as the calculations (requireAuth), from the same chart service, with rendered pictures kept in
 * the gateway cache (Redis or memory) for CACHE_TTL seconds. A cached picture still needs a valid
 * token and still counts against the quota (requireAuth runs first).
 *
 * Query parameters (all strings; repeated parameters and unknown names are refused):
 * - moment: `date` (or `utc`) = ISO 8601 instant with Z or an offset; or `localDateTime` with
 *   `timeZone` (IANA) or `utcOffsetMinutes`; `disambiguation` = compatible|earlier|later|reject
 * - place (optional; houses and angles need it): `latitude`, `longitude` (east positive), `elevation` (m)
 * - chart: `houseSystem`, `zodiac`, `ayanamsa`, `center`, `bodies` (comma-separated names)
 * - picture: `size` (300–2000), `theme` (light|dark), `aspects` (comma-separated aspect types to
 *   draw), `showAspects`, `showDegreeLabels` (true|false), `title`, `innerLabel`, `outerLabel`, `idPrefix`
 * - bi-wheel: `outerDate`/`outerUtc`, `outerLocalDateTime`, `outerTimeZone`, `outerUtcOffsetMinutes`,
 *   `outerLatitude`, `outerLongitude`, `outerElevation` (the outer chart uses the same chart options)
 *
 * Example: /api/v1/charts/wheel.svg?date=1990-01-15T14:30:00Z&latitude=51.5&longitude=-0.13&theme=dark
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import { ValidationError } from '../errors.js';
import type { AppRuntime } from '../app.deps.js';
import {
  ASPECT_TYPES,
  AYANAMSAS,
  BODIES,
  CENTERS,
  DISAMBIGUATIONS,
  HOUSE_SYSTEMS,
  ZODIACS,
  type AspectType,
} from '../ephemeris/types.js';
import { renderWheelSvg, resolveWheelOptions, type WheelOptions, type WheelTheme } from '../render/index.js';
import { stableStringify, toChartRequest, type ChartInputLike } from '../services/chart-request.js';
import { sendRestError } from './errors.js';

export const WHEEL_PATH = '/api/v1/charts/wheel.svg';

const MOMENT_PARAMS = ['date', 'utc', 'localDateTime', 'timeZone', 'utcOffsetMinutes', 'disambiguation'] as const;
const PLACE_PARAMS = ['latitude', 'longitude', 'elevation'] as const;
const KNOWN_PARAMS = new Set<string>([
  ...MOMENT_PARAMS,
  ...PLACE_PARAMS,
  'houseSystem', 'zodiac', 'ayanamsa', 'center', 'bodies',
  'size', 'theme', 'aspects', 'showAspects', 'showDegreeLabels', 'title', 'innerLabel', 'outerLabel', 'idPrefix',
  ...[...MOMENT_PARAMS, ...PLACE_PARAMS].filter((p) => p !== 'disambiguation').map(outerName),
  'outerDisambiguation',
]);

function outerName(param: string): string {
  return `outer${param.charAt(0).toUpperCase()}${param.slice(1)}`;
}

type Query = Record<string, string | undefined>;

/** One value per parameter: refuses repeated and unknown parameters. */
function flatten(raw: Record<string, unknown>): Query {
  const out: Query = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!KNOWN_PARAMS.has(name)) throw new ValidationError(name, `unknown query parameter "${name}"`);
    if (typeof value !== 'string') throw new ValidationError(name, `${name} must be given once, as a plain value`);
    out[name] = value;
  }
  return out;
}

function number(q: Query, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new ValidationError(name, `${name} must be a number`);
  return n;
}

function integer(q: Query, name: string): number | undefined {
  const n = number(q, name);
  if (n !== undefined && !Number.isInteger(n)) throw new ValidationError(name, `${name} must be an integer`);
  return n;
}

function bool(q: Query, name: string): boolean | undefined {
  const v = q[name]?.toLowerCase();
  if (v === undefined) return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ValidationError(name, `${name} must be true or false`);
}

function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T | undefined {
  const v = q[name]?.toUpperCase();
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new ValidationError(name, `${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function list<T extends string>(q: Query, name: string, allowed: readonly T[]): T[] | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  return v.split(',').map((item, i) => {
    const upper = item.trim().toUpperCase();
    if (!(allowed as readonly string[]).includes(upper)) {
      throw new ValidationError(`${name}.${i}`, `${name}: unknown value "${item.trim()}"`);
    }
    return upper as T;
  });
}

/** Moment and place from the plain (`date`…) or prefixed (`outerDate`…) parameters. */
function momentAndPlace(q: Query, name: (p: string) => string): Pick<ChartInputLike, 'moment' | 'location'> {
  const date = q[name('date')];
  const utc = q[name('utc')];
  if (date !== undefined && utc !== undefined) {
    throw new ValidationError(name('date'), `give ${name('date')} or ${name('utc')}, not both`);
  }
  const instant = date ?? utc;
  if (instant !== undefined && !/(Z|[+-]\d{2}:?\d{2})$/i.test(instant.trim())) {
    throw new ValidationError(name(date !== undefined ? 'date' : 'utc'), 'the instant needs Z or an offset, e.g. "2024-01-01T12:00:00Z"');
  }
  const latitude = number(q, name('latitude'));
  const longitude = number(q, name('longitude'));
  if ((latitude === undefined) !== (longitude === undefined)) {
    throw new ValidationError(name(latitude === undefined ? 'latitude' : 'longitude'), 'give both latitude and longitude, or neither');
  }
  return {
    moment: {
      utc: instant,
      localDateTime: q[name('localDateTime')],
      timeZone: q[name('timeZone')],
      utcOffsetMinutes: integer(q, name('utcOffsetMinutes')),
      disambiguation: oneOf(q, name('disambiguation'), DISAMBIGUATIONS),
    },
    location:
      latitude === undefined || longitude === undefined
        ? undefined
        : { latitude, longitude, elevationMeters: number(q, name('elevation')) },
  };
}

export interface WheelQuery {
  input: ChartInputLike;
  outer: ChartInputLike | null;
  options: WheelOptions;
}

/**
 * Reads and checks the query string of the wheel route.
 * @throws ValidationError naming the query parameter
 */
export function parseWheelQuery(raw: Record<string, unknown>): WheelQuery {
  const q = flatten(raw);
  const chartOptions = {
    bodies: list(q, 'bodies', BODIES),
    houseSystem: oneOf(q, 'houseSystem', HOUSE_SYSTEMS),
    zodiac: oneOf(q, 'zodiac', ZODIACS),
    ayanamsa: oneOf(q, 'ayanamsa', AYANAMSAS),
    center: oneOf(q, 'center', CENTERS),
  };
  const input: ChartInputLike = { ...momentAndPlace(q, (p) => p), ...chartOptions };
  const hasOuter = Object.keys(q).some((k) => k.startsWith('outer') && k !== 'outerLabel');
  const outer: ChartInputLike | null = hasOuter ? { ...momentAndPlace(q, outerName), ...chartOptions } : null;
  const theme = q.theme?.toLowerCase();
  const options: WheelOptions = {
    size: integer(q, 'size'),
    theme: theme as WheelTheme | undefined,
    aspectTypes: list<AspectType>(q, 'aspects', ASPECT_TYPES),
    showAspects: bool(q, 'showAspects'),
    showDegreeLabels: bool(q, 'showDegreeLabels'),
    title: q.title,
    innerLabel: q.innerLabel,
    outerLabel: q.outerLabel,
    idPrefix: q.idPrefix,
  };
  return { input, outer, options };
}

/** REST names of ChartInput field paths (plain or outer). */
function restField(field: string, outer: boolean): string {
  const map: Record<string, string> = {
    moment: 'date',
    'moment.utc': 'date',
    'moment.localDateTime': 'localDateTime',
    'moment.timeZone': 'timeZone',
    'moment.utcOffsetMinutes': 'utcOffsetMinutes',
    'location.latitude': 'latitude',
    'location.longitude': 'longitude',
    'location.elevationMeters': 'elevation',
    location: 'latitude',
  };
  const name = map[field] ?? field.replace(/^options\./, '');
  return outer && map[field] ? outerName(name) : name;
}

function renamed(error: unknown, outer: boolean): unknown {
  if (error instanceof ValidationError) {
    const Ctor = error.constructor as new (field: string, message: string, options?: { cause?: unknown }) => ValidationError;
    return new Ctor(restField(error.field, outer), error.message, { cause: error });
  }
  return error;
}

/** Cache key of a picture: the normalised chart requests and the resolved options. */
function cacheKey(query: WheelQuery): string {
  const resolved = resolveWheelOptions(query.options);
  const material = stableStringify({
    chart: toChartRequest(query.input),
    outer: query.outer ? toChartRequest(query.outer) : null,
    options: { ...resolved, aspectTypes: resolved.aspectTypes ? [...resolved.aspectTypes].sort() : null },
  });
  return `wheel-svg:v1:${createHash('sha256').update(material).digest('hex')}`;
}

/** The wheel route (mounted by app.ts). */
export function wheelRouter(rt: AppRuntime): Router {
  const router = Router();
  router.get(WHEEL_PATH, rt.requireAuth, async (req, res) => {
    res.locals.observation.operation = 'rest_wheel_svg';
    try {
      const query = parseWheelQuery(req.query as Record<string, unknown>);
      let key: string;
      try {
        resolveWheelOptions(query.options);
        toChartRequest(query.input);
      } catch (error) {
        throw renamed(error, false);
      }
      try {
        key = cacheKey(query);
      } catch (error) {
        throw renamed(error, true);
      }
      let svg = await rt.cache.get(key);
      res.setHeader('X-Cache', svg === undefined ? 'MISS' : 'HIT');
      if (svg === undefined) {
        const loaders = rt.services.chart.createLoaders();
        const chart = await rt.services.chart.chart(query.input, loaders, '').catch((e: unknown) => {
          throw renamed(e, false);
        });
        const outer = query.outer
          ? await rt.services.chart.chart(query.outer, loaders, '').catch((e: unknown) => {
              throw renamed(e, true);
            })
          : undefined;
        svg = renderWheelSvg(chart, query.options, outer);
        await rt.cache.set(key, svg, { ttl: rt.config.cacheTtlSeconds });
      }
      res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
      res.setHeader('Cache-Control', `private, max-age=${rt.config.cacheTtlSeconds}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.send(svg);
    } catch (error) {
      sendRestError(req, res, renamed(error, false), rt.logger);
    }
  });
  return router;
}
