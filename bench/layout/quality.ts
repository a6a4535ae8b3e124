// Layout quality, measured the same way for every strategy. Pure functions over positions and edges.
import { seededRandom } from '../../src/shared/forceLayout.ts';

export type Positions = ReadonlyMap<string, { x: number; y: number }>;
export type Edges = readonly { source: string; target: string }[];

/**
 * Mean length of a link divided by the mean distance between two notes picked at random. Lower is better:
 * linked notes sit close together compared with the size of the map (1 would be a random scatter).
 */
export function edgeLengthRatio(positions: Positions, edges: Edges, samples = 20_000): number {
  const distance = (a: string, b: string) => {
    const p = positions.get(a)!;
    const q = positions.get(b)!;
    return Math.hypot(p.x - q.x, p.y - q.y);
  };
  const linked = edges.filter((e) => e.source !== e.target && positions.has(e.source) && positions.has(e.target));
  if (linked.length === 0 || positions.size < 2) return Number.NaN;
  const meanEdge = linked.reduce((sum, e) => sum + distance(e.source, e.target), 0) / linked.length;
  const ids = [...positions.keys()];
  const random = seededRandom(7);
  let total = 0;
  for (let i = 0; i < samples; i++) total += distance(ids[Math.floor(random() * ids.length)]!, ids[Math.floor(random() * ids.length)]!);
  return meanEdge / (total / samples);
}

/** Share of notes with another note closer than `radius` map units (their dots would overlap). Grid hashed. */
export function overlapShare(positions: Positions, radius: number): number {
  const cell = (v: number) => Math.floor(v / radius);
  const grid = new Map<string, { x: number; y: number }[]>();
  for (const p of positions.values()) {
    const key = `${cell(p.x)},${cell(p.y)}`;
    (grid.get(key) ?? grid.set(key, []).get(key)!).push(p);
  }
  let overlapping = 0;
  for (const p of positions.values()) {
    let found = false;
    for (let dx = -1; dx <= 1 && !found; dx++) {
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (const q of grid.get(`${cell(p.x) + dx},${cell(p.y) + dy}`) ?? []) {
          if (q !== p && Math.hypot(p.x - q.x, p.y - q.y) < radius) {
            found = true;
            break;
          }
        }
      }
    }
    if (found) overlapping++;
  }
  return positions.size > 0 ? overlapping / positions.size : 0;
}

/**
 * Of each note's linked neighbours, the share that are also among its k nearest notes on the map (k = its
 * degree, at most 10), averaged over notes with links. Higher is better: the map keeps neighbourhoods.
 */
export function neighbourhoodKept(positions: Positions, edges: Edges, sample = 2000): number {
  const neighbours = new Map<string, Set<string>>();
  for (const { source, target } of edges) {
    if (source === target || !positions.has(source) || !positions.has(target)) continue;
    (neighbours.get(source) ?? neighbours.set(source, new Set()).get(source)!).add(target);
    (neighbours.get(target) ?? neighbours.set(target, new Set()).get(target)!).add(source);
  }
  const ids = [...neighbours.keys()].sort();
  const all = [...positions];
  const random = seededRandom(11);
  let total = 0;
  let counted = 0;
  for (let i = 0; i < Math.min(sample, ids.length); i++) {
    const id = ids[Math.floor(random() * ids.length)]!;
    const own = neighbours.get(id)!;
    const k = Math.min(own.size, 10);
    const p = positions.get(id)!;
    const nearest = nearestIds(all, id, p, k);
    total += nearest.filter((other) => own.has(other)).length / k;
    counted++;
  }
  return counted > 0 ? total / counted : Number.NaN;
}

/** The k notes nearest to `p` (not `id` itself), by one pass with a small sorted list. */
function nearestIds(all: readonly (readonly [string, { x: number; y: number }])[], id: string, p: { x: number; y: number }, k: number): string[] {
  const best: { id: string; d: number }[] = [];
  for (const [other, q] of all) {
    if (other === id) continue;
    const d = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
    if (best.length === k && d >= best[k - 1]!.d) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.d > d) at--;
    best.splice(at, 0, { id: other, d });
    if (best.length > k) best.pop();
  }
  return best.map((entry) => entry.id);
}
