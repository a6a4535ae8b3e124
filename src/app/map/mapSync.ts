// Store -> Cytoscape, one way and incremental. The map holds the drawn notes, links and region labels; every
// change touches only the elements whose state changed (each class or data change restyles its element, and
// restyling thousands of elements is what makes a map slow), in one cy.batch.
import type { Collection, CollectionArgument, Core, ElementDefinition, SingularElementArgument } from 'cytoscape';
import type { GraphEdge, GraphNode, NoteId } from '../../shared/schema.ts';
import { OTHER_COLOUR } from '../graph/categories.ts';
import { degreeById, nodeScale, type Box, type GraphIndex } from '../graph/graphIndex.ts';
import type { Region } from '../graph/regions.ts';
import { edgeElement, edgeId, nodeElement, regionElement } from './elements.ts';
import { labelArea, placedLabelSize, placeLabels, waitsForZoom, type LabelCandidate } from './labelPlacement.ts';
import { LABELLED } from './stylesheet.ts';

/** A note and its neighbourhood, lit up: `ids` and `marked` say which elements carry the classes now. */
type Highlight = { id: NoteId | undefined; centreClass: string; nearClass: string; ids: Set<string>; marked: NoteId | undefined };

export class MapSync {
  private index: GraphIndex | undefined;
  private scale = 1;
  private readonly notes = new Set<NoteId>();
  private readonly edges = new Set<string>();
  private readonly regions = new Set<string>();
  private visible: ReadonlySet<NoteId> | undefined;
  private readonly hidden = new Set<NoteId>();
  private colourOf: (node: GraphNode) => string = () => OTHER_COLOUR.light;
  private regionLabels = true;
  /** Notes that carry a label: those whose label fits beside the others' in the settled view. */
  private readonly labelled = new Set<NoteId>();
  /** Regions whose names are left out, so they do not overlap more important labels. */
  private readonly crowded = new Set<string>();
  private labelView: { zoom: number; box: Box } | undefined;
  private readonly selection: Highlight = { id: undefined, centreClass: 'selected-note', nearClass: 'near', ids: new Set(), marked: undefined };
  private readonly hover: Highlight = { id: undefined, centreClass: 'focus', nearClass: 'hover-near', ids: new Set(), marked: undefined };

  constructor(readonly cy: Core) {}

  /**
   * Draw exactly these notes (undefined: every note of the index), links and region labels: removes what is no
   * longer wanted and adds what is new, leaving the rest alone. A new index (the vault was rebuilt) starts
   * from an empty map; the viewport stays.
   */
  setScene(index: GraphIndex, drawn: ReadonlySet<NoteId> | undefined, edges: readonly GraphEdge[], regions: readonly Region[]): void {
    const { cy } = this;
    if (index !== this.index) {
      cy.elements().remove();
      for (const set of [this.notes, this.edges, this.regions, this.crowded, this.hidden, this.labelled, this.selection.ids, this.hover.ids]) set.clear();
      this.selection.marked = undefined;
      this.hover.marked = undefined;
      this.index = index;
      this.scale = nodeScale(index);
    }
    const wantEdges = new Map<string, GraphEdge>();
    for (const edge of edges) wantEdges.set(edgeId(edge), edge);
    const wantRegions = new Map(regions.map((region) => [region.id, region]));

    const removeNotes: NoteId[] = [];
    for (const id of this.notes) if (drawn ? !drawn.has(id) : !index.nodeById.has(id)) removeNotes.push(id);
    const removeOthers: string[] = [];
    for (const id of this.edges) if (!wantEdges.has(id)) removeOthers.push(id);
    for (const id of this.regions) if (!wantRegions.has(id)) removeOthers.push(id);

    const add: ElementDefinition[] = [];
    const addedNotes: NoteId[] = [];
    for (const id of drawn ?? index.nodeById.keys()) {
      if (this.notes.has(id)) continue;
      const node = index.nodeById.get(id);
      if (!node) continue;
      const hide = this.visible !== undefined && !this.visible.has(id);
      add.push(nodeElement(node, index.maxDegree, this.scale, this.colourOf(node), `${node.ghost ? 'ghost' : ''}${hide ? ' hidden' : ''}`));
      addedNotes.push(id);
      if (hide) this.hidden.add(id);
    }
    for (const [id, region] of wantRegions) if (!this.regions.has(id)) add.push(regionElement(region, this.regionLabels ? '' : 'region-hidden'));
    const addedEdges: string[] = [];
    for (const [id, edge] of wantEdges) {
      if (this.edges.has(id)) continue;
      add.push(edgeElement(edge));
      addedEdges.push(id);
    }
    if (removeNotes.length + removeOthers.length + add.length === 0) return;

    cy.batch(() => {
      if (removeNotes.length + removeOthers.length > 0) this.byIds([...removeNotes, ...removeOthers]).remove();
      for (const id of removeNotes) {
        this.notes.delete(id);
        this.hidden.delete(id);
        this.labelled.delete(id);
      }
      for (const id of removeOthers) {
        this.edges.delete(id);
        this.regions.delete(id);
        this.crowded.delete(id);
      }
      for (const id of [...removeNotes, ...removeOthers]) {
        this.selection.ids.delete(id);
        this.hover.ids.delete(id);
      }
      if (add.length > 0) cy.add(add);
      for (const id of addedNotes) this.notes.add(id);
      for (const id of addedEdges) this.edges.add(id);
      for (const id of wantRegions.keys()) this.regions.add(id);
      // Removed elements took their classes with them; new ones may belong to a highlight.
      this.applyHighlight(this.selection);
      this.applyHighlight(this.hover);
      this.placeLabels();
    });
  }

  /** Hide the notes not in `visible` (undefined: show all). Only notes whose state changes are touched. */
  setVisible(visible: ReadonlySet<NoteId> | undefined): void {
    this.visible = visible;
    const hide: NoteId[] = [];
    const show: NoteId[] = [];
    for (const id of this.notes) {
      const want = visible !== undefined && !visible.has(id);
      if (want !== this.hidden.has(id)) (want ? hide : show).push(id);
    }
    if (hide.length + show.length === 0) return;
    this.cy.batch(() => {
      this.byIds(hide).addClass('hidden');
      this.byIds(show).removeClass('hidden');
    });
    for (const id of hide) this.hidden.add(id);
    for (const id of show) this.hidden.delete(id);
    this.cy.batch(() => this.placeLabels());
  }

  /** Colour every note by this rule; notes added later are coloured as they are made. */
  setColours(colourOf: (node: GraphNode) => string): void {
    this.colourOf = colourOf;
    const { index } = this;
    if (!index) return;
    this.cy.batch(() => {
      for (const id of this.notes) {
        const node = index.nodeById.get(id);
        const element = this.cy.getElementById(id);
        if (!node || element.empty()) continue;
        const colour = colourOf(node);
        if (element.data('colour') !== colour) element.data('colour', colour);
      }
    });
  }

  /** The selected note: marked, with its neighbours' labels and links lit up. */
  setSelection(id: NoteId | undefined): void {
    if (id === this.selection.id) return;
    this.selection.id = id;
    this.cy.batch(() => {
      this.applyHighlight(this.selection);
      this.placeLabels();
    });
  }

  /** The note under the pointer, with its neighbours and links lit up. */
  setHover(id: NoteId | undefined): void {
    if (id === this.hover.id) return;
    this.hover.id = id;
    this.cy.batch(() => {
      this.applyHighlight(this.hover);
      this.placeLabels();
    });
  }

  /** The view has settled here: place the labels for it. */
  setLabelView(zoom: number, extent: Box): void {
    this.labelView = { zoom, box: labelArea(extent) };
    this.cy.batch(() => this.placeLabels());
  }

  /**
   * Label the notes in and around the view whose labels fit without overlapping a more important one (the
   * selected and hovered notes always show theirs; their neighbourhoods go next). Labels are drawn at a readable size on
   * screen whatever the zoom, and stop growing past it, so zooming in makes room for more. Only changes are made.
   */
  private placeLabels(): void {
    const view = this.labelView;
    const index = this.index;
    if (!view || !index) return;
    const { zoom, box } = view;
    const candidates: LabelCandidate[] = [];
    for (const id of this.notes) {
      if (this.hidden.has(id)) continue;
      const element = this.cy.getElementById(id);
      if (element.empty()) continue;
      const { x, y } = element.position();
      if (x < box.x1 || x > box.x2 || y < box.y1 || y > box.y2) continue;
      const fontSize = Number(element.data('fontSize'));
      const forced = id === this.selection.id || id === this.hover.id;
      const highlighted = this.selection.ids.has(id) || this.hover.ids.has(id);
      // Zoomed out over a big vault's topic regions, only the labels big enough of themselves: the regions'
      // own labels name the rest.
      if (!highlighted && waitsForZoom(fontSize, zoom, this.regionLabels && this.regions.size > 0)) continue;
      const length = String(element.data('label')).length;
      candidates.push({ id, x, y, size: Number(element.data('size')), fontSize, length, degree: degreeById(index, id), forced, highlighted });
    }
    const regions = this.regionLabels ? this.regionCandidates(box) : [];
    const placed = placeLabels([...regions, ...candidates], zoom);
    this.byIds(regions.filter((r) => !placed.has(r.id) && !this.crowded.has(r.id)).map((r) => r.id)).addClass('crowded');
    this.byIds(regions.filter((r) => placed.has(r.id) && this.crowded.has(r.id)).map((r) => r.id)).removeClass('crowded');
    for (const { id } of regions) {
      if (placed.has(id)) this.crowded.delete(id);
      else this.crowded.add(id);
    }
    const gain: string[] = [];
    const lose: string[] = [];
    for (const id of placed) if (!this.labelled.has(id as NoteId) && !this.regions.has(id)) gain.push(id);
    for (const id of this.labelled) if (!placed.has(id)) lose.push(id);
    this.byIds(lose).removeClass(LABELLED);
    this.byIds(gain).addClass(LABELLED);
    for (const id of lose) this.labelled.delete(id as NoteId);
    for (const id of gain) this.labelled.add(id as NoteId);
    for (const candidate of [...regions, ...candidates]) {
      if (!placed.has(candidate.id)) continue;
      const element = this.cy.getElementById(candidate.id);
      const current = Number(element.data('labelSize'));
      const size = placedLabelSize(current, candidate, zoom);
      if (size !== current) element.data('labelSize', size);
    }
  }

  /** The regions whose names could be shown in and around the view. */
  private regionCandidates(box: Box): LabelCandidate[] {
    const found: LabelCandidate[] = [];
    for (const id of this.regions) {
      const element = this.cy.getElementById(id);
      if (element.empty()) continue;
      const { x, y } = element.position();
      if (x < box.x1 || x > box.x2 || y < box.y1 || y > box.y2) continue;
      const label = String(element.data('label'));
      found.push({ id, x, y, size: 0, fontSize: Number(element.data('fontSize')), length: label.length, degree: Number(element.data('count')), region: true });
    }
    return found;
  }

  /** Region labels show while zoomed out. */
  setRegionLabels(show: boolean): void {
    if (show === this.regionLabels) return;
    this.regionLabels = show;
    this.byIds([...this.regions]).toggleClass('region-hidden', !show);
  }

  /** The highlight's classes on exactly its note and that note's drawn neighbourhood; only changes are made. */
  private applyHighlight(highlight: Highlight): void {
    const { cy } = this;
    const centre = highlight.id !== undefined ? cy.getElementById(highlight.id) : undefined;
    const want = centre && centre.nonempty() ? centre.closedNeighborhood() : cy.collection();
    const wantIds = new Set<string>();
    want.forEach((element) => {
      wantIds.add(element.id());
    });
    const gone: string[] = [];
    for (const id of highlight.ids) if (!wantIds.has(id)) gone.push(id);
    this.byIds(gone).removeClass(highlight.nearClass);
    want.filter((element) => !highlight.ids.has(element.id())).addClass(highlight.nearClass);
    highlight.ids = wantIds;
    const marked = centre && centre.nonempty() ? highlight.id : undefined;
    if (highlight.marked !== undefined && highlight.marked !== marked) cy.getElementById(highlight.marked).removeClass(highlight.centreClass);
    if (marked !== undefined && !centre!.hasClass(highlight.centreClass)) centre!.addClass(highlight.centreClass);
    highlight.marked = marked;
  }

  /** The elements with these ids that are on the map. */
  private byIds(ids: readonly string[]): Collection {
    const elements: SingularElementArgument[] = [];
    for (const id of ids) {
      const element = this.cy.getElementById(id);
      if (element.nonempty()) elements.push(element);
    }
    // Cytoscape takes an array of elements here; its types only list definitions.
    return this.cy.collection(elements as unknown as CollectionArgument);
  }
}
