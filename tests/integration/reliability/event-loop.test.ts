/**
 * Heavy searches run in the worker-thread pool: while four five-year transit searches compute (two
 * threads, two waiting), the event loop stays free (/health polled every 20 ms answers within
 * 100 ms, every poll but the slowest) and a fifth search beyond the queue is refused at once with 503,
 * Retry-After and SERVICE_UNAVAILABLE, while a bad one still gets BAD_USER_INPUT with its field
 * (checked before the queue). The searches' answers are the same as computed inline.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../../src/services/techniques.service.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';

const SEARCH = /* GraphQL */ `
  query Search($input: TransitSearchInput!) {
    transitSearch(input: $input) { utc kind transitingBody natalPoint aspect sign house }
  }
`;
/**
 * A five-year search over every default body, for conjunctions and oppositions only: the root
 * finding of every body, but a short answer, so what is measured is the computation rather than
 * the main thread's work of executing and serializing a long list (thousands of events take the
 * main thread over a second: the answer is still materialized there). Natal moments differ so
 * nothing is shared.
 */
const searchInput = (i: number) => ({
  natal: { moment: { utc: `19${70 + i}-05-0${1 + i}T12:00:00Z` }, location: { latitude: 48.85, longitude: 2.35 } },
  from: '2020-01-01T00:00:00Z',
  to: '2024-12-31T00:00:00Z',
  kinds: ['ASPECT'],
  aspectTypes: ['CONJUNCTION', 'OPPOSITION'],
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { WORKER_THREADS: '2', WORK_QUEUE_SIZE: '2', WORK_TIMEOUT: '300000' } });
  // Start both threads first: from the TypeScript sources a thread compiles them on start (a cost
  // of the tests' loader, work-source-loader.mjs; the build's threads load compiled files).
  const oneDay = (i: number) => ({ ...searchInput(i), from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z', bodies: ['MOON'] });
  const warm = await Promise.all([0, 1].map((i) =>
    request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: SEARCH, variables: { input: oneDay(i) } })));
  for (const w of warm) expect(w.status).toBe(200);
}, 300_000);
afterAll(async () => {
  await t.dispose();
});

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

describe('heavy work off the event loop', () => {
  it('answers BAD_USER_INPUT from a thread with its field, as inline', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth)
      .send({ query: SEARCH, variables: { input: { ...searchInput(0), to: '2030-01-01T00:00:00Z' } } });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
  });

  it('keeps /health fast while four searches run, and refuses a fifth beyond the queue with 503', async () => {
    const searches = [0, 1, 2, 3].map((i) =>
      request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: SEARCH, variables: { input: searchInput(i) } }),
    );
    // The poller below stops once the answers have arrived, or when a check fails before then.
    let stopPolling = false;
    const responses = Promise.all(searches).finally(() => {
      stopPolling = true;
    });
    const techniques = t.runtime.services.techniques;
    await expect.poll(() => techniques.pendingWork, { timeout: 4_000, interval: 10 }).toBe(4);

    // /health polled from the moment the four searches are queued until their answers have
    // arrived (the refusals below run meanwhile): a search takes ~100 ms on a fast machine, so the
    // polls cover the whole ~200 ms the four take on two threads, and the main thread's work of
    // answering them. A poll's latency counts from when it was due, as a checker outside sending on
    // time would see it: a loop blocked while the poller sleeps delays the poll's timer, not only
    // its answer. The last poll is the first to return after the answers, so a block at the end is seen.
    const latencies: number[] = [];
    const healthStatuses: number[] = [];
    const polling = (async () => {
      let due = performance.now();
      for (;;) {
        const health = await request(t.app).get('/health');
        latencies.push(performance.now() - due);
        healthStatuses.push(health.status);
        if (stopPolling) break;
        due = performance.now() + 20;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    try {
      const fifth = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: SEARCH, variables: { input: searchInput(4) } });
      expect(fifth.status).toBe(503);
      expect(Number(fifth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(fifth.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      // A bad search is checked before the queue: its field, not the full queue's 503.
      const bad = await request(t.app).post('/graphql').set('Authorization', t.auth)
        .send({ query: SEARCH, variables: { input: { ...searchInput(5), to: '2030-01-01T00:00:00Z' } } });
      expect([bad.status, bad.body.errors[0].extensions]).toEqual([200, { code: 'BAD_USER_INPUT', field: 'input.to' }]);
    } catch (error) {
      stopPolling = true;
      throw error;
    }
    await polling;
    const answers = await responses;
    expect(new Set(healthStatuses)).toEqual(new Set([200]));
    // The same search inline, timed: on the event loop, a poll would have waited up to that long.
    const inlineStarted = performance.now();
    const inline = TECHNIQUES.transitSearch({ ...searchInput(0), from: new Date(searchInput(0).from), to: new Date(searchInput(0).to) } as never);
    const inlineMs = performance.now() - inlineStarted;
    const sorted = [...latencies].sort((a, b) => a - b);
    const [slowest, secondSlowest] = [sorted[sorted.length - 1], sorted[sorted.length - 2]];
    // 100 ms is the target, met on a machine with cores to spare. On a shared, overloaded machine
    // scheduling noise dominates, so the bound grows with how slow the machine is right now: a
    // third of one search's inline time. Where the searches ran is shown above (the pool held all
    // four); on a fast machine one search lasts about the bound, so what the bound guards is the
    // main thread's own work around them (receiving the results, executing and sending answers).
    const bound = Math.max(100, inlineMs / 3);
    console.log(`event loop: ${latencies.length} /health polls every 20 ms while 4 searches ran: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `second-slowest ${secondSlowest.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms; one search inline ${inlineMs.toFixed(0)} ms; bound ${bound.toFixed(0)} ms`);
    // Four searches on two threads last at least two searches' time: a handful of polls even on a
    // fast machine.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    // Every poll but the slowest within the bound. A single poll may meet a stall of the whole
    // process (a shared CI runner once held one 127 ms), so the slowest gets 2.5 times the bound:
    // still short of four searches run back to back on the loop (270 ms or more here).
    expect(secondSlowest).toBeLessThanOrEqual(bound);
    expect(slowest).toBeLessThanOrEqual(2.5 * bound);

    for (const r of answers) expect(r.status).toBe(200);
    const first = (answers[0].body as { data: { transitSearch: { utc: string }[] } }).data.transitSearch;
    expect(first.length).toBeGreaterThan(10);
    expect(first.map((e) => e.utc)).toEqual(inline.map((e) => e.utc.toISOString()));
  }, 300_000);
});
