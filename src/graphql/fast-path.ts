/**
 * The GraphQL fast path: answers the common calculation request (a known query text, a valid
 * token, quota left, a cached answer or an error-free compiled run) on node's bare request and
 * response, before express and Apollo; every other request goes to them unchanged.
 *
 * Why: a chart costs ~0.2 ms to compute, but express (its router, body parser, response helpers)
 * and Apollo's per-request pipeline (request context, plugin hooks, HTTP head negotiation, result
 * formatting) cost several times that on every request, cached or not (measured with
 * `npm run bench:http` and a CPU profile; figures in the README).
 *
 * What runs here is what Apollo would run, in the same order, with the same code:
 *  - the query text must belong to a document Apollo already parsed and validated (depth and cost
 *    rules included) and executed as a calculation query (JitExecutor's prepared operations);
 *    anything else goes to Apollo, which registers it for next time. An APQ hash sent alone is
 *    looked up in Apollo's own persisted-query store (same cache, `apq:` keys), as Apollo would;
 *  - the JWT verifier, then the quota hook (its decision is handed on with the request when Apollo
 *    must answer, so a request is never charged twice);
 *  - the response-cache plugin's own key and stored format (responseCacheKey,
 *    responseCacheValue), so this path and Apollo read and write the same entries;
 *  - the compiled query (graphql-jit, after graphql-js' variable coercion) with the usual context
 *    and per-request DataLoader; a run with any error is handed to Apollo for the usual errors
 *    (with the same loaders, so nothing is computed twice);
 *  - the same metrics (HTTP, GraphQL by operation and outcome, cache hits and misses) and the same
 *    access log line, through the shared request observer.
 *
 * Scope, to stay byte-for-byte what Apollo answers: POST /graphql with a JSON body whose length is
 * declared and within the body limit, no content encoding, no Origin (browsers go through the CORS
 * middleware), an Accept that Apollo would answer with application/json, a Bearer token, and no
 * extension other than an APQ hash sent without the query text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { AppServices } from '../app.deps.js';
import type { JwtVerifier } from '../auth/jwt.verifier.js';
import type { GatewayCache } from '../cache/key-value-cache.js';
import { quotaHeaders, type QuotaDecision, type QuotaHook } from '../http/quota.js';
import type { RequestObserver } from '../http/request-context.middleware.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ChartLoaders } from '../services/chart.service.js';
import { createGatewayContext, type GatewayContext } from './context.js';
import type { JitExecutor, PreparedOperation } from './jit-executor.js';
import { rootFieldPolicy } from './operation-policy.js';
import { quotaCost } from './plugins/auth-quota.plugin.js';
import { operationLabel } from './plugins/observability.plugin.js';
import {
  RESPONSE_CACHE_PREFIX,
  responseBodyBytesFromCacheValue,
  responseCacheKey,
  responseCacheValue,
} from './plugins/response-json.js';

const CONTENT_TYPE = 'application/json; charset=utf-8';
/** Apollo's persisted-query (APQ) entries: the query text under this prefix + its sha256 hex. */
const APQ_PREFIX = 'apq:';

/** What the fast path leaves on a request it hands on to express (read by app.ts). */
export interface FastPathHandOff {
  /** The parsed JSON body (express.json then skips the already-read stream). */
  body?: unknown;
  /** The body was not JSON: express answers its usual 400 (`entity.parse.failed`). */
  bodyError?: Error & { type: string; status: number };
  /** The per-request loaders of a compiled run that reported errors (reused by Apollo). */
  loaders?: ChartLoaders;
}

export const FAST_PATH_HANDOFF = Symbol('nocturna.fastPathHandOff');
type HandedRequest = IncomingMessage & { [FAST_PATH_HANDOFF]?: FastPathHandOff; body?: unknown; id?: string };

export interface FastPathOptions {
  jit: JitExecutor;
  verifier: JwtVerifier;
  quota?: QuotaHook;
  /** The gateway cache (response-cache entries under RESPONSE_CACHE_PREFIX, APQ under `apq:`). */
  cache: GatewayCache;
  /** CACHE_TTL in seconds; 0 disables the response cache. */
  cacheTtlSeconds: number;
  bodyLimitBytes: number;
  services: AppServices;
  metrics: Metrics;
  logger: Logger;
  observe: RequestObserver;
  /** express' compiled `trust proxy` function (req.ip is computed the same way). */
  trustProxy: (address: string, hop: number) => boolean;
}

/** Handles `req` or calls `next()` (synchronously when the request is plainly not for it). */
export type FastPath = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** True when Apollo would answer this Accept header with application/json. */
function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || accept === '' || accept === '*/*' || accept === 'application/json';
}

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const v = value.toLowerCase();
  return v === 'application/json' || v === 'application/json; charset=utf-8' || v === 'application/json;charset=utf-8';
}

/** The request shape the fast path serves, or undefined. */
function parseRequestBody(
  body: unknown,
): { query: string | undefined; hash: string | undefined; operationName: string | undefined; variables: Record<string, unknown> | undefined } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (query !== undefined && typeof query !== 'string') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  let hash: string | undefined;
  if (extensions !== undefined && extensions !== null) {
    // Only a bare APQ lookup (hash without text); registrations go through Apollo.
    if (typeof extensions !== 'object' || query !== undefined) return undefined;
    const keys = Object.keys(extensions);
    const pq = (extensions as { persistedQuery?: unknown }).persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
    if (keys.length !== 1 || !pq || pq.version !== 1 || typeof pq.sha256Hash !== 'string') return undefined;
    hash = pq.sha256Hash;
  }
  if (query === undefined && hash === undefined) return undefined;
  return {
    query,
    hash,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
  };
}

export function createGraphQLFastPath(options: FastPathOptions): FastPath {
  const { jit, verifier, quota, cache, cacheTtlSeconds, services, metrics, logger, observe } = options;

  function handOff(req: HandedRequest, next: () => void, handOffState: FastPathHandOff): void {
    req[FAST_PATH_HANDOFF] = handOffState;
    if (handOffState.body !== undefined) req.body = handOffState.body;
    next();
  }

  function send(res: ServerResponse, body: string | Buffer, decision: QuotaDecision | null, age: number | undefined): void {
    const headers: Record<string, string | number> = { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(body) };
    if (age !== undefined) headers.age = age;
    if (decision) for (const [name, value] of Object.entries(quotaHeaders(decision))) headers[name.toLowerCase()] = value;
    res.writeHead(200, headers);
    res.end(body);
  }

  function record(prepared: PreparedOperation, observation: GatewayContext['observation'], startedAt: number, cacheHit: boolean): void {
    const operation = operationLabel(prepared.operationName);
    const outcome = cacheHit ? 'cache_hit' : 'ok';
    if (cacheHit) metrics.cacheHits.inc();
    else metrics.cacheMisses.inc();
    metrics.observeGraphql(operation, outcome, (performance.now() - startedAt) / 1000);
    observation.route = '/graphql';
    observation.operation = operation;
    observation.outcome = outcome;
    observation.cacheHit = cacheHit;
  }

  /** Serves the request; false when Apollo must answer it (state for the hand-off filled in). */
  async function serve(req: HandedRequest, res: ServerResponse, body: unknown, state: FastPathHandOff, startedAt: number): Promise<boolean> {
    const parsed = parseRequestBody(body);
    if (!parsed) return false;
    let source = parsed.query;
    if (source === undefined) {
      // A bare APQ hash: Apollo's store decides whether it is known (an unknown or expired hash is
      // Apollo's PERSISTED_QUERY_NOT_FOUND).
      source = await cache.get(APQ_PREFIX + parsed.hash!);
      if (!source) return false;
    }
    const prepared = jit.preparedOperation(source, parsed.operationName);
    if (!prepared) return false;
    // Operations of public fields only (none is cacheable today) need no token nor quota: Apollo's.
    if (prepared.rootFields.every((f) => rootFieldPolicy(f).public)) return false;
    let principal;
    try {
      principal = await verifier.verifyAuthorizationHeader(req.headers.authorization);
    } catch {
      return false; // Apollo answers 401 with the usual error
    }
    if (!principal) return false;
    const observation = (res as ServerResponse & { locals: { observation: GatewayContext['observation'] } }).locals.observation;
    let ip: string | undefined;
    let decision: QuotaDecision | null = null;
    if (quota) {
      ip = proxyaddr(req, options.trustProxy);
      decision = await quota({
        principal,
        transport: 'graphql',
        operation: prepared.operationName ?? 'anonymous',
        rootFields: prepared.rootFields,
        cost: quotaCost(prepared.rootFields),
        ip,
      });
      if (decision) observation.quota = decision; // Apollo reuses it if it answers
      if (decision && !decision.allowed) return false;
    }

    const key = cacheTtlSeconds > 0 ? RESPONSE_CACHE_PREFIX + responseCacheKey(prepared.source, prepared.operationName, parsed.variables) : undefined;
    if (key !== undefined) {
      const age = (cacheTimeMs: number | undefined) => (cacheTimeMs === undefined ? undefined : Math.round((Date.now() - cacheTimeMs) / 1000));
      // The memory cache hands its bytes over as they are (no decoding into a string and back).
      const view = cache.peekUtf8?.(key);
      const stored = view === undefined ? await cache.get(key) : view;
      const hit = stored ? responseBodyBytesFromCacheValue(typeof stored === 'string' ? Buffer.from(stored, 'utf8') : stored) : undefined;
      if (hit) {
        record(prepared, observation, startedAt, true);
        send(res, hit.body, decision, hit.cacheTimeMs === undefined ? undefined : Math.round((Date.now() - hit.cacheTimeMs) / 1000));
        return true;
      }
    }

    const context = createGatewayContext({
      requestId: req.id ?? '',
      principal,
      logger,
      services,
      observation,
      ip: ip ?? proxyaddr(req, options.trustProxy),
    });
    const result = await jit.runPrepared(prepared, parsed.variables ?? {}, context);
    if (!result || result.errors?.length || !result.data) {
      state.loaders = context.loaders;
      return false;
    }
    const dataJson = JSON.stringify(result.data);
    if (key !== undefined) {
      cache.set(key, responseCacheValue(dataJson, cacheTtlSeconds, Date.now()), { ttl: cacheTtlSeconds }).catch((error: unknown) => {
        logger.warn({ err: error }, 'response cache write failed');
      });
    }
    record(prepared, observation, startedAt, false);
    send(res, `{"data":${dataJson}}`, decision, undefined);
    return true;
  }

  return (rawReq, res, next) => {
    const req = rawReq as HandedRequest;
    const h = req.headers;
    const length = Number(h['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      h.origin !== undefined ||
      h['transfer-encoding'] !== undefined ||
      (h['content-encoding'] !== undefined && h['content-encoding'] !== 'identity') ||
      !(Number.isInteger(length) && length > 0 && length <= options.bodyLimitBytes) ||
      !isJsonContentType(h['content-type']) ||
      !acceptsJson(h.accept) ||
      !h.authorization?.startsWith('Bearer ')
    ) {
      next();
      return;
    }
    const startedAt = performance.now();
    observe(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('close', () => {
      if (!req.complete) logger.info({ requestId: req.id, route: '/graphql' }, 'request aborted before its body was read');
    });
    req.on('end', () => {
      let text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM, which express.json drops too
      let body: unknown;
      try {
        body = JSON.parse(text);
        if (typeof body !== 'object' || body === null) throw new SyntaxError('JSON body is not an object or array');
      } catch (error) {
        // express.json's strict mode refuses the same bodies: answer its 400 through express.
        const bodyError = Object.assign(error instanceof Error ? error : new Error(String(error)), { type: 'entity.parse.failed', status: 400 });
        handOff(req, next, { bodyError });
        return;
      }
      const state: FastPathHandOff = { body };
      serve(req, res, body, state, startedAt).then(
        (served) => {
          if (!served) handOff(req, next, state);
        },
        (error: unknown) => {
          if (res.headersSent) {
            logger.error({ err: error, requestId: req.id }, 'fast path failed after the response started');
            res.destroy();
            return;
          }
          // An unexpected failure (e.g. the quota store): Apollo answers, masking it as usual.
          handOff(req, next, state);
        },
      );
    });
  };
}
