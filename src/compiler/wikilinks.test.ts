import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayText, findWikilinks, isAttachment, matchWikilinkAt, parseWikilinkInner, replaceWikilinks, replaceWikilinksInExcerpt, type Wikilink,
} from './wikilinks.ts';

const link = (target: string, extra: Partial<Wikilink> = {}): Wikilink => ({ target, embed: false, external: false, ...extra });

describe('findWikilinks: every form', () => {
  it.each<[string, Wikilink[]]>([
    ['[[t]]', [link('t')]],
    ['[[t|Label]]', [link('t', { label: 'Label' })]],
    ['[[t | Label]]', [link('t', { label: 'Label' })]],
    ['[[  t  |  Label with  spaces  ]]', [link('t', { label: 'Label with  spaces' })]],
    ['[[t|a|b]]', [link('t', { label: 'a|b' })]],
    ['[[t\\|Label]]', [link('t', { label: 'Label' })]],
    ['[[t \\| Label]]', [link('t', { label: 'Label' })]],
    ['[[t|]]', [link('t')]],
    ['[[t#Heading]]', [link('t', { heading: 'Heading' })]],
    ['[[t # Heading with words ]]', [link('t', { heading: 'Heading with words' })]],
    ['[[t#^block-1]]', [link('t', { block: 'block-1' })]],
    ['[[#Heading]]', [link('', { heading: 'Heading' })]],
    ['[[#^block]]', [link('', { block: 'block' })]],
    ['[[t#Heading|Label]]', [link('t', { heading: 'Heading', label: 'Label' })]],
    ['[[t.md]]', [link('t')]],
    ['[[t.MD|L]]', [link('t', { label: 'L' })]],
    ['[[t.md#H]]', [link('t', { heading: 'H' })]],
    ['[[folder/t]]', [link('folder/t')]],
    ['[[folder/sub/t.md]]', [link('folder/sub/t')]],
    ['![[t]]', [link('t', { embed: true })]],
    ['![[diagram.png|300]]', [link('diagram.png', { embed: true, label: '300' })]],
    ['[[https://example.org/a?b=c#d]]', [link('https://example.org/a?b=c#d', { external: true })]],
    ['[[https://example.org | Example]]', [link('https://example.org', { external: true, label: 'Example' })]],
    ['[[ai_alignment_and_safety | AI alignment and safety]]', [link('ai_alignment_and_safety', { label: 'AI alignment and safety' })]],
    ['[[a]] and [[b|B]] then ![[c]]', [link('a'), link('b', { label: 'B' }), link('c', { embed: true })]],
    ['[[a]][[b]]', [link('a'), link('b')]],
    ['[[[a]]]', [link('a')]],
  ])('%j', (text, expected) => {
    expect(findWikilinks(text)).toEqual(expected);
  });

  it.each(['', 'no links', '[single]', '[[]]', '[[ ]]', '[[|label]]', '[[#]]', '[[unclosed', 'closed]]', '[[a\nb]]', '[[a]b]]', '[ [a] ]'])(
    'finds nothing in %j',
    (text) => {
      expect(findWikilinks(text)).toEqual([]);
    },
  );

  it('treats only scheme://… as external; a bare javascript: target is a note name', () => {
    expect(parseWikilinkInner('javascript:alert(1)')).toEqual(link('javascript:alert(1)'));
    expect(parseWikilinkInner('mailto:a@b.c')).toEqual(link('mailto:a@b.c'));
    expect(parseWikilinkInner('ftp://x.y')).toEqual(link('ftp://x.y', { external: true }));
  });
});

describe('matchWikilinkAt', () => {
  it('matches only at the given position and reports the end', () => {
    const text = 'see [[a|b]] and ![[c]]';
    expect(matchWikilinkAt(text, 0)).toBeUndefined();
    expect(matchWikilinkAt(text, 4)).toEqual({ link: link('a', { label: 'b' }), end: 11 });
    expect(matchWikilinkAt(text, 16)).toEqual({ link: link('c', { embed: true }), end: 22 });
    expect(matchWikilinkAt(text, 17)).toEqual({ link: link('c'), end: 22 });
  });

  it('does not match an empty link', () => {
    expect(matchWikilinkAt('[[ | x ]]', 0)).toBeUndefined();
  });
});

describe('displayText', () => {
  it.each<[Wikilink, string]>([
    [link('t'), 't'],
    [link('t', { label: 'L' }), 'L'],
    [link('t', { heading: 'H' }), 't › H'],
    [link('t', { block: 'b' }), 't › ^b'],
    [link('', { heading: 'H' }), 'H'],
    [link('t', { heading: 'H', label: 'L' }), 'L'],
  ])('%j shows %j', (value, text) => {
    expect(displayText(value)).toBe(text);
  });
});

describe('replaceWikilinks', () => {
  it('replaces each link and leaves look-alikes alone', () => {
    expect(replaceWikilinks('a [[t#H]] b ![[x|X]] c [[ ]] d [[t\\|L]]', displayText)).toBe('a t › H b X c [[ ]] d L');
    expect(replaceWikilinks('no links', () => 'never')).toBe('no links');
  });

  it('finds exactly what the wikilink regular expression finds, in any text', () => {
    // The syntax as the module documents it, matched the slow way: the reference for its hand-written scan.
    const pattern = /(!?)\[\[([^[\]\n]{1,2000}?)\]\]/g;
    const shown = (l: Wikilink) => `<${l.embed ? '!' : ''}${l.target}|${l.heading ?? ''}|${l.label ?? ''}>`;
    const reference = (text: string) =>
      text.replace(pattern, (whole: string, bang: string, inner: string) => {
        const parsed = parseWikilinkInner(inner, bang === '!');
        return parsed ? shown(parsed) : whole;
      });
    const piece = fc.oneof(
      fc.constantFrom('[[', ']]', '[', ']', '!', '![[', '\n', ' ', 'a', 'b', '|', '#', '^', '\\', '.md', 'https://x', '#h', 'é', '🦀'),
      fc.integer({ min: 1990, max: 2010 }).map((n) => 'x'.repeat(n)), // at and past the longest inside
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(replaceWikilinks(text, shown)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('in an excerpt, also replaces a link cut off at either end by what a reader sees of it', () => {
    expect(replaceWikilinksInExcerpt('ment learning]] and [[a|A]] then [[Other no', displayText)).toBe('ment learning and A then Other no');
    expect(replaceWikilinksInExcerpt('long target|its label]] and ![[emb', displayText)).toBe('its label and emb');
    expect(replaceWikilinksInExcerpt('x [b] ]] y', displayText)).toBe('x [b] ]] y'); // not a cut link: a bracket before it
    expect(replaceWikilinksInExcerpt('a [[ ', displayText)).toBe('a [[ '); // names nothing
  });
});

describe('isAttachment', () => {
  it.each([
    ['diagram.png', true], ['paper.PDF', true], ['board.canvas', true], ['clip.mp4', true],
    ['note', false], ['v1.2 release', false], ['notes.md', false], ['a.b', false], ['archive.tar.zip', true],
  ])('%j -> %j', (target, expected) => {
    expect(isAttachment(target)).toBe(expected);
  });
});

describe('wikilink properties', () => {
  /** Text a person can put in a link: no brackets, pipes, newlines, `#` or backslash. */
  const part = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => !/[[\]|\n#\\]/.test(s));
  const target = part.filter((s) => s.trim() !== '' && !/\.md\s*$/i.test(s) && !/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(s));

  it('any target and label round-trip through [[t | l]], [[t|l]] and [[t]]', () => {
    fc.assert(
      fc.property(target, part, (t, l) => {
        const label = l.trim() || undefined;
        const expected = label ? link(t.trim(), { label }) : link(t.trim());
        expect(findWikilinks(`[[${t} | ${l}]]`)).toEqual([expected]);
        expect(findWikilinks(`[[${t}|${l}]]`)).toEqual([expected]);
        expect(findWikilinks(`[[${t}]]`)).toEqual([link(t.trim())]);
        expect(findWikilinks(`![[${t}]]`)).toEqual([link(t.trim(), { embed: true })]);
      }),
      { numRuns: 500 },
    );
  });

  it('any heading round-trips through [[t#h]]', () => {
    fc.assert(
      fc.property(target, part.filter((s) => s.trim() !== '' && !s.trim().startsWith('^')), (t, h) => {
        expect(findWikilinks(`[[${t}#${h}]]`)).toEqual([link(t.trim(), { heading: h.trim() })]);
      }),
    );
  });

  it('never throws, and never returns a target holding brackets or a newline', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const found of findWikilinks(text)) {
          expect(found.target).not.toMatch(/[[\]\n]/);
          expect(found.target.length + (found.heading?.length ?? 0) + (found.block?.length ?? 0)).toBeGreaterThan(0);
        }
        parseWikilinkInner(text);
        for (let pos = 0; pos < Math.min(text.length, 20); pos++) matchWikilinkAt(text, pos);
      }),
      { numRuns: 500 },
    );
  });

  it('finds exactly the links embedded in any surrounding text', () => {
    const filler = fc.string({ maxLength: 30 }).filter((s) => !/[[\]!]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, target, fc.option(part, { nil: undefined }), fc.boolean()), { maxLength: 12 }), filler, (pieces, tail) => {
        const text = pieces.map(([before, t, l, embed]) => `${before}${embed ? '!' : ''}[[${t}${l === undefined ? '' : ` | ${l}`}]]`).join('') + tail;
        const expected = pieces.map(([, t, l, embed]) => {
          const label = l?.trim() || undefined;
          return link(t.trim(), { embed, ...(label ? { label } : {}) });
        });
        expect(findWikilinks(text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast and correct on pathological bracket runs', () => {
    expect(findWikilinks('[['.repeat(200_000))).toEqual([]);
    expect(findWikilinks(`[[${'a'.repeat(400_000)}`)).toEqual([]);
    expect(findWikilinks(`[[${'a'.repeat(5000)}]]`)).toEqual([]); // longer than any real link: not a link
    expect(findWikilinks('[[a]] '.repeat(10_000))).toHaveLength(10_000);
  });
});
