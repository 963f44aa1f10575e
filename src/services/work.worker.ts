/** Entry of a worker thread of the pool (work-pool.ts): runs one named task per message. */
import type { TaskName } from './work-pool.js';
import { runTask } from './work-tasks.js';

export default function work(task: { name: TaskName; request: unknown }) {
  return runTask(task.name, task.request);
}
