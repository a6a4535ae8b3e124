// Links as compact adjacency over note indices (CSR): what the layout and the community detection walk.
// Typed arrays, not a graph library's objects: at 25k notes and 250k links, building graphology's graph took
// longer than the whole layout does now.

/** Undirected, weighted, without self-loops or duplicate links. */
export interface LinkGraph {
  order: number;
  /** The neighbours of node i are neighbours[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Weight of each entry of `neighbours`. */
  weights: Float64Array;
}

/** From pairs of node indices (two per link); self-links, repeats and indices outside [0, order) are dropped. */
export function linkGraphFromPairs(order: number, pairs: Int32Array): LinkGraph {
  const seen = new Set<number>();
  const kept: number[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    let a = pairs[i]!;
    let b = pairs[i + 1]!;
    if (a === b || a < 0 || b < 0 || a >= order || b >= order) continue;
    if (a > b) [a, b] = [b, a];
    const key = a * order + b;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(a, b);
  }
  return fromEdgeList(order, kept, undefined);
}

/** The graph of `members` alone (node k of the result is members[k]), keeping the links among them. */
export function inducedSubgraph(graph: LinkGraph, members: ArrayLike<number>): LinkGraph {
  const local = new Map<number, number>();
  for (let k = 0; k < members.length; k++) local.set(members[k]!, k);
  const kept: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k < members.length; k++) {
    const node = members[k]!;
    for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++) {
      const other = local.get(graph.neighbours[e]!);
      if (other !== undefined && k < other) {
        kept.push(k, other);
        weights.push(graph.weights[e]!);
      }
    }
  }
  return fromEdgeList(members.length, kept, weights);
}

/** Each link once, as [a0, b0, a1, b1, ...], with optional weights (else 1). */
export function fromEdgeList(order: number, ends: readonly number[], weights: readonly number[] | undefined): LinkGraph {
  const offsets = new Int32Array(order + 1);
  for (const node of ends) offsets[node + 1]!++;
  for (let i = 0; i < order; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, order);
  const neighbours = new Int32Array(ends.length);
  const entryWeights = new Float64Array(ends.length);
  for (let i = 0; i < ends.length; i += 2) {
    const a = ends[i]!;
    const b = ends[i + 1]!;
    const w = weights ? weights[i / 2]! : 1;
    neighbours[fill[a]!] = b;
    entryWeights[fill[a]!++] = w;
    neighbours[fill[b]!] = a;
    entryWeights[fill[b]!++] = w;
  }
  return { order, offsets, neighbours, weights: entryWeights };
}

export const linkCount = (graph: LinkGraph): number => graph.neighbours.length / 2;

/** The sum of a node's link weights (its degree when every weight is 1). */
export function strength(graph: LinkGraph, node: number): number {
  let sum = 0;
  for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++) sum += graph.weights[e]!;
  return sum;
}
