// Stage 3: every raw link -> an edge to a note or a ghost. Nothing is dropped; ties and surprises are warned about.
import type { Backlink, Diagnostic, EdgeKind, GraphEdge, LinkRef, NoteId } from '../shared/schema.ts';
import { assignNoteIds, claimId, compareStrings, ghostBaseId, nameKey } from '../shared/noteId.ts';
import { warning } from './diagnostics.ts';
import type { ResolvedTarget } from './markdown/env.ts';
import { buildNameIndex, type IndexedNote } from './nameIndex.ts';
import type { ParsedNote } from './parse.ts';
import { resolveTarget } from './resolveTarget.ts';
import { displayText } from './wikilinks.ts';

export interface GhostNote {
  id: NoteId;
  title: string;
  /** Labels people used for it, so search finds it by them too. */
  aliases: string[];
}

export interface ResolvedVault {
  notes: (ParsedNote & { id: NoteId })[];
  ghosts: GhostNote[];
  edges: GraphEdge[];
  /** Per source note: link target text -> where it lands (for the render stage). */
  targets: Map<NoteId, Map<string, ResolvedTarget>>;
  backlinks: Map<NoteId, Backlink[]>;
  outgoing: Map<NoteId, LinkRef[]>;
  stats: { links: number; unresolvedLinks: number; selfLinks: number };
  diagnostics: Diagnostic[];
}

/** Key of a target inside one note's table; the render stage uses the same. */
export const targetKey = (target: string): string => target;

/** `ids`: the notes' ids by path, if the caller has them already (assignNoteIds of the same paths). */
export function resolveVault(parsed: readonly ParsedNote[], ids = assignNoteIds(parsed.map((note) => note.path))): ResolvedVault {
  const takenIds = new Set<string>(ids.values());
  const notes = parsed.map((note) => ({ ...note, id: ids.get(note.path)! })).sort((a, b) => compareStrings(a.path, b.path));
  const indexed: IndexedNote[] = notes.map(({ id, path, title, aliases }) => ({ id, path, title, aliases }));
  const index = buildNameIndex(indexed);

  const diagnostics: Diagnostic[] = [];
  const ghostsByKey = new Map<string, GhostNote>();
  const ghostLabels = new Map<NoteId, Set<string>>();
  const targets = new Map<NoteId, Map<string, ResolvedTarget>>();
  const backlinks = new Map<NoteId, Backlink[]>();
  const outgoing = new Map<NoteId, LinkRef[]>();
  const stats = { links: 0, unresolvedLinks: 0, selfLinks: 0 };
  // A target with a folder in it matches by the linking note's folder too; most links repeat both.
  // (resolveTarget remembers plain targets itself.)
  const matchCache = new Map<string, Map<string, ReturnType<typeof resolveTarget>>>();
  const matchOf = (note: (typeof notes)[number], target: string): ReturnType<typeof resolveTarget> => {
    if (!target.includes('/')) return resolveTarget(index, note.path, target);
    const folder = note.path.slice(0, note.path.lastIndexOf('/') + 1);
    let inFolder = matchCache.get(folder);
    if (!inFolder) matchCache.set(folder, (inFolder = new Map()));
    let match = inFolder.get(target);
    if (match === undefined && !inFolder.has(target)) {
      match = resolveTarget(index, note.path, target);
      inFolder.set(target, match);
    }
    return match;
  };
  // One landing per note, shared by every link to it (nothing changes them).
  const landings = new Map<string, ResolvedTarget>();
  const landingOn = (id: string, title: string, ghost: boolean): ResolvedTarget => {
    let landing = landings.get(id);
    if (!landing) landings.set(id, (landing = { id, title, ghost }));
    return landing;
  };

  const resolveOne = (note: (typeof notes)[number], target: string, line: number): ResolvedTarget => {
    if (!target) return landingOn(note.id, note.title, false); // [[#Heading]] in this note
    const match = matchOf(note, target);
    if (match) {
      if (match.ties > 0) {
        const more = match.ties - match.tiedWith.length;
        const others = match.tiedWith.map((other) => other.path).join(', ') + (more > 0 ? ` and ${more} more` : '');
        diagnostics.push(warning('ambiguous-link', note.path, `[[${target}]] matches several notes; chose ${match.note.path} over ${others}.`, line));
      }
      return landingOn(match.note.id, match.note.title, false);
    }
    const key = nameKey(target);
    let ghost = ghostsByKey.get(key);
    if (!ghost) {
      ghost = { id: claimId(ghostBaseId(target), takenIds), title: target, aliases: [] };
      ghostsByKey.set(key, ghost);
      ghostLabels.set(ghost.id, new Set());
    }
    return landingOn(ghost.id, ghost.title, true);
  };

  const edges: GraphEdge[] = [];
  for (const note of notes) {
    const table = new Map<string, ResolvedTarget>();
    // This note's edges, by target id (embeds prefixed with '!'), so repeats only raise the count.
    const noteEdges = new Map<string, GraphEdge>();
    const out: LinkRef[] = [];
    for (const { link, line, snippet } of note.links) {
      stats.links++;
      let resolved = table.get(targetKey(link.target));
      if (!resolved) {
        resolved = resolveOne(note, link.target, line);
        table.set(targetKey(link.target), resolved);
      }
      if (resolved.ghost) {
        stats.unresolvedLinks++;
        ghostLabels.get(resolved.id as NoteId)?.add(link.target).add(displayText(link));
      }
      if (resolved.id === note.id) {
        stats.selfLinks++;
        continue;
      }
      const id = resolved.id as NoteId;
      const kind: EdgeKind = link.embed ? 'embed' : 'link';
      const edgeKey = link.embed ? `!${id}` : id;
      const edge = noteEdges.get(edgeKey);
      if (edge) {
        edge.count++;
        continue;
      }
      noteEdges.set(edgeKey, { source: note.id, target: id, kind, count: 1 });
      if (!noteEdges.has(link.embed ? id : `!${id}`)) {
        // The first link or embed of this target: one backlink and one outgoing entry per pair of notes.
        out.push({ id, title: resolved.title, ghost: resolved.ghost });
        const list = backlinks.get(id);
        if (list) list.push({ id: note.id, title: note.title, ghost: false, snippet });
        else backlinks.set(id, [{ id: note.id, title: note.title, ghost: false, snippet }]);
      }
    }
    for (const edge of noteEdges.values()) edges.push(edge);
    targets.set(note.id, table);
    outgoing.set(note.id, out);
  }

  const ghosts = [...ghostsByKey.values()].sort((a, b) => compareStrings(a.id, b.id));
  for (const ghost of ghosts) {
    const names = [...(ghostLabels.get(ghost.id) ?? [])];
    ghost.title = readableGhostTitle(ghost.title, names);
    ghost.aliases = names.filter((label) => label !== ghost.title).sort(compareStrings).slice(0, 8);
  }
  const ghostTitle = new Map(ghosts.map((ghost) => [ghost.id as string, ghost.title]));
  for (const refs of outgoing.values()) for (const ref of refs) if (ref.ghost) ref.title = ghostTitle.get(ref.id) ?? ref.title;
  edges.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target) || compareStrings(a.kind, b.kind));
  for (const list of backlinks.values()) list.sort((a, b) => compareStrings(a.title, b.title) || compareStrings(a.id, b.id));
  return { notes, ghosts, edges, targets, backlinks, outgoing, stats, diagnostics };
}

/**
 * The most readable way people wrote a missing note's name: among the spellings with the same name key,
 * prefer one with spaces and capitals (`Ocean currents` over `ocean_currents`); else de-slug the first.
 */
export function readableGhostTitle(first: string, names: readonly string[]): string {
  const key = nameKey(first);
  const same = names.filter((name) => nameKey(name) === key);
  const score = (name: string) => (/\s/.test(name) ? 2 : 0) + (/\p{Lu}/u.test(name) ? 1 : 0);
  const best = [...same].sort((a, b) => score(b) - score(a))[0] ?? first;
  return score(best) > 0 ? best : best.replace(/[_-]+/g, ' ').trim() || best;
}
