// Stage 3: every raw link -> an edge to a note or a ghost. Nothing is dropped; ties and surprises are warned about.
import type { Backlink, Diagnostic, EdgeKind, GraphEdge, LinkRef, NoteId } from '../shared/schema.ts';
import { assignNoteIds, claimId, compareStrings, ghostBaseId, nameKey } from '../shared/noteId.ts';
import { warning } from './diagnostics.ts';
import type { ResolvedTarget } from './markdown/env.ts';
import { buildNameIndex, pathKeys, type IndexedNote, type PathKeys } from './nameIndex.ts';
import type { ParsedNote } from './parse.ts';
import { resolveTarget, type TargetMatch } from './resolveTarget.ts';
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

/**
 * `ids`: the notes' ids by path, if the caller has them already (assignNoteIds of the same paths); `keysOf`: the
 * same for pathKeys.
 */
export function resolveVault(parsed: readonly ParsedNote[], ids = assignNoteIds(parsed.map((note) => note.path)), keysOf: (notePath: string) => PathKeys = pathKeys): ResolvedVault {
  const takenIds = new Set<string>(ids.values());
  const notes = parsed.map((note) => withId(note, ids.get(note.path)!)).sort((a, b) => compareStrings(a.path, b.path));
  const indexed: IndexedNote[] = notes.map(({ id, path, title, aliases }) => ({ id, path, title, aliases }));
  const index = buildNameIndex(indexed, keysOf);

  const diagnostics: Diagnostic[] = [];
  const ghostsByKey = new Map<string, GhostNote>();
  const ghostLabels = new Map<NoteId, Set<string>>();
  const targets = new Map<NoteId, Map<string, ResolvedTarget>>();
  const backlinks = new Map<NoteId, Backlink[]>();
  const outgoing = new Map<NoteId, LinkRef[]>();
  const stats = { links: 0, unresolvedLinks: 0, selfLinks: 0 };
  // Where a target lands depends on the linking note's folder only (an exact path there wins, and ties prefer
  // it), so each folder remembers its targets: most links repeat a target another note in the folder used.
  const matchesByFolder = new Map<string, Map<string, TargetMatch | undefined>>();
  // One landing per note, shared by every link to it and every page's list of links out (a ghost's title is
  // made readable once all its names are known, below).
  const landings = new Map<string, LinkRef>();
  const landingOn = (id: NoteId, title: string, ghost: boolean): LinkRef => {
    let landing = landings.get(id);
    if (!landing) landings.set(id, (landing = { id, title, ghost }));
    return landing;
  };
  // A target that lands nowhere lands on the same ghost from every folder.
  const ghostByTarget = new Map<string, LinkRef>();
  const ghostLanding = (target: string): LinkRef => {
    let landing = ghostByTarget.get(target);
    if (landing) return landing;
    const key = nameKey(target);
    let ghost = ghostsByKey.get(key);
    if (!ghost) {
      ghost = { id: claimId(ghostBaseId(target), takenIds), title: target, aliases: [] };
      ghostsByKey.set(key, ghost);
      ghostLabels.set(ghost.id, new Set());
    }
    ghostByTarget.set(target, (landing = landingOn(ghost.id, ghost.title, true)));
    return landing;
  };

  const edges: GraphEdge[] = [];
  // Per landing, the edges the note being read has to it, links and embeds apart, so repeats only raise the count.
  // Each is marked with its note rather than cleared between notes: a cleared Map gets a new table each time.
  const edgesTo = new Map<LinkRef, { note: number; link: GraphEdge | undefined; embed: GraphEdge | undefined }>();
  for (let n = 0; n < notes.length; n++) {
    const note = notes[n]!;
    const folder = note.path.slice(0, note.path.lastIndexOf('/') + 1);
    let matches = matchesByFolder.get(folder);
    if (!matches) matchesByFolder.set(folder, (matches = new Map()));
    const table = new Map<string, LinkRef>();
    const out: LinkRef[] = [];
    for (const { link, line, snippet } of note.links) {
      stats.links++;
      const target = targetKey(link.target);
      let resolved = table.get(target);
      if (!resolved) {
        if (!target) resolved = landingOn(note.id, note.title, false); // [[#Heading]] in this note
        else {
          let match = matches.get(target);
          if (match === undefined && !matches.has(target)) matches.set(target, (match = resolveTarget(index, note.path, target)));
          if (match && match.ties > 0) diagnostics.push(ambiguityWarning(note.path, target, match, line));
          resolved = match ? landingOn(match.note.id, match.note.title, false) : ghostLanding(target);
        }
        table.set(target, resolved);
      }
      if (resolved.ghost) {
        stats.unresolvedLinks++;
        ghostLabels.get(resolved.id)?.add(link.target).add(displayText(link));
      }
      if (resolved.id === note.id) {
        stats.selfLinks++;
        continue;
      }
      let mine = edgesTo.get(resolved);
      if (!mine) edgesTo.set(resolved, (mine = { note: n, link: undefined, embed: undefined }));
      else if (mine.note !== n) {
        mine.note = n;
        mine.link = mine.embed = undefined;
      }
      const edge = link.embed ? mine.embed : mine.link;
      if (edge) {
        edge.count++;
        continue;
      }
      const id = resolved.id;
      const kind: EdgeKind = link.embed ? 'embed' : 'link';
      const made: GraphEdge = { source: note.id, target: id, kind, count: 1 };
      edges.push(made); // in any order: the edges are sorted below
      const otherKind = link.embed ? mine.link : mine.embed;
      if (link.embed) mine.embed = made;
      else mine.link = made;
      if (!otherKind) {
        // The first link or embed of this target: one backlink and one outgoing entry per pair of notes.
        out.push(resolved);
        const list = backlinks.get(id);
        if (list) list.push({ id: note.id, title: note.title, ghost: false, snippet });
        else backlinks.set(id, [{ id: note.id, title: note.title, ghost: false, snippet }]);
      }
    }
    targets.set(note.id, table);
    outgoing.set(note.id, out);
  }

  const ghosts = [...ghostsByKey.values()].sort((a, b) => compareStrings(a.id, b.id));
  for (const ghost of ghosts) {
    const names = [...(ghostLabels.get(ghost.id) ?? [])];
    ghost.title = readableGhostTitle(ghost.title, names);
    ghost.aliases = names.filter((label) => label !== ghost.title).sort(compareStrings).slice(0, 8);
  }
  for (const ghost of ghosts) landings.get(ghost.id)!.title = ghost.title;
  const sortedEdges = sortEdges(edges, takenIds);
  for (const list of backlinks.values()) list.sort((a, b) => compareStrings(a.title, b.title) || compareStrings(a.id, b.id));
  return { notes, ghosts, edges: sortedEdges, targets, backlinks, outgoing, stats, diagnostics };
}

/**
 * A copy of `note` with its id, made field by field: in the CLI, spreading 10,000 parsed notes took 150-180 ms
 * (V8's slow path for a spread not yet warmed up), this 25 ms.
 */
function withId(note: ParsedNote, id: NoteId): ParsedNote & { id: NoteId } {
  const { path, title, aliases, tags, meta, links, external, html, htmlUtf8, diagnostics } = note;
  // Typed so that a field added to ParsedNote, and not copied here, does not compile.
  const copy: Record<keyof ParsedNote, unknown> & ParsedNote & { id: NoteId } = { path, title, aliases, tags, meta, links, external, html, htmlUtf8, diagnostics, id };
  return copy;
}

/**
 * `edges` by source, then target, then kind, as strings. Ids are unique, so each edge's place is a number made from
 * the ranks of its ends: mixed 10k's 89,577 edges sorted on it in 52-62 ms, comparing their strings in 88-90 ms.
 * `ids`: every id an edge may name.
 */
function sortEdges(edges: readonly GraphEdge[], ids: Iterable<string>): GraphEdge[] {
  const sortedIds = [...ids].sort(compareStrings);
  const rank = new Map<string, number>(sortedIds.map((id, i) => [id, i]));
  const place = edges.map(({ source, target, kind }) => (rank.get(source)! * sortedIds.length + rank.get(target)!) * 2 + (kind === 'embed' ? 0 : 1));
  return edges
    .map((_, i) => i)
    .sort((a, b) => place[a]! - place[b]!)
    .map((i) => edges[i]!);
}

function ambiguityWarning(notePath: string, target: string, match: TargetMatch, line: number): Diagnostic {
  const more = match.ties - match.tiedWith.length;
  const others = match.tiedWith.map((other) => other.path).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return warning('ambiguous-link', notePath, `[[${target}]] matches several notes; chose ${match.note.path} over ${others}.`, line);
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
