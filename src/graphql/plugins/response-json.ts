/**
 * One JSON pass per cacheable response instead of two. On a miss the response-cache plugin
 * stringifies `{data, cachePolicy, cacheTime}` to store it, and Apollo then stringifies the same
 * `data` again for the HTTP body; on a hit the plugin parses the stored string and Apollo
 * stringifies the parsed `data` again. For a chart (~400 fields, ~9 KB, graphql-js result objects
 * in V8's slow dictionary mode) each pass costs 0.1–0.2 ms of CPU, the largest single cost of a
 * cached answer and a large one of an uncached answer.
 *
 * This links the cache's serialized value to the response's `data` object (a WeakMap), so that
 * `stringifyResult` cuts the body `{"data":…}` out of it instead of serializing again. Anything that
 * does not match exactly (errors, extensions, an unexpected stored shape) falls back to
 * JSON.stringify, so the bytes sent are the same as before.
 *
 * How the link is made: the plugin calls `generateCacheKey(requestContext, …)` and then, in the
 * same synchronous step, `cache.get(key)` (read) or `JSON.stringify(value); cache.set(key, …)`
 * (write). The key function remembers the request context and the wrapped cache consumes it.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { KeyValueCache } from '../../cache/key-value-cache.js';

type AnyRequestContext = GraphQLRequestContext<BaseContext>;

const DATA_PREFIX = '{"data":';
const POLICY_MARK = ',"cachePolicy":';
const TIME_MARK = ',"cacheTime":';

/** The key prefix @apollo/server-plugin-response-cache puts before its keys. */
export const RESPONSE_CACHE_PREFIX = 'fqc:';

/** sha256 hex of the key JSON, as the plugin's default key function. */
function sha256Json(keyData: unknown): string {
  return createHash('sha256').update(JSON.stringify(keyData)).digest('hex');
}

/**
 * The key (without RESPONSE_CACHE_PREFIX) under which the response-cache plugin stores the answer
 * of an operation without a session: the same object, with the same property order, as the
 * plugin's `{ ...baseCacheKey, sessionMode: NoSession }`, so the fast path and Apollo share entries.
 */
export function responseCacheKey(source: string, operationName: string | null, variables: Record<string, unknown> | undefined): string {
  return sha256Json({ source, operationName, variables: { ...(variables ?? {}) }, extra: null, sessionMode: 0 });
}

/** The value the plugin stores for `{data}` (data given as JSON) with a PUBLIC policy of `maxAge` s. */
export function responseCacheValue(dataJson: string, maxAge: number, cacheTimeMs: number): string {
  return `${DATA_PREFIX}${dataJson}${POLICY_MARK}{"maxAge":${maxAge},"scope":"PUBLIC"}${TIME_MARK}${cacheTimeMs}}`;
}

/**
 * The fast path's cut of a stored value (UTF-8 bytes, e.g. the memory cache's peekUtf8 view): the body `{"data":…}` as a new Buffer (the stored bytes may
 * be overwritten later) and the cache time; undefined for any other shape. The markers are ASCII,
 * so searching the UTF-8 bytes finds what searching the string finds.
 */
export function responseBodyBytesFromCacheValue(stored: Buffer): { body: Buffer; cacheTimeMs: number | undefined } | undefined {
  if (stored.length < DATA_PREFIX.length || stored.toString('latin1', 0, DATA_PREFIX.length) !== DATA_PREFIX) return undefined;
  const end = stored.lastIndexOf(POLICY_MARK);
  if (end <= DATA_PREFIX.length) return undefined;
  const body = Buffer.allocUnsafe(end + 1);
  stored.copy(body, 0, 0, end);
  body[end] = 0x7d; // '}'
  const at = stored.lastIndexOf(TIME_MARK);
  const time = at < 0 ? Number.NaN : Number(stored.toString('latin1', at + TIME_MARK.length, stored.length - 1));
  return { body, cacheTimeMs: Number.isFinite(time) ? time : undefined };
}

/**
 * `{"data":D,"cachePolicy":…,"cacheTime":…}` (the plugin's stored value) → `{"data":D}`, the body
 * Apollo would print for `{ data: D }`; undefined for any other shape. `lastIndexOf` is safe: the
 * policy and time that follow D contain no such key, while D itself may (an alias "cachePolicy").
 */
export function responseBodyFromCacheValue(serialized: string): string | undefined {
  if (!serialized.startsWith(DATA_PREFIX)) return undefined;
  const end = serialized.lastIndexOf(POLICY_MARK);
  if (end <= DATA_PREFIX.length) return undefined;
  return `${serialized.slice(0, end)}}`;
}

function singleData(rc: AnyRequestContext | undefined): object | undefined {
  const body = rc?.response?.body;
  if (!body || body.kind !== 'single') return undefined;
  const data = body.singleResult.data;
  return data && typeof data === 'object' ? data : undefined;
}

export class ResponseJsonReuse {
  /** Response `data` object → its HTTP body JSON `{"data":…}`. */
  private readonly bodyByData = new WeakMap<object, string>();
  /** Request context → the stored value a cache hit was read from. */
  private readonly hitByContext = new WeakMap<object, string>();
  /** Set by generateCacheKey, consumed by the next get/set of the wrapped cache (same tick). */
  private pending: AnyRequestContext | undefined;

  /** The response-cache plugin's default key (sha256 of the key JSON), remembering the request. */
  readonly generateCacheKey = (rc: AnyRequestContext, keyData: unknown): string => {
    this.pending = rc;
    return sha256Json(keyData);
  };

  /** The cache to hand to the response-cache plugin (reads and writes go through to `cache`). */
  wrap(cache: KeyValueCache): KeyValueCache {
    return {
      get: (key) => {
        const rc = this.take();
        const read = cache.get(key);
        if (!rc) return read;
        return read.then((raw) => {
          if (raw !== undefined) this.hitByContext.set(rc, raw);
          return raw;
        });
      },
      set: (key, value, options) => {
        const data = singleData(this.take());
        if (data) {
          const body = responseBodyFromCacheValue(value);
          if (body !== undefined) this.bodyByData.set(data, body);
        }
        return cache.set(key, value, options);
      },
      delete: (key) => {
        this.pending = undefined;
        return cache.delete(key);
      },
    };
  }

  /** Links a cache hit's stored string to the `data` object the plugin parsed from it. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async (rc) => {
          if (rc.metrics.responseCacheHit !== true) return;
          const raw = this.hitByContext.get(rc);
          const data = singleData(rc as unknown as AnyRequestContext);
          if (raw === undefined || !data) return;
          const body = responseBodyFromCacheValue(raw);
          if (body !== undefined) this.bodyByData.set(data, body);
        },
      }),
    };
  }

  /** Apollo's `stringifyResult`: the linked body when there is one, else compact JSON. */
  readonly stringifyResult = (value: FormattedExecutionResult): string => {
    if (value.errors === undefined && value.extensions === undefined && value.data) {
      const body = this.bodyByData.get(value.data);
      if (body !== undefined) return body;
    }
    return JSON.stringify(value);
  };

  private take(): AnyRequestContext | undefined {
    const rc = this.pending;
    this.pending = undefined;
    return rc;
  }
}
