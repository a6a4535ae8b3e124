// Louvain community detection (Blondel et al. 2008) on a LinkGraph: move each node to the neighbouring
// community that raises modularity most, until none moves; merge each community into one node; repeat.
// Seeded node order, so the same vault always gets the same communities.
import { fromEdgeList, strength, type LinkGraph } from './linkGraph.ts';

/** Passes over all nodes at one level; the gain after this many is negligible on real vaults. */
const MAX_PASSES = 20;

/** A community number for each node, 0..k-1, numbered in order of first appearance. */
export function louvain(graph: LinkGraph, random: () => number, resolution = 1): Int32Array {
  const membership = Int32Array.from({ length: graph.order }, (_, i) => i);
  let level = graph;
  let selfLoops: Float64Array = new Float64Array(graph.order);
  for (;;) {
    const community = moveNodes(level, selfLoops, random, resolution);
    const count = renumber(community);
    for (let i = 0; i < membership.length; i++) membership[i] = community[membership[i]!]!;
    if (count === level.order) break;
    ({ graph: level, selfLoops } = aggregate(level, selfLoops, community, count));
  }
  renumber(membership);
  return membership;
}

function moveNodes(graph: LinkGraph, selfLoops: Float64Array, random: () => number, resolution: number): Int32Array {
  const n = graph.order;
  const { offsets, neighbours, weights } = graph;
  // A node's self-loop (links inside an aggregated community) counts twice, as in modularity's degree.
  const degree = Float64Array.from({ length: n }, (_, i) => 2 * selfLoops[i]! + strength(graph, i));
  let total = 0;
  for (const k of degree) total += k;
  const community = Int32Array.from({ length: n }, (_, i) => i);
  if (total === 0) return community;
  const communityStrength = degree.slice();
  const order = shuffled(n, random);
  const linkTo = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moves = 0;
    for (const node of order) {
      const own = community[node]!;
      let count = 0;
      for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
        const c = community[neighbours[e]!]!;
        if (linkTo[c]! < 0) {
          linkTo[c] = 0;
          touched[count++] = c;
        }
        linkTo[c]! += weights[e]!;
      }
      const k = degree[node]!;
      communityStrength[own]! -= k;
      const scale = (resolution * k) / total;
      let best = own;
      let bestGain = Math.max(0, linkTo[own]!) - scale * communityStrength[own]!;
      for (let t = 0; t < count; t++) {
        const c = touched[t]!;
        const gain = linkTo[c]! - scale * communityStrength[c]!;
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      communityStrength[best]! += k;
      if (best !== own) {
        community[node] = best;
        moves++;
      }
      for (let t = 0; t < count; t++) linkTo[touched[t]!] = -1;
    }
    if (moves === 0) break;
  }
  return community;
}

/** Renumbers in place to 0..k-1 by first appearance; returns k. */
function renumber(labels: Int32Array): number {
  const map = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    let next = map.get(labels[i]!);
    if (next === undefined) {
      next = map.size;
      map.set(labels[i]!, next);
    }
    labels[i] = next;
  }
  return map.size;
}

/** One node per community; links between communities summed; links inside become the node's self-loop. */
function aggregate(graph: LinkGraph, selfLoops: Float64Array, community: Int32Array, count: number): { graph: LinkGraph; selfLoops: Float64Array } {
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < graph.order; i++) members[community[i]!]!.push(i);
  const innerLoops = new Float64Array(count);
  const ends: number[] = [];
  const weights: number[] = [];
  const sum = new Float64Array(count);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    let inner = 0;
    for (const node of members[c]!) {
      inner += selfLoops[node]!;
      for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++) {
        const d = community[graph.neighbours[e]!]!;
        if (d === c) inner += graph.weights[e]! / 2; // seen from both ends
        else if (d > c) {
          if (sum[d] === 0) touched.push(d);
          sum[d]! += graph.weights[e]!;
        }
      }
    }
    innerLoops[c] = inner;
    for (const d of touched) {
      ends.push(c, d);
      weights.push(sum[d]!);
      sum[d] = 0;
    }
    touched.length = 0;
  }
  return { graph: fromEdgeList(count, ends, weights), selfLoops: innerLoops };
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
