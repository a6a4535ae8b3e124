import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Graph, type GraphEdge, type GraphNode, type NoteId } from '../../shared/schema.ts';
import { buildGraphIndex, drawnNodeIds } from '../graph/graphIndex.ts';
import { DEFAULT_URL_STATE, type UrlState } from '../store/url.ts';
import { initialViewport, regionLabelBox } from './firstView.ts';
import { MapSync } from './mapSync.ts';
import { hitNote, previewScene, type PreviewNote } from './previewScene.ts';
import { colourRule, edgePickerFor, regionsFor, visibleIdsFor } from './scene.ts';
import { REGION_LABEL_MAX_ZOOM } from './useViewportDetail.ts';

const WIDTH = 1000;
const HEIGHT = 700;

/** A seeded vault of `size` notes in `clusters` topic clusters, each note linked to a few of its cluster. */
function vault(size: number, clusters: number): Graph {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const nodes: GraphNode[] = [];
  for (let i = 0; i < size; i++) {
    const community = i % clusters;
    const angle = (2 * Math.PI * community) / clusters;
    nodes.push({
      id: `f${community % 4}.note-${i}` as NoteId, title: `Note number ${i} about topic ${community}`, path: `f${community % 4}/note-${i}.md`, folder: `f${community % 4}`,
      tags: [], aliases: [], ghost: i % 23 === 0, degreeIn: 0, degreeOut: 0, meta: {},
      x: Math.round(Math.cos(angle) * size + (random() - 0.5) * size * 0.4), y: Math.round(Math.sin(angle) * size + (random() - 0.5) * size * 0.4), community,
    });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < 1 + (i % 7 === 0 ? 12 : 2); k++) {
      const j = (i + clusters * (1 + Math.floor(random() * 40))) % size;
      const key = `${i}>${j}`;
      if (j === i || seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: nodes[i]!.id, target: nodes[j]!.id, kind: k === 2 ? 'embed' : 'link', count: 1 + (k % 3) });
      nodes[i]!.degreeOut++;
      nodes[j]!.degreeIn++;
    }
  }
  edges.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
  return { schemaVersion: SCHEMA_VERSION, vaultName: 't', stats: { notes: size, ghosts: 0, links: edges.length, unresolvedLinks: 0, selfLinks: 0, skippedFiles: 0, warnings: 0 }, diagnostics: [], nodes, edges };
}

/** The live map's first frame, made as MapView makes it, in a headless Cytoscape. */
function liveFirstFrame(graph: Graph, view: UrlState) {
  const index = buildGraphIndex(graph);
  const selectedId = view.route.kind === 'note' ? view.route.id : undefined;
  const drawn = drawnNodeIds(index, selectedId, view.localDepth);
  const viewport = initialViewport(index, drawn, selectedId, WIDTH, HEIGHT, undefined, regionsFor(graph, index));
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const sync = new MapSync(cy);
  const { zoom, pan } = viewport;
  sync.setLabelView(zoom, { x1: -pan.x / zoom, y1: -pan.y / zoom, x2: (WIDTH - pan.x) / zoom, y2: (HEIGHT - pan.y) / zoom });
  sync.setColours(colourRule(graph, view.colourBy, 'light'));
  sync.setVisible(visibleIdsFor(graph, index, view, selectedId));
  sync.setScene(index, drawn, edgePickerFor(graph, index).edgesFor(drawn, selectedId, undefined), regionsFor(graph, index));
  sync.setSelection(selectedId);
  if (index.overviewIds) sync.setRegionLabels(zoom < REGION_LABEL_MAX_ZOOM);
  return { cy, index, viewport };
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('previewScene', () => {
  it.each([
    ['a small vault, whole', 800, DEFAULT_URL_STATE],
    ['a big vault, its overview with topic regions', 6000, DEFAULT_URL_STATE],
    ['a big vault, a deep link to a note with a folder hidden', 6000, { ...DEFAULT_URL_STATE, route: { kind: 'note', id: 'f1.note-701' as NoteId }, hiddenFolders: ['f2'] }],
    ['a small vault, ghosts hidden, coloured by tag', 800, { ...DEFAULT_URL_STATE, hideGhosts: true, colourBy: 'tag' }],
  ] as const)('draws what the live map first draws: %s', (_, size, view) => {
    const graph = vault(size, 24);
    const { cy, index, viewport } = liveFirstFrame(graph, view as UrlState);
    const scene = previewScene(graph, index, view as UrlState, 'light', WIDTH, HEIGHT)!;
    expect(scene.viewport).toEqual(viewport);
    const { zoom, pan } = viewport;
    const onScreen = (x: number, y: number, margin: number) => x > -margin && y > -margin && x < WIDTH + margin && y < HEIGHT + margin;

    // The same notes (those on or near the screen), in the same places, sizes and colours.
    const live = cy.nodes().filter((n) => !n.hasClass('region') && !n.hasClass('hidden'));
    const near = live.nodes().filter((n) => onScreen(n.position('x') * zoom + pan.x, n.position('y') * zoom + pan.y, 150 + Number(n.data('size')) * zoom));
    expect(sorted(scene.notes.map((n) => n.id))).toEqual(sorted(near.map((n) => n.id())));
    for (const note of scene.notes) {
      const element = cy.nodes().getElementById(note.id);
      expect(note.x).toBeCloseTo(element.position('x') * zoom + pan.x, 6);
      expect(note.size).toBeCloseTo(Number(element.data('size')) * zoom, 6);
      expect(note.colour).toBe(element.data('colour'));
      expect(note.ghost).toBe(element.hasClass('ghost'));
    }
    // The same links: every drawn link between shown notes that crosses the screen.
    const liveLinks = cy.edges().filter((e) => !e.source().hasClass('hidden') && !e.target().hasClass('hidden'));
    expect(scene.links.length).toBeGreaterThan(0);
    expect(scene.links.length).toBeLessThanOrEqual(liveLinks.length);
    // The same labels: the notes MapSync labels, and the region names it does not leave out.
    const labelled = cy.nodes('.labelled, .selected-note').filter((n) => !n.hasClass('hidden')).map((n) => n.id());
    const regionNames = cy.nodes('.region').filter((n) => !n.hasClass('crowded') && !n.hasClass('region-hidden')).map((n) => n.id());
    expect(sorted(scene.labels.map((l) => l.id))).toEqual(sorted([...labelled, ...regionNames]));
    expect(scene.labels.length).toBeGreaterThan(5);
  });

  it("opens a big vault with every region's name on screen, not cut off at the edge", () => {
    const graph = vault(6000, 24);
    const index = buildGraphIndex(graph);
    const regions = regionsFor(graph, index);
    expect(regions.length).toBeGreaterThan(10);
    const side = 700; // a square map: the notes fill it both ways, and names at the sides reach past them
    const { zoom, pan } = previewScene(graph, index, DEFAULT_URL_STATE, 'light', side, side)!.viewport;
    expect(zoom).toBeLessThan(REGION_LABEL_MAX_ZOOM); // the overview shows the regions' names
    for (const region of regions) {
      const box = regionLabelBox(region, zoom);
      expect(box.x1 * zoom + pan.x).toBeGreaterThanOrEqual(0);
      expect(box.x2 * zoom + pan.x).toBeLessThanOrEqual(side);
      expect(box.y1 * zoom + pan.y).toBeGreaterThanOrEqual(0);
      expect(box.y2 * zoom + pan.y).toBeLessThanOrEqual(side);
    }
  });

  it('puts the selected note last (on top), marks its links, and leaves hidden notes and their links out', () => {
    const graph = vault(800, 24);
    const id = 'f1.note-701' as NoteId;
    const view: UrlState = { ...DEFAULT_URL_STATE, route: { kind: 'note', id }, hiddenFolders: ['f2'] };
    const scene = previewScene(graph, buildGraphIndex(graph), view, 'light', WIDTH, HEIGHT)!;
    expect(scene.notes.at(-1)).toMatchObject({ id, selected: true });
    expect(scene.notes.filter((n) => n.selected)).toHaveLength(1);
    expect(scene.notes.some((n) => n.id.startsWith('f2.') && !n.ghost)).toBe(false); // missing notes belong to no folder
    const centre = scene.notes.at(-1)!;
    const marked = scene.links.filter((l) => l.near);
    expect(marked.length).toBeGreaterThan(0);
    for (const link of marked) expect([link.x1, link.x2]).toContain(centre.x);
    expect(scene.labels.some((l) => l.id === id)).toBe(true);
  });

  it('draws nothing in local mode, whose notes are laid out afresh in the browser', () => {
    const graph = vault(200, 6);
    const view: UrlState = { ...DEFAULT_URL_STATE, route: { kind: 'note', id: graph.nodes[3]!.id }, localDepth: 2 };
    expect(previewScene(graph, buildGraphIndex(graph), view, 'light', WIDTH, HEIGHT)).toBeUndefined();
  });

  it('finds the note under a click: the topmost one, and a small one within a few pixels', () => {
    const at = (id: string, x: number, y: number, size: number): PreviewNote => ({ id: id as NoteId, x, y, size, colour: '#000', ghost: false, selected: false });
    const notes = [at('under', 100, 100, 40), at('over', 110, 100, 20), at('tiny', 300, 300, 2)];
    expect(hitNote(notes, 112, 102)?.id).toBe('over');
    expect(hitNote(notes, 85, 100)?.id).toBe('under');
    expect(hitNote(notes, 303, 303)?.id).toBe('tiny');
    expect(hitNote(notes, 200, 200)).toBeUndefined();
  });
});
