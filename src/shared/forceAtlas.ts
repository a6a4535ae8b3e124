// ForceAtlas2 (Jacomy et al. 2014) on typed arrays: the same forces and speed rule as graphology's
// implementation, with a tighter exact loop and our own Barnes-Hut tree. Measured on the regions of the 25k
// wiki: graphology took 14 ms an iteration for 1,000 nodes exactly and 29 ms for 2,600 with Barnes-Hut (this
// port's figures: BENCHMARKS.md, Layout). Tested against graphology's output step for step.
import { strength, type LinkGraph } from './linkGraph.ts';
import { BarnesHutTree } from './barnesHut.ts';

export interface ForceAtlasSettings {
  iterations: number;
  /** Repulsion strength. */
  scalingRatio: number;
  gravity: number;
  /** Gravity grows with distance from the centre (keeps loose parts close). */
  strongGravityMode: boolean;
  /** Attraction grows with log(distance): clusters separate more clearly. */
  linLogMode: boolean;
  /** Divide a link's pull by its source's mass, so hubs sit among, not on top of, their leaves. */
  outboundAttractionDistribution: boolean;
  slowDown: number;
  /** Approximate repulsion past this many nodes (Barnes-Hut, theta 0.5); exact below (faster up to ~800 here). */
  barnesHutFrom: number;
}

/** graphology's inferSettings: strong gravity, ratio 10, slowing down with size. */
export function inferSettings(order: number): Omit<ForceAtlasSettings, 'iterations'> {
  return {
    scalingRatio: 10,
    gravity: 0.05,
    strongGravityMode: true,
    linLogMode: false,
    outboundAttractionDistribution: false,
    slowDown: 1 + Math.log(Math.max(1, order)),
    barnesHutFrom: 800,
  };
}

const THETA = 0.5;

/** Moves x/y in place. `fixed[i] = 1` pins node i (it still pushes and pulls the others). */
export function forceAtlas2(graph: LinkGraph, x: Float64Array, y: Float64Array, settings: ForceAtlasSettings, fixed?: Uint8Array): void {
  const n = graph.order;
  if (n === 0) return;
  const mass = Float64Array.from({ length: n }, (_, i) => 1 + strength(graph, i));
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const oldDx = new Float64Array(n);
  const oldDy = new Float64Array(n);
  const convergence = new Float64Array(n).fill(1);
  let meanMass = 0;
  for (let i = 0; i < n; i++) meanMass += mass[i]!;
  meanMass /= n;
  const tree = n > settings.barnesHutFrom ? new BarnesHutTree(n) : undefined;

  for (let iteration = 0; iteration < settings.iterations; iteration++) {
    oldDx.set(dx);
    oldDy.set(dy);
    dx.fill(0);
    dy.fill(0);
    if (tree) tree.repel(x, y, mass, settings.scalingRatio, THETA, dx, dy);
    else repelExactly(x, y, mass, settings.scalingRatio, dx, dy);
    applyGravity(x, y, mass, settings, dx, dy);
    attract(graph, x, y, mass, settings, settings.outboundAttractionDistribution ? meanMass : 1, dx, dy);
    move(x, y, mass, settings.slowDown, { dx, dy, oldDx, oldDy, convergence }, fixed);
  }
}

function repelExactly(x: Float64Array, y: Float64Array, mass: Float64Array, ratio: number, dx: Float64Array, dy: Float64Array): void {
  const n = x.length;
  for (let a = 1; a < n; a++) {
    const xa = x[a]!;
    const ya = y[a]!;
    const ma = ratio * mass[a]!;
    let fx = 0;
    let fy = 0;
    for (let b = 0; b < a; b++) {
      const xd = xa - x[b]!;
      const yd = ya - y[b]!;
      const d2 = xd * xd + yd * yd;
      if (d2 > 0) {
        const factor = (ma * mass[b]!) / d2;
        fx += xd * factor;
        fy += yd * factor;
        dx[b]! -= xd * factor;
        dy[b]! -= yd * factor;
      }
    }
    dx[a]! += fx;
    dy[a]! += fy;
  }
}

function applyGravity(x: Float64Array, y: Float64Array, mass: Float64Array, settings: ForceAtlasSettings, dx: Float64Array, dy: Float64Array): void {
  const g = settings.gravity / settings.scalingRatio;
  for (let i = 0; i < x.length; i++) {
    const distance = Math.sqrt(x[i]! * x[i]! + y[i]! * y[i]!);
    if (distance <= 0) continue;
    const factor = settings.strongGravityMode ? settings.scalingRatio * mass[i]! * g : (settings.scalingRatio * mass[i]! * g) / distance;
    dx[i]! -= x[i]! * factor;
    dy[i]! -= y[i]! * factor;
  }
}

/** Each link once, from its lower-numbered end (the "source" of outbound distribution). */
function attract(graph: LinkGraph, x: Float64Array, y: Float64Array, mass: Float64Array, settings: ForceAtlasSettings, coefficient: number, dx: Float64Array, dy: Float64Array): void {
  const { offsets, neighbours, weights } = graph;
  for (let a = 0; a < graph.order; a++) {
    const perMass = settings.outboundAttractionDistribution ? coefficient / mass[a]! : coefficient;
    for (let e = offsets[a]!; e < offsets[a + 1]!; e++) {
      const b = neighbours[e]!;
      if (b < a) continue;
      const xd = x[a]! - x[b]!;
      const yd = y[a]! - y[b]!;
      let factor: number;
      if (settings.linLogMode) {
        const distance = Math.sqrt(xd * xd + yd * yd);
        if (distance <= 0) continue;
        factor = (-perMass * weights[e]! * Math.log(1 + distance)) / distance;
      } else {
        factor = -perMass * weights[e]!;
      }
      dx[a]! += xd * factor;
      dy[a]! += yd * factor;
      dx[b]! -= xd * factor;
      dy[b]! -= yd * factor;
    }
  }
}

interface Motion {
  dx: Float64Array;
  dy: Float64Array;
  oldDx: Float64Array;
  oldDy: Float64Array;
  convergence: Float64Array;
}

/** FA2's adaptive speed: a node that swings (its force flips) slows down; one that keeps its course speeds up. */
function move(x: Float64Array, y: Float64Array, mass: Float64Array, slowDown: number, { dx, dy, oldDx, oldDy, convergence }: Motion, fixed?: Uint8Array): void {
  for (let i = 0; i < x.length; i++) {
    if (fixed?.[i] === 1) continue;
    const fx = dx[i]!;
    const fy = dy[i]!;
    const sx = oldDx[i]! - fx;
    const sy = oldDy[i]! - fy;
    const tx = oldDx[i]! + fx;
    const ty = oldDy[i]! + fy;
    const swinging = mass[i]! * Math.sqrt(sx * sx + sy * sy);
    const traction = Math.sqrt(tx * tx + ty * ty) / 2;
    const speed = (convergence[i]! * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
    convergence[i] = Math.min(1, Math.sqrt((speed * (fx * fx + fy * fy)) / (1 + Math.sqrt(swinging))));
    x[i]! += fx * (speed / slowDown);
    y[i]! += fy * (speed / slowDown);
  }
}
