/**
 * Spreading crowded glyphs apart around a circle.
 *
 * Bodies closer than the minimum separation are gathered into clusters; each cluster is laid out
 * with equal spacing, in the order of the true longitudes, centred on the mean of its members'
 * true longitudes (which minimises the squared displacement). Clusters that then overlap are
 * merged and laid out again until none overlap (the classic cluster-merge method). The order of
 * the bodies is kept, and a body with room around it is not moved.
 */
import { norm360 } from './geometry.js';

export interface SpreadItem {
  /** Unique key (e.g. the body name). */
  readonly key: string;
  /** True longitude, degrees. */
  readonly longitude: number;
}

interface Cluster {
  /** Member true longitudes, unwrapped (increasing, may exceed 360). */
  members: { key: string; longitude: number }[];
  centre: number;
}

function extent(c: Cluster, sep: number): { start: number; end: number } {
  const half = ((c.members.length - 1) * sep) / 2;
  return { start: c.centre - half, end: c.centre + half };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Display longitudes (degrees, [0, 360)) for items that must stay at least `minSeparationDeg`
 * apart around the circle. When the items cannot all fit, the separation shrinks to 360 / n.
 * Deterministic: ties in longitude are broken by key.
 */
export function spreadLongitudes(items: readonly SpreadItem[], minSeparationDeg: number): Map<string, number> {
  const out = new Map<string, number>();
  const n = items.length;
  if (n === 0) return out;
  const sep = Math.min(minSeparationDeg, 360 / n);
  const sorted = items
    .map((i) => ({ key: i.key, longitude: norm360(i.longitude) }))
    .sort((a, b) => a.longitude - b.longitude || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Cut the circle in its widest gap, then unwrap so the longitudes increase.
  let cut = 0;
  let widest = -1;
  for (let i = 0; i < n; i += 1) {
    const next = i + 1 < n ? sorted[i + 1].longitude : sorted[0].longitude + 360;
    const gap = next - sorted[i].longitude;
    if (gap > widest) {
      widest = gap;
      cut = (i + 1) % n;
    }
  }
  const linear = [...sorted.slice(cut), ...sorted.slice(0, cut)];
  for (let i = 1; i < n; i += 1) {
    while (linear[i].longitude < linear[i - 1].longitude) linear[i] = { ...linear[i], longitude: linear[i].longitude + 360 };
  }
  let clusters: Cluster[] = linear.map((m) => ({ members: [m], centre: m.longitude }));
  const eps = 1e-9;
  for (let guard = 0; guard < 4 * n * n + 10; guard += 1) {
    let merged = false;
    const next: Cluster[] = [];
    for (const c of clusters) {
      const prev = next[next.length - 1];
      if (prev && extent(c, sep).start - extent(prev, sep).end < sep - eps) {
        prev.members = [...prev.members, ...c.members];
        prev.centre = mean(prev.members.map((m) => m.longitude));
        merged = true;
      } else {
        next.push({ members: [...c.members], centre: c.centre });
      }
    }
    clusters = next;
    // Across the cut: the last cluster against the first one, one turn later.
    if (clusters.length > 1) {
      const first = clusters[0];
      const last = clusters[clusters.length - 1];
      if (extent(first, sep).start + 360 - extent(last, sep).end < sep - eps) {
        last.members = [...last.members, ...first.members.map((m) => ({ key: m.key, longitude: m.longitude + 360 }))];
        last.centre = mean(last.members.map((m) => m.longitude));
        clusters = clusters.slice(1);
        merged = true;
      }
    }
    if (!merged) break;
  }
  for (const c of clusters) {
    const { start } = extent(c, sep);
    c.members.forEach((m, j) => out.set(m.key, norm360(start + j * sep)));
  }
  return out;
}
