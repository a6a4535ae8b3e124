// Layout for big vaults: place communities first, then each community on its own. Plain force layouts
// take minutes at 20k notes; this takes seconds and reads as topic regions. Seeded and deterministic.
import { forceAtlas2, inferSettings } from './forceAtlas.ts';
import { fromEdgeList, inducedSubgraph, linkCount, type LinkGraph } from './linkGraph.ts';

export interface CommunityLayoutOptions {
  /** Average room per node, in map units. */
  spacing: number;
  seedOf: (key: string) => () => number;
}

/** Communities with fewer members than this are pooled, so thousands of loose notes make one region. */
const MIN_REGION = 3;
const GAP = 1.2;

/** Positions for nodes 0..order-1; `keys[i]` seeds node i's start, `community[i]` is its community. */
export function communityLayout(graph: LinkGraph, keys: readonly string[], community: Int32Array, options: CommunityLayoutOptions): { x: Float64Array; y: Float64Array } {
  const regions = groupIntoRegions(community);
  const radius = regions.map((members) => options.spacing * Math.sqrt(members.length) * 0.62);
  const centres = placeRegions(graph, regions, radius, options);
  const x = new Float64Array(graph.order);
  const y = new Float64Array(graph.order);
  regions.forEach((members, r) => {
    const local = layoutRegion(graph, keys, members, options);
    const centre = centres[r]!;
    members.forEach((node, k) => {
      x[node] = centre.x + local.x[k]! * radius[r]!;
      y[node] = centre.y + local.y[k]! * radius[r]!;
    });
  });
  return { x, y };
}

function groupIntoRegions(community: Int32Array): number[][] {
  const byCommunity = new Map<number, number[]>();
  community.forEach((c, node) => (byCommunity.get(c) ?? byCommunity.set(c, []).get(c)!).push(node));
  const regions: number[][] = [];
  const pooled: number[] = [];
  for (const [, members] of [...byCommunity].sort(([a], [b]) => a - b)) {
    if (members.length < MIN_REGION) pooled.push(...members);
    else regions.push(members);
  }
  if (pooled.length > 0) regions.push(pooled.sort((a, b) => a - b));
  return regions;
}

/** Region centres: a force layout of the region graph, then discs pushed apart until none overlap. */
function placeRegions(graph: LinkGraph, regions: number[][], radius: number[], options: CommunityLayoutOptions): { x: number; y: number }[] {
  const regionOf = new Int32Array(graph.order);
  regions.forEach((members, r) => members.forEach((node) => (regionOf[node] = r)));
  const count = regions.length;
  const between = new Map<number, number>();
  for (let a = 0; a < graph.order; a++) {
    for (let e = graph.offsets[a]!; e < graph.offsets[a + 1]!; e++) {
      const b = graph.neighbours[e]!;
      const ra = regionOf[a]!;
      const rb = regionOf[b]!;
      if (b < a || ra === rb) continue;
      const key = Math.min(ra, rb) * count + Math.max(ra, rb);
      between.set(key, (between.get(key) ?? 0) + graph.weights[e]!);
    }
  }
  const ends: number[] = [];
  const weights: number[] = [];
  for (const [key, weight] of [...between].sort(([a], [b]) => a - b)) {
    ends.push(Math.floor(key / count), key % count);
    weights.push(weight);
  }
  const meta = fromEdgeList(count, ends, weights);
  const random = options.seedOf('regions');
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    x[r] = random() * 100;
    y[r] = random() * 100;
  }
  if (linkCount(meta) > 0) {
    forceAtlas2(meta, x, y, { ...inferSettings(count), iterations: 300, linLogMode: true, gravity: 1, scalingRatio: 10, barnesHutFrom: 400 });
  }
  const centres = regions.map((_, r) => ({ x: x[r]!, y: y[r]! }));
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

/** One region's own force layout, normalised to the unit disc (entry k is members[k]). */
function layoutRegion(graph: LinkGraph, keys: readonly string[], members: number[], options: CommunityLayoutOptions): { x: Float64Array; y: Float64Array } {
  const sub = inducedSubgraph(graph, members);
  const x = new Float64Array(members.length);
  const y = new Float64Array(members.length);
  members.forEach((node, k) => {
    const random = options.seedOf(keys[node]!);
    x[k] = random() * 100;
    y[k] = random() * 100;
  });
  if (linkCount(sub) > 0) {
    // Fewer sweeps for large regions (the seed is already spread).
    const large = members.length > 120;
    forceAtlas2(sub, x, y, { ...inferSettings(members.length), iterations: large ? 50 : 120, linLogMode: true, outboundAttractionDistribution: true, gravity: 1 });
  } else {
    // No links inside (the pooled loose notes): a sunflower spiral.
    for (let k = 0; k < members.length; k++) {
      const r = Math.sqrt((k + 0.5) / members.length);
      x[k] = r * Math.cos(k * 2.399963);
      y[k] = r * Math.sin(k * 2.399963);
    }
  }
  return normalise(x, y);
}

/** Centre on the origin; the farthest 95% of nodes fit within radius 1. */
function normalise(x: Float64Array, y: Float64Array): { x: Float64Array; y: Float64Array } {
  const n = x.length;
  let cx = 0;
  let cy = 0;
  for (let k = 0; k < n; k++) {
    cx += x[k]!;
    cy += y[k]!;
  }
  cx /= n;
  cy /= n;
  const distances = Float64Array.from({ length: n }, (_, k) => Math.hypot(x[k]! - cx, y[k]! - cy)).sort();
  const reach = distances[Math.floor(n * 0.95)] || 1;
  for (let k = 0; k < n; k++) {
    const px = (x[k]! - cx) / reach;
    const py = (y[k]! - cy) / reach;
    const d = Math.hypot(px, py);
    // Outliers are pulled to the rim, so one far-flung leaf cannot shrink the whole region.
    x[k] = d > 1.15 ? (px / d) * 1.15 : px;
    y[k] = d > 1.15 ? (py / d) * 1.15 : py;
  }
  return { x, y };
}
