/**
 * The calculation cache's own format (src/graphql/pipeline/calculation-cache.ts): keys tell
 * operations apart, a stored body comes back byte for byte with its store time (UTF-8 included,
 * from the memory cache's lent bytes and from a string store alike), malformed values are misses,
 * and `stringifyResult` falls back to JSON.stringify for anything it did not store.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CALCULATION_CACHE_PREFIX,
  CalculationCache,
  calculationCacheKey,
  calculationCachePlugin,
  decodeCalculationEntry,
  encodeCalculationEntry,
} from '../../src/graphql/pipeline/calculation-cache.js';
import { OperationPolicies } from '../../src/graphql/pipeline/operation-policy.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { MemoryKeyValueCache, type GatewayCache } from '../../src/cache/key-value-cache.js';
import { createLogger } from '../../src/observability/logger.js';

const data = { chart: { s: 'a"b\u2028\n♈ Ärïes — 日本', n: [0.1, -3, 1e-9], cachePolicy: { x: 1 } } };
const body = JSON.stringify({ data });

describe('calculation cache format', () => {
  it('keys: prefixed sha256, equal for equal operations, different when text, name or variables differ', () => {
    const key = calculationCacheKey('q', 'Q', { a: 1 });
    expect(key).toMatch(new RegExp(`^${CALCULATION_CACHE_PREFIX}[0-9a-f]{64}$`));
    // The documented format (replicas sharing Redis rely on it): sha256 hex of the UTF-8 JSON of [text, name, variables].
    expect(calculationCacheKey('q', 'Q', { place: 'Zürich' })).toBe(CALCULATION_CACHE_PREFIX + createHash('sha256').update('["q","Q",{"place":"Zürich"}]', 'utf8').digest('hex'));
    expect(calculationCacheKey('q', 'Q', { a: 1 })).toBe(key);
    expect(calculationCacheKey('q', null, {})).toBe(calculationCacheKey('q', null, undefined));
    for (const other of [calculationCacheKey('q ', 'Q', { a: 1 }), calculationCacheKey('q', null, { a: 1 }), calculationCacheKey('q', 'Q', { a: 2 })]) {
      expect(other).not.toBe(key);
    }
  });

  it('a stored body comes back byte for byte with its store time; malformed values are misses', () => {
    const stored = encodeCalculationEntry(body, 1_700_000_000_123);
    for (const given of [Buffer.from(stored, 'utf8'), stored]) {
      const decoded = decodeCalculationEntry(given);
      expect(decoded?.body).toBe(body);
      expect(decoded?.bytes).toBe(Buffer.byteLength(body, 'utf8'));
      expect(decoded?.bytes).toBeGreaterThan(body.length); // the non-ASCII characters count in bytes
      expect(decoded?.storedAtMs).toBe(1_700_000_000_123);
    }
    for (const bad of ['', body, '\n{"data":{}}', 'abc\n{"data":{}}', '1.5\n{"data":{}}', `${'9'.repeat(20)}\n{}`, `{"data":"\n"}`]) {
      expect(decodeCalculationEntry(Buffer.from(bad, 'utf8')), bad.slice(0, 20)).toBeUndefined();
      expect(decodeCalculationEntry(bad), bad.slice(0, 20)).toBeUndefined();
    }
  });

  it('looks answers up from the memory cache (lent bytes, decoded before they change) and from a string store, with their length in bytes and their age', async () => {
    const logger = createLogger('silent');
    const memory = new MemoryKeyValueCache('t:');
    const strings: GatewayCache = {
      kind: 'redis',
      values: new Map<string, string>(),
      async get(key: string) { return this.values.get(key); },
      async set(key: string, value: string) { this.values.set(key, value); },
      async delete(key: string) { return this.values.delete(key); },
      async ping() { return 0; },
    } as GatewayCache & { values: Map<string, string> };
    for (const store of [memory, strings]) {
      const cache = new CalculationCache(store, 60, logger);
      expect(cache.enabled).toBe(true);
      expect(await cache.lookup('k')).toBeUndefined();
      await store.set('k', encodeCalculationEntry(body, Date.now() - 5_000));
      const hit = await cache.lookup('k');
      expect(hit?.body).toBe(body);
      expect(hit?.bytes).toBe(Buffer.byteLength(body, 'utf8'));
      expect(hit?.ageSeconds).toBe(5);
      await store.set('k', encodeCalculationEntry('{"data":{"other":true}}', Date.now())); // overwrites the lent bytes
      expect(hit?.body).toBe(body);
    }
    expect(new CalculationCache(memory, 0, logger).enabled).toBe(false);
  });

  it('stringifyResult of an answer it did not store is JSON.stringify', () => {
    const schema = buildGatewaySchema();
    const { stringifyResult } = calculationCachePlugin(new CalculationCache(new MemoryKeyValueCache(), 60, createLogger('silent')), new OperationPolicies(schema));
    expect(stringifyResult({ data })).toBe(body);
    const errors = [{ message: 'x' }];
    expect(stringifyResult({ data, errors })).toBe(JSON.stringify({ data, errors }));
    expect(stringifyResult({ data, extensions: { a: 1 } })).toBe(JSON.stringify({ data, extensions: { a: 1 } }));
  });
});
