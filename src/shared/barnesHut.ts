// Barnes-Hut quadtree for ForceAtlas2's repulsion: far-away groups of nodes push as one mass at their centre.
// Flat typed arrays, rebuilt every iteration; cells are allocated in fours.

const EMPTY = -1;
const INTERNAL = -2;
/** A leaf holding several nodes at (almost) the same spot: it cannot be split further. */
const CROWDED = -3;
const MAX_DEPTH = 30;

export class BarnesHutTree {
  private capacity: number;
  private count = 0;
  private cx!: Float64Array;
  private cy!: Float64Array;
  private half!: Float64Array;
  private mass!: Float64Array;
  private massX!: Float64Array;
  private massY!: Float64Array;
  private firstChild!: Int32Array;
  private body!: Int32Array;
  private readonly stack: Int32Array;

  constructor(nodes: number) {
    this.capacity = 4 * nodes + 8;
    this.allocate(this.capacity);
    this.stack = new Int32Array(4 * MAX_DEPTH + 8);
  }

  /** Adds to dx/dy each node's repulsion from all others: ratio × mass_a × mass_b / distance, along the line. */
  repel(x: Float64Array, y: Float64Array, mass: Float64Array, ratio: number, theta: number, dx: Float64Array, dy: Float64Array): void {
    this.build(x, y, mass);
    const theta2 = theta * theta;
    const stack = this.stack;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      const mi = ratio * mass[i]!;
      let fx = 0;
      let fy = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const cell = stack[--top]!;
        const m = this.mass[cell]!;
        if (m === 0) continue;
        const body = this.body[cell]!;
        if (body === i) continue;
        const xd = xi - this.massX[cell]! / m;
        const yd = yi - this.massY[cell]! / m;
        const d2 = xd * xd + yd * yd;
        const width = 2 * this.half[cell]!;
        if (body !== INTERNAL || width * width < theta2 * d2) {
          if (d2 > 0) {
            const factor = (mi * m) / d2;
            fx += xd * factor;
            fy += yd * factor;
          }
        } else {
          const child = this.firstChild[cell]!;
          stack[top++] = child;
          stack[top++] = child + 1;
          stack[top++] = child + 2;
          stack[top++] = child + 3;
        }
      }
      dx[i]! += fx;
      dy[i]! += fy;
    }
  }

  private build(x: Float64Array, y: Float64Array, mass: Float64Array): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < x.length; i++) {
      if (x[i]! < minX) minX = x[i]!;
      if (x[i]! > maxX) maxX = x[i]!;
      if (y[i]! < minY) minY = y[i]!;
      if (y[i]! > maxY) maxY = y[i]!;
    }
    this.count = 0;
    this.newCell((minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY, 1e-9) / 2);
    for (let i = 0; i < x.length; i++) this.insert(i, x[i]!, y[i]!, mass[i]!);
  }

  private insert(node: number, px: number, py: number, m: number): void {
    let cell = 0;
    for (let depth = 0; ; depth++) {
      const body = this.body[cell]!;
      if (body === EMPTY) {
        this.body[cell] = node;
        this.add(cell, px, py, m);
        return;
      }
      if (body === INTERNAL) {
        this.add(cell, px, py, m);
        cell = this.firstChild[cell]! + this.quadrant(cell, px, py);
        continue;
      }
      if (body === CROWDED || depth >= MAX_DEPTH) {
        this.body[cell] = CROWDED;
        this.add(cell, px, py, m);
        return;
      }
      // A leaf with one node: split it, move that node down, and go on inserting.
      const h = this.half[cell]! / 2;
      const first = this.count;
      for (let q = 0; q < 4; q++) this.newCell(this.cx[cell]! + (q & 1 ? h : -h), this.cy[cell]! + (q & 2 ? h : -h), h);
      this.firstChild[cell] = first;
      this.body[cell] = INTERNAL;
      const old = first + this.quadrant(cell, this.massX[cell]! / this.mass[cell]!, this.massY[cell]! / this.mass[cell]!);
      this.body[old] = body;
      this.mass[old] = this.mass[cell]!;
      this.massX[old] = this.massX[cell]!;
      this.massY[old] = this.massY[cell]!;
    }
  }

  private quadrant(cell: number, px: number, py: number): number {
    return (px >= this.cx[cell]! ? 1 : 0) + (py >= this.cy[cell]! ? 2 : 0);
  }

  private add(cell: number, px: number, py: number, m: number): void {
    this.mass[cell]! += m;
    this.massX[cell]! += px * m;
    this.massY[cell]! += py * m;
  }

  private newCell(cx: number, cy: number, half: number): number {
    if (this.count === this.capacity) this.grow();
    const cell = this.count++;
    this.cx[cell] = cx;
    this.cy[cell] = cy;
    this.half[cell] = half;
    this.mass[cell] = 0;
    this.massX[cell] = 0;
    this.massY[cell] = 0;
    this.firstChild[cell] = -1;
    this.body[cell] = EMPTY;
    return cell;
  }

  private grow(): void {
    const old = { cx: this.cx, cy: this.cy, half: this.half, mass: this.mass, massX: this.massX, massY: this.massY, firstChild: this.firstChild, body: this.body };
    this.capacity *= 2;
    this.allocate(this.capacity);
    this.cx.set(old.cx);
    this.cy.set(old.cy);
    this.half.set(old.half);
    this.mass.set(old.mass);
    this.massX.set(old.massX);
    this.massY.set(old.massY);
    this.firstChild.set(old.firstChild);
    this.body.set(old.body);
  }

  private allocate(size: number): void {
    this.cx = new Float64Array(size);
    this.cy = new Float64Array(size);
    this.half = new Float64Array(size);
    this.mass = new Float64Array(size);
    this.massX = new Float64Array(size);
    this.massY = new Float64Array(size);
    this.firstChild = new Int32Array(size);
    this.body = new Int32Array(size);
  }
}
