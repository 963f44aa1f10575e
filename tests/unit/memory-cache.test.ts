/**
 * MemoryKeyValueCache (the embedded default's response cache): values round-trip exactly (UTF-8,
 * lone surrogates and empty values included), expire, and are evicted oldest first when the entry bound or the slab's bytes run out,
 * including when a write wraps around the ring; a value larger than the slab is not kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { MemoryKeyValueCache } from '../../src/cache/key-value-cache.js';

describe('MemoryKeyValueCache', () => {
  it('round-trips values exactly, replaces and deletes them', async () => {
    const cache = new MemoryKeyValueCache('p:');
    const value = '{"data":{"sign":"♈ Aries","note":"ü — 日本"}}';
    await cache.set('a', value, { ttl: 60 });
    expect(await cache.get('a')).toBe(value);
    await cache.set('a', 'second');
    expect(await cache.get('a')).toBe('second');
    expect(await cache.delete('a')).toBe(true);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.delete('a')).toBe(false);
  });

  it('peekUtf8 gives the stored bytes without decoding; null when absent or expired; undefined for UTF-16 entries', async () => {
    vi.useFakeTimers();
    try {
      const cache = new MemoryKeyValueCache('p:');
      expect(cache.peekUtf8('nothing')).toBeNull();
      await cache.set('a', '{"data":"Ä"}', { ttl: 1 });
      expect(cache.peekUtf8('a')?.equals(Buffer.from('{"data":"Ä"}', 'utf8'))).toBe(true);
      await cache.set('odd', 'x\uD800');
      expect(cache.peekUtf8('odd')).toBeUndefined();
      expect(await cache.get('odd')).toBe('x\uD800');
      vi.advanceTimersByTime(1001);
      expect(cache.peekUtf8('a')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('expires entries after their ttl; ttl 0 keeps them', async () => {
    vi.useFakeTimers();
    try {
      const cache = new MemoryKeyValueCache();
      await cache.set('short', 'x', { ttl: 1 });
      await cache.set('forever', 'y', { ttl: 0 });
      vi.advanceTimersByTime(1001);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('forever')).toBe('y');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps at most maxEntries, evicting the oldest', async () => {
    const cache = new MemoryKeyValueCache('', 3);
    for (const k of ['a', 'b', 'c', 'd']) await cache.set(k, k.repeat(10));
    expect(await cache.get('a')).toBeUndefined();
    expect(await Promise.all(['b', 'c', 'd'].map((k) => cache.get(k)))).toEqual(['b', 'c', 'd'].map((k) => k.repeat(10)));
  });

  it('keeps at most maxBytes of values: writes wrap around and evict exactly what they overwrite', async () => {
    const cache = new MemoryKeyValueCache('', 1000, 100);
    const value = (k: string, n: number) => k.repeat(n);
    await cache.set('a', value('a', 40)); // [0, 40)
    await cache.set('b', value('b', 40)); // [40, 80)
    await cache.set('c', value('c', 30)); // does not fit after 80: wraps to [0, 30), evicting a only
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBe(value('b', 40));
    expect(await cache.get('c')).toBe(value('c', 30));
    await cache.set('d', value('d', 20)); // [30, 50): overlaps b
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe(value('c', 30));
    expect(await cache.get('d')).toBe(value('d', 20));
    await cache.set('e', value('e', 50)); // [50, 100): free since b left
    expect([await cache.get('c'), await cache.get('d'), await cache.get('e')]).toEqual([value('c', 30), value('d', 20), value('e', 50)]);

    // A multi-byte value is measured in bytes, not characters.
    await cache.set('f', 'ü'.repeat(20)); // 40 bytes: wraps to [0, 40), evicting c and d
    expect(await cache.get('c')).toBeUndefined();
    expect(await cache.get('d')).toBeUndefined();
    expect(await cache.get('e')).toBe(value('e', 50));
    expect(await cache.get('f')).toBe('ü'.repeat(20));

    await cache.set('huge', 'x'.repeat(101)); // larger than the slab: not kept, nothing evicted
    expect(await cache.get('huge')).toBeUndefined();
    expect(await cache.get('f')).toBe('ü'.repeat(20));
  });

  it('keeps empty values and lone surrogates exactly, and empty values never shield others from eviction', async () => {
    const cache = new MemoryKeyValueCache('', 100, 10);
    await cache.set('a', 'AAAA');
    await cache.set('z', '');
    await cache.set('b', 'BBBB');
    await cache.set('c', 'CCCC'); // wraps: evicts a, skips the empty z, evicts b
    await cache.set('d', 'dd');
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe('CCCC');
    expect(await cache.get('d')).toBe('dd');
    expect(await cache.get('z')).toBe('');

    const odd = 'x\uD800y\uDC00z'; // not well-formed UTF-16: stored as UTF-16, not UTF-8
    const wide = new MemoryKeyValueCache();
    await wide.set('odd', odd);
    expect(await wide.get('odd')).toBe(odd);
  });

  it('stays consistent under many random writes: values read back are the last written, the newest are kept, eviction is oldest first', async () => {
    const maxEntries = 50, maxBytes = 2000;
    const cache = new MemoryKeyValueCache('', maxEntries, maxBytes);
    const last = new Map<string, string>();
    /** Non-empty keys in write order, oldest first (a rewrite moves the key to the end). */
    const order: string[] = [];
    // Stored as UTF-8, or UTF-16 for a string with a lone surrogate (the values below with \uD800).
    const bytes = (v: string) => Buffer.byteLength(v, v.includes('\uD800') ? 'utf16le' : 'utf8');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let hits = 0, sweeps = 0;
    for (let i = 0; i < 5000; i += 1) {
      const key = `k${Math.floor(random() * 80)}`;
      const size = Math.floor(random() * 200);
      const value = size < 20 ? (size < 10 ? '' : `\uD800${key}`) : `${key}:${i}:${'z'.repeat(size)}`;
      await cache.set(key, value);
      last.set(key, value);
      if (order.includes(key)) order.splice(order.indexOf(key), 1);
      if (value !== '') order.push(key);
      // The value just written (≤ 220 bytes of a 2000-byte slab) is always kept.
      expect(await cache.get(key)).toBe(value);
      const probe = `k${Math.floor(random() * 80)}`;
      const got = await cache.get(probe);
      if (got !== undefined) {
        hits++;
        expect(got).toBe(last.get(probe));
      }
      if (i % 50 === 49) {
        // Every key: what is present is the last value written; the non-empty ones present are the newest
        // in write order (oldest evicted first), at most 50 entries and 2000 bytes, and at least the newest
        // 1340 bytes (the slab less the end given up at a wrap and the room of the next value, ≤ 220 each).
        sweeps++;
        const present = new Set<string>();
        for (let k = 0; k < 80; k++) {
          const v = await cache.get(`k${k}`);
          if (v === undefined) continue;
          expect(v).toBe(last.get(`k${k}`));
          present.add(`k${k}`);
        }
        expect(present.size).toBeLessThanOrEqual(maxEntries);
        const kept = order.filter((k) => present.has(k));
        expect(kept, 'a suffix of the write order').toEqual(order.slice(order.length - kept.length));
        const keptBytes = kept.reduce((n, k) => n + bytes(last.get(k)!), 0);
        expect(keptBytes).toBeLessThanOrEqual(maxBytes);
        expect(keptBytes + bytes(last.get(order[order.length - kept.length - 1]) ?? '')).toBeGreaterThan(1340);
      }
    }
    expect(sweeps).toBe(100);
    // About one probe in four finds its key (1209 of 5000 with this seed); a cache that kept nothing would find none.
    expect(hits).toBeGreaterThan(600);
  });
});
