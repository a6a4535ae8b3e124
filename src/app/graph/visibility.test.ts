import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Graph, type GraphNode, type NoteId } from '../../shared/schema.ts';
import { buildGraphIndex, drawnNodeIds, FULL_MAP_LIMIT, NEIGHBOURHOOD_LIMIT, OVERVIEW_SIZE } from './graphIndex.ts';
import { visibleNodeIds, type VisibilityFilter } from './visibility.ts';

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id: id as NoteId, title: id, path: `${id}.md`, folder: id.split('.')[0]!, tags: [], aliases: [], ghost: false,
  degreeIn: 0, degreeOut: 0, meta: {}, x: 0, y: 0, community: 0, ...extra,
});

function graphOf(nodes: GraphNode[], links: [string, string][]): Graph {
  const edges = links.map(([source, target]) => ({ source: source as NoteId, target: target as NoteId, kind: 'link' as const, count: 1 }));
  for (const e of edges) {
    nodes.find((n) => n.id === e.source)!.degreeOut++;
    nodes.find((n) => n.id === e.target)!.degreeIn++;
  }
  return { schemaVersion: SCHEMA_VERSION, vaultName: 't', stats: { notes: 0, ghosts: 0, links: 0, unresolvedLinks: 0, selfLinks: 0, skippedFiles: 0, warnings: 0 }, nodes, edges, diagnostics: [] };
}

// a - b - c - d chain, a ghost linked from a, an orphan, a tagged note in another folder
const graph = graphOf(
  [node('t.a', { tags: ['x'] }), node('t.b'), node('t.c'), node('p.d', { tags: ['x'] }), node('ghost~g', { ghost: true, folder: '', path: '' }), node('t.orphan')],
  [['t.a', 't.b'], ['t.b', 't.c'], ['t.c', 'p.d'], ['t.a', 'ghost~g']],
);
const index = buildGraphIndex(graph);
const none: VisibilityFilter = { localDepth: 0, hideGhosts: false, hideOrphans: false, hiddenFolders: [], tag: undefined, selectedId: undefined };
const visible = (filter: Partial<VisibilityFilter>) => [...visibleNodeIds(graph.nodes, index, { ...none, ...filter })].sort();

describe('visibleNodeIds', () => {
  it('shows everything with no filter', () => expect(visible({})).toHaveLength(6));
  it('hides ghosts', () => expect(visible({ hideGhosts: true })).not.toContain('ghost~g'));
  it('hides orphans', () => expect(visible({ hideOrphans: true })).not.toContain('t.orphan'));
  it('hides a folder, but never ghosts by folder', () => expect(visible({ hiddenFolders: ['t'] })).toEqual(['ghost~g', 'p.d']));
  it('keeps only a tag', () => expect(visible({ tag: 'x' })).toEqual(['p.d', 't.a']));
  it('local mode shows the neighbourhood to the chosen depth', () => {
    expect(visible({ selectedId: 't.b' as NoteId, localDepth: 1 })).toEqual(['t.a', 't.b', 't.c']);
    expect(visible({ selectedId: 't.b' as NoteId, localDepth: 2 })).toEqual(['ghost~g', 'p.d', 't.a', 't.b', 't.c']);
  });
  it('the selected note stays visible whatever the filters', () => {
    expect(visible({ selectedId: 't.orphan' as NoteId, hideOrphans: true, hiddenFolders: ['t'] })).toContain('t.orphan');
  });
});

describe('drawnNodeIds (level of detail)', () => {
  it('draws every note in a small vault', () => expect(drawnNodeIds(index, undefined, 0)).toBeUndefined());

  it('draws the most-linked notes of a big vault, plus the selection and its neighbours', () => {
    const count = FULL_MAP_LIMIT + 500;
    const nodes = Array.from({ length: count }, (_, i) => node(`n.${String(i).padStart(5, '0')}`));
    // node 0 is a hub linked from the first 2,000; the last node hangs off node count-2 only
    const links: [string, string][] = nodes.slice(1, 2000).map((n) => [n.id, nodes[0]!.id]);
    links.push([nodes[count - 2]!.id, nodes[count - 1]!.id]);
    const big = buildGraphIndex(graphOf(nodes, links));
    const overview = drawnNodeIds(big, undefined, 0)!;
    expect(overview.size).toBe(OVERVIEW_SIZE);
    expect(overview.has(nodes[0]!.id)).toBe(true);
    const last = nodes[count - 1]!.id;
    expect(overview.has(last)).toBe(false);
    const selected = drawnNodeIds(big, last, 0)!;
    expect(selected.has(last)).toBe(true);
    expect(selected.has(nodes[count - 2]!.id)).toBe(true);
    // A hub's neighbourhood is capped, the selected note always kept.
    const hub = drawnNodeIds(big, nodes[0]!.id, 0)!;
    expect(hub.size).toBeLessThanOrEqual(OVERVIEW_SIZE + NEIGHBOURHOOD_LIMIT);
    expect(hub.has(nodes[0]!.id)).toBe(true);
  });
});
