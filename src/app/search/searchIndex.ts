// Title and alias search, typo-tolerant. Built once per graph: in idle time after the map is painted, or at the
// first query if that comes sooner.
import MiniSearch from 'minisearch';
import { whenIdle } from '../idle.ts';
import type { Graph, GraphNode, NoteId } from '../../shared/schema.ts';

export interface SearchHit {
  id: NoteId;
  title: string;
  path: string;
  ghost: boolean;
  /** What matched, when it was an alias rather than the title. */
  alias?: string;
}

interface Doc {
  id: string;
  title: string;
  aliases: string;
  path: string;
}

interface Entry {
  search: MiniSearch<Doc>;
  byId: Map<string, GraphNode>;
  /** Notes before this position in graph.nodes are indexed. */
  added: number;
}

const indexes = new WeakMap<Graph, Entry>();

function entryFor(graph: Graph): Entry {
  let entry = indexes.get(graph);
  if (!entry) {
    const search = new MiniSearch<Doc>({
      fields: ['title', 'aliases', 'path'],
      storeFields: [],
      // Split on separators people put in slugs too, so `ai_alignment` finds "AI alignment".
      tokenize: (text) => text.toLowerCase().split(/[\s_\-/.,:;!?()[\]"'’]+/u).filter(Boolean),
      // Only the last word is still being typed, so only it matches as a prefix; short words ("the", "vs")
      // match exactly: as prefixes or with typos they match most of a big vault, and made a query slow.
      searchOptions: {
        boost: { title: 3, aliases: 2, path: 0.5 },
        prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
        fuzzy: (term: string) => (term.length > 3 ? 0.25 : 0),
        combineWith: 'AND',
      },
    });
    entry = { search, byId: new Map(graph.nodes.map((node) => [node.id as string, node])), added: 0 };
    indexes.set(graph, entry);
  }
  return entry;
}

function addUpTo(graph: Graph, entry: Entry, end: number): void {
  for (; entry.added < end; entry.added++) {
    const node = graph.nodes[entry.added]!;
    entry.search.add({ id: node.id, title: node.title, aliases: node.aliases.join(' '), path: node.path });
  }
}

/** The complete index: whatever prepareSearchIndex has not built yet is built now. */
function indexFor(graph: Graph): Entry {
  const entry = entryFor(graph);
  addUpTo(graph, entry, graph.nodes.length);
  return entry;
}

const SLICE = 100;
/** The build goes on at least this often, idle or not: a busy page (a pan or zoom redraws every frame) is rarely idle. */
const IDLE_TIMEOUT_MS = 50;
/** Each idle callback works at least this long (a callback forced by its timeout gets no idle time). */
const MIN_SLICE_MS = 8;

/**
 * Build the index in idle time, a slice of notes at a time, so that the first query does not pay for it and
 * input is never held up for long. A query before it is done finishes the rest at once.
 */
export function prepareSearchIndex(graph: Graph): void {
  const entry = entryFor(graph);
  const step = (deadline?: IdleDeadline) => {
    const until = performance.now() + Math.max(MIN_SLICE_MS, deadline?.timeRemaining() ?? MIN_SLICE_MS);
    while (entry.added < graph.nodes.length && performance.now() < until) addUpTo(graph, entry, Math.min(graph.nodes.length, entry.added + SLICE));
    if (entry.added < graph.nodes.length) whenIdle(step, IDLE_TIMEOUT_MS);
    else whenIdle(() => entry.search.search(graph.nodes[0]?.title ?? ''), IDLE_TIMEOUT_MS); // compile the query path before the first real one
  };
  whenIdle(step, IDLE_TIMEOUT_MS);
}

export function searchNotes(graph: Graph, query: string, limit = 12): SearchHit[] {
  const text = query.trim();
  if (!text) return [];
  const { search, byId } = indexFor(graph);
  let results = search.search(text);
  if (results.length === 0) results = search.search(text, { combineWith: 'OR' });
  const degreeBoost = (node: GraphNode) => 1 + Math.log1p(node.degreeIn + node.degreeOut) * 0.15;
  return results
    .map((result) => ({ result, node: byId.get(result.id as string)! }))
    .map(({ result, node }) => ({ node, score: result.score * degreeBoost(node) * (node.ghost ? 0.7 : 1), terms: result.terms }))
    .sort((a, b) => b.score - a.score || (a.node.title < b.node.title ? -1 : 1))
    .slice(0, limit)
    .map(({ node, terms }) => {
      const alias = node.aliases.find((a) => terms.some((t) => a.toLowerCase().includes(t)) && !terms.every((t) => node.title.toLowerCase().includes(t)));
      return { id: node.id, title: node.title, path: node.path, ghost: node.ghost, ...(alias ? { alias } : {}) };
    });
}
