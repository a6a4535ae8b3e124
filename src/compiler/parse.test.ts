import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from './__fixtures__/fixtureVault.ts';
import { decodeNote } from './decode.ts';
import { collapseWhitespace, isWordCharacter, MAX_RAW_HTML_TAGS, parseNote, type ParsedNote } from './parse.ts';

async function parseFixture(file: string): Promise<ParsedNote> {
  return parseNote(file, decodeNote(await fixtureBytes(file), file).text);
}
/** Each link as `target [#heading|^block] [|label] [!embed] @line`. */
const summary = (note: ParsedNote) =>
  note.links.map(({ link, line }) =>
    [
      link.target,
      link.heading ? `#${link.heading}` : '',
      link.block ? `#^${link.block}` : '',
      link.label ? `|${link.label}` : '',
      link.embed ? ' !embed' : '',
      ` @${line}`,
    ].join(''),
  );

describe('parseNote: title', () => {
  it.each([
    ['frontmatter title wins', 'a.md', '---\ntitle: From frontmatter\n---\n# From heading', 'From frontmatter'],
    ['then the first # heading', 'a.md', 'intro\n\n## Second level\n\n# First h1\n\n# Second h1', 'First h1'],
    ['a heading with a link shows its text', 'a.md', '# About [[Target|the target]] *now*', 'About the target now'],
    ['then the file name', 'folder/My note.md', 'no heading here', 'My note'],
    ['a blank title falls through', 'a.md', '---\ntitle: "  "\n---\n# Heading', 'Heading'],
    ['a numeric title is text', 'a.md', '---\ntitle: 2024\n---\n', '2024'],
    ['a note that is just "constructor"', 'cache/constructor.md', 'constructor', 'constructor'],
    ['a note that is just "__proto__"', 'cache/__proto__.md', '__proto__', '__proto__'],
  ])('%s', (_name, file, text, title) => {
    expect(parseNote(file, text).title).toBe(title);
  });

  it('keeps the body of a note whose whole text is "constructor"', async () => {
    expect((await parseFixture('cache/constructor.md')).html).toBe('<p>constructor</p>\n');
    expect((await parseFixture('cache/__proto__.md')).html).toBe('<p><strong>proto</strong></p>\n'); // CommonMark reads __x__ as bold
  });
});

describe('parseNote: links', () => {
  it('reads every wikilink form with its line', async () => {
    const note = await parseFixture('links/all-forms.md');
    expect(summary(note)).toEqual([
      'Target @3',
      'Target|Label one @3',
      'Target|Label two @3',
      'Target#Second heading @4',
      'Target#^para-1 @4',
      '#Local heading @5',
      'Target @6',
      'sub/Deep note @6',
      'Target !embed @9',
      // ![[diagram.png]] is an attachment, not a note
    ]);
  });

  it('reads [[t\\|Label]] in a table as one link, on its own line', async () => {
    expect(summary(await parseFixture('links/table.md'))).toEqual(['Target|In a table @5', 'Other note @6']);
  });

  it('counts nothing inside code spans, fenced or indented code', async () => {
    expect(summary(await parseFixture('links/code.md'))).toEqual(['Target @15']);
  });

  it('drops %% comments, inline and across lines, with the links inside them', async () => {
    const note = await parseFixture('links/comments.md');
    expect(summary(note)).toEqual(['Target @10']);
    expect(note.html).not.toMatch(/hidden|comment link|across lines/);
    expect(note.html).toContain('Visible text ');
    expect(note.html).toContain(' stays visible.');
    expect(note.html).toContain('<code>%% not a comment in code %%</code>');
    expect(note.html).toContain('<pre><code>printf(&quot;%d%%\\n&quot;, share); %% not a comment in indented code %%\n</code></pre>');
  });

  it('reads Markdown links to local notes, with their own line', async () => {
    const note = await parseFixture('links/markdown-links.md');
    expect(summary(note)).toEqual([
      'Other note @3',
      '../Other note @3',
      'Other note @3',
      'Target#Second heading @4',
      'Missing markdown note @4',
    ]);
    expect(note.external).toEqual([]);
  });

  it('gives a Markdown link a snippet around the link itself, as plain text', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const note = parseNote('a.md', `${filler}\nsecond line\nthird line with the [linked words](Target%20note.md) here`);
    expect(note.links[0]).toMatchObject({ line: 3, link: { target: 'Target note' } });
    expect(note.links[0]!.snippet).toContain('third line with the linked words here');
  });

  it('shows links in snippets as a reader sees them', () => {
    const note = parseNote('a.md', 'Before [[Target#Second heading]] and [[x|a label]] and [md](Other.md) after.');
    expect(note.links[0]!.snippet).toBe('Before Target › Second heading and a label and md after.');
  });

  it('makes a snippet one line of plain words: raw HTML, emphasis and runs of spaces, tabs and newlines go', () => {
    const note = parseNote('a.md', 'A <b>bold</b>\tclaim,  *stressed*\u00a0\u00a0and\n  continued [[Target]] __here__ \n');
    expect(note.links[0]!.snippet).toBe('A bold claim, stressed and continued Target here');
  });

  it('keeps underscores inside words and shows links cut off at the edge of a snippet as text', () => {
    // The snippet starts 90 characters before its link, inside the long link before it, and ends inside the next.
    const longTarget = 'reinforcement_learning_from_human_feedback_and_everything_that_came_after_it';
    const note = parseNote('a.md', `Read [[${longTarget} | RLHF notes]] and [[scaling_laws]] too ${'word '.repeat(30)}[[Another long note name]]`);
    const snippet = note.links[1]!.snippet;
    expect(snippet).toMatch(/^…RLHF notes and scaling_laws too word/);
    expect(snippet).toMatch(/word Another\b.*…$/);
    expect(snippet).not.toMatch(/\[\[|\]\]/);
  });

  it('starts and ends a cut snippet at whole words, never half of one', () => {
    const before = 'Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec';
    const after = 'romeo sierra tango uniform victor whiskey xray yankee zulu '.repeat(6);
    const note = parseNote('a.md', `${before} [[Target]] ${after}`);
    const snippet = note.links[0]!.snippet;
    const words = new Set(`${before} Target ${after}`.split(' '));
    const shown = snippet.replace(/^…|…$/g, '').split(' ');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    for (const word of shown) expect(words.has(word)).toBe(true);
    expect(snippet).toContain('quebec Target romeo');
  });

  it('collapses whitespace exactly as replacing every run with one space would', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '.'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(collapseWhitespace(sample)).toBe(sample.replace(/\s+/g, ' '));
      }),
    );
  });

  it('counts a character as part of a word exactly when Unicode calls it a letter or a number', () => {
    const unicode = /[\p{L}\p{N}]/u;
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (isWordCharacter(character) !== unicode.test(character)) differ.push(code);
    }
    expect(differ).toEqual([]);
    expect(isWordCharacter(undefined)).toBe(false);
  });

  it('makes wikilinks in frontmatter values (strings and lists) links, skipping attachments', async () => {
    const note = await parseFixture('frontmatter/full.md');
    expect(summary(note)).toEqual(['Other note @1', 'Target @1', 'Missing from frontmatter|Missing label @1']);
    expect(note.external).toEqual([{ url: 'https://example.net/fm', label: 'https://example.net/fm' }]);
  });

  it('lists external links: wikilink URLs and Markdown links, with their own labels', async () => {
    const note = await parseFixture('links/external.md');
    expect(note.links).toEqual([]);
    expect(note.external).toEqual([
      { url: 'https://example.org/page', label: 'https://example.org/page' },
      { url: 'https://example.org/other', label: 'Example site' },
      { url: 'https://example.com/docs', label: 'example' },
    ]);
  });

  it('never lists a script URL as an external link', () => {
    const note = parseNote('a.md', '[[javascript://%0aalert(1)]] [[vbscript://x | y]] [[data://text/html,x]]');
    expect(note.external).toEqual([]);
    expect(note.links).toEqual([]);
  });

  it.each([
    ['a Markdown link to a file', '[the paper](../attachments/paper.pdf)'],
    ['a Markdown link to a canvas', '[board](Board.canvas)'],
    ['a page anchor', '[top](#top)'],
    ['an embedded image', '![[diagram.png]] ![alt](pic.png)'],
    ['a mail link', '[mail](mailto:a@b.c)'],
  ])('does not make a note link of %s', (_name, text) => {
    expect(parseNote('a.md', text).links).toEqual([]);
  });

  it('counts line numbers from the top of the file, frontmatter included', () => {
    const note = parseNote('a.md', '---\ntitle: T\ntags: [x]\n---\n\nfirst [[A]]\n\n> [!info] Callout [[B]]\n> inside [[C]]\n\n- item [[D]]');
    expect(summary(note)).toEqual(['A @6', 'B @8', 'C @9', 'D @11']);
  });

  it('reads the seed-format note: person link, [[slug | Label]] links and the callout', async () => {
    const note = await parseFixture('episodes/raman_commons_and_shared_resources.md');
    expect(note.title).toBe('Raman on commons and shared resources');
    expect(note.meta).toEqual({ videoId: 'Qm7xT2pLk9A' });
    expect(summary(note)).toEqual([
      'PriyaRaman @6',
      'governing_the_commons|Governing the commons @7',
      'tragedy_of_the_commons_myths|Tragedy of the commons myths @11',
      'peer_monitoring_and_graduated_sanctions|Peer monitoring and graduated sanctions @15',
      'polycentric_governance|Polycentric governance @19',
      'open_source_sustainability|Open source sustainability @21',
      'design_principles_for_shared_resources|Design principles for shared resources @25',
    ]);
    expect(note.html).toContain('harder to cheat—a point'); // the mojibake was repaired
  });

  it('handles 10,000 links in one note', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `[[note ${i} | label ${i}]]`).join(' ');
    const note = parseNote('big.md', text);
    expect(note.links).toHaveLength(10_000);
    expect(note.links[9_999]!.link).toEqual({ target: 'note 9999', label: 'label 9999', embed: false, external: false });
  });
});

describe('parseNote: tags, aliases and metadata', () => {
  it('reads inline #tags by Obsidian rules, plus frontmatter tags', async () => {
    const note = await parseFixture('tags.md');
    expect(note.tags).toEqual(['CamelCase', 'alpha', 'from-frontmatter', 'hashed', 'nested/child', 'under_score']);
  });

  it.each([
    ['#123', []],
    ['#123abc #a1', ['123abc', 'a1']],
    ['#a/b/c', ['a/b/c']],
    ['#trailing/', ['trailing']],
    ['word#glued', []],
    ['# Heading', []],
    ['`#code`', []],
    ['(#paren)', []],
    ['#café #日本', ['café', '日本']],
    ['#tag, #tag.', ['tag']],
  ])('%j has tags %j', (text, tags) => {
    expect(parseNote('a.md', text).tags).toEqual(tags);
  });

  it.each([
    ['tags: "a, b #c"', ['a', 'b', 'c']],
    ['tags: [x, "#y", 42, 7z]', ['7z', 'x', 'y']],
    ['tags: [x, { no: 1 }, null]', ['x']],
    ['aliases: One', []],
  ])('frontmatter %j has tags %j', (yaml, tags) => {
    expect(parseNote('a.md', `---\n${yaml}\n---\n`).tags).toEqual(tags);
  });

  it('reads aliases from a string or a list', () => {
    expect(parseNote('a.md', '---\naliases: One\n---\n').aliases).toEqual(['One']);
    expect(parseNote('a.md', '---\naliases: [One, " Two ", 3, ""]\n---\n').aliases).toEqual(['One', 'Two', '3']);
  });

  it('keeps every frontmatter key except title, aliases and tags as metadata', async () => {
    const note = await parseFixture('frontmatter/full.md');
    expect(Object.keys(note.meta).sort()).toEqual(['cover', 'draft', 'nested', 'published', 'rating', 'related', 'see', 'videoId']);
    expect(note.aliases).toEqual(['Everything Note', 'All Keys']);
    expect(note.tags).toEqual(['frontmatter', 'meta/full']);
  });

  it('keeps a note with invalid frontmatter: body, heading title and links', async () => {
    const note = await parseFixture('frontmatter/invalid-yaml.md');
    expect(note.title).toBe('Broken YAML');
    expect(summary(note)).toEqual(['Target @8']);
    expect(note.diagnostics.map((d) => [d.code, d.line])).toEqual([['frontmatter-invalid', 4]]);
  });
});

describe('parseNote: pathological input', () => {
  it('parses a single 400,000-character line', () => {
    const line = 'word [[link]] #tag `code` *em* '.repeat(13_000).slice(0, 400_000);
    const note = parseNote('line.md', line);
    expect(note.links.length).toBeGreaterThan(12_000);
    expect(note.links.every((l) => l.line === 1)).toBe(true);
    expect(note.tags).toEqual(['tag']);
  });

  it('parses a line of 200,000 %% markers and backticks', () => {
    const note = parseNote('c.md', `${'%%a%%b'.repeat(70_000)} [[after]]`);
    expect(summary(note)).toEqual(['after @1']);
  });

  it.each([
    ['brackets', '['.repeat(200_000)],
    ['wikilink openers', '[['.repeat(100_000)],
    ['embed openers', '![['.repeat(60_000)],
    ['hashes', ' #'.repeat(200_000)],
    ['html openers', '<a '.repeat(60_000)],
    ['emphasis', '*a '.repeat(100_000)],
    ['backticks', '`'.repeat(100_000)],
  ])('survives a line of %s', (_name, text) => {
    const note = parseNote('p.md', text);
    expect(note.links).toEqual([]);
  });

  it('shows the HTML of a note with more raw tags than the sanitizer can take as text, and says so', () => {
    const nested = `Before [[Other]].\n\n${'<b>'.repeat(MAX_RAW_HTML_TAGS + 1)}\n\n<div class="x">block</div>\n`;
    const note = parseNote('dump.md', nested);
    expect(note.html).not.toMatch(/<b>|<div/);
    expect(note.html).toContain('&lt;b&gt;&lt;b&gt;');
    expect(note.html).toContain('<pre><code>&lt;div class=&quot;x&quot;&gt;block&lt;/div&gt;');
    expect(note.diagnostics).toEqual([expect.objectContaining({ code: 'too-much-html', file: 'dump.md' })]);
    expect(note.links.map((l) => l.link.target)).toEqual(['Other']); // the rest of the note is intact
  });

  it('keeps raw HTML as HTML up to that many tags', () => {
    const note = parseNote('ok.md', `${'<b>bold</b> '.repeat(1000)}\n`);
    expect(note.html.match(/<b>bold<\/b>/g)).toHaveLength(1000);
    expect(note.diagnostics).toEqual([]);
  });
});
