// Layout for big vaults: place communities first, then each community on its own. Plain force layouts
// take minutes at 20k notes; this takes seconds and reads as topic regions. Seeded and deterministic.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface CommunityLayoutOptions {
  /** Average room per node, in map units. */
  spacing: number;
  seedOf: (id: string) => () => number;
}

/** Communities with fewer members than this are pooled, so thousands of loose notes make one region. */
const MIN_REGION = 3;
const GAP = 1.2;

export function communityLayout(graph: Graph, ids: readonly string[], community: ReadonlyMap<string, number>, options: CommunityLayoutOptions): Map<string, { x: number; y: number }> {
  const regions = groupIntoRegions(ids, community);
  const radius = regions.map((members) => options.spacing * Math.sqrt(members.length) * 0.62);
  const centres = placeRegions(graph, regions, radius, options);
  const positions = new Map<string, { x: number; y: number }>();
  regions.forEach((members, r) => {
    const local = layoutRegion(graph, members, options);
    const centre = centres[r]!;
    for (const id of members) {
      const p = local.get(id)!;
      positions.set(id, { x: centre.x + p.x * radius[r]!, y: centre.y + p.y * radius[r]! });
    }
  });
  return positions;
}

function groupIntoRegions(ids: readonly string[], community: ReadonlyMap<string, number>): string[][] {
  const byCommunity = new Map<number, string[]>();
  for (const id of ids) {
    const c = community.get(id) ?? -1;
    (byCommunity.get(c) ?? byCommunity.set(c, []).get(c)!).push(id);
  }
  const regions: string[][] = [];
  const pooled: string[] = [];
  for (const [, members] of [...byCommunity].sort(([a], [b]) => a - b)) {
    if (members.length < MIN_REGION) pooled.push(...members);
    else regions.push(members);
  }
  if (pooled.length > 0) regions.push(pooled);
  return regions;
}

/** Region centres: a force layout of the region graph, then discs pushed apart until none overlap. */
function placeRegions(graph: Graph, regions: string[][], radius: number[], options: CommunityLayoutOptions): { x: number; y: number }[] {
  const regionOf = new Map<string, number>();
  regions.forEach((members, r) => members.forEach((id) => regionOf.set(id, r)));
  const meta = new Graph({ type: 'undirected' });
  const random = options.seedOf('regions');
  regions.forEach((_, r) => meta.addNode(r, { x: random() * 100, y: random() * 100, size: Math.sqrt(regions[r]!.length) }));
  graph.forEachEdge((_edge, _attr, source, target) => {
    const a = regionOf.get(source)!;
    const b = regionOf.get(target)!;
    if (a === b) return;
    if (meta.hasEdge(a, b)) meta.updateEdgeAttribute(a, b, 'weight', (w: number) => w + 1);
    else meta.addEdge(a, b, { weight: 1 });
  });
  if (meta.size > 0) {
    forceAtlas2.assign(meta, {
      iterations: 300,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(meta), linLogMode: true, barnesHutOptimize: meta.order > 400, gravity: 1, scalingRatio: 10 },
    });
  }
  const centres = regions.map((_, r) => ({ x: meta.getNodeAttribute(r, 'x') as number, y: meta.getNodeAttribute(r, 'y') as number }));
  // Scale so the total disc area fits, then separate overlapping discs.
  const area = Math.sqrt(radius.reduce((sum, r) => sum + r * r, 0));
  const rms = Math.sqrt(centres.reduce((sum, c) => sum + c.x * c.x + c.y * c.y, 0) / Math.max(1, centres.length)) || 1;
  for (const c of centres) {
    c.x *= (area * 1.1) / rms;
    c.y *= (area * 1.1) / rms;
  }
  separateDiscs(centres, radius);
  return centres;
}

function separateDiscs(centres: { x: number; y: number }[], radius: number[]): void {
  const passes = centres.length > 800 ? 20 : 80;
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < centres.length; i++) {
      for (let j = i + 1; j < centres.length; j++) {
        const a = centres[i]!;
        const b = centres[j]!;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const distance = Math.hypot(dx, dy) || 0.01;
        const need = (radius[i]! + radius[j]!) * GAP;
        if (distance >= need) continue;
        const push = (need - distance) / 2;
        const ux = dx / distance;
        const uy = dy / distance;
        a.x -= ux * push;
        a.y -= uy * push;
        b.x += ux * push;
        b.y += uy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

/** One region's own force layout, normalised to the unit disc. */
function layoutRegion(graph: Graph, members: string[], options: CommunityLayoutOptions): Map<string, { x: number; y: number }> {
  const sub = new Graph({ type: 'undirected' });
  for (const id of members) {
    const random = options.seedOf(id);
    sub.addNode(id, { x: random() * 100, y: random() * 100 });
  }
  for (const id of members) {
    graph.forEachNeighbor(id, (neighbour) => {
      if (id < neighbour && sub.hasNode(neighbour)) sub.addEdge(id, neighbour);
    });
  }
  if (sub.size > 0) {
    // Exact forces for small regions; Barnes-Hut and fewer sweeps for large ones (the seed is already spread).
    const large = members.length > 120;
    forceAtlas2.assign(sub, {
      iterations: large ? 50 : 120,
      settings: { ...forceAtlas2.inferSettings(sub), linLogMode: true, outboundAttractionDistribution: true, barnesHutOptimize: large, gravity: 1 },
    });
  } else {
    // No links inside (the pooled loose notes): a sunflower spiral.
    members.forEach((id, i) => {
      const r = Math.sqrt((i + 0.5) / members.length);
      sub.mergeNodeAttributes(id, { x: r * Math.cos(i * 2.399963), y: r * Math.sin(i * 2.399963) });
    });
  }
  return normalise(sub, members);
}

/** Centre on the origin; the farthest 95% of nodes fit within radius 1. */
function normalise(sub: Graph, members: string[]): Map<string, { x: number; y: number }> {
  let cx = 0;
  let cy = 0;
  for (const id of members) {
    cx += sub.getNodeAttribute(id, 'x') as number;
    cy += sub.getNodeAttribute(id, 'y') as number;
  }
  cx /= members.length;
  cy /= members.length;
  const distances = members.map((id) => Math.hypot((sub.getNodeAttribute(id, 'x') as number) - cx, (sub.getNodeAttribute(id, 'y') as number) - cy)).sort((a, b) => a - b);
  const reach = distances[Math.floor(distances.length * 0.95)] || 1;
  const result = new Map<string, { x: number; y: number }>();
  for (const id of members) {
    const x = ((sub.getNodeAttribute(id, 'x') as number) - cx) / reach;
    const y = ((sub.getNodeAttribute(id, 'y') as number) - cy) / reach;
    const d = Math.hypot(x, y);
    // Outliers are pulled to the rim, so one far-flung leaf cannot shrink the whole region.
    result.set(id, d > 1.15 ? { x: (x / d) * 1.15, y: (y / d) * 1.15 } : { x, y });
  }
  return result;
}
