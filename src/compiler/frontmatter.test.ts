import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureBytes, fixtureText } from './__fixtures__/fixtureVault.ts';
import { decodeNote } from './decode.ts';
import { readFrontmatter } from './frontmatter.ts';

const globals = globalThis as { __atlasFrontmatterRan?: number };
afterEach(() => {
  delete globals.__atlasFrontmatterRan;
});

const codes = (result: ReturnType<typeof readFrontmatter>) => result.diagnostics.map((d) => d.code);

describe('readFrontmatter', () => {
  it('reads title, aliases, tags and keeps every other key', async () => {
    const result = readFrontmatter(await fixtureText('frontmatter/full.md'), 'frontmatter/full.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.data).toEqual({
      title: 'Everything in frontmatter',
      aliases: ['Everything Note', 'All Keys'],
      tags: ['meta/full', '#frontmatter'],
      videoId: 'dQw4w9WgXcQ',
      rating: 4.5,
      draft: false,
      published: '2024-03-01',
      nested: { speaker: 'Priya Raman', minutes: [12, 34] },
      related: '[[Other note]]',
      see: ['[[Target]]', '[[Missing from frontmatter|Missing label]]', '[[https://example.net/fm]]'],
      cover: '[[diagram.png]]',
    });
    expect(result.body).toBe('# A heading that is not the title\n\nBody text.\n');
    expect(result.bodyLineOffset).toBe(20);
  });

  it('returns text without frontmatter untouched', () => {
    expect(readFrontmatter('# Just a note\n\n---\n\nafter a rule', 'n.md')).toEqual({
      data: {}, body: '# Just a note\n\n---\n\nafter a rule', bodyLineOffset: 0, diagnostics: [],
    });
  });

  it('does not take a thematic break (----) for frontmatter', () => {
    expect(readFrontmatter('----\ntitle: x\n----\nbody', 'n.md')).toMatchObject({ data: {}, body: '----\ntitle: x\n----\nbody', diagnostics: [] });
  });

  it('reads empty frontmatter as no data', () => {
    expect(readFrontmatter('---\n---\nbody', 'n.md')).toMatchObject({ data: {}, body: 'body', bodyLineOffset: 2, diagnostics: [] });
  });

  it('warns about invalid YAML with the file and the line, and keeps the body', async () => {
    const result = readFrontmatter(await fixtureText('frontmatter/invalid-yaml.md'), 'frontmatter/invalid-yaml.md');
    expect(result.data).toEqual({});
    expect(result.body).toBe('# Broken YAML\n\nThe body survives, with its link to [[Target]].\n');
    expect(result.bodyLineOffset).toBe(5);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning', code: 'frontmatter-invalid', file: 'frontmatter/invalid-yaml.md', line: 4,
        message: expect.stringMatching(/^Invalid YAML in frontmatter: .*quote/),
      },
    ]);
  });

  it.each([
    ['---\ntitle: x\nbad: [unclosed\nnext: 1\n---\nb', 3, 4],
    ['---\n# a YAML comment\n\ntitle: x\nkey: : value\n---\nb', 5, 5],
    ['---\ntitle: x\n\tindented: with a tab\n---\nb', 3, 3],
    ['---\nok: 1\nok2: 2\nok3: 3\nok4: 4\n"unterminated: 5\n---\nb', 6, 6],
  ])('names the line of the YAML error in %j', (text, from, to) => {
    const [diagnostic] = readFrontmatter(text, 'n.md').diagnostics;
    expect(diagnostic?.code).toBe('frontmatter-invalid');
    expect(diagnostic?.line).toBeGreaterThanOrEqual(from);
    expect(diagnostic?.line).toBeLessThanOrEqual(to);
  });

  it.each([
    ['a list', 'frontmatter/list.md', '# List frontmatter\n\nBody kept.\n'],
    ['a scalar', 'frontmatter/scalar.md', 'Scalar frontmatter body kept.\n'],
  ])('treats %s as invalid frontmatter: warns and keeps the body', async (_kind, file, body) => {
    const result = readFrontmatter(await fixtureText(file), file);
    expect(result.data).toEqual({});
    expect(result.body).toBe(body);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'frontmatter-not-mapping', file, line: 2 })]);
  });

  describe('never runs code', () => {
    it('the fixtures really are code that gray-matter would run by default', async () => {
      // Control: without our options gray-matter evaluates `---js` frontmatter. This proves the fixtures bite.
      const text = await fixtureText('frontmatter/js.md');
      const parsed = matter(`${text}\n<!-- ${Math.random()} -->`); // unique content, so its cache cannot answer
      expect(parsed.data).toEqual({ title: 'pwned js' });
      expect(globals.__atlasFrontmatterRan).toBe(1);
    });

    it.each(['frontmatter/js.md', 'frontmatter/JavaScript.md', 'frontmatter/space-js.md'])('%s is ignored, with a warning, and never run', async (file) => {
      const result = readFrontmatter(await fixtureText(file), file);
      expect(globals.__atlasFrontmatterRan).toBeUndefined();
      expect(result.data).toEqual({});
      expect(result.body).toMatch(/^# .*frontmatter\n\nBody after/);
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'frontmatter-language', file, line: 1 })]);
    });

    const payload = '{ title: (globalThis.__atlasFrontmatterRan = 1, "ran") }';
    it.each([
      'js', 'JS', 'javascript', 'JavaScript', ' js', '\tjs', 'js ', ' JavaScript ', 'coffee', 'coffeescript', 'cson', 'json', 'toml', 'JSON',
    ])('frontmatter fenced as ---%s is refused', (language) => {
      const result = readFrontmatter(`---${language}\n${payload}\n---\nbody`, 'n.md');
      expect(globals.__atlasFrontmatterRan).toBeUndefined();
      expect(result.data).toEqual({});
      expect(result.body).toBe('body');
      expect(codes(result)).toEqual(['frontmatter-language']);
    });

    it('refuses a language fence that only gray-matter would see (no newline after it)', () => {
      const result = readFrontmatter(`---js ${payload}`, 'n.md');
      expect(globals.__atlasFrontmatterRan).toBeUndefined();
      expect(result.data).toEqual({});
      expect(result.diagnostics).toHaveLength(1);
    });

    it('accepts a fence that names YAML', () => {
      expect(readFrontmatter('---yaml\ntitle: y\n---\nb', 'n.md')).toMatchObject({ data: { title: 'y' }, body: 'b', diagnostics: [] });
      expect(readFrontmatter('---YML\ntitle: y\n---\nb', 'n.md')).toMatchObject({ data: { title: 'y' }, body: 'b', diagnostics: [] });
    });

    it('does not evaluate YAML tags that construct functions or objects', () => {
      const result = readFrontmatter('---\na: !!js/function "function () { globalThis.__atlasFrontmatterRan = 1 }"\nb: !!js/regexp /x/\n---\nb', 'n.md');
      expect(globals.__atlasFrontmatterRan).toBeUndefined();
      for (const value of Object.values(result.data)) expect(['string', 'object']).toContain(typeof value);
      expect(result.body).toBe('b');
    });
  });

  describe("gray-matter's content cache is bypassed", () => {
    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a note whose whole text is %j keeps its text', (text) => {
      const result = readFrontmatter(text, 'n.md');
      expect(result).toEqual({ data: {}, body: text, bodyLineOffset: 0, diagnostics: [] });
    });

    it('two byte-identical invalid notes both warn', async () => {
      const twinA = await fixtureText('cache/twin-a.md');
      const twinB = await fixtureText('cache/twin-b.md');
      expect(twinA).toBe(twinB);
      expect(codes(readFrontmatter(twinA, 'cache/twin-a.md'))).toEqual(['frontmatter-invalid']);
      expect(codes(readFrontmatter(twinB, 'cache/twin-b.md'))).toEqual(['frontmatter-invalid']);
      expect(readFrontmatter(twinB, 'cache/twin-b.md').diagnostics[0]!.file).toBe('cache/twin-b.md');
    });

    it('two byte-identical valid notes never share or mutate one result', async () => {
      const text = await fixtureText('cache/same-a.md');
      const first = readFrontmatter(text, 'cache/same-a.md');
      const second = readFrontmatter(text, 'cache/same-b.md');
      expect(second.data).not.toBe(first.data);
      first.data.title = 'mutated';
      expect(second.data.title).toBe('Same bytes');
      expect(readFrontmatter(text, 'cache/same-a.md').data.title).toBe('Same bytes');
    });
  });

  it('keeps the body of a CR-only file once its line endings are normalised', async () => {
    const text = decodeNote(await fixtureBytes('encoding/cr-only.md'), 'encoding/cr-only.md').text;
    const result = readFrontmatter(text, 'encoding/cr-only.md');
    expect(result.data).toEqual({ title: 'CR note', tags: ['old-mac'] });
    expect(result.body).toBe('First body line.\nSecond body line links [[Target]].\n');
  });

  describe('YAML anchors', () => {
    it('drops a cyclic alias with a warning, keeping the rest JSON-safe', async () => {
      const result = readFrontmatter(await fixtureText('frontmatter/alias-cycle.md'), 'frontmatter/alias-cycle.md');
      expect(result.data.title).toBe('Alias cycle');
      expect(() => JSON.stringify(result.data)).not.toThrow();
      expect(result.body).toBe('Body after a cyclic anchor.\n');
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'frontmatter-capped', file: 'frontmatter/alias-cycle.md' })]);
    });

    it('refuses a billion-laughs alias bomb with a warning and keeps the body', async () => {
      const result = readFrontmatter(await fixtureText('frontmatter/billion-laughs.md'), 'frontmatter/billion-laughs.md');
      expect(result.data).toEqual({});
      expect(result.body).toBe('Body after the bomb.\n');
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'frontmatter-alias-bomb', file: 'frontmatter/billion-laughs.md' })]);
    });

    it('caps a wide alias expansion that stays under the alias limit', () => {
      const items = Array.from({ length: 500 }, (_, i) => `i${i}`).join(', ');
      const refs = Array.from({ length: 60 }, () => '*a').join(', ');
      const result = readFrontmatter(`---\na: &a [${items}]\nb: [${refs}]\n---\nbody`, 'n.md');
      expect(result.body).toBe('body');
      expect(result.diagnostics).toHaveLength(1);
      expect(JSON.stringify(result.data).length).toBeLessThan(200_000);
    });

    it('keeps a harmless shared anchor', () => {
      const result = readFrontmatter('---\nbase: &b { x: 1 }\ncopy: *b\n---\n', 'n.md');
      expect(result.data).toEqual({ base: { x: 1 }, copy: { x: 1 } });
      expect(result.diagnostics).toEqual([]);
    });

    it('caps values nested too deeply', () => {
      const deep = `${'['.repeat(40)}1${']'.repeat(40)}`;
      const result = readFrontmatter(`---\ntitle: Deep\nd: ${deep}\n---\n`, 'n.md');
      expect(result.data.title).toBe('Deep');
      expect(codes(result)).toEqual(['frontmatter-capped']);
    });
  });

  it('ignores a __proto__ key instead of polluting prototypes', () => {
    const result = readFrontmatter('---\n__proto__: { polluted: true }\nnested: { __proto__: { polluted: true } }\nok: 1\n---\n', 'n.md');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(result.data)).toEqual(['nested', 'ok']);
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect((result.data as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
