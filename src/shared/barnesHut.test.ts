import { describe, expect, it } from 'vitest';
import { BarnesHutTree } from './barnesHut.ts';
import { seededRandom } from './forceLayout.ts';

function exactRepulsion(x: Float64Array, y: Float64Array, mass: Float64Array, ratio: number) {
  const dx = new Float64Array(x.length);
  const dy = new Float64Array(x.length);
  for (let a = 0; a < x.length; a++) {
    for (let b = 0; b < x.length; b++) {
      const xd = x[a]! - x[b]!;
      const yd = y[a]! - y[b]!;
      const d2 = xd * xd + yd * yd;
      if (a === b || d2 === 0) continue;
      dx[a]! += (xd * ratio * mass[a]! * mass[b]!) / d2;
      dy[a]! += (yd * ratio * mass[a]! * mass[b]!) / d2;
    }
  }
  return { dx, dy };
}

function clusteredPoints(n: number, seed: number) {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cluster = i % 5;
    x[i] = cluster * 300 + random() * 100;
    y[i] = (cluster % 2) * 300 + random() * 100;
    mass[i] = 1 + Math.floor(random() * 10);
  }
  return { x, y, mass };
}

describe('BarnesHutTree', () => {
  it('with theta 0 gives the exact repulsion', () => {
    const { x, y, mass } = clusteredPoints(300, 1);
    const exact = exactRepulsion(x, y, mass, 10);
    const dx = new Float64Array(300);
    const dy = new Float64Array(300);
    new BarnesHutTree(300).repel(x, y, mass, 10, 0, dx, dy);
    for (let i = 0; i < 300; i++) {
      expect(dx[i]).toBeCloseTo(exact.dx[i]!, 6);
      expect(dy[i]).toBeCloseTo(exact.dy[i]!, 6);
    }
  });

  it('with theta 0.5 stays close to the exact repulsion, on every node', () => {
    const { x, y, mass } = clusteredPoints(2000, 2);
    const exact = exactRepulsion(x, y, mass, 10);
    const dx = new Float64Array(2000);
    const dy = new Float64Array(2000);
    new BarnesHutTree(10).repel(x, y, mass, 10, 0.5, dx, dy); // small start: the tree must grow
    // Measured against the typical force: where a node's pushes nearly cancel, any error looks large relative to it.
    let typical = 0;
    for (let i = 0; i < 2000; i++) typical += Math.hypot(exact.dx[i]!, exact.dy[i]!) / 2000;
    const errors = Array.from({ length: 2000 }, (_, i) => Math.hypot(dx[i]! - exact.dx[i]!, dy[i]! - exact.dy[i]!) / typical);
    errors.sort((a, b) => a - b);
    expect(errors[1000]).toBeLessThan(0.02);
    expect(errors[1999]).toBeLessThan(0.1);
  });

  it('survives nodes at the same spot', () => {
    const x = new Float64Array(50).fill(5);
    const y = new Float64Array(50).fill(5);
    x[0] = 100;
    const mass = new Float64Array(50).fill(1);
    const dx = new Float64Array(50);
    const dy = new Float64Array(50);
    new BarnesHutTree(50).repel(x, y, mass, 1, 0.5, dx, dy);
    expect([...dx, ...dy].every(Number.isFinite)).toBe(true);
    expect(dx[0]).toBeGreaterThan(0); // pushed away from the pile
  });
});
