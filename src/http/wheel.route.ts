/**
 * GET /api/v1/charts/wheel.svg?…: a chart wheel as `image/svg+xml`, behind the same auth and quota
 * as the calculations (requireAuth), from the same chart service, with rendered pictures kept in
 * the gateway cache (Redis or memory) for CACHE_TTL seconds. A cached picture still needs a valid
 * token and still counts against the quota (requireAuth runs first).
 *
 * Query parameters (all strings; repeated parameters and unknown names are refused):
 * - moment: `date` (or `utc`) = ISO 8601 instant with Z or an offset; or `localDateTime` with
 *   `timeZone` (IANA) or `utcOffsetMinutes`; `disambiguation` = compatible|earlier|later|reject
 * - location (optional; houses and angles need it): `latitude`, `longitude` (east positive), `elevation` (m),
 *   or `place` ("Ulm, DE") instead of the coordinates; a `localDateTime` without `timeZone` or
 *   `utcOffsetMinutes` is read in the location's zone (the default title names the place)
 * - chart: `houseSystem`, `zodiac`, `ayanamsa`, `center`, `bodies` (comma-separated names)
 * - picture: `style` (western|north_indian|south_indian: the round wheel or a square chart of
 *   Jyotish), `size` (300–2000), `theme` (light|dark), `aspects` (comma-separated aspect types to
 *   draw), `showAspects`, `showDegreeLabels` (true|false), `title`, `innerLabel`, `outerLabel`, `idPrefix`
 * - bi-wheel: `outerDate`/`outerUtc`, `outerLocalDateTime`, `outerTimeZone`, `outerUtcOffsetMinutes`,
 *   `outerLatitude`, `outerLongitude`, `outerElevation`, `outerPlace` (the outer chart uses the same chart options)
 *
 * Example: /api/v1/charts/wheel.svg?date=1990-01-15T14:30:00Z&latitude=51.5&longitude=-0.13&theme=dark
 *      or: /api/v1/charts/wheel.svg?localDateTime=1990-01-15T14:30:00&place=London,%20GB
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import { ValidationError } from '../errors.js';
import type { AppRuntime } from '../app.deps.js';
import type { ChartRequest } from '../ephemeris/types.js';
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
import type { WheelTheme } from '../render/index.js';
import { createRequestLoaders } from '../services/request-loaders.js';
import { WHEEL_STYLES, type WheelRequest } from '../services/wheel.service.js';
import { sendRestError, type RestFieldNames } from './errors.js';

export const WHEEL_PATH = '/api/v1/charts/wheel.svg';

const MOMENT_PARAMS = ['date', 'utc', 'localDateTime', 'timeZone', 'utcOffsetMinutes', 'disambiguation'] as const;
const PLACE_PARAMS = ['latitude', 'longitude', 'elevation', 'place'] as const;
const KNOWN_PARAMS = new Set<string>([
  ...MOMENT_PARAMS,
  ...PLACE_PARAMS,
  'houseSystem', 'zodiac', 'ayanamsa', 'center', 'bodies',
  'style', 'size', 'theme', 'aspects', 'showAspects', 'showDegreeLabels', 'title', 'innerLabel', 'outerLabel', 'idPrefix',
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
function momentAndPlace(q: Query, name: (p: string) => string): Pick<ChartRequest, 'moment' | 'location'> {
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
  const place = q[name('place')];
  if (place !== undefined && latitude !== undefined) {
    throw new ValidationError(name('place'), `give either ${name('place')} or ${name('latitude')}/${name('longitude')}, not both`);
  }
  const elevationMeters = number(q, name('elevation'));
  return {
    moment: {
      utc: instant === undefined ? undefined : new Date(instant),
      localDateTime: q[name('localDateTime')],
      timeZone: q[name('timeZone')],
      utcOffsetMinutes: integer(q, name('utcOffsetMinutes')),
      disambiguation: oneOf(q, name('disambiguation'), DISAMBIGUATIONS),
    },
    location:
      place !== undefined
        ? { place, elevationMeters }
        : latitude === undefined || longitude === undefined
          ? undefined
          : { latitude, longitude, elevationMeters },
  };
}

export interface WheelQuery {
  input: ChartRequest;
  /** The picture's options and the outer chart of a bi-wheel. */
  wheel: WheelRequest;
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
  const input: ChartRequest = { ...momentAndPlace(q, (p) => p), ...chartOptions };
  const hasOuter = Object.keys(q).some((k) => k.startsWith('outer') && k !== 'outerLabel');
  const theme = q.theme?.toLowerCase();
  const wheel: WheelRequest = {
    style: oneOf(q, 'style', WHEEL_STYLES),
    size: integer(q, 'size'),
    theme: theme as WheelTheme | undefined,
    aspectTypes: list<AspectType>(q, 'aspects', ASPECT_TYPES),
    showAspects: bool(q, 'showAspects'),
    showDegreeLabels: bool(q, 'showDegreeLabels'),
    title: q.title,
    innerLabel: q.innerLabel,
    outerLabel: q.outerLabel,
    idPrefix: q.idPrefix,
    outer: hasOuter ? { ...momentAndPlace(q, outerName), ...chartOptions } : null,
  };
  return { input, wheel };
}

/** The query parameters of the chart request's moment and place fields. */
const CHART_PARAMS: Readonly<Record<string, string>> = {
  moment: 'date',
  'moment.utc': 'date',
  'moment.localDateTime': 'localDateTime',
  'moment.timeZone': 'timeZone',
  'moment.utcOffsetMinutes': 'utcOffsetMinutes',
  'moment.disambiguation': 'disambiguation',
  location: 'latitude',
  'location.latitude': 'latitude',
  'location.longitude': 'longitude',
  'location.elevationMeters': 'elevation',
  'location.place': 'place',
};

/**
 * Parameter names of the wheel request's field paths: the chart's moment and place as above, the
 * outer chart's with the `outer` prefix (`outerLatitude`); the chart options the two charts share
 * and the picture options are named as they are.
 */
const FIELD_NAMES: RestFieldNames = (path) => {
  const outer = path.startsWith('outer.');
  const inner = outer ? path.slice('outer.'.length) : path;
  const param = CHART_PARAMS[inner];
  if (param === undefined) return inner;
  return outer ? outerName(param) : param;
};

/** The wheel route (mounted by app.ts). */
export function wheelRouter(rt: AppRuntime): Router {
  const router = Router();
  router.get(WHEEL_PATH, rt.requireAuth, async (req, res) => {
    res.locals.observation.operation = 'rest_wheel_svg';
    try {
      const { input, wheel } = parseWheelQuery(req.query);
      const key = `wheel-svg:v1:${createHash('sha256').update(rt.services.wheels.pictureKey(input, wheel)).digest('hex')}`;
      let svg = await rt.cache.get(key);
      res.setHeader('X-Cache', svg === undefined ? 'MISS' : 'HIT');
      if (svg === undefined) {
        const loaders = createRequestLoaders(rt.services);
        svg = await rt.services.wheels.draw(await rt.services.chart.chart(input, loaders), wheel, loaders);
        await rt.cache.set(key, svg, { ttl: rt.config.cacheTtlSeconds });
      }
      res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
      res.setHeader('Cache-Control', `private, max-age=${rt.config.cacheTtlSeconds}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.send(svg);
    } catch (error) {
      sendRestError(req, res, error, rt.logger, FIELD_NAMES);
    }
  });
  return router;
}
