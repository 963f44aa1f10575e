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
 *   `outerLatitude`, `outerLongitude`, `outerElevation`, `outerPlace` (the outer chart uses the same chart options);
 *   `crossAspects` (comma-separated aspect types between the two charts), `crossOrbMultiplier`,
 *   `showCrossAspects`, `showOuterHouses` (true|false)
 *
 * Example: /api/v1/charts/wheel.svg?date=1990-01-15T14:30:00Z&latitude=51.5&longitude=-0.13&theme=dark
 *      or: /api/v1/charts/wheel.svg?localDateTime=1990-01-15T14:30:00&place=London,%20GB
 */
import { hash } from 'node:crypto';
import { Router } from 'express';
import { ValidationError } from '../errors.js';
import { z } from 'zod';
import type { AppRuntime } from '../app.deps.js';
import type { ChartRequest } from '../ephemeris/types.js';
import { ASPECT_TYPES, AYANAMSAS, BODIES, CENTERS, DISAMBIGUATIONS, HOUSE_SYSTEMS, ZODIACS, type AspectType } from '../ephemeris/types.js';
import { DEFAULT_CROSS_ASPECTS, MAX_WHEEL_SIZE_PX, MIN_WHEEL_SIZE_PX, WHEEL_THEMES } from '../render/index.js';
import { createRequestLoaders } from '../services/request-loaders.js';
import { WHEEL_STYLES, type WheelRequest } from '../services/wheel.service.js';
import { sendRestError, type RestFieldNames } from './errors.js';
import { restErrorSchema } from './openapi.registry.js';
import {
  booleanParam, digitsParam, elevationParam, enumParam, instantParam, integerParam, latitudeParam, listParam, longitudeParam, numberParam,
  parseWith, plainString, textParam,
} from './rest-params.js';

export const WHEEL_PATH = '/api/v1/charts/wheel.svg';

/** The moment and place parameters of one chart; the outer chart's carry the `outer` prefix. */
function chartParams(of: string) {
  return {
    date: instantParam(`The ${of} instant: ISO 8601 with Z or an offset`, '1990-01-15T14:30:00Z').optional(),
    utc: instantParam(`Another name of date`, '1990-01-15T14:30:00Z').optional(),
    localDateTime: textParam(`The ${of} local date and time ("1990-01-15T14:30:00"), with timeZone or utcOffsetMinutes`, 40),
    timeZone: textParam('IANA time zone of localDateTime', 64),
    utcOffsetMinutes: integerParam('UTC offset of localDateTime in minutes', -1440, 1440),
    latitude: latitudeParam(`The ${of} latitude in degrees, north positive (with longitude; houses and angles need a place)`),
    longitude: longitudeParam(`The ${of} longitude in degrees, east positive`),
    elevation: elevationParam('Metres above sea level'),
    place: textParam(`The ${of} place instead of latitude/longitude: a name, then optionally a country code or region ("Ulm, DE")`, 200),
  };
}
const INNER = chartParams('chart');
const OUTER = Object.fromEntries(Object.entries(chartParams('outer chart')).map(([name, schema]) => [outerName(name), schema])) as {
  [K in keyof typeof INNER as `outer${Capitalize<K>}`]: (typeof INNER)[K];
};

/**
 * The query of GET /api/v1/charts/wheel.svg: what validates it and what /api/v1/openapi.json
 * describes. Unknown and repeated parameters are refused.
 */
export const wheelQuerySchema = z.strictObject({
  ...INNER,
  disambiguation: enumParam(DISAMBIGUATIONS, 'At a DST gap or overlap of localDateTime (default COMPATIBLE)'),
  houseSystem: enumParam(HOUSE_SYSTEMS, 'House system (default PLACIDUS)'),
  zodiac: enumParam(ZODIACS, 'Zodiac (default TROPICAL)'),
  ayanamsa: enumParam(AYANAMSAS, 'Ayanamsa of the SIDEREAL zodiac'),
  center: enumParam(CENTERS, 'Centre (default GEOCENTRIC)'),
  bodies: listParam(BODIES, 'Bodies drawn (default the standard set)'),
  style: enumParam(WHEEL_STYLES, 'western: the round wheel; north_indian, south_indian: the square charts of Jyotish (default western)'),
  size: digitsParam('Width and height in pixels', MIN_WHEEL_SIZE_PX, MAX_WHEEL_SIZE_PX),
  theme: plainString(`one of ${WHEEL_THEMES.join(', ')}`)
    .pipe(z.string().transform((v) => v.toLowerCase()).pipe(z.enum(WHEEL_THEMES, { error: `expected one of ${WHEEL_THEMES.join(', ')}` })))
    .optional()
    .meta({ description: 'Colours (default light)' }),
  aspects: listParam(ASPECT_TYPES as [string, ...string[]], 'Aspect types drawn'),
  showAspects: booleanParam('Draw the aspect lines (default true)'),
  showDegreeLabels: booleanParam('Label each body with its degree (default true)'),
  title: textParam('Title drawn above the wheel', 200),
  innerLabel: textParam('Label of the inner chart of a bi-wheel', 200),
  outerLabel: textParam('Label of the outer chart of a bi-wheel', 200),
  idPrefix: textParam('Prefix of the SVG element ids (to embed several wheels in one page)', 40),
  ...OUTER,
  crossAspects: listParam(ASPECT_TYPES as [string, ...string[]], 'Bi-wheels: aspect types drawn between the two charts (default conjunction, opposition, trine, square within 3°, sextile within 2°)'),
  crossOrbMultiplier: numberParam('Bi-wheels: multiplies the orbs of the cross aspects', 0, 10),
  showCrossAspects: booleanParam('Bi-wheels: draw the aspect lines between the two charts (default true)'),
  showOuterHouses: booleanParam("Bi-wheels: draw the outer chart's house cusps and angles as ticks (default true)"),
  outerDisambiguation: enumParam(DISAMBIGUATIONS, 'At a DST gap or overlap of outerLocalDateTime'),
});
type WheelParams = z.output<typeof wheelQuerySchema>;

function outerName(param: string): string {
  return `outer${param.charAt(0).toUpperCase()}${param.slice(1)}`;
}

/** Moment and place from the plain (`date`…) or prefixed (`outerDate`…) parameters. */
function momentAndPlace(params: WheelParams, name: (p: string) => string): Pick<ChartRequest, 'moment' | 'location'> {
  const q = params as Record<string, unknown>;
  const get = <T>(p: string) => q[name(p)] as T | undefined;
  const date = get<string>('date');
  const utc = get<string>('utc');
  if (date !== undefined && utc !== undefined) {
    throw new ValidationError(name('date'), `give ${name('date')} or ${name('utc')}, not both`);
  }
  const instant = date ?? utc;
  const latitude = get<number>('latitude');
  const longitude = get<number>('longitude');
  if ((latitude === undefined) !== (longitude === undefined)) {
    throw new ValidationError(name(latitude === undefined ? 'latitude' : 'longitude'), 'give both latitude and longitude, or neither');
  }
  const place = get<string>('place');
  if (place !== undefined && latitude !== undefined) {
    throw new ValidationError(name('place'), `give either ${name('place')} or ${name('latitude')}/${name('longitude')}, not both`);
  }
  const elevationMeters = get<number>('elevation');
  return {
    moment: {
      utc: instant === undefined ? undefined : new Date(instant),
      localDateTime: get<string>('localDateTime'),
      timeZone: get<string>('timeZone'),
      utcOffsetMinutes: get<number>('utcOffsetMinutes'),
      disambiguation: get<ChartRequest['moment']['disambiguation']>('disambiguation'),
    },
    location:
      place !== undefined
        ? { place, elevationMeters }
        : latitude === undefined || longitude === undefined
          ? undefined
          : { latitude, longitude, elevationMeters },
  };
}

/** `crossAspects` and `crossOrbMultiplier`: the default cross aspects unless one is given. */
function crossAspects(q: WheelParams): WheelRequest['crossAspects'] {
  const types = q.crossAspects as AspectType[] | undefined;
  const orbMultiplier = q.crossOrbMultiplier;
  if (types === undefined && orbMultiplier === undefined) return undefined;
  return {
    types: types ?? DEFAULT_CROSS_ASPECTS.types,
    orbs: types === undefined ? DEFAULT_CROSS_ASPECTS.orbs : undefined,
    orbMultiplier,
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
  const q = parseWith(wheelQuerySchema, raw);
  const chartOptions = { bodies: q.bodies, houseSystem: q.houseSystem, zodiac: q.zodiac, ayanamsa: q.ayanamsa, center: q.center };
  const input: ChartRequest = { ...momentAndPlace(q, (p) => p), ...chartOptions };
  const hasOuter = Object.keys(q).some((k) => k.startsWith('outer') && k !== 'outerLabel');
  const wheel: WheelRequest = {
    style: q.style,
    size: q.size,
    theme: q.theme,
    aspectTypes: q.aspects as WheelRequest['aspectTypes'],
    showAspects: q.showAspects,
    showDegreeLabels: q.showDegreeLabels,
    title: q.title,
    innerLabel: q.innerLabel,
    outerLabel: q.outerLabel,
    idPrefix: q.idPrefix,
    showCrossAspects: q.showCrossAspects,
    showOuterHouses: q.showOuterHouses,
    crossAspects: crossAspects(q),
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
  if (path === 'crossAspects.orbMultiplier') return 'crossOrbMultiplier';
  if (path.startsWith('crossAspects.types')) return path.replace('crossAspects.types', 'crossAspects');
  const param = CHART_PARAMS[inner];
  if (param === undefined) return inner;
  return outer ? outerName(param) : param;
};

/** The wheel route (mounted by app.ts). */
export function wheelRouter(rt: AppRuntime): Router {
  const router = Router();
  rt.openapi.register({
    method: 'get',
    path: WHEEL_PATH,
    summary: 'A chart wheel as SVG',
    description: 'The chart of the moment and place given, drawn as a wheel; with an outer moment, a bi-wheel. Example: `?date=1990-01-15T14:30:00Z&latitude=51.5&longitude=-0.13&theme=dark`.',
    tags: ['charts'],
    auth: true,
    query: wheelQuerySchema,
    responses: {
      200: { description: 'The picture (`X-Cache` says whether it came from the cache).', content: { mediaType: 'image/svg+xml', schema: { type: 'string' } } },
      400: { description: 'A parameter is unknown, repeated or out of range (`error.field` names it).', json: restErrorSchema },
    },
  });
  router.get(WHEEL_PATH, rt.requireAuth, async (req, res) => {
    res.locals.observation.operation = 'rest_wheel_svg';
    try {
      const { input, wheel } = parseWheelQuery(req.query);
      const key = `wheel-svg:v1:${hash('sha256', rt.services.wheels.pictureKey(input, wheel), 'hex')}`;
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
