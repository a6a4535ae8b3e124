// Topic regions for big vaults: each community of the compiler's layout, labelled by its most-linked note.
import type { Graph } from '../../shared/schema.ts';
import { degreeOf, type GraphIndex } from './graphIndex.ts';

export interface Region {
  id: string;
  label: string;
  count: number;
  x: number;
  y: number;
  /** Distance from the centre that holds 90% of the members. */
  radius: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

const MIN_MEMBERS = 12;
const MAX_REGIONS = 60;

export function buildRegions(graph: Graph, index: GraphIndex): Region[] {
  if (!index.overviewIds) return [];
  const groups = new Map<number, typeof graph.nodes>();
  for (const node of graph.nodes) (groups.get(node.community) ?? groups.set(node.community, []).get(node.community)!).push(node);
  const regions: Region[] = [];
  for (const [community, members] of groups) {
    if (members.length < MIN_MEMBERS) continue;
    let x = 0;
    let y = 0;
    for (const m of members) {
      x += m.x;
      y += m.y;
    }
    x /= members.length;
    y /= members.length;
    const distances = members.map((m) => Math.hypot(m.x - x, m.y - y)).sort((a, b) => a - b);
    const radius = distances[Math.floor(distances.length * 0.9)] ?? 0;
    const top = members.filter((m) => !m.ghost).sort((a, b) => degreeOf(b) - degreeOf(a) || (a.id < b.id ? -1 : 1))[0];
    if (!top) continue;
    regions.push({
      id: `region~${community}`,
      label: top.title,
      count: members.length,
      x,
      y,
      radius,
      box: { x1: x - radius, y1: y - radius, x2: x + radius, y2: y + radius },
    });
  }
  return regions.sort((a, b) => b.count - a.count).slice(0, MAX_REGIONS);
}
