import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Graph, type GraphEdge, type GraphNode, type NoteId } from '../../shared/schema.ts';
import { buildGraphIndex } from '../graph/graphIndex.ts';
import { MapSync } from './mapSync.ts';

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id: id as NoteId, title: id, path: `${id}.md`, folder: 'f', tags: [], aliases: [], ghost: false, degreeIn: 1, degreeOut: 1, meta: {}, x: 0, y: 0, community: 0, ...extra,
});
const edge = (source: string, target: string): GraphEdge => ({ source: source as NoteId, target: target as NoteId, kind: 'link', count: 1 });
const ids = (...list: string[]) => new Set(list as NoteId[]);

// a - b - c - d, and e on its own
const graph: Graph = {
  schemaVersion: SCHEMA_VERSION, vaultName: 't', stats: { notes: 5, ghosts: 0, links: 3, unresolvedLinks: 0, selfLinks: 0, skippedFiles: 0, warnings: 0 }, diagnostics: [],
  nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => node(id)),
  edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')],
};
const index = buildGraphIndex(graph);

function setup(): { cy: Core; sync: MapSync; changed: string[] } {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const sync = new MapSync(cy);
  const changed: string[] = [];
  cy.on('add remove', (event) => {
    changed.push(`${event.type} ${event.target.id()}`);
  });
  cy.on('style', (event) => {
    changed.push(`style ${event.target.id()}`);
  });
  return { cy, sync, changed };
}
const withClass = (cy: Core, name: string) => cy.elements(`.${name}`).map((e) => e.id()).sort();

describe('MapSync', () => {
  it('adds and removes only what changed in the scene', () => {
    const { cy, sync, changed } = setup();
    sync.setScene(index, ids('a', 'b', 'c'), [edge('a', 'b'), edge('b', 'c')], []);
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(['a', 'b', 'c']);
    expect(cy.edges()).toHaveLength(2);
    changed.length = 0;
    sync.setScene(index, ids('b', 'c', 'd'), [edge('b', 'c'), edge('c', 'd')], []);
    expect(changed.filter((c) => /^(add|remove)/.test(c)).sort()).toEqual(['add c>d>link', 'add d', 'remove a', 'remove a>b>link']);
    changed.length = 0;
    sync.setScene(index, ids('b', 'c', 'd'), [edge('b', 'c'), edge('c', 'd')], []);
    expect(changed).toEqual([]);
  });

  it('hides filtered notes, touching only notes whose state changes, and hides new notes as they are added', () => {
    const { cy, sync, changed } = setup();
    sync.setScene(index, undefined, graph.edges, []);
    sync.setVisible(ids('a', 'b', 'c', 'd'));
    expect(withClass(cy, 'hidden')).toEqual(['e']);
    changed.length = 0;
    sync.setVisible(ids('a', 'b', 'c'));
    expect(withClass(cy, 'hidden')).toEqual(['d', 'e']);
    expect(changed.filter((c) => c.startsWith('style')).map((c) => c.split(' ')[1])).not.toContain('a');
    sync.setScene(index, ids('a', 'b'), [edge('a', 'b')], []);
    sync.setScene(index, undefined, graph.edges, []);
    expect(withClass(cy, 'hidden')).toEqual(['d', 'e']);
    sync.setVisible(undefined);
    expect(withClass(cy, 'hidden')).toEqual([]);
  });

  it('marks the selection and its neighbourhood, moves the marks with it, and marks neighbours drawn later', () => {
    const { cy, sync } = setup();
    sync.setScene(index, ids('a', 'b'), [edge('a', 'b')], []);
    sync.setSelection('b' as NoteId);
    expect(withClass(cy, 'selected-note')).toEqual(['b']);
    expect(withClass(cy, 'near')).toEqual(['a', 'a>b>link', 'b']);
    sync.setScene(index, ids('a', 'b', 'c'), [edge('a', 'b'), edge('b', 'c')], []);
    expect(withClass(cy, 'near')).toEqual(['a', 'a>b>link', 'b', 'b>c>link', 'c']);
    sync.setSelection('a' as NoteId);
    expect(withClass(cy, 'selected-note')).toEqual(['a']);
    expect(withClass(cy, 'near')).toEqual(['a', 'a>b>link', 'b']);
    sync.setHover('c' as NoteId);
    expect(withClass(cy, 'focus')).toEqual(['c']);
    expect(withClass(cy, 'hover-near')).toEqual(['b', 'b>c>link', 'c']);
    sync.setHover(undefined);
    expect(withClass(cy, 'hover-near')).toEqual([]);
    sync.setSelection(undefined);
    expect(withClass(cy, 'near')).toEqual([]);
    expect(withClass(cy, 'selected-note')).toEqual([]);
  });

  it('a note removed and drawn again gets its marks back', () => {
    const { cy, sync } = setup();
    sync.setScene(index, ids('a', 'b', 'c'), [edge('a', 'b'), edge('b', 'c')], []);
    sync.setSelection('b' as NoteId);
    sync.setScene(index, ids('b', 'c'), [edge('b', 'c')], []);
    sync.setScene(index, ids('a', 'b', 'c'), [edge('a', 'b'), edge('b', 'c')], []);
    expect(withClass(cy, 'near')).toEqual(['a', 'a>b>link', 'b', 'b>c>link', 'c']);
  });

  it('colours notes, changing only those whose colour changes', () => {
    const { cy, sync } = setup();
    sync.setColours((n) => (n.id === 'a' ? 'red' : 'blue'));
    sync.setScene(index, undefined, [], []);
    expect(cy.getElementById('a').data('colour')).toBe('red');
    expect(cy.getElementById('b').data('colour')).toBe('blue');
    sync.setColours(() => 'green');
    expect(cy.nodes().map((n) => n.data('colour'))).toEqual(['green', 'green', 'green', 'green', 'green']);
  });

  it('labels only the notes a reader could make out in and around the view, ahead of a zoom', () => {
    const { cy, sync } = setup();
    const spread: Graph = { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, x: i * 1000 })) };
    const spreadIndex = buildGraphIndex(spread);
    sync.setLabelView(0.05, { x1: -100, y1: -100, x2: 100, y2: 100 });
    sync.setScene(spreadIndex, undefined, [], []);
    expect(withClass(cy, 'labelled')).toEqual([]); // a 6-26 px font at 1/20 zoom is unreadable
    sync.setLabelView(1, { x1: -100, y1: -100, x2: 1100, y2: 100 });
    expect(withClass(cy, 'labelled')).toEqual(['a', 'b']); // in the view (-100 to 1100) or half a view around it
    sync.setLabelView(0.05, { x1: -100, y1: -100, x2: 100, y2: 100 });
    expect(withClass(cy, 'labelled')).toEqual(['a', 'b']); // labels stay; Cytoscape hides them when small
  });

  it('a rebuilt vault replaces the elements', () => {
    const { cy, sync } = setup();
    sync.setScene(index, undefined, graph.edges, []);
    const rebuilt = buildGraphIndex({ ...graph, nodes: graph.nodes.filter((n) => n.id !== 'e').map((n) => ({ ...n, title: `${n.title}!` })) });
    sync.setScene(rebuilt, undefined, graph.edges, []);
    expect(cy.nodes().map((n) => n.data('label')).sort()).toEqual(['a!', 'b!', 'c!', 'd!']);
  });
});
