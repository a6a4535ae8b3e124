// Seeded, deterministic force layout. Isomorphic: the compiler lays out the whole vault at build time;
// the app lays out a local neighbourhood with the same algorithm, so both look alike.
import { communityLayout } from './communityLayout.ts';
import { forceAtlas2, inferSettings } from './forceAtlas.ts';
import { linkCount, linkGraphFromPairs, type LinkGraph } from './linkGraph.ts';
import { louvain } from './louvain.ts';

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

/** The same input with links as pairs of indices into `ids` (two per link): what a worker is sent. */
export type PairsLayoutInput = Omit<LayoutInput, 'edges'> & { pairs: Int32Array };

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

export function layoutGraph(input: LayoutInput): Map<string, Position> {
  return layoutPairs(asPairs(input));
}

/** Edges as index pairs: a fraction of the size of edge objects to copy to a worker, and what the layout walks. */
export function asPairs({ ids, edges, ...rest }: LayoutInput): PairsLayoutInput {
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = new Int32Array(edges.length * 2);
  edges.forEach(({ source, target }, i) => {
    pairs[2 * i] = index.get(source) ?? -1;
    pairs[2 * i + 1] = index.get(target) ?? -1;
  });
  return { ids, pairs, ...rest };
}

export function layoutPairs({ ids, pairs, previous, strategy = 'auto' }: PairsLayoutInput): Map<string, Position> {
  const graph = linkGraphFromPairs(ids.length, pairs);
  const community = numberBySize(ids, linkCount(graph) > 0 ? louvain(graph, seededRandom(42)) : new Int32Array(ids.length));
  const known = previous && previous.size > 0 ? ids.map((id) => previous.has(id)) : undefined;
  const reuse = known ? known.filter(Boolean).length / Math.max(1, ids.length) : 0;

  const byCommunities = strategy === 'communities' || (strategy === 'auto' && ids.length > COMMUNITY_LAYOUT_FROM);
  let x: Float64Array;
  let y: Float64Array;
  let scale = 1;
  if (byCommunities && reuse <= 0.5) {
    ({ x, y } = communityLayout(graph, ids, community, { spacing: NODE_SPACING, seedOf: (key) => seededRandom(hashString(key)) }));
  } else {
    ({ x, y } = startingPositions(graph, ids, community, previous));
    const settings = { ...inferSettings(ids.length), ...FA2_SETTINGS, barnesHutFrom: 1000 };
    // Most of the map is known: pin it, and let only the newcomers settle among their neighbours.
    const fixed = reuse > 0.5 ? Uint8Array.from(known!, (isKnown) => (isKnown ? 1 : 0)) : undefined;
    // A big vault whose map is known: newcomers already sit by their neighbours; a whole-map pass would cost more than it gives.
    const iterations = reuse > 0.5 ? (ids.length > COMMUNITY_LAYOUT_FROM ? 0 : 80) : ids.length > 1000 ? 300 : 500;
    if (iterations > 0) forceAtlas2(graph, x, y, { ...settings, iterations }, fixed);
    // A fresh layout is scaled to a fixed density; a reused one already is, and must not drift.
    if (reuse <= 0.5) scale = spreadScale(x, y);
  }
  const positions = new Map<string, Position>();
  ids.forEach((id, i) => positions.set(id, { x: round(x[i]! * scale), y: round(y[i]! * scale), community: community[i]! }));
  return positions;
}

/** The previous position, else near placed neighbours, else a spot near the community's own centre. */
function startingPositions(graph: LinkGraph, ids: readonly string[], community: Int32Array, previous: LayoutInput['previous']): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(ids.length);
  const y = new Float64Array(ids.length);
  const centres = communityCentres(community, Math.sqrt(ids.length) * 12);
  ids.forEach((id, i) => {
    const old = previous?.get(id);
    const centre = centres[community[i]!]!;
    const jitter = seededRandom(hashString(id));
    x[i] = old ? old.x : centre.x + (jitter() - 0.5) * 20;
    y[i] = old ? old.y : centre.y + (jitter() - 0.5) * 20;
  });
  if (previous && previous.size > 0) placeNewNearNeighbours(graph, ids, previous, x, y);
  return { x, y };
}

/** LinLog separates clusters; hubs are pushed apart so the picture is not one knot. */
const FA2_SETTINGS = { linLogMode: true, outboundAttractionDistribution: true, gravity: 0.5, scalingRatio: 4, strongGravityMode: false };

/** Average spacing between nodes, in map units (Cytoscape pixels at zoom 1). */
export const NODE_SPACING = 90;

/** Factor that gives every node about NODE_SPACING² of room, measured by RMS distance from the centre. */
function spreadScale(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return 1;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += x[i]!;
    cy += y[i]!;
  }
  cx /= n;
  cy /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[i]! - cx) ** 2 + (y[i]! - cy) ** 2;
  const rms = Math.sqrt(sum / n);
  const wanted = (NODE_SPACING * Math.sqrt(n)) / 2.2;
  return rms > 0 ? wanted / rms : 1;
}

/** Communities numbered by size (largest 0), ties by first member id, so numbering is stable. */
function numberBySize(ids: readonly string[], raw: Int32Array): Int32Array {
  const members = new Map<number, number[]>();
  raw.forEach((c, i) => (members.get(c) ?? members.set(c, []).get(c)!).push(i));
  const order = [...members.values()].sort((a, b) => b.length - a.length || (ids[a[0]!]! < ids[b[0]!]! ? -1 : 1));
  const result = new Int32Array(ids.length);
  order.forEach((list, index) => list.forEach((i) => (result[i] = index)));
  return result;
}

/** Community centres on a golden-angle spiral, larger communities nearer the middle. */
function communityCentres(community: Int32Array, radius: number): { x: number; y: number }[] {
  // A loop, not Math.max(...values): spreading 200k arguments overflows the stack.
  let highest = 1;
  for (const c of community) if (c > highest) highest = c;
  const count = highest + 1;
  return Array.from({ length: count }, (_, c) => {
    const r = radius * Math.sqrt((c + 0.5) / count);
    const angle = c * 2.399963;
    return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
  });
}

function placeNewNearNeighbours(graph: LinkGraph, ids: readonly string[], previous: NonNullable<LayoutInput['previous']>, x: Float64Array, y: Float64Array): void {
  ids.forEach((id, i) => {
    if (previous.has(id)) return;
    let sx = 0;
    let sy = 0;
    let placed = 0;
    for (let e = graph.offsets[i]!; e < graph.offsets[i + 1]!; e++) {
      const n = graph.neighbours[e]!;
      if (!previous.has(ids[n]!)) continue;
      sx += x[n]!;
      sy += y[n]!;
      placed++;
    }
    if (placed === 0) return;
    const jitter = seededRandom(hashString(id));
    x[i] = sx / placed + (jitter() - 0.5) * 10;
    y[i] = sy / placed + (jitter() - 0.5) * 10;
  });
}

const round = (value: number): number => Math.round(value * 10) / 10;
