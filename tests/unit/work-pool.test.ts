/**
 * The worker-thread pool (src/services/work-pool.ts) on its own: a task's result comes back as
 * computed inline; a task's ValidationError and OutOfRangeError come back as the same class with
 * their field; anything else as a CalculationError; the bound (threads + queue) refuses the next
 * task at once with ServiceUnavailableError (Retry-After 2 s); the deadline and an abandoned request
 * end a task with ServiceUnavailableError; an already aborted request runs nothing; a closed pool
 * starts again on the next task. The threads run from the TypeScript sources (work-from-source.mjs).
 */
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { CalculationError, OutOfRangeError, ServiceUnavailableError, ValidationError } from '../../src/errors.js';
import { TECHNIQUES } from '../../src/services/techniques.service.js';
import { WorkPool } from '../../src/services/work-pool.js';
import { rejectionOf } from '../helpers/rejection.js';

const MOON_PHASE = { moment: { utc: '2024-01-11T11:57:00Z' } };

describe('WorkPool', () => {
  // One thread, two waiting: capacity 3.
  const pool = new WorkPool({ threads: 1, queueSize: 2, timeoutMs: 120_000 });
  afterAll(() => pool.close());

  it('sizes itself: the threads asked for, or the CPUs less one (at least one)', () => {
    expect(pool.threads).toBe(1);
    expect(new WorkPool({ threads: 3, queueSize: 0, timeoutMs: 1000 }).threads).toBe(3);
    expect(new WorkPool({ threads: 0, queueSize: 0, timeoutMs: 1000 }).threads).toBe(Math.max(1, availableParallelism() - 1));
  });

  it('answers a task as computed inline, and refuses a task beyond threads + queue at once', async () => {
    const running = [1, 2, 3].map(() => pool.run('moonPhase', MOON_PHASE));
    expect(pool.pending).toBe(3);
    const refused = await rejectionOf(pool.run('moonPhase', MOON_PHASE));
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect((refused as ServiceUnavailableError).retryAfterSeconds).toBe(2);
    expect(refused.message).toBe('The calculation queue is full; retry shortly');
    expect(pool.pending).toBe(3);
    const inline = TECHNIQUES.moonPhase(MOON_PHASE);
    // New Moon 2024-01-11 11:57 UTC: the angle Sun–Moon–Earth is near 180° (the Moon's latitude keeps it off).
    expect(inline.phaseAngle).toBeGreaterThan(170);
    for (const result of await Promise.all(running)) expect(result).toEqual(inline);
    expect(pool.pending).toBe(0);
  });

  it("returns a task's ValidationError and OutOfRangeError as the same class with their field", async () => {
    const from = new Date('2024-01-01T00:00:00Z');
    const to = new Date('2024-12-31T00:00:00Z');
    const invalid = await rejectionOf(pool.run('ingresses', { body: 'SUN', from, to, zodiac: 'SIDEREAL' }));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).not.toBeInstanceOf(OutOfRangeError);
    expect((invalid as ValidationError).field).toBe('ayanamsa');
    expect(invalid.message).toBe('the SIDEREAL zodiac needs an ayanamsa');

    const outOfRange = await rejectionOf(pool.run('fixedStars', { at: new Date('0900-01-01T00:00:00Z') }));
    expect(outOfRange).toBeInstanceOf(OutOfRangeError);
    expect((outOfRange as ValidationError).field).toBe('at');
    expect(outOfRange.message).toMatch(/^Instant 0900-01-01T00:00:00\.000Z is outside the supported range/);
    expect(pool.pending).toBe(0);
  });

  it('returns any other failure as a CalculationError naming the task', async () => {
    const unknown = await rejectionOf(pool.run('noSuchTask', {}));
    expect(unknown).toBeInstanceOf(CalculationError);
    expect(unknown.message).toBe('worker task noSuchTask failed: no worker task noSuchTask');
    const broken = await rejectionOf(pool.run('midpoints', null));
    expect(broken).toBeInstanceOf(CalculationError);
    expect(broken).not.toBeInstanceOf(ValidationError);
    expect(broken.message).toMatch(/^worker task midpoints failed: /);
  });

  it('ends a task at the deadline with ServiceUnavailableError naming WORK_TIMEOUT', async () => {
    // 1 ms: less than a thread takes to start, let alone compute.
    const hasty = new WorkPool({ threads: 1, queueSize: 0, timeoutMs: 1 });
    try {
      const error = await rejectionOf(hasty.run('moonPhase', MOON_PHASE));
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe('The calculation took longer than 1 ms (WORK_TIMEOUT)');
      expect((error as ServiceUnavailableError).retryAfterSeconds).toBe(2);
      expect(error.cause).toBeDefined();
      expect(hasty.pending).toBe(0);
      // A closed pool starts again on the next task (not the destroyed one, which would refuse at once).
      await hasty.close();
      const again = await rejectionOf(hasty.run('moonPhase', MOON_PHASE));
      expect(again.message).toBe('The calculation took longer than 1 ms (WORK_TIMEOUT)');
    } finally {
      await hasty.close();
    }
  });

  it('ends the task of an abandoned request; runs nothing for one abandoned before', async () => {
    // A signal that is never aborted changes nothing.
    expect(await pool.run('moonPhase', MOON_PHASE, new AbortController().signal)).toEqual(TECHNIQUES.moonPhase(MOON_PHASE));

    const controller = new AbortController();
    const task = pool.run('moonPhase', MOON_PHASE, controller.signal);
    controller.abort();
    const error = await rejectionOf(task);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe('The request was abandoned');
    expect((error as ServiceUnavailableError).retryAfterSeconds).toBe(2);
    expect(pool.pending).toBe(0);

    // Already aborted: the signal's own reason, before anything is queued.
    const before = await rejectionOf(pool.run('moonPhase', MOON_PHASE, AbortSignal.abort()));
    expect(before).not.toBeInstanceOf(ServiceUnavailableError);
    expect(before.name).toBe('AbortError');
    expect(pool.pending).toBe(0);
  });
});
