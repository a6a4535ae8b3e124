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

  it('labels the notes in and around the view, at a readable size whatever the zoom', () => {
    const { cy, sync } = setup();
    const spread: Graph = { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, x: i * 1000 })) };
    const spreadIndex = buildGraphIndex(spread);
    sync.setLabelView(0.05, { x1: -100, y1: -100, x2: 100, y2: 100 });
    sync.setScene(spreadIndex, undefined, [], []);
    expect(withClass(cy, 'labelled')).toEqual(['a']); // 'b' is 1000 units off: beyond half a view around it
    expect(cy.getElementById('a').data('labelSize') * 0.05).toBeCloseTo(12); // a 26-unit font would be 1.3 px
    sync.setLabelView(1, { x1: -100, y1: -100, x2: 1100, y2: 100 });
    expect(withClass(cy, 'labelled')).toEqual(['a', 'b']);
    expect(cy.getElementById('a').data('labelSize')).toBe(20); // 26 px on screen is more than a label needs
  });

  it('over a big vault\'s topic regions, leaves notes unlabelled when far out, and labels them among the names closer in', () => {
    const { cy, sync } = setup();
    const region = { id: 'region-0', label: 'Topic', count: 5, x: 4000, y: -3000, radius: 2000, box: { x1: 2000, y1: -5000, x2: 6000, y2: -1000 } };
    const spread: Graph = { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, x: i * 2000 })) };
    const view = { x1: -1000, y1: -4000, x2: 9000, y2: 2000 };
    sync.setLabelView(0.05, view);
    sync.setScene(buildGraphIndex(spread), undefined, [], [region]);
    expect(withClass(cy, 'labelled')).toEqual([]); // at 0.05 the region's name stands for its notes
    expect(withClass(cy, 'crowded')).toEqual([]);
    sync.setSelection('c' as NoteId);
    expect(withClass(cy, 'labelled')).toEqual(['c']); // the selected note always shows its name
    sync.setLabelView(0.15, view);
    expect(withClass(cy, 'labelled')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(withClass(cy, 'crowded')).toEqual([]);
  });

  it('names the bigger of two crowded regions, and both once zooming in parts them', () => {
    const { cy, sync } = setup();
    const region = (id: string, count: number, x: number) => ({ id, label: `Region ${id}`, count, x, y: 0, radius: 400, box: { x1: x - 400, y1: -400, x2: x + 400, y2: 400 } });
    sync.setLabelView(0.05, { x1: -5000, y1: -5000, x2: 5000, y2: 5000 });
    sync.setScene(index, ids(), [], [region('small', 10, 0), region('big', 90, 400)]);
    expect(withClass(cy, 'crowded')).toEqual(['small']);
    sync.setLabelView(1, { x1: -400, y1: -400, x2: 800, y2: 400 }); // 400 px apart: room for both names
    expect(withClass(cy, 'crowded')).toEqual([]);
  });

  it('never labels two notes whose labels would overlap, and zooming in makes room for both', () => {
    const { cy, sync } = setup();
    // 'b' has more links than 'c' (and so a bigger label); the two sit 40 map units apart.
    const close: Graph = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, title: `${n.id} long enough title`, x: n.id === 'c' ? 40 : n.id === 'b' ? 0 : 5000, degreeIn: n.id === 'b' ? 3 : 1 })) };
    const closeIndex = buildGraphIndex(close);
    sync.setLabelView(1, { x1: -100, y1: -100, x2: 100, y2: 100 });
    sync.setScene(closeIndex, undefined, [], []);
    expect(withClass(cy, 'labelled')).toEqual(['b']);
    // Labels stop growing at a readable size on screen, while the notes move apart.
    sync.setLabelView(8, { x1: -10, y1: -10, x2: 60, y2: 10 });
    expect(withClass(cy, 'labelled')).toEqual(['b', 'c']);
    expect(cy.getElementById('b').data('labelSize') * 8).toBeLessThanOrEqual(20.5);
  });

  it('always labels the selected note, and its neighbours ahead of others', () => {
    const { cy, sync } = setup();
    const close: Graph = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, title: `${n.id} long enough title`, x: n.id === 'e' ? 10 : 0, y: n.id === 'e' ? 0 : 60 * 'abcd'.indexOf(n.id), degreeIn: n.id === 'e' ? 9 : 1 })) };
    sync.setLabelView(1, { x1: -100, y1: -100, x2: 300, y2: 300 });
    sync.setScene(buildGraphIndex(close), undefined, close.edges, []);
    expect(withClass(cy, 'labelled')).toContain('e'); // the hub's label covers 'a''s
    expect(withClass(cy, 'labelled')).not.toContain('a');
    sync.setSelection('a' as NoteId);
    expect(withClass(cy, 'labelled')).toEqual(expect.arrayContaining(['a', 'b'])); // 'b' is a's neighbour
    expect(withClass(cy, 'labelled')).not.toContain('e');
  });

  it('a rebuilt vault replaces the elements', () => {
    const { cy, sync } = setup();
    sync.setScene(index, undefined, graph.edges, []);
    const rebuilt = buildGraphIndex({ ...graph, nodes: graph.nodes.filter((n) => n.id !== 'e').map((n) => ({ ...n, title: `${n.title}!` })) });
    sync.setScene(rebuilt, undefined, graph.edges, []);
    expect(cy.nodes().map((n) => n.data('label')).sort()).toEqual(['a!', 'b!', 'c!', 'd!']);
  });
});
