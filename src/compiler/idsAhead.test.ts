import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNoteIds } from '../shared/noteId.ts';
import { assignNoteIdsWith, noteIdsAhead, noteIdsFor, perPathAhead } from './idsAhead.ts';
import { pathKeys } from './nameIndex.ts';

describe('note ids worked out while the workers parse', () => {
  // Names that collide once slugged (case, accents, punctuation), so the `~2` suffixes are exercised.
  const name = fc.constantFrom('Note', 'note', 'NOTE', 'Café', 'cafe', 'café', 'a b', 'a-b', 'a_b', '日本', 'x');
  const notePath = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('/')}.md`);

  it('are the ids assignNoteIds gives, also when some scanned files yield no note', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(notePath, { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), async (scanned, kept) => {
        const ahead = await noteIdsAhead(scanned);
        expect(ahead.ids).toEqual(assignNoteIds(scanned));
        const parsed = scanned.filter((_, i) => kept[i] ?? true); // unreadable files drop out after the scan
        expect(noteIdsFor(parsed, ahead)).toEqual(assignNoteIds(parsed));
      }),
      { numRuns: 150 },
    );
  });

  it('work out every path, a slice at a time, and fall back to working one out if it was not scanned', async () => {
    const scanned = Array.from({ length: 1_234 }, (_, i) => `folder ${i % 7}/Note ${i}.md`);
    const { bases, ids } = await noteIdsAhead(scanned);
    expect(bases.size).toBe(scanned.length);
    expect(ids.get('folder 3/Note 10.md')).toBe('folder-3.note-10');
    expect([...assignNoteIdsWith(['Unscanned.md', 'folder 3/Note 10.md'], bases)]).toEqual([
      ['Unscanned.md', 'unscanned'],
      ['folder 3/Note 10.md', 'folder-3.note-10'],
    ]);
  });

  it('and the names each path gives its note: every path, slice by slice, as pathKeys gives them', async () => {
    const scanned = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? `Topic ${i}/index.md` : `Topic ${i % 50}/Note_${i}.md`));
    let yielded = false;
    setImmediate(() => (yielded = true));
    const keys = await perPathAhead(scanned, pathKeys);
    expect(yielded).toBe(true); // the event loop ran between slices
    expect([...keys]).toEqual(scanned.map((notePath) => [notePath, pathKeys(notePath)]));
    expect(keys.get('Topic 3/index.md')).toMatchObject({ isIndex: true, folderKey: 'topic 3', keyName: 'index' });
  });
});
