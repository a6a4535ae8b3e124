import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Graph, type GraphEdge, type GraphNode, type NoteId } from '../../shared/schema.ts';
import { BASE_EDGES, EdgePicker, FAN_OUT, MAX_DRAWN_EDGES, pickEdges, type NoteMeasure } from './edgePicker.ts';
import { buildGraphIndex, FULL_MAP_LIMIT } from './graphIndex.ts';

const node = (id: string, x = 0, y = 0): GraphNode => ({
  id: id as NoteId, title: id, path: `${id}.md`, folder: '', tags: [], aliases: [], ghost: false, degreeIn: 0, degreeOut: 0, meta: {}, x, y, community: 0,
});
const edge = (source: string, target: string): GraphEdge => ({ source: source as NoteId, target: target as NoteId, kind: 'link', count: 1 });

function graphOf(nodes: GraphNode[], edges: GraphEdge[]): Graph {
  const byId = new Map(nodes.map((n) => [n.id as string, n]));
  for (const e of edges) {
    byId.get(e.source)!.degreeOut++;
    byId.get(e.target)!.degreeIn++;
  }
  return { schemaVersion: SCHEMA_VERSION, vaultName: 't', stats: { notes: 0, ghosts: 0, links: 0, unresolvedLinks: 0, selfLinks: 0, skippedFiles: 0, warnings: 0 }, nodes, edges, diagnostics: [] };
}

/** n notes on a line, each linked to the next, and a hub linked to every note. */
function chainWithHub(n: number): Graph {
  const nodes = [node('hub', -1000, 0), ...Array.from({ length: n }, (_, i) => node(`n${i}`, i * 10, 0))];
  const edges = [...Array.from({ length: n - 1 }, (_, i) => edge(`n${i}`, `n${i + 1}`)), ...Array.from({ length: n }, (_, i) => edge(`n${i}`, 'hub'))];
  return graphOf(nodes, edges);
}

describe('pickEdges', () => {
  const graph = chainWithHub(100);
  const index = buildGraphIndex(graph);
  const measure: NoteMeasure = {
    degree: (id) => (index.nodeById.get(id)!.degreeIn + index.nodeById.get(id)!.degreeOut),
    distance2: (a, b) => (index.nodeById.get(a)!.x - index.nodeById.get(b)!.x) ** 2,
  };

  it('takes everything when it fits', () => {
    const out: GraphEdge[] = [];
    pickEdges(graph.edges, 1000, measure, out, new Set());
    expect(out).toHaveLength(graph.edges.length);
  });

  it('keeps each note tied to its nearest neighbour first, and no note fans out past FAN_OUT', () => {
    const out: GraphEdge[] = [];
    pickEdges(graph.edges, 120, measure, out, new Set());
    expect(out).toHaveLength(120);
    const chain = out.filter((e) => e.target !== 'hub');
    expect(chain).toHaveLength(99); // every chain link is some note's nearest
    expect(out.filter((e) => e.target === 'hub').length).toBeLessThanOrEqual(FAN_OUT + 1);
  });
});

describe('EdgePicker', () => {
  it('draws a small vault within the base budget, and all of a selected note\'s links', () => {
    const graph = chainWithHub(BASE_EDGES); // about twice BASE_EDGES links
    const picker = new EdgePicker(graph, buildGraphIndex(graph));
    expect(picker.base.length).toBe(BASE_EDGES);
    const withHub = picker.edgesFor(undefined, 'hub' as NoteId, undefined);
    expect(withHub.filter((e) => e.target === 'hub')).toHaveLength(BASE_EDGES); // every link of the hub
    expect(withHub.length).toBeLessThanOrEqual(BASE_EDGES + MAX_DRAWN_EDGES);
  });

  it('in local mode, draws the links among the notes shown', () => {
    const graph = chainWithHub(BASE_EDGES);
    const picker = new EdgePicker(graph, buildGraphIndex(graph));
    const local = new Set(['n5', 'n6', 'n7', 'hub'] as NoteId[]);
    const drawn = picker.edgesFor(undefined, 'n6' as NoteId, local);
    const among = graph.edges.filter((e) => local.has(e.source) && local.has(e.target));
    for (const e of among) expect(drawn).toContain(e);
  });

  it('in a big vault, draws only links between drawn notes, within the budget', () => {
    const graph = chainWithHub(FULL_MAP_LIMIT + 10);
    const index = buildGraphIndex(graph);
    const picker = new EdgePicker(graph, index);
    for (const e of picker.base) expect(index.overviewIds!.has(e.source) && index.overviewIds!.has(e.target)).toBe(true);
    const drawn = new Set([...index.overviewIds!, 'n3000' as NoteId]);
    const edges = picker.edgesFor(drawn, 'n3000' as NoteId, undefined);
    for (const e of edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
    expect(edges.length).toBeLessThanOrEqual(MAX_DRAWN_EDGES);
    expect(edges).toContainEqual(edge('n3000', 'hub'));
  });
});
