import { describe, expect, it } from 'vitest';
import { fixtureBytes } from './__fixtures__/fixtureVault.ts';
import { decodeNote } from './decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codes = (result: ReturnType<typeof decodeNote>) => result.diagnostics.map((d) => d.code);

describe('decodeNote', () => {
  it.each([
    ['plain UTF-8', utf8('# Title\n\nBody é — “x”\n'), '# Title\n\nBody é — “x”\n'],
    ['a BOM', utf8('\ufeff---\ntitle: T\n---\nbody'), '---\ntitle: T\n---\nbody'],
    ['CRLF', utf8('a\r\nb\r\n'), 'a\nb\n'],
    ['CR only', utf8('a\rb\r\rc'), 'a\nb\n\nc'],
    ['mixed endings', utf8('a\r\nb\rc\nd'), 'a\nb\nc\nd'],
    ['an empty file', new Uint8Array(), ''],
  ])('reads %s without a warning', (_name, bytes, text) => {
    const result = decodeNote(bytes, 'n.md');
    expect(result.text).toBe(text);
    expect(result.diagnostics).toEqual([]);
  });

  it('strips only a leading BOM, not one in the middle of the text', () => {
    expect(decodeNote(utf8('\ufeffa\ufeffb'), 'n.md').text).toBe('a\ufeffb');
  });

  it('reads invalid UTF-8 as Windows-1252, including its punctuation in 0x80-0x9F, and warns', () => {
    const bytes = new Uint8Array([0x93, 0x51, 0x94, 0x20, 0x97, 0x20, 0x80, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x85, 0x99]);
    const result = decodeNote(bytes, 'cp.md');
    expect(result.text).toBe('“Q” — €5 café …™');
    expect(result.diagnostics).toEqual([
      { severity: 'warning', code: 'not-utf8', file: 'cp.md', message: expect.stringContaining('Windows-1252') },
    ]);
  });

  it('reads a file that mixes UTF-8 with stray Windows-1252 bytes as both', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('UTF-8 dash — here, '), 0x63, 0x61, 0x66, 0xe9]);
    const result = decodeNote(bytes, 'mixed.md');
    expect(result.text).toBe('UTF-8 dash — here, café');
    expect(codes(result)).toEqual(['not-utf8', 'mojibake-repaired']);
  });

  it('reads the fixture Windows-1252 note', async () => {
    const result = decodeNote(await fixtureBytes('encoding/windows-1252.md'), 'encoding/windows-1252.md');
    expect(result.text).toBe('# Café notes\n\n“Smart quotes” — and a price of €10, see [[Target]].\n');
    expect(codes(result)).toEqual(['not-utf8']);
  });

  it('repairs mojibake and warns once per file, naming the first line', async () => {
    const result = decodeNote(await fixtureBytes('encoding/mojibake.md'), 'encoding/mojibake.md');
    expect(result.text).toBe(
      '# Mojibake\n\nA dash that was mangled—twice — and a café and résumé.\nUntouched: plain ASCII -- and a real é and “quotes”.\n',
    );
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'mojibake-repaired', file: 'encoding/mojibake.md', line: 3 });
    expect(result.diagnostics[0]!.message).toMatch(/Repaired 5 mis-encoded characters/);
  });

  it('counts mojibake lines after normalising CR-only endings', () => {
    const result = decodeNote(utf8('one\rtwo\rthree â€” x'), 'cr.md');
    expect(result.text).toBe('one\ntwo\nthree — x');
    expect(result.diagnostics[0]).toMatchObject({ code: 'mojibake-repaired', line: 3 });
  });

  it('reads the BOM, CRLF and CR-only fixtures with LF endings', async () => {
    const bom = decodeNote(await fixtureBytes('encoding/bom.md'), 'bom.md').text;
    expect(bom.startsWith('---\ntitle: BOM note\n')).toBe(true);
    const crlf = decodeNote(await fixtureBytes('encoding/crlf.md'), 'crlf.md').text;
    expect(crlf).not.toContain('\r');
    expect(crlf.split('\n')).toHaveLength(8);
    const cr = decodeNote(await fixtureBytes('encoding/cr-only.md'), 'cr.md').text;
    expect(cr).toBe('---\ntitle: CR note\ntags: [old-mac]\n---\nFirst body line.\nSecond body line links [[Target]].\n');
  });
});
