import { describe, expect, it } from 'vitest';
import { inducedSubgraph, linkCount, linkGraphFromPairs, strength, type LinkGraph } from './linkGraph.ts';

const neighboursOf = (graph: LinkGraph, node: number) => [...graph.neighbours.subarray(graph.offsets[node], graph.offsets[node + 1])].sort();

describe('linkGraphFromPairs', () => {
  it('keeps each link once, both ways, and drops self-links and indices outside the graph', () => {
    const graph = linkGraphFromPairs(4, Int32Array.from([0, 1, 1, 0, 0, 1, 2, 2, 2, 3, 3, -1, 3, 4]));
    expect(linkCount(graph)).toBe(2);
    expect(neighboursOf(graph, 0)).toEqual([1]);
    expect(neighboursOf(graph, 1)).toEqual([0]);
    expect(neighboursOf(graph, 2)).toEqual([3]);
    expect(neighboursOf(graph, 3)).toEqual([2]);
    expect(strength(graph, 0)).toBe(1);
  });

  it('handles no nodes and no links', () => {
    expect(linkCount(linkGraphFromPairs(0, new Int32Array()))).toBe(0);
    const lonely = linkGraphFromPairs(3, new Int32Array());
    expect([0, 1, 2].map((node) => neighboursOf(lonely, node))).toEqual([[], [], []]);
  });
});

describe('inducedSubgraph', () => {
  it('renumbers the members and keeps only the links among them, with their weights', () => {
    // A path 0-1-2-3 and a chord 0-2.
    const graph = linkGraphFromPairs(4, Int32Array.from([0, 1, 1, 2, 2, 3, 0, 2]));
    const sub = inducedSubgraph(graph, [2, 0, 1]);
    expect(sub.order).toBe(3);
    expect(linkCount(sub)).toBe(3); // 0-1, 1-2, 0-2 of the original: a triangle
    expect(neighboursOf(sub, 0)).toEqual([1, 2]);
    expect([...sub.weights].every((w) => w === 1)).toBe(true);
  });
});
