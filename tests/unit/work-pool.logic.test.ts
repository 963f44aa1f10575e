/**
 * The worker pool's own rules (src/services/work-pool.ts) with piscina replaced by an in-process
 * stand-in that runs the same task function (work-tasks.ts runTask) on a structured clone of the
 * request and holds each task until the test lets it go: the options the threads are started with,
 * the size (the CPUs replaced too), the bound (threads + queue), the deadline, the abandoned request, the error classes and fields
 * brought back, the count of pending tasks, and a restart after close. work-pool.test.ts runs the
 * real threads.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rejectionOf } from '../helpers/rejection.js';

interface HeldTask {
  task: { name: string; request: unknown };
  release(): void;
}

const fake = vi.hoisted(() => ({
  cpus: 8,
  created: [] as Record<string, unknown>[],
  destroyed: 0,
  held: [] as HeldTask[],
  /** The piscina instances made, as event emitters (the pool listens to their 'error'). */
  instances: [] as import('node:events').EventEmitter[],
}));

vi.mock('node:os', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:os')>()),
  availableParallelism: () => fake.cpus,
}));

vi.mock('piscina', async () => {
  const { runTask } = await import('../../src/services/work-tasks.js');
  const { EventEmitter } = await import('node:events');
  class FakePiscina extends EventEmitter {
    private destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      fake.created.push(options);
      fake.instances.push(this);
    }
    run(task: { name: string; request: unknown }, options: { signal?: AbortSignal } = {}): Promise<unknown> {
      if (this.destroyed) return Promise.reject(new Error('the pool was destroyed'));
      const signal = options.signal;
      if (signal?.aborted) return Promise.reject(new DOMException('The task has been aborted', 'AbortError'));
      return new Promise((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('The task has been aborted', 'AbortError')), { once: true });
        fake.held.push({ task, release: () => resolve(runTask(task.name, structuredClone(task.request))) });
      });
    }
    async destroy(): Promise<void> {
      this.destroyed = true;
      fake.destroyed += 1;
    }
  }
  return { Piscina: FakePiscina };
});

const { WorkPool } = await import('../../src/services/work-pool.js');
type Logger = import('../../src/observability/logger.js').Logger;
const { CalculationError, OutOfRangeError, ServiceUnavailableError, ValidationError } = await import('../../src/errors.js');
const { TECHNIQUES } = await import('../../src/services/techniques.service.js');

const MOON_PHASE = { moment: { utc: '2024-01-11T11:57:00Z' } };

/** Lets every held task go, in order. */
function releaseAll(): void {
  for (const h of fake.held.splice(0)) h.release();
}

/** Waits until `count` tasks are held (the pool hands a task over after a tick). */
async function held(count: number): Promise<void> {
  for (let i = 0; i < 100 && fake.held.length < count; i++) await new Promise((r) => setImmediate(r));
  expect(fake.held).toHaveLength(count);
}

/** The error of a promise refused at once: fails when it is still pending after a few ticks or resolves. */
async function refusedAtOnce(promise: Promise<unknown>): Promise<Error> {
  const pending = Symbol('pending');
  let ticks: Promise<typeof pending> = Promise.resolve(pending);
  for (let i = 0; i < 10; i++) ticks = ticks.then(() => new Promise((r) => setImmediate(() => r(pending))));
  const outcome = await Promise.race([promise.then(() => 'resolved', (error: unknown) => error), ticks]);
  if (!(outcome instanceof Error)) throw new Error(`expected a refusal at once, got ${String(outcome)}`);
  return outcome;
}

afterEach(() => {
  releaseAll();
  fake.created.length = 0;
  fake.instances.length = 0;
  fake.destroyed = 0;
  fake.cpus = 8; // as hoisted, even when a test failed after changing it
});

describe('WorkPool (piscina replaced)', () => {
  it('sizes itself: the threads asked for, or the CPUs less one, at least one', () => {
    expect(new WorkPool({ threads: 3, queueSize: 0, timeoutMs: 1000 }).threads).toBe(3);
    fake.cpus = 8;
    expect(new WorkPool({ threads: 0, queueSize: 0, timeoutMs: 1000 }).threads).toBe(7);
    fake.cpus = 1;
    expect(new WorkPool({ threads: 0, queueSize: 0, timeoutMs: 1000 }).threads).toBe(1);
  });

  it('starts piscina on the first task, once: the source entry, 0 to `threads` threads, niced, idle for a minute, a queue above the bound', async () => {
    const pool = new WorkPool({ threads: 2, queueSize: 3, timeoutMs: 60_000 });
    expect(fake.created).toHaveLength(0);
    const a = pool.run('moonPhase', MOON_PHASE);
    const b = pool.run('moonPhase', MOON_PHASE);
    await held(2);
    expect(fake.created).toHaveLength(1);
    const options = fake.created[0];
    expect(String(options.filename)).toMatch(/[/\\]src[/\\]services[/\\]work-from-source\.mjs$/);
    expect(options).toMatchObject({ minThreads: 0, maxThreads: 2, idleTimeout: 60_000, niceIncrement: 10, maxQueue: 6 });
    releaseAll();
    expect(await a).toEqual(TECHNIQUES.moonPhase(MOON_PHASE));
    expect(await b).toEqual(TECHNIQUES.moonPhase(MOON_PHASE));
    expect(pool.pending).toBe(0);
  });

  it('takes threads + queue tasks and refuses the next at once, then takes tasks again', async () => {
    const pool = new WorkPool({ threads: 2, queueSize: 1, timeoutMs: 60_000 });
    const running = [1, 2, 3].map(() => pool.run('moonPhase', MOON_PHASE));
    expect(pool.pending).toBe(3);
    const refused = await refusedAtOnce(pool.run('moonPhase', MOON_PHASE));
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect(refused.message).toBe('The calculation queue is full; retry shortly');
    expect((refused as InstanceType<typeof ServiceUnavailableError>).retryAfterSeconds).toBe(2);
    expect(pool.pending).toBe(3);
    await held(3);
    releaseAll();
    await Promise.all(running);
    expect(pool.pending).toBe(0);
    const again = pool.run('moonPhase', MOON_PHASE);
    await held(1);
    releaseAll();
    expect(await again).toEqual(TECHNIQUES.moonPhase(MOON_PHASE));
  });

  it('ends a task at its deadline (WORK_TIMEOUT), the cause kept', async () => {
    const pool = new WorkPool({ threads: 1, queueSize: 0, timeoutMs: 5 });
    const error = await rejectionOf(pool.run('moonPhase', MOON_PHASE));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe('The calculation took longer than 5 ms (WORK_TIMEOUT)');
    expect((error as InstanceType<typeof ServiceUnavailableError>).retryAfterSeconds).toBe(2);
    expect((error.cause as Error).name).toBe('AbortError');
    expect(pool.pending).toBe(0);
  });

  it('ends the task of an abandoned request; refuses one abandoned before without queueing it', async () => {
    const pool = new WorkPool({ threads: 1, queueSize: 0, timeoutMs: 60_000 });
    const controller = new AbortController();
    const task = pool.run('moonPhase', MOON_PHASE, controller.signal);
    await held(1);
    controller.abort();
    const error = await rejectionOf(task);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe('The request was abandoned');
    expect((error as InstanceType<typeof ServiceUnavailableError>).retryAfterSeconds).toBe(2);
    expect((error.cause as Error).name).toBe('AbortError');
    expect(pool.pending).toBe(0);
    fake.held.length = 0;

    const before = await refusedAtOnce(pool.run('moonPhase', MOON_PHASE, AbortSignal.abort()));
    expect(before).not.toBeInstanceOf(ServiceUnavailableError);
    expect(before.name).toBe('AbortError');
    expect(pool.pending).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(fake.held).toHaveLength(0);

    // A live signal: the task runs to its result.
    const live = pool.run('moonPhase', MOON_PHASE, new AbortController().signal);
    await held(1);
    releaseAll();
    expect(await live).toEqual(TECHNIQUES.moonPhase(MOON_PHASE));
  });

  it('brings back ValidationError and OutOfRangeError with class, field and message; anything else as CalculationError', async () => {
    const pool = new WorkPool({ threads: 1, queueSize: 3, timeoutMs: 60_000 });
    const from = new Date('2024-01-01T00:00:00Z');
    const to = new Date('2024-06-01T00:00:00Z');
    const tasks = [
      pool.run('ingresses', { body: 'SUN', from, to, zodiac: 'SIDEREAL' }),
      pool.run('fixedStars', { at: new Date('0900-01-01T00:00:00Z') }),
      pool.run('noSuchTask', {}),
      pool.run('midpoints', null),
    ].map(rejectionOf);
    await held(4);
    releaseAll();
    const [invalid, outOfRange, unknown, broken] = await Promise.all(tasks);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).not.toBeInstanceOf(OutOfRangeError);
    expect(invalid).toMatchObject({ field: 'ayanamsa', message: 'the SIDEREAL zodiac needs an ayanamsa' });
    expect(outOfRange).toBeInstanceOf(OutOfRangeError);
    expect(outOfRange).toMatchObject({ field: 'at' });
    expect(outOfRange.message).toMatch(/^Instant 0900-01-01T00:00:00\.000Z is outside the supported range/);
    expect(unknown).toBeInstanceOf(CalculationError);
    expect(unknown.message).toBe('worker task noSuchTask failed: no worker task noSuchTask');
    expect(broken).toBeInstanceOf(CalculationError);
    expect(broken).not.toBeInstanceOf(ValidationError);
    expect(broken.message).toMatch(/^worker task midpoints failed: \S/);
    expect(pool.pending).toBe(0);
  });

  it("logs piscina's 'error' events (a late answer as a warning, a thread failure as an error) instead of letting them end the process; one listener however many tasks", async () => {
    const logged: unknown[][] = [];
    const logger = {
      warn: (...args: unknown[]) => logged.push(['warn', ...args]),
      error: (...args: unknown[]) => logged.push(['error', ...args]),
    } as unknown as Logger;
    const pool = new WorkPool({ threads: 1, queueSize: 1, timeoutMs: 60_000 }, logger);
    const tasks = [pool.run('moonPhase', MOON_PHASE), pool.run('moonPhase', MOON_PHASE)];
    await held(2);
    releaseAll();
    await Promise.all(tasks);
    expect(fake.instances).toHaveLength(1);
    const [instance] = fake.instances;
    expect(instance.listenerCount('error')).toBe(1);
    const late = new Error('Unexpected message from Worker: { taskId: 10 }');
    expect(() => instance.emit('error', late)).not.toThrow();
    const crashed = new Error('a thread failed at start');
    expect(() => instance.emit('error', crashed)).not.toThrow();
    expect(logged).toEqual([
      ['warn', { err: late }, 'worker pool: a late answer to an ended task was dropped'],
      ['error', { err: crashed }, 'worker pool: a thread failed outside any task'],
    ]);
  });

  it('a thread failure (piscina rejects) is a CalculationError naming the task; close destroys the threads, the next task starts new ones', async () => {
    const pool = new WorkPool({ threads: 1, queueSize: 0, timeoutMs: 60_000 });
    const first = pool.run('moonPhase', MOON_PHASE);
    await held(1);
    releaseAll();
    await first;
    await pool.close();
    expect(fake.destroyed).toBe(1);
    await pool.close(); // nothing left to destroy
    expect(fake.destroyed).toBe(1);
    const second = pool.run('moonPhase', MOON_PHASE);
    await held(1);
    expect(fake.created).toHaveLength(2);
    expect(fake.instances.map((p) => p.listenerCount('error'))).toEqual([1, 1]);
    releaseAll();
    expect(await second).toEqual(TECHNIQUES.moonPhase(MOON_PHASE));

    // The destroyed instance itself refuses: that rejection comes back as a CalculationError.
    const stale = new WorkPool({ threads: 1, queueSize: 0, timeoutMs: 60_000 });
    const warm = stale.run('moonPhase', MOON_PHASE);
    await held(1);
    releaseAll();
    await warm;
    const instance = (stale as unknown as { pool: { destroy(): Promise<void> } }).pool;
    await instance.destroy();
    const failed = await refusedAtOnce(stale.run('moonPhase', MOON_PHASE));
    expect(failed).toBeInstanceOf(CalculationError);
    expect(failed.message).toBe('worker task moonPhase failed');
    expect((failed.cause as Error).message).toBe('the pool was destroyed');
    expect(stale.pending).toBe(0);
  });
});
