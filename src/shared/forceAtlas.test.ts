import Graph from 'graphology';
import graphologyForceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { forceAtlas2, inferSettings, type ForceAtlasSettings } from './forceAtlas.ts';
import { linkGraphFromPairs } from './linkGraph.ts';
import { seededRandom } from './forceLayout.ts';

/** Two 8-cliques joined by one link. */
const TWO_CLIQUES: number[] = [];
for (const offset of [0, 8]) for (let a = 0; a < 8; a++) for (let b = a + 1; b < 8; b++) TWO_CLIQUES.push(offset + a, offset + b);
TWO_CLIQUES.push(0, 8);

function start(n: number) {
  const random = seededRandom(5);
  return { x: Float64Array.from({ length: n }, () => random() * 100), y: Float64Array.from({ length: n }, () => random() * 100) };
}

/** graphology's ForceAtlas2 from the same start: the reference this port must follow. */
function reference(n: number, pairs: number[], settings: ForceAtlasSettings) {
  const { x, y } = start(n);
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) graph.addNode(i, { x: x[i], y: y[i] });
  for (let i = 0; i < pairs.length; i += 2) graph.addEdge(pairs[i], pairs[i + 1]);
  const { iterations, scalingRatio, gravity, strongGravityMode, linLogMode, outboundAttractionDistribution, slowDown } = settings;
  const options = { scalingRatio, gravity, strongGravityMode, linLogMode, outboundAttractionDistribution, slowDown, barnesHutOptimize: false };
  graphologyForceAtlas2.assign(graph, { iterations, settings: options });
  return { x: Array.from({ length: n }, (_, i) => graph.getNodeAttribute(i, 'x') as number), y: Array.from({ length: n }, (_, i) => graph.getNodeAttribute(i, 'y') as number) };
}

const REGION = { ...inferSettings(16), iterations: 60, linLogMode: true, outboundAttractionDistribution: true, gravity: 1, barnesHutFrom: 1000 };
const SMALL_VAULT = { ...inferSettings(16), iterations: 60, linLogMode: true, outboundAttractionDistribution: true, gravity: 0.5, scalingRatio: 4, strongGravityMode: false, barnesHutFrom: 1000 };

describe('forceAtlas2', () => {
  for (const [name, settings] of [['region', REGION], ['small vault', SMALL_VAULT]] as const) {
    it(`follows graphology's ForceAtlas2 step for step (${name} settings)`, () => {
      const expected = reference(16, TWO_CLIQUES, settings);
      const { x, y } = start(16);
      forceAtlas2(linkGraphFromPairs(16, Int32Array.from(TWO_CLIQUES)), x, y, settings);
      // graphology computes in 32-bit floats, this port in 64-bit: equal to a fraction of a map unit.
      for (let i = 0; i < 16; i++) {
        expect(Math.abs(x[i]! - expected.x[i]!)).toBeLessThan(0.05);
        expect(Math.abs(y[i]! - expected.y[i]!)).toBeLessThan(0.05);
      }
    });
  }

  it('with Barnes-Hut, still draws each clique together and the two apart', () => {
    const { x, y } = start(16);
    forceAtlas2(linkGraphFromPairs(16, Int32Array.from(TWO_CLIQUES)), x, y, { ...SMALL_VAULT, iterations: 300, barnesHutFrom: 0 });
    const centre = (from: number) => ({ x: x.slice(from, from + 8).reduce((a, b) => a + b) / 8, y: y.slice(from, from + 8).reduce((a, b) => a + b) / 8 });
    const left = centre(0);
    const right = centre(8);
    const spread = Math.max(...Array.from({ length: 8 }, (_, i) => Math.hypot(x[i]! - left.x, y[i]! - left.y)));
    expect(Math.hypot(left.x - right.x, left.y - right.y)).toBeGreaterThan(spread);
  });

  it('is deterministic, and never moves a pinned node', () => {
    const run = () => {
      const { x, y } = start(16);
      const fixed = new Uint8Array(16);
      fixed[3] = 1;
      const before = { x: x[3], y: y[3] };
      forceAtlas2(linkGraphFromPairs(16, Int32Array.from(TWO_CLIQUES)), x, y, REGION, fixed);
      expect({ x: x[3], y: y[3] }).toEqual(before);
      return [...x, ...y];
    };
    expect(run()).toEqual(run());
  });
});
