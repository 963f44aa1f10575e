/**
 * GET /api/v1/ephemeris.csv?from=…&to=…&step=1d[&bodies=SUN,MOON][&zodiac=SIDEREAL&ayanamsa=LAHIRI]
 *   [&center=TOPOCENTRIC&latitude=…&longitude=…[&elevation=…]]
 * The `ephemerisTable` query as CSV (text/csv), with the same parameters and the same at most
 * 10,000 rows, behind the same auth and quota as the other REST routes (requireAuth). The request
 * is checked whole before the first byte; then the rows are written as they are computed (chunked
 * transfer), yielding to the event loop between chunks and stopping when the client goes away.
 *
 * Columns: `utc`, `julianDayUt`, then for each body in the order asked `BODY_longitude`,
 * `BODY_latitude`, `BODY_distanceAu`, `BODY_longitudeSpeed`, `BODY_rightAscension`,
 * `BODY_declination` (degrees, AU, degrees/day; numbers as JavaScript prints them, full precision)
 * and `BODY_sign`.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppRuntime } from '../app.deps.js';
import { AYANAMSAS, BODIES, CENTERS, ZODIACS, type Position } from '../ephemeris/types.js';
import { EPHEMERIS_TABLE_COST, type EphemerisTableRequest } from '../services/techniques.requests.js';
import { quotaUnits } from '../quota/quota.hook.js';
import { restFieldNames, sendRestError } from './errors.js';
import { restErrorSchema } from './openapi.registry.js';
import { elevationParam, enumParam, instantParam, latitudeParam, listParam, longitudeParam, parseWith, plainString } from './rest-params.js';

export const EPHEMERIS_CSV_PATH = '/api/v1/ephemeris.csv';

/** Rows written between two yields to the event loop. */
const ROWS_PER_CHUNK = 50;

/**
 * The query string of the CSV route: the `ephemerisTable` input as strings (one value each,
 * unknown names refused). `bodies` is a comma-separated list.
 */
export const EphemerisCsvQuery = z
  .strictObject({
    from: instantParam('The first instant of the table: ISO 8601 with Z or an offset', '2024-01-01T00:00:00Z'),
    to: instantParam('The last possible row: rows at from + i × step up to it', '2024-02-01T00:00:00Z'),
    step: plainString('a step, e.g. "1d"').trim().min(1).max(10).meta({ description: 'Between two rows: a positive integer and a unit m, h, d or w ("30m", "6h", "1d", "2w"), at most 366 days', examples: ['1d'] }),
    bodies: listParam(BODIES, 'Bodies, in the order of the columns (default the standard set)'),
    zodiac: enumParam(ZODIACS, 'Zodiac (default TROPICAL)'),
    ayanamsa: enumParam(AYANAMSAS, 'Ayanamsa of the SIDEREAL zodiac'),
    center: enumParam(CENTERS, 'Centre (default GEOCENTRIC; TOPOCENTRIC needs latitude and longitude)'),
    latitude: latitudeParam('Latitude in degrees, north positive (with longitude)'),
    longitude: longitudeParam('Longitude in degrees, east positive'),
    elevation: elevationParam('Metres above sea level (default 0)'),
  })
  .refine((q) => (q.latitude === undefined) === (q.longitude === undefined), {
    message: 'give both latitude and longitude, or neither',
    path: ['latitude'],
  });
export type EphemerisCsvQuery = z.infer<typeof EphemerisCsvQuery>;

/**
 * The table request of a query string.
 * @throws ValidationError naming the query parameter (the first problem found)
 */
export function parseEphemerisCsvQuery(raw: unknown): EphemerisTableRequest {
  const q = parseWith(EphemerisCsvQuery, raw);
  return {
    from: new Date(q.from),
    to: new Date(q.to),
    step: q.step,
    bodies: q.bodies ?? null,
    zodiac: q.zodiac ?? null,
    ayanamsa: q.ayanamsa ?? null,
    center: q.center ?? null,
    location: q.latitude === undefined || q.longitude === undefined ? null : { latitude: q.latitude, longitude: q.longitude, elevationMeters: q.elevation ?? 0 },
  };
}

/** Numeric columns of each body, in order. */
const COLUMNS = ['longitude', 'latitude', 'distanceAu', 'longitudeSpeed', 'rightAscension', 'declination'] as const;

function headerLine(bodies: readonly string[]): string {
  return `${['utc', 'julianDayUt', ...bodies.flatMap((b) => [...COLUMNS.map((c) => `${b}_${c}`), `${b}_sign`])].join(',')}\r\n`;
}

function rowLine(utc: Date, julianDayUt: number, positions: readonly Position[]): string {
  const cells = [utc.toISOString(), String(julianDayUt)];
  for (const p of positions) cells.push(...COLUMNS.map((c) => String(p[c])), p.sign);
  return `${cells.join(',')}\r\n`;
}

/** The route's parameter names of the request's field paths. */
const FIELD_NAMES = restFieldNames({
  location: 'latitude',
  'location.latitude': 'latitude',
  'location.longitude': 'longitude',
  'location.elevationMeters': 'elevation',
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Waits until the socket takes more (or the client is gone). */
const drained = (res: NodeJS.WritableStream) =>
  new Promise<void>((resolve) => {
    res.once('drain', resolve);
    res.once('close', resolve);
  });

/** The CSV route (mounted by app.ts). */
export function ephemerisCsvRouter(rt: AppRuntime): Router {
  const router = Router();
  rt.openapi.register({
    method: 'get',
    path: EPHEMERIS_CSV_PATH,
    summary: 'A table of positions as CSV',
    description:
      'The `ephemerisTable` query as CSV, streamed: one row per instant from `from` to `to` by `step` ("1d", "6h" …), at most 10,000 rows; per body its longitude, latitude, distance, speed, right ascension, declination and sign. Example: `?from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z&step=1d&bodies=SUN,MOON`.',
    tags: ['techniques'],
    auth: true,
    query: EphemerisCsvQuery,
    responses: {
      200: { description: 'The table (`text/csv`, a header line, then one line per instant).', content: { mediaType: 'text/csv', schema: { type: 'string' } } },
      400: { description: 'A parameter is unknown, repeated, out of range, or the table would exceed 10,000 rows (`error.field` names it).', json: restErrorSchema },
    },
  });
  // Charged as the ephemerisTable field is: the cost of a table at its bound, in quota units.
  router.get(EPHEMERIS_CSV_PATH, rt.requireAuthCharging(quotaUnits([EPHEMERIS_TABLE_COST])), async (req, res) => {
    res.locals.observation.operation = 'rest_ephemeris_csv';
    let stream;
    try {
      stream = rt.services.techniques.ephemerisTableStream(parseEphemerisCsvQuery(req.query));
    } catch (error) {
      sendRestError(req, res, error, rt.logger, FIELD_NAMES);
      return;
    }
    const { table, rows } = stream;
    let gone = false;
    res.on('close', () => {
      gone = true;
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', 'attachment; filename="ephemeris.csv"');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Ephemeris-Rows', String(table.rows));
    try {
      res.write(headerLine(table.bodies));
      let n = 0;
      for (const row of rows) {
        if (gone) break;
        if (!res.write(rowLine(row.utc, row.julianDayUt, row.positions))) await drained(res);
        else if (++n % ROWS_PER_CHUNK === 0) await nextTurn();
      }
      rows.return(undefined);
      res.end();
    } catch (error) {
      // The status line has gone: log, and cut the response so the client sees it incomplete.
      rt.logger.error({ err: error, requestId: req.id }, 'ephemeris CSV failed while streaming (masked)');
      res.destroy();
    }
  });
  return router;
}
