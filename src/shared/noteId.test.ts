import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoteIdSchema } from './schema.ts';
import {
  assignNoteIds, baseIdFromPath, claimId, cleanName, compareStrings, ghostBaseId, isNoteId, nameKey,
} from './noteId.ts';

/** What a deep link needs from an id: unchanged by URL encoding and by the URL parser. */
function expectUrlSafe(id: string): void {
  expect(isNoteId(id), id).toBe(true);
  expect(encodeURIComponent(id)).toBe(id);
  expect(new URL(`http://x/#/note/${id}`).hash).toBe(`#/note/${id}`);
  expect(NoteIdSchema.safeParse(id).success, id).toBe(true);
}

describe('baseIdFromPath', () => {
  it.each([
    ['Other note.md', 'other-note'],
    ['topics/ai_alignment_and_safety.md', 'topics.ai_alignment_and_safety'],
    ['people/PriyaRaman.md', 'people.priyaraman'],
    ['Café.md', 'cafe'],
    ['Cafe\u0301.md', 'cafe'],
    ['a/b/c.MD', 'a.b.c'],
    ['Wide\u200bGap.md', 'widegap'],
    ['sub/Deep note.md', 'sub.deep-note'],
    ["<img src=x onerror=alert('file')>.md", 'img-src-x-onerror-alert-file'],
    ['__proto__.md', 'proto__'],
  ])('%j -> %j', (notePath, id) => {
    expect(baseIdFromPath(notePath)).toBe(id);
    expectUrlSafe(id);
  });

  it('keeps ids of very deep or long paths within the 300-character limit the app validates', () => {
    const segment = (i: number) => `${'x'.repeat(79)}${i}`;
    const deep = `${Array.from({ length: 8 }, (_, i) => segment(i)).join('/')}.md`;
    const id = baseIdFromPath(deep);
    expectUrlSafe(id);
    const ids = assignNoteIds([deep, deep.toUpperCase(), `${deep.slice(0, -3)}-other.md`]);
    for (const assigned of ids.values()) expectUrlSafe(assigned);
    expect(new Set(ids.values()).size).toBe(3);
  });

  it('gives names in non-Latin scripts distinct ids of their own, not a shared placeholder', () => {
    const ids = [baseIdFromPath('日本語.md'), baseIdFromPath('中文.md'), baseIdFromPath('Русский.md'), baseIdFromPath('Ελληνικά.md')];
    for (const id of ids) expectUrlSafe(id);
    expect(new Set(ids).size).toBe(4);
    // Derived from the name alone, so the same name always gets the same id.
    expect(baseIdFromPath('日本語.md')).toBe(ids[0]);
    expect(baseIdFromPath('topics/日本語.md')).toBe(`topics.${ids[0]}`);
  });
});

describe('assignNoteIds', () => {
  it('keeps files whose names differ only in case as two notes with distinct ids', () => {
    const ids = assignNoteIds(['acquiredfm.md', 'acquiredFM.md']);
    expect(ids.get('acquiredFM.md')).toBe('acquiredfm');
    expect(ids.get('acquiredfm.md')).toBe('acquiredfm~2');
  });

  it('does not depend on the order paths arrive in', () => {
    const paths = ['b.md', 'A.md', 'a.md', 'x/a.md', 'x.a.md'];
    const forward = assignNoteIds(paths);
    const backward = assignNoteIds([...paths].reverse());
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });

  it('does not renumber existing notes when a note with a non-Latin name is added', () => {
    const before = assignNoteIds(['中文.md', '日本語.md']);
    const after = assignNoteIds(['中文.md', '日本語.md', '한국어.md', 'Ωmega.md']);
    expect(after.get('中文.md')).toBe(before.get('中文.md'));
    expect(after.get('日本語.md')).toBe(before.get('日本語.md'));
  });

  it('respects ids already taken', () => {
    const taken = new Set(['note-a']);
    expect(assignNoteIds(['note a.md'], taken).get('note a.md')).toBe('note-a~2');
    expect(taken.has('note-a~2')).toBe(true);
  });
});

describe('claimId', () => {
  it('numbers collisions from 2 and records every claim', () => {
    const taken = new Set<string>();
    expect([claimId('a', taken), claimId('a', taken), claimId('a', taken)]).toEqual(['a', 'a~2', 'a~3']);
    expect([...taken].sort()).toEqual(['a', 'a~2', 'a~3']);
  });

  it('gives the first free suffix, as probing from 2 every time would, whatever was taken before', () => {
    const naive = (base: string, taken: Set<string>) => {
      let candidate = base;
      for (let n = 2; taken.has(candidate); n++) candidate = `${base}~${n}`;
      taken.add(candidate);
      return candidate;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'a~2', 'a~3', 'b~2'), { maxLength: 6 }), fc.array(fc.constantFrom('a', 'b'), { maxLength: 30 }), (preTaken, bases) => {
        const ours = new Set(preTaken);
        const theirs = new Set(preTaken);
        return bases.every((base) => claimId(base, ours) === naive(base, theirs));
      }),
    );
  });

  it('keeps 20,000 notes whose names differ only in case apart (probing every suffix from 2 took 30.8 s for these)', () => {
    const paths = Array.from({ length: 20_000 }, (_, i) => `${[...'abcdefghijklmno'].map((c, bit) => ((i >> bit) & 1 ? c.toUpperCase() : c)).join('')}.md`);
    const ids = assignNoteIds(paths);
    expect(new Set(ids.values()).size).toBe(20_000);
    expect([...ids.values()].filter((id) => id === 'abcdefghijklmno')).toHaveLength(1);
    expect(ids.get(paths[0]!)).toMatch(/^abcdefghijklmno(~\d+)?$/);
  });
});

describe('ghostBaseId', () => {
  it('gives one id to every spelling of the same missing name', () => {
    const id = ghostBaseId('AI alignment and safety');
    expect(id).toBe('ghost~ai-alignment-and-safety');
    expect(ghostBaseId('ai_alignment_and_safety')).toBe(id);
    expect(ghostBaseId('ai-alignment-and-safety')).toBe(id);
    expect(ghostBaseId('AI\u200b alignment and safety')).toBe(id);
  });

  it.each(['nowhere/Lost page', '<script>alert(1)</script>', '日本語', '', '   ', '#'])('%j is a URL-safe ghost id', (target) => {
    const id = ghostBaseId(target);
    expect(id.startsWith('ghost~')).toBe(true);
    expectUrlSafe(id);
  });

  it('never collides with a note id', () => {
    // Note ids are built from [a-z0-9._-] only; `~` appears in them only as a collision suffix.
    expect(baseIdFromPath('ghost~missing.md')).not.toBe(ghostBaseId('missing'));
  });
});

describe('names', () => {
  it.each([
    ['AI alignment and safety', 'ai_alignment_and_safety'],
    ['AI alignment and safety', 'ai-alignment-and-safety'],
    ['  AI  alignment__and--safety ', 'ai alignment and safety'],
    ['Caf\u00e9', 'Cafe\u0301'],
    ['Wide\u200bGap', 'widegap'],
    ['Wide\u2060Gap', 'WIDEGAP'],
    ['\u200eRTL mark', 'rtl mark'],
  ])('nameKey(%j) equals nameKey(%j)', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['alignment', 'alignments'],
    ['a/b', 'a b'],
    ['café', 'cafe'],
  ])('nameKey(%j) differs from nameKey(%j)', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('cleanName strips invisible format characters and composes to NFC', () => {
    expect(cleanName('Cafe\u0301\u200b\u200d\ufeff')).toBe('Caf\u00e9');
  });

  it('cleanName gives what NFC and stripping give, for any text (its ASCII shortcut changes nothing)', () => {
    const pieces = fc.constantFrom('a', 'Z', ' ', '~', '\t', '\n', '\u007f', 'e\u0301', '\u00e9', '\u200b', '\ufeff', '\u00ad', '\u212b', '\ud83d\ude00');
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(pieces).map((parts) => parts.join('')));
    fc.assert(fc.property(text, (value) => cleanName(value) === value.normalize('NFC').replace(/\p{Cf}/gu, '')));
  });

  it.each([
    ['a', true], ['a.b~2', true], ['ghost~x', true], ['0', true],
    ['', false], ['A', false], ['-a', false], ['.a', false], ['a b', false], ['a/b', false], ['a%20b', false],
    ['é', false], ['a'.repeat(300), true], ['a'.repeat(301), false],
  ])('isNoteId(%j) is %j', (value, expected) => {
    expect(isNoteId(value)).toBe(expected);
  });

  it('compares by code unit, not by locale', () => {
    expect(['b', 'B', 'a', 'é', 'Z'].sort(compareStrings)).toEqual(['B', 'Z', 'a', 'b', 'é']);
  });
});

describe('id properties', () => {
  const segment = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => !s.includes('/'));
  const notePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('/')}.md`);

  it('every assigned id is URL-safe, survives a URL hash, and is unique', () => {
    fc.assert(
      fc.property(fc.uniqueArray(notePath, { maxLength: 25 }), (paths) => {
        const ids = assignNoteIds(paths);
        expect(ids.size).toBe(paths.length);
        for (const id of ids.values()) expectUrlSafe(id);
        expect(new Set(ids.values()).size).toBe(paths.length);
      }),
      { numRuns: 300 },
    );
  });

  it('paths that differ only in case (or only in Unicode form) still get distinct ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(notePath, { maxLength: 10 }), (base) => {
        const paths = [...new Set(base.flatMap((p) => [p, p.toUpperCase(), p.toLowerCase(), p.normalize('NFD')]))];
        const ids = assignNoteIds(paths);
        expect(new Set(ids.values()).size).toBe(paths.length);
        for (const id of ids.values()) expectUrlSafe(id);
      }),
      { numRuns: 200 },
    );
  });

  it('ghost ids are URL-safe for any target text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (target) => {
        expectUrlSafe(ghostBaseId(target));
      }),
    );
  });
});
