import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawLink } from './parse.ts';
import type { ReadResult } from './readNote.ts';
import { resultsFromWire, resultsToWire } from './resultWire.ts';
import type { Wikilink } from './wikilinks.ts';

/** A link as parse.ts makes one: optional fields absent, never undefined. */
const rawLink = fc
  .record({
    target: fc.string(),
    heading: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    block: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    label: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    embed: fc.boolean(),
    external: fc.boolean(),
    slot: fc.option(fc.nat(), { nil: undefined }),
    line: fc.nat(),
    snippet: fc.string(),
  })
  .map(({ target, heading, block, label, embed, external, slot, line, snippet }): RawLink => {
    const link: Wikilink = { target, embed, external };
    if (heading !== undefined) link.heading = heading;
    if (block !== undefined) link.block = block;
    if (label !== undefined) link.label = label;
    return slot === undefined ? { link, line, snippet } : { link, slot, line, snippet };
  });

const result = (links: RawLink[], html: string): ReadResult => ({
  diagnostics: [{ severity: 'warning', code: 'mojibake-repaired', file: 'a.md', message: 'repaired' }],
  note: { path: 'a.md', title: 'A', aliases: ['Alpha'], tags: ['t'], meta: { videoId: 'x', rating: 3 }, links, external: [{ url: 'https://a.example', label: 'a' }], html, diagnostics: [] },
});

describe('parse results sent from a worker', () => {
  it('arrive as they were made, links and all, with the HTML as UTF-8 bytes moved, not copied', () => {
    fc.assert(
      fc.property(fc.array(rawLink, { maxLength: 12 }), fc.string(), (links, html) => {
        const sent = [result(links, html), { diagnostics: [] }];
        const { wire, transfer } = resultsToWire(sent);
        expect(transfer).toHaveLength(1);
        const [arrived, unreadable] = resultsFromWire(structuredClone(wire, { transfer }));
        expect(transfer[0]!.byteLength).toBe(0); // moved to the receiver
        expect(new TextDecoder().decode(arrived!.note!.htmlUtf8)).toBe(html);
        // Exactly the same objects: no key added, none undefined where parse.ts left it out.
        expect({ ...arrived, note: { ...arrived!.note, htmlUtf8: undefined } }).toStrictEqual({ ...sent[0], note: { ...sent[0]!.note, html: '', htmlUtf8: undefined } });
        expect(unreadable).toStrictEqual({ diagnostics: [] });
      }),
    );
  });
});
