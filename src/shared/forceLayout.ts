// Seeded, deterministic force layout. Isomorphic: the compiler lays out the whole vault at build time;
// the app lays out a local neighbourhood with the same algorithm, so both look alike.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import louvain from 'graphology-communities-louvain';
import { communityLayout } from './communityLayout.ts';

/** Past this many nodes, communities are placed first (a plain force layout would take minutes). */
export const COMMUNITY_LAYOUT_FROM = 2000;

export interface Position {
  x: number;
  y: number;
  community: number;
}

export interface LayoutInput {
  ids: readonly string[];
  edges: readonly { source: string; target: string }[];
  /** Positions from the previous build; kept so the map does not reshuffle. */
  previous?: ReadonlyMap<string, { x: number; y: number }>;
  /** 'auto' (the default): communities first past COMMUNITY_LAYOUT_FROM notes. The others force one way (benchmarks). */
  strategy?: 'auto' | 'force' | 'communities';
}

/** A small deterministic PRNG (mulberry32), so the same vault gets the same picture on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export function layoutGraph({ ids, edges, previous, strategy = 'auto' }: LayoutInput): Map<string, Position> {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const id of ids) graph.addNode(id);
  for (const { source, target } of edges) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target) && !graph.hasEdge(source, target)) graph.addEdge(source, target);
  }
  const communities = graph.order > 0 && graph.size > 0
    ? louvain(graph, { rng: seededRandom(42), resolution: 1 })
    : Object.fromEntries(ids.map((id) => [id, 0]));
  const communityIndex = renumberCommunities(ids, communities);
  const reuse = previous && previous.size > 0 ? ids.filter((id) => previous.has(id)).length / Math.max(1, ids.length) : 0;

  const byCommunities = strategy === 'communities' || (strategy === 'auto' && ids.length > COMMUNITY_LAYOUT_FROM);
  if (byCommunities && reuse <= 0.5) {
    const placed = communityLayout(graph, ids, communityIndex, { spacing: NODE_SPACING, seedOf: (key) => seededRandom(hashString(key)) });
    return new Map(ids.map((id) => [id, { x: round(placed.get(id)!.x), y: round(placed.get(id)!.y), community: communityIndex.get(id)! }]));
  }

  // Seed: the previous position, else near placed neighbours, else a spot on the community's own circle.
  const centres = communityCentres(communityIndex, Math.sqrt(ids.length) * 12);
  for (const id of ids) {
    const old = previous?.get(id);
    const centre = centres.get(communityIndex.get(id)!)!;
    const jitter = seededRandom(hashString(id));
    graph.mergeNodeAttributes(id, old ? { x: old.x, y: old.y } : { x: centre.x + (jitter() - 0.5) * 20, y: centre.y + (jitter() - 0.5) * 20 });
  }
  placeNewNearNeighbours(graph, ids, previous);

  const settings = forceAtlas2.inferSettings(graph);
  if (reuse > 0.5) {
    // Most of the map is known: pin it, and let only the newcomers settle among their neighbours.
    for (const id of ids) if (previous!.has(id)) graph.setNodeAttribute(id, 'fixed', true);
  }
  // A big vault whose map is known: newcomers already sit by their neighbours; a whole-map pass would cost more than it gives.
  const iterations = reuse > 0.5 ? (ids.length > COMMUNITY_LAYOUT_FROM ? 0 : 80) : ids.length > 1000 ? 300 : 500;
  if (iterations > 0) forceAtlas2.assign(graph, { iterations, settings: { ...settings, ...FA2_SETTINGS, barnesHutOptimize: ids.length > 1000 } });
  // A fresh layout is scaled to a fixed density; a reused one already is, and must not drift.
  const scale = reuse > 0.5 ? 1 : spreadScale(graph, ids);

  const positions = new Map<string, Position>();
  for (const id of ids) {
    const { x, y } = graph.getNodeAttributes(id) as { x: number; y: number };
    positions.set(id, { x: round(x * scale), y: round(y * scale), community: communityIndex.get(id)! });
  }
  return positions;
}

/** LinLog separates clusters; hubs are pushed apart so the picture is not one knot. */
const FA2_SETTINGS = { linLogMode: true, outboundAttractionDistribution: true, gravity: 0.5, scalingRatio: 4, strongGravityMode: false, adjustSizes: false };

/** Average spacing between nodes, in map units (Cytoscape pixels at zoom 1). */
export const NODE_SPACING = 90;

/** Factor that gives every node about NODE_SPACING² of room, measured by RMS distance from the centre. */
function spreadScale(graph: Graph, ids: readonly string[]): number {
  if (ids.length < 2) return 1;
  let cx = 0;
  let cy = 0;
  for (const id of ids) {
    cx += graph.getNodeAttribute(id, 'x') as number;
    cy += graph.getNodeAttribute(id, 'y') as number;
  }
  cx /= ids.length;
  cy /= ids.length;
  let sum = 0;
  for (const id of ids) sum += ((graph.getNodeAttribute(id, 'x') as number) - cx) ** 2 + ((graph.getNodeAttribute(id, 'y') as number) - cy) ** 2;
  const rms = Math.sqrt(sum / ids.length);
  const wanted = (NODE_SPACING * Math.sqrt(ids.length)) / 2.2;
  return rms > 0 ? wanted / rms : 1;
}

/** Communities numbered by size (largest 0), ties by first member id, so numbering is stable. */
function renumberCommunities(ids: readonly string[], raw: Record<string, number>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const id of ids) {
    const community = raw[id] ?? -1;
    const list = members.get(community) ?? [];
    list.push(id);
    members.set(community, list);
  }
  const order = [...members.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const result = new Map<string, number>();
  order.forEach((list, index) => list.forEach((id) => result.set(id, index)));
  return result;
}

/** Community centres on a golden-angle spiral, larger communities nearer the middle. */
function communityCentres(community: Map<string, number>, radius: number): Map<number, { x: number; y: number }> {
  // A loop, not Math.max(...values): spreading 200k arguments overflows the stack.
  let highest = 1;
  for (const c of community.values()) if (c > highest) highest = c;
  const count = highest + 1;
  const centres = new Map<number, { x: number; y: number }>();
  for (let c = 0; c < count; c++) {
    const r = radius * Math.sqrt((c + 0.5) / count);
    const angle = c * 2.399963;
    centres.set(c, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
  return centres;
}

function placeNewNearNeighbours(graph: Graph, ids: readonly string[], previous: LayoutInput['previous']): void {
  if (!previous || previous.size === 0) return;
  for (const id of ids) {
    if (previous.has(id)) continue;
    const placed = graph.neighbors(id).filter((n) => previous.has(n));
    if (placed.length === 0) continue;
    let x = 0;
    let y = 0;
    for (const n of placed) {
      x += graph.getNodeAttribute(n, 'x') as number;
      y += graph.getNodeAttribute(n, 'y') as number;
    }
    const jitter = seededRandom(hashString(id));
    graph.mergeNodeAttributes(id, { x: x / placed.length + (jitter() - 0.5) * 10, y: y / placed.length + (jitter() - 0.5) * 10 });
  }
}

const round = (value: number): number => Math.round(value * 10) / 10;
