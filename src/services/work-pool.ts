/**
 * The worker-thread pool of heavy calculations (piscina): long searches run here instead of on the
 * event loop, so health checks, cached answers and charts keep answering while they compute.
 *
 * - Size: WORKER_THREADS threads (0 → the CPUs less one, at least one), started on first use and
 *   stopped after a minute idle.
 * - Bounded: at most `threads + WORK_QUEUE_SIZE` tasks at once (running or waiting); the next is
 *   refused at once with ServiceUnavailableError (HTTP 503, Retry-After) instead of queueing
 *   without end.
 * - Priority: the threads run niced (Linux), so the event loop gets the CPU first.
 * - Deadlines: a task is cancelled when its request's signal aborts (the client went away) or after
 *   WORK_TIMEOUT ms (then 503); a waiting task leaves the queue, a running one's thread is stopped.
 * - Errors: a ValidationError raised in a thread comes back as the same class with its field
 *   (structured clone keeps only message and name); anything else comes back as a CalculationError
 *   (masked, logged).
 *
 * What runs here is a named task of `work-tasks.ts` (one line per task there). From the
 * TypeScript sources (tests) the threads load `work-from-source.mjs`, which compiles the sources on
 * import; the build runs the compiled `work.worker.js`.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { createLogger, type Logger } from '../observability/logger.js';
import { CalculationError, OutOfRangeError, ServiceUnavailableError, ValidationError } from '../errors.js';

/** The name of a task of WORKER_TASKS (work-tasks.ts). */
export type TaskName = string;

/** What a thread sends back: the result, or the error's class name, field and message. */
export type TaskReply = { result: unknown } | { error: { kind: string; field?: string; message: string } };

export interface WorkPoolOptions {
  /** Threads; 0 → the CPUs less one (at least one). */
  threads: number;
  /** Tasks that may wait beyond those running. */
  queueSize: number;
  /** Deadline of one task, ms (queue wait included). */
  timeoutMs: number;
}

/** Seconds a client is told to wait after a full queue. */
const RETRY_AFTER_SECONDS = 2;

const fromSource = import.meta.url.endsWith('.ts');

/** Scheduling priority of the threads below the main thread (Linux nice levels; ignored elsewhere). */
const NICE_INCREMENT = 10;

export class WorkPool {
  readonly threads: number;
  private readonly capacity: number;
  private pool: Piscina | undefined = undefined;
  private inFlight = 0;

  /**
   * @param logger where the pool's own errors go (see `piscina()`); default: warnings and errors on stdout
   */
  constructor(
    private readonly options: WorkPoolOptions,
    private readonly logger: Logger = createLogger('warn'),
  ) {
    this.threads = options.threads > 0 ? options.threads : Math.max(1, availableParallelism() - 1);
    this.capacity = this.threads + options.queueSize;
  }

  /** Tasks running or waiting now. */
  get pending(): number {
    return this.inFlight;
  }

  /**
   * Runs task `name` on `request` in a thread.
   * @param signal the request's signal: aborting it cancels the task
   * @throws ServiceUnavailableError when the queue is full or the deadline passes; the task's
   *   ValidationError; CalculationError for anything else
   */
  async run(name: TaskName, request: unknown, signal?: AbortSignal): Promise<unknown> {
    if (this.inFlight >= this.capacity) {
      throw new ServiceUnavailableError('The calculation queue is full; retry shortly', RETRY_AFTER_SECONDS);
    }
    signal?.throwIfAborted();
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    this.inFlight += 1;
    let reply: TaskReply;
    try {
      reply = (await this.piscina().run({ name, request }, { signal: signal ? AbortSignal.any([signal, deadline]) : deadline })) as TaskReply;
    } catch (error) {
      if (deadline.aborted) {
        throw new ServiceUnavailableError(`The calculation took longer than ${this.options.timeoutMs} ms (WORK_TIMEOUT)`, RETRY_AFTER_SECONDS, { cause: error });
      }
      if (signal?.aborted) throw new ServiceUnavailableError('The request was abandoned', RETRY_AFTER_SECONDS, { cause: error });
      throw new CalculationError(`worker task ${name} failed`, { cause: error });
    } finally {
      this.inFlight -= 1;
    }
    if ('result' in reply) return reply.result;
    const { kind, field, message } = reply.error;
    if (kind === 'OutOfRangeError') throw new OutOfRangeError(field ?? '', message);
    if (kind === 'ValidationError') throw new ValidationError(field ?? '', message);
    throw new CalculationError(`worker task ${name} failed: ${message}`);
  }

  /** Stops the threads (waiting tasks are refused). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private piscina(): Piscina {
    if (this.pool) return this.pool;
    const pool = new Piscina({
      filename: fileURLToPath(new URL(fromSource ? './work-from-source.mjs' : './work.worker.js', import.meta.url)),
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      // Threads yield the CPU to the event loop (health checks, cached answers, charts) first.
      niceIncrement: NICE_INCREMENT,
      // The bound is ours (inFlight); piscina's own queue never refuses before it.
      maxQueue: this.capacity + 1,
    });
    // piscina emits 'error' on the pool (an 'error' event nobody listens to would end the process)
    // when a thread answers a task it has already ended (the request was abandoned, or the deadline
    // passed, just as the thread finished): harmless, a warning; and when a thread fails while it
    // has no task (at start, for one; piscina replaces it): an error. (Its third case, a close()
    // that times out, cannot happen: the pool is destroyed, never closed.)
    pool.on('error', (error: unknown) => {
      if (error instanceof Error && error.message.startsWith('Unexpected message from Worker')) {
        this.logger.warn({ err: error }, 'worker pool: a late answer to an ended task was dropped');
      } else {
        this.logger.error({ err: error }, 'worker pool: a thread failed outside any task');
      }
    });
    this.pool = pool;
    return pool;
  }
}
