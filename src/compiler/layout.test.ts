import { describe, expect, it } from 'vitest';
import { layoutGraph, seededRandom } from './layout.ts';

const clique = (prefix: string, size: number) => {
  const ids = Array.from({ length: size }, (_, i) => `${prefix}${i}`);
  const edges = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ source: a, target: b })));
  return { ids, edges };
};
const centroid = (points: { x: number; y: number }[]) => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('gives different sequences for different seeds', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});

describe('layoutGraph', () => {
  const left = clique('left', 6);
  const right = clique('right', 6);
  const input = {
    ids: [...left.ids, ...right.ids, 'lonely'],
    edges: [...left.edges, ...right.edges, { source: 'left0', target: 'right0' }],
  };

  it('places every node at a finite, rounded position with a community', () => {
    const positions = layoutGraph(input);
    expect([...positions.keys()]).toEqual(input.ids);
    for (const { x, y, community } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.round(x * 10)).toBeCloseTo(x * 10, 6);
      expect(Math.round(y * 10)).toBeCloseTo(y * 10, 6);
      expect(Number.isInteger(community) && community >= 0).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(layoutGraph(input)).toEqual(layoutGraph(input));
  });

  it('puts each dense cluster in its own community, and draws it together', () => {
    const positions = layoutGraph(input);
    const community = (id: string) => positions.get(id)!.community;
    expect(new Set(left.ids.map(community)).size).toBe(1);
    expect(new Set(right.ids.map(community)).size).toBe(1);
    expect(community('left1')).not.toBe(community('right1'));
    const leftCentre = centroid(left.ids.map((id) => positions.get(id)!));
    const rightCentre = centroid(right.ids.map((id) => positions.get(id)!));
    const spread = Math.max(...left.ids.map((id) => distance(positions.get(id)!, leftCentre)));
    expect(distance(leftCentre, rightCentre)).toBeGreaterThan(spread);
  });

  it('numbers communities by size, largest first', () => {
    const big = clique('big', 8);
    const small = clique('small', 3);
    const positions = layoutGraph({ ids: [...small.ids, ...big.ids], edges: [...small.edges, ...big.edges] });
    expect(positions.get('big0')!.community).toBe(0);
    expect(positions.get('small0')!.community).toBe(1);
  });

  it('keeps the previous positions when most of the map is known, and puts a newcomer near its neighbours', () => {
    const first = layoutGraph(input);
    const previous = new Map([...first].map(([id, { x, y }]) => [id, { x, y }]));
    const next = layoutGraph({ ids: [...input.ids, 'newcomer'], edges: [...input.edges, { source: 'newcomer', target: 'right3' }], previous });
    for (const id of input.ids) expect({ x: next.get(id)!.x, y: next.get(id)!.y }).toEqual(previous.get(id));
    const newcomer = next.get('newcomer')!;
    const rightCentre = centroid(right.ids.map((id) => next.get(id)!));
    const leftCentre = centroid(left.ids.map((id) => next.get(id)!));
    expect(distance(newcomer, rightCentre)).toBeLessThan(distance(newcomer, leftCentre));
  });

  it('handles an empty graph, a graph with no edges, and edges it cannot draw', () => {
    expect(layoutGraph({ ids: [], edges: [] }).size).toBe(0);
    const single = layoutGraph({ ids: ['only'], edges: [] });
    expect(single.get('only')).toMatchObject({ community: 0 });
    const odd = layoutGraph({
      ids: ['a', 'b'],
      edges: [{ source: 'a', target: 'a' }, { source: 'a', target: 'ghost' }, { source: 'a', target: 'b' }, { source: 'b', target: 'a' }],
    });
    expect(odd.size).toBe(2);
  });
});
