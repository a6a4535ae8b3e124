import { describe, expect, it } from 'vitest';
import { edgeLengthRatio, neighbourhoodKept, overlapShare } from './quality.ts';

const grid = (n: number, step: number) => {
  const positions = new Map<string, { x: number; y: number }>();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) positions.set(`${i}-${j}`, { x: i * step, y: j * step });
  return positions;
};
// Each cell linked to its right and lower neighbour: a map that keeps every link short.
const gridEdges = (n: number) => {
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i + 1 < n) edges.push({ source: `${i}-${j}`, target: `${i + 1}-${j}` });
      if (j + 1 < n) edges.push({ source: `${i}-${j}`, target: `${i}-${j + 1}` });
    }
  }
  return edges;
};

describe('layout quality measures', () => {
  it('rate a map whose links are short far better than one whose links span it', () => {
    const positions = grid(20, 10);
    const short = edgeLengthRatio(positions, gridEdges(20));
    const long = edgeLengthRatio(positions, [...positions.keys()].map((id, i, all) => ({ source: id, target: all[all.length - 1 - i]! })));
    expect(short).toBeLessThan(0.15);
    expect(long).toBeGreaterThan(0.9);
  });

  it('count notes that sit on top of each other', () => {
    const positions = grid(10, 10);
    expect(overlapShare(positions, 5)).toBe(0);
    positions.set('twin', { x: 1, y: 1 });
    expect(overlapShare(positions, 5)).toBeCloseTo(2 / 101);
  });

  it('see whether linked notes are among the nearest ones', () => {
    const positions = grid(12, 10);
    expect(neighbourhoodKept(positions, gridEdges(12))).toBeGreaterThan(0.9);
    const shuffled = [...positions.keys()].map((id, i, all) => ({ source: id, target: all[(i * 37 + 11) % all.length]! }));
    expect(neighbourhoodKept(positions, shuffled)).toBeLessThan(0.2);
  });
});
