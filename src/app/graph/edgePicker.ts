// Which links the map draws. Cytoscape stays quick up to a few thousand elements, and a map with every link of
// a well-linked vault is a hairball anyway, so at most MAX_DRAWN_EDGES are drawn, chosen so the map keeps its
// shape: each note's link to its nearest linked neighbour first, then links between well-linked notes. The
// selected note's links are always drawn. Pure, so it is tested without a browser.
import type { Graph, GraphEdge, NoteId } from '../../shared/schema.ts';
import { degreeById, type GraphIndex } from './graphIndex.ts';

/** At most this many links are drawn at once (plus the selected note's own). */
export const MAX_DRAWN_EDGES = 4000;
/** Links drawn when nothing is selected in a small vault's whole map. */
export const BASE_EDGES = 1500;
/**
 * Links drawn between a big vault's overview notes. Zoomed out that far, a link is a hairline that barely
 * shows, and each one costs the first paint; zooming in draws more (those of the notes in view).
 */
export const OVERVIEW_EDGES = 1200;
/** Past its nearest link, a note draws at most this many more (the rest show when it is selected). */
export const FAN_OUT = 30;

export class EdgePicker {
  /** The links drawn when nothing is selected or zoomed into. */
  readonly base: readonly GraphEdge[];
  private readonly measure: NoteMeasure;
  private incidentById: Map<NoteId, GraphEdge[]> | undefined;

  constructor(
    private readonly graph: Graph,
    private readonly index: GraphIndex,
  ) {
    this.measure = {
      degree: (id) => degreeById(index, id),
      distance2: (a, b) => {
        const p = index.nodeById.get(a);
        const q = index.nodeById.get(b);
        return p && q ? (p.x - q.x) ** 2 + (p.y - q.y) ** 2 : Infinity;
      },
    };
    const baseIds = index.overviewIds;
    const candidates = baseIds ? graph.edges.filter((e) => baseIds.has(e.source) && baseIds.has(e.target)) : graph.edges;
    const base: GraphEdge[] = [];
    pickEdges(candidates, baseIds ? OVERVIEW_EDGES : BASE_EDGES, this.measure, base, new Set());
    this.base = base;
  }

  /** Build the lookups a selection needs now (in idle time), rather than at the first click. */
  warm(): void {
    this.incidentLists();
  }

  /** Every link of a note, either way. */
  incident(id: NoteId): readonly GraphEdge[] {
    return this.incidentLists().get(id) ?? [];
  }

  /** Each note's links, built on first use, once per graph. */
  private incidentLists(): Map<NoteId, GraphEdge[]> {
    if (!this.incidentById) {
      const lists = new Map<NoteId, GraphEdge[]>();
      for (const edge of this.graph.edges) {
        (lists.get(edge.source) ?? lists.set(edge.source, []).get(edge.source)!).push(edge);
        if (edge.target !== edge.source) (lists.get(edge.target) ?? lists.set(edge.target, []).get(edge.target)!).push(edge);
      }
      this.incidentById = lists;
    }
    return this.incidentById;
  }

  /**
   * The links to draw between the drawn notes (undefined: every note). In order, within MAX_DRAWN_EDGES: the
   * selected note's links (always, all of them), then in local mode the links between the notes shown, then
   * the base links, then links of notes drawn beyond the base (a selection's neighbours, notes in a zoomed view).
   */
  edgesFor(drawn: ReadonlySet<NoteId> | undefined, selectedId: NoteId | undefined, local: ReadonlySet<NoteId> | undefined): GraphEdge[] {
    const isDrawn = (id: NoteId) => !drawn || drawn.has(id);
    const out: GraphEdge[] = [];
    const taken = new Set<GraphEdge>();
    if (selectedId && this.index.nodeById.has(selectedId)) {
      for (const edge of this.incident(selectedId)) {
        if (isDrawn(edge.source) && isDrawn(edge.target) && !taken.has(edge)) {
          taken.add(edge);
          out.push(edge);
        }
      }
    }
    const budget = Math.max(out.length, MAX_DRAWN_EDGES);
    if (local) pickEdges(this.linksOf(local, (id) => local.has(id), taken), budget, this.measure, out, taken);
    for (const edge of this.base) {
      if (out.length >= budget) break;
      if (!taken.has(edge) && isDrawn(edge.source) && isDrawn(edge.target)) {
        taken.add(edge);
        out.push(edge);
      }
    }
    const baseIds = this.index.overviewIds;
    if (drawn && baseIds && out.length < budget) {
      const extra: NoteId[] = [];
      for (const id of drawn) if (!baseIds.has(id)) extra.push(id);
      pickEdges(this.linksOf(extra, isDrawn, taken), budget, this.measure, out, taken);
    }
    return out;
  }

  /** Links of these notes whose other end passes `keep`, each once, leaving out those already taken. */
  private linksOf(ids: Iterable<NoteId>, keep: (id: NoteId) => boolean, taken: ReadonlySet<GraphEdge>): GraphEdge[] {
    const seen = new Set<GraphEdge>();
    const links: GraphEdge[] = [];
    for (const id of ids) {
      for (const edge of this.incident(id)) {
        if (taken.has(edge) || seen.has(edge) || !keep(edge.source) || !keep(edge.target)) continue;
        seen.add(edge);
        links.push(edge);
      }
    }
    return links;
  }
}

/** What pickEdges needs to know about a note. */
export interface NoteMeasure {
  degree(id: NoteId): number;
  /** Squared distance between two notes on the compiled layout. */
  distance2(a: NoteId, b: NoteId): number;
}

/**
 * Append to `out` (up to `budget` in all) the candidates most worth drawing: first each note's link to its
 * nearest linked neighbour on the layout (so every note keeps a short, visible tie into its cluster), then the
 * rest by the degree of their less-linked end (links between well-linked notes carry the map's structure), at
 * most FAN_OUT of them per note.
 */
export function pickEdges(candidates: readonly GraphEdge[], budget: number, measure: NoteMeasure, out: GraphEdge[], taken: Set<GraphEdge>): void {
  const take = (edge: GraphEdge) => {
    if (out.length >= budget || taken.has(edge)) return;
    taken.add(edge);
    out.push(edge);
  };
  if (out.length + candidates.length <= budget) {
    for (const edge of candidates) take(edge);
    return;
  }
  // Weights and distances in arrays by candidate position, not maps keyed by edge: this runs before the first
  // paint, over every link of a small vault (0.1 s at 1k notes with maps).
  const n = candidates.length;
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = Math.min(measure.degree(candidates[i]!.source), measure.degree(candidates[i]!.target));
  // Heaviest first, then the most repeated (sorts are stable: ties keep their order).
  const byWeight = (a: number, b: number) => weight[b]! - weight[a]! || candidates[b]!.count - candidates[a]!.count;

  const nearest = new Map<NoteId, { at: number; d2: number }>();
  const consider = (id: NoteId, at: number, d2: number) => {
    const current = nearest.get(id);
    if (!current) nearest.set(id, { at, d2 });
    else if (d2 < current.d2) {
      current.at = at;
      current.d2 = d2;
    }
  };
  for (let i = 0; i < n; i++) {
    const edge = candidates[i]!;
    if (edge.source === edge.target) continue;
    const d2 = measure.distance2(edge.source, edge.target);
    consider(edge.source, i, d2);
    consider(edge.target, i, d2);
  }
  const backbone = [...new Set([...nearest.values()].map((near) => near.at))].sort(byWeight);
  for (const at of backbone) take(candidates[at]!);
  if (out.length >= budget) return;
  // No note fans out over the map: past its nearest link, each note gets at most FAN_OUT more.
  const fan = new Map<NoteId, number>();
  const order = Array.from({ length: n }, (_, i) => i).sort(byWeight);
  for (const at of order) {
    if (out.length >= budget) break;
    const edge = candidates[at]!;
    if (taken.has(edge)) continue;
    const a = fan.get(edge.source) ?? 0;
    const b = fan.get(edge.target) ?? 0;
    if (a >= FAN_OUT || b >= FAN_OUT) continue;
    fan.set(edge.source, a + 1);
    fan.set(edge.target, b + 1);
    take(edge);
  }
}
