/**
 * Worker of scripts/ephemeris-pack.ts: fits a range of analytic segments, or integrates a range of
 * arcs, and posts the full Chebyshev coefficients back. Pure function of its task, so the pack
 * does not depend on how the work was split.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackBody } from '../../src/ephemeris/pack/pack-format.js';
import { ANALYTIC, epochs, fitAnalytic, fitArc, perturbersFrom, seriesOf, type Packed } from './generate.js';

export type Task =
  | { kind: 'analytic'; name: PackBody; segments: number[] }
  | { kind: 'arcs'; arcs: number[]; analytic: Record<string, Packed> };

export interface TaskResult {
  /** Full coefficients per series, segments in order. */
  full: Record<string, Float64Array[]>;
  /** Worst landing miss of the arcs, AU. */
  missAu: number;
}

export function runTask(task: Task): TaskResult {
  if (task.kind === 'analytic') {
    return { full: { [task.name]: fitAnalytic(task.name, task.segments).full }, missAu: 0 };
  }
  const perturbers = perturbersFrom(Object.fromEntries(ANALYTIC.map((n) => [n, seriesOf(task.analytic[n])])));
  const e = epochs();
  const full: Record<string, Float64Array[]> = {};
  let missAu = 0;
  for (const k of task.arcs) {
    const arc = fitArc(k, perturbers, e);
    missAu = Math.max(missAu, arc.solution.missAu);
    for (const [name, segs] of Object.entries(arc.segments)) (full[name] ??= []).push(...segs);
  }
  return { full, missAu };
}

if (parentPort && workerData === 'ephemeris-pack-worker') {
  const port = parentPort;
  port.on('message', (task: Task) => port.postMessage(runTask(task)));
}
