/**
 * The OpenAPI 3.1 description of the REST routes, generated from the zod schemas that validate
 * their requests. A router registers each of its routes with one call when it is built:
 *
 *   rt.openapi.register({ method: 'get', path: '/api/v1/things', summary: '…', auth: true,
 *     query: thingQuerySchema, responses: { 200: { description: '…', json: thingSchema } } });
 *
 * and `GET /api/v1/openapi.json` (openapi.routes.ts) serves `document()`. Schemas are converted
 * with zod's own JSON Schema output (`z.toJSONSchema`, draft 2020-12, the dialect of OpenAPI 3.1),
 * as the validators' output: a value a route accepts in any case (`positions`, `POSITIONS`) is
 * documented in its canonical form. The routes build their schemas from the shared parsers of
 * rest-params.ts. A test checks the document against the OpenAPI 3.1 schema and that every route
 * of the app is in it.
 */
import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDoc {
  description: string;
  /** JSON body schema. */
  json?: z.ZodType;
  /** Another media type and a JSON Schema of its body (e.g. `image/svg+xml` as a string). */
  content?: { mediaType: string; schema: Record<string, unknown> };
  /** Names of headers the response carries (described in components.headers). */
  headers?: readonly HeaderName[];
}

export interface RouteDoc {
  method: HttpMethod;
  /** Express path; no parameters in the path (`:id`) are used by this API yet. */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Needs `Authorization: Bearer <token>` and counts against the quota. */
  auth: boolean;
  /** Query parameters: an object schema, one parameter per property. */
  query?: z.ZodObject;
  /** JSON request body. */
  body?: z.ZodType;
  responses: Readonly<Record<number, ResponseDoc>>;
}

/** The REST error body of every route (http/errors.ts). */
export const restErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'closed set: BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, NOT_FOUND, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR' }),
      message: z.string(),
      field: z.string().optional().meta({ description: 'the request parameter or body field at fault' }),
      requestId: z.string().optional(),
    }),
    detail: z.string().meta({ description: 'a copy of error.message, for clients of the old service' }),
  })
  .meta({ id: 'RestError' });

const HEADERS = {
  'X-Request-ID': { description: 'Request id, also in the logs (sent back as given, or generated).', schema: { type: 'string' } },
  'X-RateLimit-Limit': { description: 'Requests allowed in the quota window.', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'Requests left in the quota window.', schema: { type: 'integer' } },
  'X-RateLimit-Reset': { description: 'When the quota window resets, in seconds since the epoch.', schema: { type: 'integer' } },
  RateLimit: { description: 'IETF RateLimit (draft-ietf-httpapi-ratelimit-headers, a structured field): `"default";r=998;t=1800`, units `r` left and `t` seconds until the window resets.', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'IETF RateLimit-Policy (a structured field): `"default";q=1000;w=3600`, quota `q` per window of `w` seconds.', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } },
} as const;
export type HeaderName = keyof typeof HEADERS;

const QUOTA_HEADERS: readonly HeaderName[] = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy'];

/** Responses every route with `auth` may give besides its own. */
const AUTH_RESPONSES: Readonly<Record<number, ResponseDoc>> = {
  401: { description: 'Missing, invalid, expired or revoked token.', json: restErrorSchema, headers: ['WWW-Authenticate'] },
  429: { description: 'Quota exceeded.', json: restErrorSchema, headers: ['Retry-After', ...QUOTA_HEADERS] },
};

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12) of a zod schema as its validator outputs it; schemas with an id go to `defs`. */
function toSchema(schema: z.ZodType, defs: Record<string, JsonSchema>): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  const text = JSON.stringify(out).replaceAll('"#/$defs/', '"#/components/schemas/');
  const { $schema: _dialect, $defs, ...rest } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  Object.assign(defs, $defs);
  return rest;
}

export class OpenApiRegistry {
  private readonly routes: RouteDoc[] = [];

  constructor(private readonly info: { title: string; version: string; description: string }) {}

  /** Adds a route; a second registration of the same method and path is a programming error. */
  register(route: RouteDoc): void {
    if (this.routes.some((r) => r.method === route.method && r.path === route.path)) {
      throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} is registered twice`);
    }
    this.routes.push(route);
  }

  /** The registered routes, in registration order. */
  list(): readonly RouteDoc[] {
    return this.routes;
  }

  /** The OpenAPI 3.1 document. */
  document(): Record<string, unknown> {
    const schemas: Record<string, JsonSchema> = {};
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const operation: Record<string, unknown> = {
        operationId: operationId(route),
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [...route.tags],
        ...(route.auth ? {} : { security: [] }),
      };
      if (route.query) {
        operation.parameters = Object.entries(route.query.shape).map(([name, field]) => {
          const schema = toSchema(field as z.ZodType, schemas);
          const { description, ...rest } = schema;
          return {
            name,
            in: 'query',
            required: !(field as z.ZodType).safeParse(undefined).success,
            ...(typeof description === 'string' ? { description } : {}),
            schema: rest,
          };
        });
      }
      if (route.body) {
        operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, schemas) } } };
      }
      const responses = { ...route.responses, ...(route.auth ? AUTH_RESPONSES : {}) };
      operation.responses = Object.fromEntries(
        Object.entries(responses).map(([status, r]) => {
          const content: Record<string, unknown> = {};
          if (r.json) content['application/json'] = { schema: toSchema(r.json, schemas) };
          if (r.content) content[r.content.mediaType] = { schema: r.content.schema };
          const headers = ['X-Request-ID', ...(route.auth ? QUOTA_HEADERS : []), ...(r.headers ?? [])];
          return [
            status,
            {
              description: r.description,
              headers: Object.fromEntries([...new Set(headers)].map((h) => [h, { $ref: `#/components/headers/${h}` }])),
              ...(Object.keys(content).length > 0 ? { content } : {}),
            },
          ];
        }),
      );
      (paths[route.path] ??= {})[route.method] = operation;
    }
    return {
      openapi: '3.1.1',
      info: this.info,
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      servers: [{ url: '/' }],
      security: [{ bearer: [] }],
      tags: [...new Set(this.routes.flatMap((r) => r.tags))].map((name) => ({ name })),
      paths,
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A service token (`nocturna token create`) or an access token (`login`).' },
        },
        headers: HEADERS,
        schemas,
      },
    };
  }
}

/** `get /api/v1/charts/wheel.svg` → `getApiV1ChartsWheelSvg`. */
function operationId(route: RouteDoc): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return route.method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

declare module '../app.deps.js' {
  interface AppRuntime {
    /** The REST routes' OpenAPI description: each router registers its routes here. */
    openapi: OpenApiRegistry;
  }
}
