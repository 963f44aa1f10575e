/**
 * The tasks a worker thread can run, by name, and the reply it sends back. A task is a synchronous
 * function of a structured-clonable request returning a structured-clonable result (plain data,
 * Dates): the techniques run off the event loop are the heavy entries of TECHNIQUES
 * (techniques.service.ts, listed in OFF_LOOP_TECHNIQUES there). Another kind of long work
 * is one more entry here.
 */
import { ValidationError } from '../errors.js';
import { TECHNIQUES, type TechniqueName } from './techniques.service.js';
import type { TaskName, TaskReply } from './work-pool.js';

export const WORKER_TASKS: Record<string, (request: unknown) => unknown> = {
  ...(TECHNIQUES as Record<TechniqueName, (request: unknown) => unknown>),
};


/** Runs one task, catching its error into the reply (a thrown class does not survive the clone). */
export function runTask(name: TaskName, request: unknown): TaskReply {
  const task = WORKER_TASKS[name];
  try {
    if (!task) throw new Error(`no worker task ${name}`);
    return { result: task(request) };
  } catch (error) {
    if (error instanceof ValidationError) return { error: { kind: error.name, field: error.field, message: error.message } };
    return { error: { kind: 'Error', message: error instanceof Error ? error.message : String(error) } };
  }
}
