// Build the output objects (graph + per-note pages) from the resolved vault, rendered HTML and positions.
import {
  SCHEMA_VERSION, type Diagnostic, type Graph, type GraphEdge, type GraphNode, type NoteId, type NotePage,
} from '../shared/schema.ts';
import { compareStrings } from '../shared/noteId.ts';
import type { Position } from './layout.ts';
import type { ResolvedVault } from './resolve.ts';

export interface AssembleInput {
  vaultName: string;
  resolved: ResolvedVault;
  html: Map<NoteId, string>;
  positions: Map<string, Position>;
  diagnostics: Diagnostic[];
  skippedFiles: number;
}

export function assemble(input: AssembleInput): { graph: Graph; pages: NotePage[] } {
  return { graph: assembleGraph(input), pages: assemblePages(input.resolved, input.html) };
}

/** The graph needs the layout; pages do not, so they can be written while the layout runs. */
export function assembleGraph({ vaultName, resolved, positions, diagnostics, skippedFiles }: Omit<AssembleInput, 'html'>): Graph {
  // Degrees count linked notes, not links: a link and an embed between the same two notes count once. Edges come
  // sorted by source, then target (resolve.ts), so those two are next to each other.
  const degreeIn = new Map<string, number>();
  const degreeOut = new Map<string, number>();
  let previous: GraphEdge | undefined;
  for (const edge of resolved.edges) {
    if (previous?.source === edge.source && previous.target === edge.target) continue;
    degreeOut.set(edge.source, (degreeOut.get(edge.source) ?? 0) + 1);
    degreeIn.set(edge.target, (degreeIn.get(edge.target) ?? 0) + 1);
    previous = edge;
  }
  const place = (id: string) => positions.get(id) ?? { x: 0, y: 0, community: 0 };
  const nodes: GraphNode[] = [
    ...resolved.notes.map((note) => ({
      id: note.id,
      title: note.title,
      path: note.path,
      folder: note.path.includes('/') ? note.path.slice(0, note.path.indexOf('/')) : '',
      tags: note.tags,
      aliases: note.aliases,
      ghost: false,
      degreeIn: degreeIn.get(note.id) ?? 0,
      degreeOut: degreeOut.get(note.id) ?? 0,
      meta: note.meta,
      ...place(note.id),
    })),
    ...resolved.ghosts.map((ghost) => ({
      id: ghost.id,
      title: ghost.title,
      path: '',
      folder: '',
      tags: [],
      aliases: ghost.aliases,
      ghost: true,
      degreeIn: degreeIn.get(ghost.id) ?? 0,
      degreeOut: 0,
      meta: {},
      ...place(ghost.id),
    })),
  ].sort((a, b) => compareStrings(a.id, b.id));

  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    schemaVersion: SCHEMA_VERSION,
    vaultName,
    stats: {
      notes: resolved.notes.length,
      ghosts: resolved.ghosts.length,
      links: resolved.stats.links,
      unresolvedLinks: resolved.stats.unresolvedLinks,
      selfLinks: resolved.stats.selfLinks,
      skippedFiles,
      warnings,
    },
    nodes,
    edges: resolved.edges,
    diagnostics,
  };
}

export function assemblePages(resolved: ResolvedVault, html: ReadonlyMap<NoteId, string>): NotePage[] {
  return [
    ...resolved.notes.map((note) => notePage(resolved, note, html.get(note.id) ?? '')),
    ...resolved.ghosts.map((ghost) => notePage(resolved, ghost, '')),
  ];
}

/** One note's page: its HTML, backlinks, links out (resolved and not) and external links. */
export function notePage(resolved: ResolvedVault, note: { id: NoteId; external?: NotePage['external'] }, html: string): NotePage {
  const refs = resolved.outgoing.get(note.id) ?? [];
  return {
    schemaVersion: SCHEMA_VERSION,
    id: note.id,
    html,
    backlinks: resolved.backlinks.get(note.id) ?? [],
    outgoing: refs.filter((ref) => !ref.ghost),
    unresolved: refs.filter((ref) => ref.ghost),
    external: note.external ?? [],
  };
}
