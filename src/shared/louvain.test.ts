import { describe, expect, it } from 'vitest';
import { linkGraphFromPairs } from './linkGraph.ts';
import { louvain } from './louvain.ts';
import { seededRandom } from './forceLayout.ts';

/** `groups` cliques of `size` nodes, each joined to the next by one link. */
function ringOfCliques(groups: number, size: number): Int32Array {
  const pairs: number[] = [];
  for (let g = 0; g < groups; g++) {
    for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) pairs.push(g * size + a, g * size + b);
    pairs.push(g * size, ((g + 1) % groups) * size + 1);
  }
  return Int32Array.from(pairs);
}

describe('louvain', () => {
  it('finds planted communities: each clique of a ring of cliques is one community', () => {
    const groups = 12;
    const size = 6;
    const community = louvain(linkGraphFromPairs(groups * size, ringOfCliques(groups, size)), seededRandom(1));
    for (let g = 0; g < groups; g++) {
      const members = new Set(community.subarray(g * size, (g + 1) * size));
      expect(members.size).toBe(1);
    }
    expect(new Set(community).size).toBe(groups);
  });

  it('is deterministic for a seed, and numbers communities 0..k-1 in node order', () => {
    const graph = linkGraphFromPairs(60, ringOfCliques(10, 6));
    const first = louvain(graph, seededRandom(7));
    expect(louvain(graph, seededRandom(7))).toEqual(first);
    expect(first[0]).toBe(0);
    let highest = -1;
    for (const c of first) {
      expect(c).toBeLessThanOrEqual(highest + 1);
      highest = Math.max(highest, c);
    }
  });

  it('leaves unlinked nodes in communities of their own', () => {
    const community = louvain(linkGraphFromPairs(4, Int32Array.from([0, 1])), seededRandom(3));
    expect(community[0]).toBe(community[1]);
    expect(new Set(community).size).toBe(3);
  });
});
