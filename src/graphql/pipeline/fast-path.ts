/**
 * The fast path: the calculation request a backend sends again and again, answered on node's bare
 * request and response by the same stages Apollo runs, without express's and Apollo's per-request
 * machinery (which costs several times a chart's computation). What it answers and what it hands
 * on is listed in README.md, next to this file.
 *
 * Stages, in Apollo's order: the request's shape → its query text (or APQ hash) in the table of
 * prepared operations (execution.ts) → the token (the same verifier as the context) → the quota
 * (access.ts) → the calculation cache (calculation-cache.ts) → the compiled run → the cache write →
 * the same metrics and access log line (recordOperation). A body the cache answered before goes
 * from its text straight to the table (KnownBodies), without the first stage. Anything else is
 * handed on to express and Apollo, with what the fast path already did: the parsed body, the quota
 * decision (on the request's observation) and the loaders of a run that reported errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { AppServices } from '../../app.deps.js';
import type { JwtVerifier } from '../../auth/jwt.verifier.js';
import type { KeyValueCache } from '../../cache/key-value-cache.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { recordOperation, type RequestObservation, type RequestObserver } from '../../observability/request-observer.js';
import { quotaHeaders, type QuotaDecision, type QuotaHook } from '../../quota/quota.hook.js';
import { signalOnDemand, type RequestLoaders } from '../../services/request-loaders.js';
import { createGatewayContext } from '../context.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../limits/request-shape.js';
import { chargeQuota } from './access.js';
import { calculationCacheKey, type CalculationCache } from './calculation-cache.js';
import { inOperationSpan, type PreparedOperation, type PreparedOperations } from './execution.js';
import type { TrustedDocuments } from './trusted-documents.js';

const CONTENT_TYPE = 'application/json; charset=utf-8';

/** What the fast path leaves for express and Apollo on a request it hands on. */
export interface HandOff {
  /** The parsed JSON body (express.json then skips the stream, already read). */
  body?: unknown;
  /** The body was not JSON: express answers its usual 400 (`entity.parse.failed`). */
  bodyError?: Error & { type: string; status: number };
  /** The loaders of a run that reported errors (Apollo reuses them: nothing is computed twice). */
  loaders?: RequestLoaders;
}

export interface FastPathOptions {
  prepared: PreparedOperations;
  verifier: JwtVerifier;
  quota?: QuotaHook;
  cache: CalculationCache;
  /** Apollo's persisted-query (APQ) store: query texts by sha256 hex. */
  persistedQueries: KeyValueCache;
  /** The trusted documents (TRUSTED_DOCUMENTS): documentId lookups and what `require` refuses. */
  trusted: TrustedDocuments;
  bodyLimitBytes: number;
  services: AppServices;
  metrics: Metrics;
  logger: Logger;
  observe: RequestObserver;
  /** express' compiled `trust proxy` function (req.ip is computed the same way). */
  trustProxy: (address: string, hop: number) => boolean;
}

export interface FastPath {
  /** Answers `req`, or calls `next()` (synchronously when the request is plainly not for it). */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** What the fast path left on a request it handed on. */
  handOffOf(req: IncomingMessage): HandOff | undefined;
}

/** A GraphQL request body of the shape the fast path answers. */
interface GraphQLRequest {
  query: string | undefined;
  /** An APQ hash sent without the query text. */
  hash: string | undefined;
  /** A trusted document's id (trusted-documents.ts). */
  documentId: string | undefined;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/** True when Apollo would answer this Accept header with application/json. */
function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || accept === '' || accept === '*/*' || accept === 'application/json';
}

function isJsonContentType(value: string | undefined): boolean {
  const v = value?.toLowerCase();
  return v === 'application/json' || v === 'application/json; charset=utf-8' || v === 'application/json;charset=utf-8';
}

/** Requests the fast path may answer: a bounded JSON POST to /graphql with a Bearer token, and no Origin. */
function isCandidate(req: IncomingMessage, bodyLimitBytes: number): boolean {
  const h = req.headers;
  const length = Number(h['content-length']);
  return (
    req.method === 'POST' &&
    req.url === '/graphql' &&
    h.origin === undefined &&
    h['transfer-encoding'] === undefined &&
    (h['content-encoding'] === undefined || h['content-encoding'] === 'identity') &&
    Number.isInteger(length) && length > 0 && length <= bodyLimitBytes &&
    isJsonContentType(h['content-type']) &&
    acceptsJson(h.accept) &&
    h.authorization?.startsWith('Bearer ') === true
  );
}

/** The request in the body, when it has the shape the fast path answers; undefined otherwise. */
function graphqlRequestOf(body: unknown): GraphQLRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions, documentId } = body as Record<string, unknown>;
  if (query !== undefined && typeof query !== 'string') return undefined;
  if (documentId !== undefined && (typeof documentId !== 'string' || query !== undefined || extensions !== undefined)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  // Nested too deep: express refuses it (limits/request-shape.ts) before anything recursive runs.
  if (nestsDeeperThan(variables, MAX_JSON_DEPTH)) return undefined;
  let hash: string | undefined;
  if (extensions !== undefined && extensions !== null) {
    // Only a bare APQ lookup (a hash without the text); registrations go through Apollo.
    if (typeof extensions !== 'object' || query !== undefined || Object.keys(extensions).length !== 1) return undefined;
    const pq = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } }).persistedQuery;
    if (pq?.version !== 1 || typeof pq.sha256Hash !== 'string') return undefined;
    hash = pq.sha256Hash;
  }
  if (query === undefined && hash === undefined && documentId === undefined) return undefined;
  return {
    query,
    hash,
    documentId,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: (variables ?? {}) as Record<string, unknown>,
  };
}

/** A body's text (UTF-8, a leading BOM dropped, as express.json reads it). */
function bodyText(chunks: Buffer[]): string {
  const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a JSON body as express.json (strict) would, an object or array, into `handOff`: the parsed
 * body, or the error express answers (400). Returns the body, undefined when it is not JSON.
 */
function readJsonInto(text: string, handOff: HandOff): unknown {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) throw new SyntaxError('JSON body is not an object or array');
    handOff.body = body;
    return body;
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    handOff.bodyError = Object.assign(cause, { type: 'entity.parse.failed', status: 400 });
    return undefined;
  }
}

/** What a body's text stands for, once the calculation cache has answered it. */
interface KnownBody {
  /** The operation's query text (the request's own, or a trusted document's) and name as sent. */
  source: string;
  operationName: string | undefined;
  /** Its calculation-cache key. */
  key: string;
}

/** Bodies longer than this are not remembered as known (a chart request is about 500 characters). */
const KNOWN_BODY_MAX_CHARS = 4096;
/**
 * How many known bodies are remembered (the oldest forgotten first): at most about 4 million
 * characters of body text, plus the query texts they keep (which the table of prepared operations
 * may have forgotten), well under 20 MB.
 */
const KNOWN_BODIES_MAX = 1000;

/**
 * The bodies the calculation cache has answered, by their text. A calculation-cache key is a
 * function of the body's text alone (its query text or trusted document, operation name and
 * variables), so a backend that sends the same request again is answered without the body being
 * parsed, checked and hashed again: of a cached answer's work above node's own, those were the
 * largest part. A body is remembered only once the cache answered it, so requests that never repeat
 * cost one failed lookup of their text. Bodies that name an APQ hash are not remembered: Apollo's
 * store may forget the text (and then answers PERSISTED_QUERY_NOT_FOUND).
 */
class KnownBodies {
  private readonly bodies = new Map<string, KnownBody>();

  get(text: string): KnownBody | undefined {
    return this.bodies.get(text);
  }

  remember(text: string, known: KnownBody): void {
    // Two requests with the same new body can both be answered before either is remembered.
    if (text.length > KNOWN_BODY_MAX_CHARS || this.bodies.has(text)) return;
    if (this.bodies.size >= KNOWN_BODIES_MAX) this.bodies.delete(this.bodies.keys().next().value!);
    this.bodies.set(text, known);
  }
}

/** A body the fast path has read: its request, operation and calculation-cache key (when the cache is on). */
interface ReadBody {
  request: GraphQLRequest;
  operation: PreparedOperation;
  key: string | undefined;
  /** Its query text came from Apollo's APQ store (such a body is not remembered as known). */
  fromApqStore: boolean;
}

/** The variables of a known body, parsed now (`handOff` keeps the parsed body for express). */
function variablesOfKnown(text: string, handOff: HandOff): Record<string, unknown> {
  // It parsed, with the fast path's shape, when it became known.
  const request = graphqlRequestOf(readJsonInto(text, handOff));
  if (!request) throw new Error('a known body no longer reads as a GraphQL request'); // Apollo answers it
  return request.variables;
}

/** Sends an answer's body (`bytes`: its length in UTF-8 bytes, when known). */
function send(res: ServerResponse, body: string, bytes: number | undefined, decision: QuotaDecision | null, ageSeconds: number | undefined): void {
  const headers: Record<string, string | number> = { 'content-type': CONTENT_TYPE, 'content-length': bytes ?? Buffer.byteLength(body, 'utf8') };
  if (ageSeconds !== undefined) headers.age = ageSeconds;
  if (decision) for (const [name, value] of Object.entries(quotaHeaders(decision))) headers[name.toLowerCase()] = value;
  res.writeHead(200, headers);
  res.end(body);
}

export function createFastPath(options: FastPathOptions): FastPath {
  const { prepared, verifier, quota, cache, persistedQueries, trusted, services, metrics, logger, observe, trustProxy } = options;
  const handOffs = new WeakMap<IncomingMessage, HandOff>();
  const knownBodies = new KnownBodies();

  function record(operation: PreparedOperation, observation: RequestObservation, startedAt: number, cacheHit: boolean): void {
    observation.route = '/graphql';
    recordOperation(metrics, observation, {
      operationName: operation.operationName,
      outcome: cacheHit ? 'cache_hit' : 'ok',
      cacheable: true,
      cacheHit,
      seconds: (performance.now() - startedAt) / 1000,
    });
  }

  /**
   * What a body asks for, read from its text: its GraphQL request, the prepared operation of its
   * query text and, when the cache is on, the operation's calculation-cache key. Undefined when the
   * fast path does not answer it (`handOff` then holds the parsed body, or the parse error express
   * answers).
   */
  async function read(text: string, handOff: HandOff): Promise<ReadBody | undefined> {
    const request = graphqlRequestOf(readJsonInto(text, handOff));
    if (!request) return undefined;
    // Trusted documents: the manifest's text of a documentId; a refusal is Apollo's path's to answer.
    const trustedSource = trusted.resolve({ query: request.query, documentId: request.documentId, apqHash: request.hash });
    if (trustedSource.kind === 'refused') return undefined;
    if (trustedSource.kind === 'none' && request.query === undefined && request.hash === undefined) return undefined;
    // A bare APQ hash: Apollo's store decides whether it is known (else PERSISTED_QUERY_NOT_FOUND).
    const fromApqStore = trustedSource.kind !== 'text' && request.query === undefined;
    const source = trustedSource.kind === 'text' ? trustedSource.source : (request.query ?? (await persistedQueries.get(request.hash!)));
    const operation = source === undefined ? undefined : prepared.lookup(source, request.operationName);
    if (!operation) return undefined;
    const key = cache.enabled ? calculationCacheKey(operation.source, operation.operationName, request.variables) : undefined;
    return { request, operation, key, fromApqStore };
  }

  /** Answers the request; false when Apollo must (`handOff` then holds what it may reuse). */
  async function answer(req: IncomingMessage, res: ServerResponse, observation: RequestObservation, text: string, handOff: HandOff, startedAt: number): Promise<boolean> {
    const known = knownBodies.get(text);
    const readBody = known ? undefined : await read(text, handOff);
    const operation = known ? prepared.lookup(known.source, known.operationName) : readBody?.operation;
    if (!operation?.policy.needsToken) return false; // unknown text, or public fields only (Apollo's)

    let principal;
    try {
      principal = await verifier.verifyAuthorizationHeader(req.headers.authorization);
    } catch {
      return false; // Apollo answers 401 with the usual error
    }
    if (!principal) return false;
    // The client's address, for the quota and for a run's context (a cached answer without a quota needs none).
    let ip = quota ? proxyaddr(req, trustProxy) : undefined;
    const decision = await chargeQuota(quota, { principal, operationName: operation.operationName, policy: operation.policy, ip });
    if (decision) observation.quota = decision; // Apollo reuses it if it answers
    if (decision && !decision.allowed) return false;

    const key = known ? known.key : readBody?.key;
    const cached = key === undefined ? undefined : await cache.lookup(key);
    if (cached) {
      if (readBody && key !== undefined && !readBody.fromApqStore) knownBodies.remember(text, { source: operation.source, operationName: readBody.request.operationName, key });
      record(operation, observation, startedAt, true);
      send(res, cached.body, cached.bytes, decision, cached.ageSeconds);
      return true;
    }
    // A known body whose answer has left the cache is parsed now, for its variables (it parsed before).
    const variables = readBody ? readBody.request.variables : variablesOfKnown(text, handOff);
    ip ??= proxyaddr(req, trustProxy);
    const context = createGatewayContext({ requestId: observation.requestId, principal, logger, services, observation, ip, signal: signalOnDemand(res) });
    const result = await inOperationSpan('query', operation.operationName, () => operation.executeUnlessErrors(variables, context));
    if (!result?.data) {
      handOff.loaders = context.loaders;
      return false;
    }
    const answerBody = JSON.stringify({ data: result.data });
    if (key !== undefined) cache.store(key, answerBody);
    record(operation, observation, startedAt, false);
    send(res, answerBody, undefined, decision, undefined);
    return true;
  }

  /** Hands the request on with what the fast path left (a known body it did not parse is parsed now). */
  function handOn(req: IncomingMessage, next: () => void, handOff: HandOff, text: string): void {
    if (handOff.body === undefined && handOff.bodyError === undefined) readJsonInto(text, handOff);
    handOffs.set(req, handOff);
    next();
  }

  return {
    handOffOf: (req) => handOffs.get(req),
    handle(req, res, next) {
      if (!isCandidate(req, options.bodyLimitBytes)) {
        next();
        return;
      }
      const startedAt = performance.now();
      const observation = observe(req, res);
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => res.destroy());
      req.on('close', () => {
        if (!req.complete) logger.info({ requestId: observation.requestId, route: '/graphql' }, 'request aborted before its body was read');
      });
      req.on('end', () => {
        const text = bodyText(chunks);
        const handOff: HandOff = {};
        answer(req, res, observation, text, handOff, startedAt).then(
          (answered) => {
            if (!answered) handOn(req, next, handOff, text);
          },
          (error: unknown) => {
            if (res.headersSent) {
              logger.error({ err: error, requestId: observation.requestId }, 'fast path failed after the response started');
              res.destroy();
              return;
            }
            // An unexpected failure (e.g. the quota store): Apollo answers, masking it as usual.
            handOn(req, next, handOff, text);
          },
        );
      });
    },
  };
}
