// The layout's input as sent to a worker: structured clone copies every edge object, so send index pairs.
import type { LayoutInput } from '../shared/forceLayout.ts';

/** A layout request: edges as pairs of indices into `ids`, a fraction of the size of edge objects to copy. */
export interface PackedLayoutInput {
  ids: readonly string[];
  pairs: Int32Array;
  previous?: LayoutInput['previous'];
}

export function packLayoutInput({ ids, edges, previous }: LayoutInput): PackedLayoutInput {
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs = new Int32Array(edges.length * 2);
  edges.forEach(({ source, target }, i) => {
    pairs[2 * i] = index.get(source) ?? -1;
    pairs[2 * i + 1] = index.get(target) ?? -1;
  });
  return { ids, pairs, previous };
}

export function unpackLayoutInput({ ids, pairs, previous }: PackedLayoutInput): LayoutInput {
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const source = ids[pairs[i]!];
    const target = ids[pairs[i + 1]!];
    if (source !== undefined && target !== undefined) edges.push({ source, target });
  }
  return { ids, edges, previous };
}
