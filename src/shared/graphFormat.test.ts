import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEdges, walkEdges } from './graphFormat.ts';
import type { EdgeKind, GraphEdge, NoteId } from './schema.ts';

const edgeList = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 300 }), fc.constantFrom<EdgeKind>('link', 'embed')), { maxLength: 60 }),
  ),
);

describe('graph.json edges', () => {
  it('read back as written, in any order (steps may go back), three integers each', () => {
    fc.assert(
      fc.property(edgeList, ([n, list]) => {
        const ids = Array.from({ length: n }, (_, i) => `n${i}` as NoteId);
        const edges: GraphEdge[] = list.map(([s, t, count, kind]) => ({ source: ids[s]!, target: ids[t]!, count, kind }));
        const flat = encodeEdges(edges, new Map(ids.map((id, i) => [id, i])));
        expect(flat).toHaveLength(edges.length * 3);
        const back: GraphEdge[] = [];
        expect(walkEdges(flat, n, (s, t, count, kind) => back.push({ source: ids[s]!, target: ids[t]!, count, kind }))).toBe(true);
        expect(back).toEqual(edges);
      }),
    );
  });

  it('are mostly small numbers when sorted by source and target, as the compiler writes them', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `n${String(i).padStart(4, '0')}` as NoteId);
    const edges: GraphEdge[] = [];
    for (let s = 0; s < 1000; s++) for (let k = 1; k <= 10; k++) edges.push({ source: ids[s]!, target: ids[(s + k * 37) % 1000]!, count: 1, kind: 'link' });
    edges.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
    const json = JSON.stringify(encodeEdges(edges, new Map(ids.map((id, i) => [id, i]))));
    const pairs = JSON.stringify(edges.flatMap((e) => [ids.indexOf(e.source), ids.indexOf(e.target), 1, 0]));
    expect(json.length).toBeLessThan(pairs.length * 0.65);
  });
});
