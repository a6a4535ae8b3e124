import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Graph, type GraphNode, type NoteId } from '../../shared/schema.ts';
import { searchNotes } from './searchIndex.ts';

const node = (id: string, title: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id: id as NoteId, title, path: `${id}.md`, folder: '', tags: [], aliases: [], ghost: false, degreeIn: 0, degreeOut: 0, meta: {}, x: 0, y: 0, community: 0, ...extra,
});
const graph: Graph = {
  schemaVersion: SCHEMA_VERSION, vaultName: 't', stats: { notes: 4, ghosts: 1, links: 0, unresolvedLinks: 0, selfLinks: 0, skippedFiles: 0, warnings: 0 }, edges: [], diagnostics: [],
  nodes: [
    node('topics.ai_alignment_and_safety', 'AI alignment and safety', { aliases: ['AI safety'], degreeIn: 40 }),
    node('topics.alignment_tax', 'Alignment tax', { degreeIn: 2 }),
    node('topics.rlhf', 'Reinforcement learning from human feedback', { aliases: ['RLHF'] }),
    node('ghost~compute-overhang', 'Compute overhang', { ghost: true, path: '' }),
  ],
};
const titles = (query: string) => searchNotes(graph, query).map((hit) => hit.title);

describe('searchNotes', () => {
  it('finds by title, ranking better matches first', () => expect(titles('alignment')[0]).toBe('AI alignment and safety'));
  it('tolerates typos', () => expect(titles('alignmnet saftey')[0]).toBe('AI alignment and safety'));
  it('finds by alias and says so', () => {
    const [hit] = searchNotes(graph, 'rlhf');
    expect(hit).toMatchObject({ title: 'Reinforcement learning from human feedback', alias: 'RLHF' });
  });
  it('matches prefixes as you type', () => expect(titles('reinf')).toContain('Reinforcement learning from human feedback'));
  it('finds missing (ghost) notes too', () => expect(searchNotes(graph, 'overhang')[0]).toMatchObject({ ghost: true }));
  it('returns nothing for an empty query', () => expect(searchNotes(graph, '   ')).toEqual([]));
});
