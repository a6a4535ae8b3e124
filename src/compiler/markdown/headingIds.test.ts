import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdown } from './index.ts';
import { headingSlug } from './headingSlug.ts';

const idsOf = (text: string): string[] => [...markdown.render(text).matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]!);

describe('heading ids', () => {
  it('numbers repeated headings from 1, as the links to them expect', () => {
    expect(idsOf('# Notes\n\n## Notes\n\n### Notes\n')).toEqual(['h-notes', 'h-notes-1', 'h-notes-2']);
  });

  it('never gives out an id twice, even where a heading is literally named like a repeat', () => {
    expect(idsOf('## Step\n\n## Step 1\n\n## Step\n\n## Step\n')).toEqual(['h-step', 'h-step-1', 'h-step-2', 'h-step-3']);
    expect(idsOf('## Step 1\n\n## Step\n\n## Step\n')).toEqual(['h-step-1', 'h-step', 'h-step-2']);
  });

  it('reads a heading by its words and code, not by a link label inside it', () => {
    expect(idsOf('## Why `fold` matters [[Other | see]]\n')).toEqual(['h-why-fold-matters']);
  });

  it('gives 20,000 headings of one name 20,000 ids (a generated log note; this once took 21 s)', () => {
    const ids = idsOf('## Entry\n\ntext\n\n'.repeat(20_000));
    expect(ids).toHaveLength(20_000);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.at(-1)).toBe('h-entry-19999');
  });
});

describe('headingSlug', () => {
  const unicodeSlug = (heading: string) =>
    `h-${heading.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80)}`;

  it('drops accents and joins words with hyphens', () => {
    expect(headingSlug('Café au lait')).toBe('h-cafe-au-lait');
    expect(headingSlug('  Ünïcode & Friends! ')).toBe('h-unicode-friends');
    expect(headingSlug('日本語 の 見出し')).toBe('h-日本語-の-見出し');
  });

  it('gives plain ASCII headings the same slug its quick path skips the Unicode passes for', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 120 }), (heading) => headingSlug(heading) === unicodeSlug(heading)));
  });
});
