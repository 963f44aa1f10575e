/**
 * ResponseJsonReuse: the HTTP body cut from the response cache's stored value is byte-identical
 * to JSON.stringify of the response, and anything unusual falls back to JSON.stringify.
 */
import { describe, expect, it } from 'vitest';
import {
  ResponseJsonReuse,
  responseBodyBytesFromCacheValue,
  responseBodyFromCacheValue,
  responseCacheValue,
} from '../../src/graphql/plugins/response-json.js';
import { MemoryKeyValueCache } from '../../src/cache/key-value-cache.js';

const data = { chart: { cachePolicy: { x: 1 }, s: 'a"b\u2028,"cachePolicy":', n: [0.1, -3, 1e-9] } };
const stored = (d: unknown) => JSON.stringify({ data: d, cachePolicy: { maxAge: 3600, scope: 'PUBLIC' }, cacheTime: 1_700_000_000_000 });

describe('response JSON reuse', () => {
  it('cuts {"data":…} out of the stored value, even with a "cachePolicy" alias inside data', () => {
    expect(responseBodyFromCacheValue(stored(data))).toBe(JSON.stringify({ data }));
    expect(responseBodyFromCacheValue('{"errors":[]}')).toBeUndefined();
    expect(responseBodyFromCacheValue('{"data":{}}')).toBeUndefined();
  });

  it('the bytes cut gives the same body as the string cut, and the cache time', () => {
    const cases: [string, number][] = [
      [stored(data), 1_700_000_000_000],
      [stored({ sign: '♈ Ärïes — 日本' }), 1_700_000_000_000],
      [responseCacheValue(JSON.stringify({ a: 1 }), 60, 1_234), 1_234],
    ];
    for (const [value, cacheTime] of cases) {
      const cut = responseBodyBytesFromCacheValue(Buffer.from(value, 'utf8'));
      expect(cut?.body.toString('utf8')).toBe(responseBodyFromCacheValue(value));
      expect(cut?.cacheTimeMs).toBe(cacheTime);
    }
    expect(responseBodyBytesFromCacheValue(Buffer.from('{"data":{"a":1},"cachePolicy":{}}'))).toMatchObject({ cacheTimeMs: undefined });
    expect(responseCacheValue('{"b":2}', 60, 1_234)).toBe(JSON.stringify({ data: { b: 2 }, cachePolicy: { maxAge: 60, scope: 'PUBLIC' }, cacheTime: 1_234 }));
    expect(responseBodyBytesFromCacheValue(Buffer.from('{"errors":[]}'))).toBeUndefined();
    expect(responseBodyBytesFromCacheValue(Buffer.from('{"data":{}}'))).toBeUndefined();
    expect(responseBodyBytesFromCacheValue(Buffer.from('{"da'))).toBeUndefined();
  });

  it('a cache write links the response data to its body; other results are stringified', async () => {
    const reuse = new ResponseJsonReuse();
    const backing = new MemoryKeyValueCache();
    const cache = reuse.wrap(backing);
    const rc = { response: { body: { kind: 'single', singleResult: { data } } } };
    const key = reuse.generateCacheKey(rc as never, { source: 'q', variables: {} });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await cache.set(key, stored(data), { ttl: 60 });
    expect(await backing.get(key)).toBe(stored(data));
    expect(reuse.stringifyResult({ data })).toBe(JSON.stringify({ data }));
    // Not linked: errors, extensions or another data object.
    const errors = [{ message: 'x' }];
    expect(reuse.stringifyResult({ data, errors })).toBe(JSON.stringify({ data, errors }));
    expect(reuse.stringifyResult({ data: { ...data } })).toBe(JSON.stringify({ data }));
    expect(reuse.stringifyResult({ data, extensions: { a: 1 } })).toBe(JSON.stringify({ data, extensions: { a: 1 } }));
  });
});
