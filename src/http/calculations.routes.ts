/**
 * POST /api/v1/calculations: the old service's integration body, kept exactly
 *   {"date": "2024-01-01T12:00:00Z", "latitude": 40.7128, "longitude": -74.0060,
 *    "calculations": ["positions", "aspects"]}          ("houses" also accepted)
 * answered from the same chart service as GraphQL, behind the same auth and quota.
 * or with a place name instead of the coordinates:
 *   {"date": "1990-01-15T14:30:00Z", "place": "Ulm, DE", "calculations": ["houses"]}
 * Optional extras (camelCase or snake_case): houseSystem, bodies, zodiac, ayanamsa, elevation.
 * Response: { date, latitude, longitude, place?, moment, positions?, aspects?, houses? } (the
 * resolved coordinates, the place used, the moment with its zone report).
 */
import { Router } from 'express';
import { ValidationError } from '../errors.js';
import { z } from 'zod';
import type { AppRuntime } from '../app.deps.js';
import type { ChartRequest } from '../ephemeris/types.js';
import { createRequestLoaders } from '../services/request-loaders.js';
import { AYANAMSAS, BODIES, HOUSE_SYSTEMS, ZODIACS } from '../ephemeris/types.js';
import { restFieldNames, sendRestError } from './errors.js';
import { restErrorSchema } from './openapi.registry.js';
import { caseInsensitiveEnum, COORDINATE_RANGES, instantParam, parseWith, rangedNumber } from './rest-params.js';

const CALCULATIONS = ['positions', 'aspects', 'houses'] as const;
type Calculation = (typeof CALCULATIONS)[number];

/**
 * The body of POST /api/v1/calculations: what validates it and what /api/v1/openapi.json
 * describes. Unknown fields are ignored (clients of the old service send their own); the chart
 * service checks the ranges again and the rest (the supported dates).
 */
export const calculationBodySchema = z
  .object({
    date: instantParam('The instant: ISO 8601 with Z or an offset.'),
    latitude: rangedNumber('latitude must be a number (degrees)', COORDINATE_RANGES.latitude)
      .optional()
      .meta({ description: 'Degrees, north positive (or give `place`).', examples: [40.7128] }),
    longitude: rangedNumber('longitude must be a number (degrees, east positive)', COORDINATE_RANGES.longitude)
      .optional()
      .meta({ description: 'Degrees, east positive (or give `place`).', examples: [-74.006] }),
    place: z
      .string({ error: 'place must be a string, e.g. "Ulm, DE"' })
      .trim()
      .min(1)
      .max(200)
      .nullish()
      .meta({ description: 'A birthplace instead of latitude/longitude: a name, then optionally a country code or region ("Liverpool", "Ulm, DE", "Springfield, US-IL"); the best-ranked match of the gazetteer is used and the answer names it.', examples: ['Ulm, DE'] }),
    elevation: rangedNumber('elevation must be a number (metres)', COORDINATE_RANGES.elevation).nullish().meta({ description: 'Metres above sea level (default 0).' }),
    calculations: z
      .array(
        z
          .string()
          .transform((v) => v.toLowerCase())
          .pipe(z.enum(CALCULATIONS, { error: `expected one of ${CALCULATIONS.join(', ')}` })),
      )
      .min(1, `calculations must be a non-empty array of ${CALCULATIONS.join(', ')}`)
      .max(CALCULATIONS.length * 4)
      .nullish()
      .meta({ description: 'What to answer (any case; default all three).' }),
    bodies: z.array(caseInsensitiveEnum(BODIES)).max(BODIES.length * 2).nullish().meta({ description: 'Bodies (any case; default the standard set). `planets` is accepted as another name.' }),
    planets: z.array(caseInsensitiveEnum(BODIES)).max(BODIES.length * 2).nullish().meta({ deprecated: true }),
    houseSystem: caseInsensitiveEnum(HOUSE_SYSTEMS).nullish().meta({ description: 'Default PLACIDUS. `house_system` is accepted as another name.' }),
    house_system: caseInsensitiveEnum(HOUSE_SYSTEMS).nullish().meta({ deprecated: true }),
    zodiac: caseInsensitiveEnum(ZODIACS).nullish(),
    ayanamsa: caseInsensitiveEnum(AYANAMSAS).nullish().meta({ description: 'Needed for the SIDEREAL zodiac.' }),
  })
  .loose()
  .superRefine((b, ctx) => {
    if (b.place != null) {
      if (b.latitude !== undefined || b.longitude !== undefined) ctx.addIssue({ code: 'custom', path: ['place'], message: 'give either place or latitude/longitude, not both' });
      return;
    }
    if (b.latitude === undefined) ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'latitude is required (number, degrees), or give place' });
    if (b.longitude === undefined) ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'longitude is required (number, degrees, east positive), or give place' });
  })
  .meta({ id: 'CalculationRequest' });

interface ParsedBody {
  input: ChartRequest;
  calculations: Calculation[];
  date: string;
}

/** Validates the REST body and maps it to a chart input. @throws ValidationError */
export function parseCalculationBody(raw: unknown): ParsedBody {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError('body', 'Expected a JSON object body');
  const body = parseWith(calculationBodySchema, raw);
  const calculations = [...new Set(body.calculations ?? CALCULATIONS)];
  const elevationMeters = body.elevation ?? undefined;
  const input: ChartRequest = {
    moment: { utc: new Date(body.date) },
    location: body.place != null ? { place: body.place, elevationMeters } : { latitude: body.latitude!, longitude: body.longitude!, elevationMeters },
    bodies: body.bodies ?? body.planets ?? undefined,
    houseSystem: body.houseSystem ?? body.house_system ?? undefined,
    zodiac: body.zodiac ?? undefined,
    ayanamsa: body.ayanamsa ?? undefined,
  };
  return { input, calculations, date: (raw as { date: string }).date };
}

/** The body's names of the chart request's fields. */
const FIELD_NAMES = restFieldNames({
  'location.latitude': 'latitude',
  'location.longitude': 'longitude',
  'location.elevationMeters': 'elevation',
  'location.place': 'place',
  moment: 'date',
  'moment.utc': 'date',
});

const ANGLE = z.number().meta({ description: 'degrees in [0, 360)' });
const calculationResponseSchema = z
  .object({
    date: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    moment: z.object({ utc: z.string(), julianDayUt: z.number(), julianDayTt: z.number(), deltaTSeconds: z.number() }).loose(),
    positions: z
      .array(
        z
          .object({
            body: z.enum(BODIES),
            longitude: ANGLE,
            latitude: z.number(),
            distanceAu: z.number(),
            longitudeSpeed: z.number().meta({ description: 'degrees per day' }),
            retrograde: z.boolean(),
            sign: z.string(),
            signLongitude: z.number(),
            house: z.number().int().nullable(),
          })
          .loose(),
      )
      .optional(),
    aspects: z
      .array(z.object({ first: z.string(), second: z.string(), type: z.string(), orb: z.number(), applying: z.boolean() }).loose())
      .optional(),
    houses: z
      .object({ system: z.enum(HOUSE_SYSTEMS), cusps: z.array(ANGLE).meta({ description: '12 cusps, house 1 first' }), ascendant: ANGLE, midheaven: ANGLE })
      .loose()
      .nullable()
      .optional(),
  })
  .meta({ id: 'CalculationResponse' });

export function calculationsRouter(rt: AppRuntime): Router {
  const router = Router();
  rt.openapi.register({
    method: 'get',
    path: '/api/v1/calculations',
    summary: 'Who the token is, and how to call the calculations',
    tags: ['calculations'],
    auth: true,
    responses: {
      200: {
        description: 'The token\'s subject and an example body.',
        json: z.object({ status: z.literal('ok'), authenticated: z.object({ subject: z.string(), kind: z.string(), expiresAt: z.string() }), usage: z.object({}).loose() }),
      },
    },
  });
  rt.openapi.register({
    method: 'post',
    path: '/api/v1/calculations',
    summary: 'Positions, aspects and houses of one chart',
    description: 'The integration body of the old service, answered by the same chart service as the GraphQL `chart` query.',
    tags: ['calculations'],
    auth: true,
    body: calculationBodySchema,
    responses: {
      200: { description: 'The chart parts asked for.', json: calculationResponseSchema },
      400: { description: 'A field is missing or out of range (`error.field` names it), or the body is not JSON.', json: restErrorSchema },
      413: { description: 'The body is larger than BODY_LIMIT_BYTES.', json: restErrorSchema },
    },
  });
  // The deployment guide checks a service token with `curl -H "Authorization: Bearer …"
  // /api/v1/calculations` (a GET): answer who the token is and how to call the API.
  router.get('/api/v1/calculations', rt.requireAuth, (_req, res) => {
    const principal = res.locals.principal!;
    res.json({
      status: 'ok',
      authenticated: { subject: principal.subject, kind: principal.kind, expiresAt: new Date(principal.expiresAt * 1000).toISOString() },
      usage: {
        method: 'POST',
        path: '/api/v1/calculations',
        body: { date: '2024-01-01T12:00:00Z', latitude: 40.7128, longitude: -74.006, calculations: [...CALCULATIONS] },
        graphql: '/graphql',
      },
    });
  });
  router.post('/api/v1/calculations', rt.requireAuth, async (req, res) => {
    try {
      const parsed = parseCalculationBody(req.body);
      const chart = await rt.services.chart.chart(parsed.input, createRequestLoaders(rt.services));
      const result: Record<string, unknown> = {
        date: parsed.date,
        latitude: chart.location?.latitude,
        longitude: chart.location?.longitude,
        ...(chart.location?.place ? { place: chart.location.place } : {}),
        moment: { ...chart.moment, utc: chart.moment.utc.toISOString() },
      };
      if (parsed.calculations.includes('positions')) result.positions = chart.positions;
      if (parsed.calculations.includes('aspects')) result.aspects = chart.aspects;
      if (parsed.calculations.includes('houses')) result.houses = chart.houses;
      res.locals.observation.operation = 'rest_calculations';
      res.json(result);
    } catch (error) {
      sendRestError(req, res, error, rt.logger, FIELD_NAMES);
    }
  });
  return router;
}
