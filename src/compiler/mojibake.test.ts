import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAt, repairMojibake } from './mojibake.ts';

/** What a program does to `text` when it reads its UTF-8 bytes as Windows-1252. */
function mangle(text: string): string {
  const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  return [...new TextEncoder().encode(text)]
    .map((byte) => (byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80]! : String.fromCharCode(byte)))
    .join('');
}

describe('repairMojibake', () => {
  it.each([
    ['â€”', '—', 1],
    ['â€“', '–', 1],
    ['Ã©', 'é', 1],
    ['â€œquotedâ€\u009d', '“quoted”', 2],
    ['â€™', '’', 1],
    ['Ã¼ber', 'über', 1],
    ['Ã‰tÃ©', 'Été', 2],
    ['â‚¬5', '€5', 1],
    ['Â©', '©', 1],
    ['ðŸ˜€', '😀', 1],
    ['takeoverâ€”a scenario', 'takeover—a scenario', 1],
  ])('%j -> %j', (input, text, repairs) => {
    expect(repairMojibake(input)).toEqual({ text, repairs, firstLine: 1 });
  });

  it.each([
    'plain ASCII -- text',
    'café naïve résumé déjà Straße',
    '“smart” ‘quotes’ — and … €',
    'Ã alone, Â alone, and Ã followed by a space',
    'NÃO', // Portuguese capital A-tilde before a letter that is not a continuation byte
    '日本語のテキスト',
    '😀 emoji',
    '',
  ])('changes nothing in %j', (text) => {
    expect(repairMojibake(text)).toEqual({ text, repairs: 0 });
  });

  it('reports the count and the line of the first repair', () => {
    const result = repairMojibake('clean\nclean\nbad â€” here and Ã© there\nâ€” again');
    expect(result).toEqual({ text: 'clean\nclean\nbad — here and é there\n— again', repairs: 3, firstLine: 3 });
  });

  it('undoes the mangling of any text built from accented letters, punctuation and emoji', () => {
    const char = fc.constantFrom('a', ' ', '\n', 'é', 'ü', 'Ö', 'ñ', 'ç', '—', '–', '“', '”', '’', '…', '€', '™', '😀', '中', 'Ω');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        expect(repairMojibake(mangle(text)).text).toBe(text);
      }),
    );
  });

  it('leaves text that holds no possible lead byte exactly as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }).filter((s) => !/[\u00C2-\u00F4]/.test(s)), (text) => {
        expect(repairMojibake(text)).toEqual({ text, repairs: 0 });
      }),
    );
  });

  it('stays linear on a long line of lead bytes', () => {
    const text = 'Ã'.repeat(200_000) + 'â€'.repeat(100_000);
    expect(repairMojibake(text).repairs).toBe(0);
  });
});

describe('lineAt', () => {
  it.each([
    ['abc', 0, 1],
    ['a\nb\nc', 2, 2],
    ['a\nb\nc', 4, 3],
    ['\n\n\n', 3, 4],
  ])('lineAt(%j, %j) is %j', (text, index, line) => {
    expect(lineAt(text, index)).toBe(line);
  });
});
