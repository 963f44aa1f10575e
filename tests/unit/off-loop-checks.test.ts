/**
 * The techniques run in the worker-thread pool are checked on the event loop before they are
 * queued: with the queue full (a pool that refuses every task, as WorkPool does beyond
 * WORK_QUEUE_SIZE), a bad request still gets its ValidationError with the field, and never reaches
 * the pool; a good one reaches it and gets the full queue's ServiceUnavailableError. Each technique
 * of OFF_LOOP_TECHNIQUES has a bad and a good request here.
 */
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError, ValidationError } from '../../src/errors.js';
import type { RequestLoaders } from '../../src/services/request-loaders.js';
import { OFF_LOOP_TECHNIQUES, TechniquesService, type TechniqueName } from '../../src/services/techniques.service.js';
import type { WorkPool } from '../../src/services/work-pool.js';

const NATAL = { moment: { utc: '1990-01-15T14:30:00Z' }, location: { latitude: 51.5, longitude: -0.13 } };
const FROM = new Date('2024-01-01T00:00:00Z');
const TO = new Date('2024-02-01T00:00:00Z');
const SIX_YEARS_ON = new Date('2030-01-01T00:00:00Z');

/** Per technique: a good request, and a bad one with the field it is refused for. */
const CASES: Record<string, { good: unknown; bad: unknown; field: string }> = {
  transitSearch: { good: { natal: NATAL, from: FROM, to: TO }, bad: { natal: NATAL, from: FROM, to: SIX_YEARS_ON }, field: 'to' },
  ingresses: { good: { body: 'MARS', from: FROM, to: TO }, bad: { body: 'MARS', from: FROM, to: TO, zodiac: 'SIDEREAL' }, field: 'ayanamsa' },
  stations: { good: { body: 'MERCURY', from: FROM, to: TO }, bad: { body: 'MERCURY', from: TO, to: FROM }, field: 'to' },
  eclipses: { good: { from: FROM, to: TO }, bad: { from: new Date('0999-01-01T00:00:00Z'), to: TO }, field: 'to' },
  lunarPhases: { good: { from: FROM, to: TO }, bad: { from: new Date('0999-06-01T00:00:00Z'), to: new Date('1000-06-01T00:00:00Z') }, field: 'from' },
  voidOfCourseMoon: { good: { from: FROM, to: TO }, bad: { from: FROM, to: new Date('2025-06-01T00:00:00Z') }, field: 'to' },
  planetaryReturn: { good: { natal: NATAL, body: 'SUN', after: FROM }, bad: { natal: NATAL, body: 'SUN', after: new Date('3100-01-01T00:00:00Z') }, field: 'after' },
  ephemerisTable: { good: { from: FROM, to: TO, step: '1d' }, bad: { from: FROM, to: TO, step: '1y' }, field: 'step' },
};

/** A pool whose queue is full: it refuses every task, and counts them. */
function fullPool() {
  const refused: string[] = [];
  const pool = {
    pending: 4,
    run: (name: string) => {
      refused.push(name);
      return Promise.reject(new ServiceUnavailableError('The calculation queue is full; retry shortly', 2));
    },
  };
  return { pool: pool as unknown as WorkPool, refused };
}

async function outcome(techniques: TechniquesService, name: string, request: unknown): Promise<unknown> {
  const loaders = { technique: techniques.createLoader() } as RequestLoaders;
  try {
    return await techniques.run(name as TechniqueName, request as never, loaders);
  } catch (error) {
    return error;
  }
}

describe('pooled techniques are checked before they are queued', () => {
  it('every pooled technique has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(OFF_LOOP_TECHNIQUES).sort());
  });

  it.each(Object.entries(CASES))('%s: with the queue full, a bad request gets its field and a good one 503', async (name, { good, bad, field }) => {
    const { pool, refused } = fullPool();
    const techniques = new TechniquesService(undefined, pool);
    const badOutcome = await outcome(techniques, name, bad);
    expect(badOutcome).toBeInstanceOf(ValidationError);
    expect((badOutcome as ValidationError).field).toBe(field);
    expect(refused).toEqual([]);
    const goodOutcome = await outcome(techniques, name, good);
    expect(goodOutcome).toBeInstanceOf(ServiceUnavailableError);
    expect(refused).toEqual([name]);
  });

  it('a bad request is refused inline with the same field as checked before the pool', async () => {
    const inline = new TechniquesService();
    for (const [name, { bad, field }] of Object.entries(CASES)) {
      const error = await outcome(inline, name, bad);
      expect([name, (error as ValidationError).field]).toEqual([name, field]);
    }
  });
});
