import { describe, expect, it } from 'vitest';
import { parseNote } from './parse.ts';
import { resolveVault, type ResolvedVault } from './resolve.ts';

/** Resolve an in-memory vault: path -> note text. */
function resolve(files: Record<string, string>): ResolvedVault {
  return resolveVault(Object.entries(files).map(([path, text]) => parseNote(path, text)));
}
const idOf = (vault: ResolvedVault, path: string) => vault.notes.find((note) => note.path === path)!.id;
/** Where `from`'s link with this target text lands: a note path, or `ghost:<title>`. */
function landing(vault: ResolvedVault, from: string, target: string): string | undefined {
  const resolved = vault.targets.get(idOf(vault, from))?.get(target);
  if (!resolved) return undefined;
  return resolved.ghost ? `ghost:${resolved.title}` : vault.notes.find((note) => note.id === resolved.id)!.path;
}

const BASE = {
  'Other note.md': '---\naliases: [The other one]\n---\n# Other note',
  'links/Target.md': '# Target',
  'sub/Deep note.md': '# Deep',
  'topics/ai_alignment_and_safety.md': '# AI alignment and safety',
  'episodes/raman_commons.md': '---\ntitle: Raman on commons\n---\n',
  'projects/index.md': '# Projects',
  'garden/garden.md': '# Garden',
  'a/b/index.md': '# Nested folder note',
  'tie/a/Shared name.md': '# A',
  'tie/longer/Shared name.md': '# Longer',
  'invisible/Wide\u200bGap.md': '# Wide gap',
  'Café.md': '# Café',
};

describe('resolveVault: matching a link to the note a person meant', () => {
  it.each([
    ['exact path from the root', 'sub/Deep note', 'sub/Deep note.md'],
    ['exact path with .md', 'links/Target', 'links/Target.md'],
    ['case-insensitive basename', 'OTHER NOTE', 'Other note.md'],
    ['case-insensitive path', 'SUB/deep NOTE', 'sub/Deep note.md'],
    ['alias, any case', 'the OTHER one', 'Other note.md'],
    ['slug: spaces for underscores', 'AI alignment and safety', 'topics/ai_alignment_and_safety.md'],
    ['slug: hyphens', 'ai-alignment-and-safety', 'topics/ai_alignment_and_safety.md'],
    ['slug: mixed case and underscores', 'AI_Alignment_And_Safety', 'topics/ai_alignment_and_safety.md'],
    ['slug of a path', 'Sub/deep-note', 'sub/Deep note.md'],
    ['a path suffix', 'b/index', 'a/b/index.md'],
    ['the title', 'raman on commons', 'episodes/raman_commons.md'],
    ['a folder -> folder/index.md', 'projects', 'projects/index.md'],
    ['a folder -> folder/folder.md', 'garden', 'garden/garden.md'],
    ['a nested folder -> its index.md', 'a/b', 'a/b/index.md'],
    ['zero-width character in the file name', 'WideGap', 'invisible/Wide\u200bGap.md'],
    ['zero-width character in the target', 'Wide\u2060Gap', 'invisible/Wide\u200bGap.md'],
    ['NFD target, NFC file name', 'Cafe\u0301', 'Café.md'],
    ['a leading slash', '/sub/Deep note', 'sub/Deep note.md'],
  ])('%s: [[%s]]', (_name, target, path) => {
    const vault = resolve({ ...BASE, 'from.md': `[[${target}]]` });
    expect(landing(vault, 'from.md', target)).toBe(path);
    expect(vault.diagnostics).toEqual([]);
    expect(vault.stats.unresolvedLinks).toBe(0);
  });

  it("takes a folder's index.md over the folder/folder.md that comes before it in path order", () => {
    const vault = resolve({ 'shelf/Kit/Kit.md': '# Kit', 'shelf/Kit/index.md': '# Kit index', 'from.md': '[[shelf/Kit]]' });
    expect(landing(vault, 'from.md', 'shelf/Kit')).toBe('shelf/Kit/index.md');
    expect(vault.diagnostics).toEqual([]);
  });

  it('resolves Markdown links relative to the linking note', () => {
    const vault = resolve({ ...BASE, 'links/md.md': '[up](../Other%20note.md) [here](Target.md) [deep](../sub/Deep%20note.md)' });
    expect(landing(vault, 'links/md.md', '../Other note')).toBe('Other note.md');
    expect(landing(vault, 'links/md.md', 'Target')).toBe('links/Target.md');
    expect(landing(vault, 'links/md.md', '../sub/Deep note')).toBe('sub/Deep note.md');
  });

  it('prefers the exact file name over a fuzzy match', () => {
    const vault = resolve({ 'ai alignment.md': 'spaced', 'ai_alignment.md': 'underscored', 'from.md': '[[ai_alignment]] [[ai alignment]]' });
    expect(landing(vault, 'from.md', 'ai_alignment')).toBe('ai_alignment.md');
    expect(landing(vault, 'from.md', 'ai alignment')).toBe('ai alignment.md');
    expect(vault.diagnostics).toEqual([]);
  });

  it('reads a name next to the linking note as a relative path, with no tie', () => {
    const vault = resolve({ ...BASE, 'tie/longer/linker.md': '# Linker\n\n[[Shared name]]' });
    expect(landing(vault, 'tie/longer/linker.md', 'Shared name')).toBe('tie/longer/Shared name.md');
    expect(vault.diagnostics).toEqual([]);
  });

  it('breaks a tie by the same folder first, and warns with the file and line', () => {
    const vault = resolve({ ...BASE, 'tie/longer/linker.md': '# Linker\n\n[[shared_name]]' });
    expect(landing(vault, 'tie/longer/linker.md', 'shared_name')).toBe('tie/longer/Shared name.md');
    expect(vault.diagnostics).toEqual([
      expect.objectContaining({ code: 'ambiguous-link', file: 'tie/longer/linker.md', line: 3, message: expect.stringContaining('tie/a/Shared name.md') }),
    ]);
  });

  it('breaks a tie by the shortest path next, and warns', () => {
    const vault = resolve({ ...BASE, 'index.md': 'first line\n[[Shared name]]' });
    expect(landing(vault, 'index.md', 'Shared name')).toBe('tie/a/Shared name.md');
    expect(vault.diagnostics).toEqual([
      expect.objectContaining({ code: 'ambiguous-link', file: 'index.md', line: 2, message: expect.stringContaining('chose tie/a/Shared name.md') }),
    ]);
  });

  it('names three of many tied notes in the warning and counts the rest', () => {
    const folders = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${String(i).padStart(2, '0')}/index.md`, '# Folder']));
    const vault = resolve({ ...folders, 'notes/a.md': '[[index]]', 'notes/b.md': '[[index]]' });
    expect(landing(vault, 'notes/a.md', 'index')).toBe('f00/index.md');
    expect(vault.diagnostics.map((d) => d.message)).toEqual(
      Array(2).fill('[[index]] matches several notes; chose f00/index.md over f01/index.md, f02/index.md, f03/index.md and 36 more.'),
    );
  });

  it('breaks a tie between equally long paths by path order', () => {
    const vault = resolve({ 'x/Dup.md': '', 'y/Dup.md': '', 'from.md': '[[dup]]' });
    expect(landing(vault, 'from.md', 'dup')).toBe('x/Dup.md');
    expect(vault.diagnostics.map((d) => d.code)).toEqual(['ambiguous-link']);
  });

  it('keeps notes whose names differ only in case apart, and each exact name finds its own', () => {
    const vault = resolve({ 'case/acquiredFM.md': 'upper', 'case/acquiredfm.md': 'lower', 'case/linker.md': '[[acquiredFM]] [[acquiredfm]]' });
    expect(idOf(vault, 'case/acquiredFM.md')).not.toBe(idOf(vault, 'case/acquiredfm.md'));
    expect(landing(vault, 'case/linker.md', 'acquiredFM')).toBe('case/acquiredFM.md');
    expect(landing(vault, 'case/linker.md', 'acquiredfm')).toBe('case/acquiredfm.md');
    expect(vault.diagnostics).toEqual([]);
  });
});

describe('resolveVault: ghosts, self-links and edges', () => {
  const vault = resolve({
    ...BASE,
    'ghosts.md': '[[Missing idea]] and [[missing_idea|the same idea]] and [[nowhere/Lost page]] and ![[Missing idea]]',
    'self.md': '# Self\n[[self]] [[Self|itself]] [[#Self]] [[Other note]]',
    'hub.md': 'Hub: [[Other note]] [[Other note|again]] ![[Other note]] [[links/Target]] [[Missing idea]]',
  });
  const ghostIdea = vault.ghosts.find((ghost) => ghost.title === 'Missing idea')!;

  it('keeps a link that resolves nowhere as one ghost per name, with its edges', () => {
    expect(vault.ghosts.map((ghost) => [ghost.id, ghost.title])).toEqual([
      ['ghost~missing-idea', 'Missing idea'],
      ['ghost~nowhere-lost-page', 'nowhere/Lost page'],
    ]);
    expect(ghostIdea.aliases).toContain('the same idea'); // labels people used, so search finds the ghost by them
    const ghostEdges = vault.edges.filter((edge) => edge.target === ghostIdea.id);
    expect(ghostEdges).toEqual([
      { source: idOf(vault, 'ghosts.md'), target: ghostIdea.id, kind: 'embed', count: 1 },
      { source: idOf(vault, 'ghosts.md'), target: ghostIdea.id, kind: 'link', count: 2 },
      { source: idOf(vault, 'hub.md'), target: ghostIdea.id, kind: 'link', count: 1 },
    ]);
    expect(vault.stats.unresolvedLinks).toBe(5);
  });

  it('counts self-links but draws no edge for them', () => {
    const self = idOf(vault, 'self.md');
    expect(vault.stats.selfLinks).toBe(3);
    expect(vault.edges.filter((edge) => edge.source === self)).toEqual([
      { source: self, target: idOf(vault, 'Other note.md'), kind: 'link', count: 1 },
    ]);
    expect(vault.edges.some((edge) => edge.source === edge.target)).toBe(false);
  });

  it('counts repeated links on one edge per kind', () => {
    const hub = idOf(vault, 'hub.md');
    const other = idOf(vault, 'Other note.md');
    expect(vault.edges.filter((edge) => edge.source === hub && edge.target === other)).toEqual([
      { source: hub, target: other, kind: 'embed', count: 1 },
      { source: hub, target: other, kind: 'link', count: 2 },
    ]);
    expect(vault.stats.links).toBe(4 + 4 + 5);
  });

  it('lists outgoing links once per target, ghosts flagged', () => {
    expect(vault.outgoing.get(idOf(vault, 'hub.md'))).toEqual([
      { id: idOf(vault, 'Other note.md'), title: 'Other note', ghost: false },
      { id: idOf(vault, 'links/Target.md'), title: 'Target', ghost: false },
      { id: ghostIdea.id, title: 'Missing idea', ghost: true },
    ]);
  });

  it('lists backlinks once per source, sorted by title (code-unit order), with a snippet', () => {
    expect(vault.backlinks.get(idOf(vault, 'Other note.md'))).toEqual([
      { id: idOf(vault, 'self.md'), title: 'Self', ghost: false, snippet: 'self itself Self Other note' },
      { id: idOf(vault, 'hub.md'), title: 'hub', ghost: false, snippet: 'Hub: Other note again Other note links/Target Missing idea' },
    ]);
  });

  it('sorts edges and ghosts, so output order never depends on input order', () => {
    const files = Object.entries({ ...BASE, 'ghosts.md': '[[Zed]] [[Alpha]]', 'z.md': '[[Target]] [[Other note]]', 'a.md': '[[Other note]] [[Zed]]' });
    const forward = resolveVault(files.map(([path, text]) => parseNote(path, text)));
    const backward = resolveVault([...files].reverse().map(([path, text]) => parseNote(path, text)));
    expect(backward.edges).toEqual(forward.edges);
    expect(backward.ghosts).toEqual(forward.ghosts);
    expect(backward.notes.map((note) => [note.path, note.id])).toEqual(forward.notes.map((note) => [note.path, note.id]));
    expect([...backward.backlinks.entries()].sort()).toEqual([...forward.backlinks.entries()].sort());
    const keys = forward.edges.map((edge) => `${edge.source} ${edge.target} ${edge.kind}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives a ghost an id that no note has', () => {
    const clash = resolve({ 'ghost~missing.md': 'a note with a ghost-like name', 'from.md': '[[missing]]' });
    const ids = [...clash.notes.map((note) => note.id), ...clash.ghosts.map((ghost) => ghost.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
