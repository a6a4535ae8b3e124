import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fastScansPlugin } from './fastScans.ts';
import { tagPlugin } from './tagRule.ts';
import { wikilinkPlugin } from './wikilinkRule.ts';

const plain = () => new MarkdownIt({ html: true }).use(wikilinkPlugin).use(tagPlugin);
const stock = plain();
const fast = plain().use(fastScansPlugin);

// Markdown's punctuation, our own syntax and ordinary text, so every rule gets its turn.
const piece = fc.constantFrom(
  ...'abc XY 12 é 中 \n\n \t ! # $ % & * + - : < = > @ [ \\ ] ^ _ ` { } ~ | ( ) " \' . , / ? ;'.split(' '),
  '[[Note]]', '[[a | b]]', '![[x]]', '#tag', '**b**', '_i_', '`c`', '[l](u)', '![i](p.png)', '<b>', '&amp;', '&#1;', '<http://x/%01>', '\\*', '- ', '> ', '# ',
  // Line ends and indents of every kind, for the line marks and normalize: CR, CRLF, NUL, tabs after spaces.
  '\r', '\r\n', '\0', '\n    ', '\n\t', '\n  \t', ' \t ', '\n   ', '\n> \t- ', '\n1. ', '\n```\n', '\n| a | b |\n|---|---|\n',
);
const markdownText = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

describe('fastScansPlugin', () => {
  it('gives the same tokens (with their line maps) as stock markdown-it for any text', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        expect(JSON.stringify(fast.parse(text, {}))).toBe(JSON.stringify(stock.parse(text, {})));
      }),
      { numRuns: 2000 },
    );
  });

  it('renders link labels and wikilink labels as markdown-it does', () => {
    const text = 'see [a label with words](target) and [[wiki link|its label]] after';
    expect(fast.render(text)).toBe(stock.render(text));
    expect(fast.render(text)).toContain('<a href="target">a label with words</a>');
  });

  it('takes a 400,000-character line of plain text as one run', () => {
    const line = 'word '.repeat(80_000);
    const inline = fast.parse(line, {})[1]!;
    expect(inline.children).toHaveLength(1);
    expect(inline.children![0]!.content).toBe(line.trim());
  });
});
