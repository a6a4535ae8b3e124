// resolveTarget's shortcut for targets with no folder must land where every rule in turn lands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNoteIds } from '../shared/noteId.ts';
import { buildNameIndex, type IndexedNote } from './nameIndex.ts';
import { pick, resolveByRules, resolveTarget } from './resolveTarget.ts';

// Few letters, so names collide, differ only in case or separator, and tie across folders.
const namePart = fc.constantFrom('a', 'B', 'a b', 'a_b', 'A-B', 'index', 'c', 'Café', 'Cafe\u0301', 'x\u200by', '.', '..', 'one', 'Two');
const folder = fc.constantFrom('', 'one', 'two', 'one/a b', 'two/c', 'c');
const note = fc.record({ folder, name: namePart, title: namePart, aliases: fc.array(namePart, { maxLength: 2 }) });

describe('resolveTarget', () => {
  it('lands a target with no folder where the full rules land it, from every folder', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 12 }), fc.array(namePart, { minLength: 1, maxLength: 6 }), (drawn, targets) => {
        const byPath = new Map(drawn.map((n) => [`${n.folder ? `${n.folder}/` : ''}${n.name}.md`, n]));
        const ids = assignNoteIds([...byPath.keys()]);
        const notes: IndexedNote[] = [...byPath].map(([path, n]) => ({ id: ids.get(path)!, path, title: n.title, aliases: n.aliases }));
        const index = buildNameIndex(notes);
        for (const from of notes) {
          const fromDir = from.path.includes('/') ? from.path.slice(0, from.path.lastIndexOf('/')) : '';
          for (const target of targets) {
            const quick = resolveTarget(index, from.path, target);
            const full = resolveByRules(index, fromDir, target);
            expect(quick?.note.path).toBe(full?.note.path);
            expect(quick?.tiedWith.map((n) => n.path)).toEqual(full?.tiedWith.map((n) => n.path));
            expect(quick?.ties).toBe(full?.ties);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('pick', () => {
  it('chooses as sorting every tie would (this folder first, then the shortest path, then path order)', () => {
    const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
    const notePath = fc.tuple(fc.constantFrom('', 'a', 'a/b', 'bb', 'c'), fc.constantFrom('x', 'yy', 'X', 'z z')).map(([dir, name]) => `${dir ? `${dir}/` : ''}${name}.md`);
    fc.assert(
      fc.property(fc.uniqueArray(notePath, { minLength: 2, maxLength: 12 }), fc.constantFrom('', 'a', 'a/b', 'bb', 'c', 'd'), (paths, fromDir) => {
        const candidates = paths.map((path, i) => ({ id: `n${i}` as IndexedNote['id'], path, title: '', aliases: [] }));
        const sorted = [...candidates].sort(
          (a, b) => (dirOf(a.path) === fromDir ? 0 : 1) - (dirOf(b.path) === fromDir ? 0 : 1) || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
        );
        const picked = pick(candidates, fromDir);
        expect(picked.note).toBe(sorted[0]);
        expect(picked.ties).toBe(candidates.length - 1);
        expect(picked.tiedWith.length).toBe(Math.min(3, candidates.length - 1));
        expect(picked.tiedWith).not.toContain(picked.note);
      }),
      { numRuns: 300 },
    );
  });

  it('names three of many tied notes and counts the rest', () => {
    const candidates = Array.from({ length: 50 }, (_, i) => ({ id: `n${i}` as IndexedNote['id'], path: `f${String(i).padStart(2, '0')}/index.md`, title: '', aliases: [] }));
    const picked = pick(candidates, 'elsewhere');
    expect(picked.note.path).toBe('f00/index.md');
    expect(picked.tiedWith.map((note) => note.path)).toEqual(['f01/index.md', 'f02/index.md', 'f03/index.md']);
    expect(picked.ties).toBe(49);
  });
});
