// resolveTarget's shortcut for targets with no folder must land where every rule in turn lands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNoteIds } from '../shared/noteId.ts';
import { buildNameIndex, type IndexedNote } from './nameIndex.ts';
import { resolveByRules, resolveTarget } from './resolveTarget.ts';

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
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
