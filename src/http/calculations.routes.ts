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
import type { AppRuntime } from '../app.deps.js';
import type { ChartRequest } from '../ephemeris/types.js';
import { createRequestLoaders } from '../services/request-loaders.js';
import { AYANAMSAS, BODIES, HOUSE_SYSTEMS, ZODIACS } from '../ephemeris/types.js';
import { restFieldNames, sendRestError } from './errors.js';

const CALCULATIONS = ['positions', 'aspects', 'houses'] as const;
type Calculation = (typeof CALCULATIONS)[number];

interface ParsedBody {
  input: ChartRequest;
  calculations: Calculation[];
  date: string;
}

function pick(body: Record<string, unknown>, camel: string, snake: string): unknown {
  return body[camel] ?? body[snake];
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  const v = typeof value === 'string' ? value.toUpperCase() : value;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new ValidationError(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

/** Validates the REST body and maps it to a chart input. @throws ValidationError */
export function parseCalculationBody(raw: unknown): ParsedBody {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError('body', 'Expected a JSON object body');
  const body = raw as Record<string, unknown>;
  const { date, latitude, longitude, place } = body;
  if (typeof date !== 'string' || date.trim() === '') throw new ValidationError('date', 'date is required (ISO 8601, e.g. "2024-01-01T12:00:00Z")');
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(date.trim()) || Number.isNaN(Date.parse(date))) {
    throw new ValidationError('date', 'date must be an ISO 8601 instant with Z or an offset, e.g. "2024-01-01T12:00:00Z"');
  }
  const hasPlace = place !== undefined && place !== null;
  if (hasPlace) {
    if (typeof place !== 'string') throw new ValidationError('place', 'place must be a string, e.g. "Ulm, DE"');
    if (latitude !== undefined || longitude !== undefined) {
      throw new ValidationError('place', 'give either place or latitude/longitude, not both');
    }
  } else {
    if (typeof latitude !== 'number') throw new ValidationError('latitude', 'latitude is required (number, degrees), or give place');
    if (typeof longitude !== 'number') throw new ValidationError('longitude', 'longitude is required (number, degrees, east positive), or give place');
  }
  const requested = body.calculations ?? ['positions', 'aspects', 'houses'];
  if (!Array.isArray(requested) || requested.length === 0) {
    throw new ValidationError('calculations', `calculations must be a non-empty array of ${CALCULATIONS.join(', ')}`);
  }
  const calculations: Calculation[] = [];
  (requested as readonly unknown[]).forEach((c, i) => {
    const name = typeof c === 'string' ? c.toLowerCase() : c;
    if (!(CALCULATIONS as readonly unknown[]).includes(name)) {
      throw new ValidationError(`calculations.${i}`, `unknown calculation ${JSON.stringify(c)} (expected ${CALCULATIONS.join(', ')})`);
    }
    if (!calculations.includes(name as Calculation)) calculations.push(name as Calculation);
  });
  const bodiesRaw = body.bodies ?? body.planets;
  let bodies: ChartRequest['bodies'];
  if (bodiesRaw !== undefined) {
    if (!Array.isArray(bodiesRaw)) throw new ValidationError('bodies', 'bodies must be an array');
    bodies = bodiesRaw.map((b, i) => oneOf(b, BODIES, `bodies.${i}`)!);
  }
  const input: ChartRequest = {
    moment: { utc: new Date(date) },
    location: {
      ...(hasPlace ? { place } : { latitude: latitude as number, longitude: longitude as number }),
      elevationMeters: typeof body.elevation === 'number' ? body.elevation : undefined,
    },
    bodies,
    houseSystem: oneOf(pick(body, 'houseSystem', 'house_system'), HOUSE_SYSTEMS, 'houseSystem'),
    zodiac: oneOf(body.zodiac, ZODIACS, 'zodiac'),
    ayanamsa: oneOf(body.ayanamsa, AYANAMSAS, 'ayanamsa'),
  };
  return { input, calculations, date };
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

export function calculationsRouter(rt: AppRuntime): Router {
  const router = Router();
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
