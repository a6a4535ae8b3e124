// Title and alias search, typo-tolerant. Built lazily on first use, once per graph.
import MiniSearch from 'minisearch';
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

const indexes = new WeakMap<Graph, { search: MiniSearch<Doc>; byId: Map<string, GraphNode> }>();

function indexFor(graph: Graph) {
  let entry = indexes.get(graph);
  if (!entry) {
    const search = new MiniSearch<Doc>({
      fields: ['title', 'aliases', 'path'],
      storeFields: [],
      // Split on separators people put in slugs too, so `ai_alignment` finds "AI alignment".
      tokenize: (text) => text.toLowerCase().split(/[\s_\-/.,:;!?()[\]"'’]+/u).filter(Boolean),
      searchOptions: { boost: { title: 3, aliases: 2, path: 0.5 }, prefix: true, fuzzy: 0.25, combineWith: 'AND' },
    });
    search.addAll(graph.nodes.map((node) => ({ id: node.id, title: node.title, aliases: node.aliases.join(' '), path: node.path })));
    entry = { search, byId: new Map(graph.nodes.map((node) => [node.id as string, node])) };
    indexes.set(graph, entry);
  }
  return entry;
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
