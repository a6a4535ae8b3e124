import { describe, expect, it } from 'vitest';
import { fixtureBytes } from './__fixtures__/fixtureVault.ts';
import { executableVectors } from './__fixtures__/htmlSafety.ts';
import { decodeNote } from './decode.ts';
import { RESERVED, type ResolvedTarget } from './markdown/env.ts';
import { renderNote } from './render.ts';

const TARGETS = new Map<string, ResolvedTarget>([
  ['Target', { id: 'links.target', title: 'Target', ghost: false }],
  ['Other note', { id: 'other-note', title: 'Other note', ghost: false }],
  ['Missing idea', { id: 'ghost~missing-idea', title: 'Missing idea', ghost: true }],
  ['', { id: 'self', title: 'Self', ghost: false }],
]);
const render = (markdown: string) => renderNote(markdown, TARGETS);

async function renderFixture(file: string): Promise<string> {
  return renderNote(decodeNote(await fixtureBytes(file), file).text, TARGETS, file);
}

describe('renderNote: links', () => {
  it.each([
    ['[[Target]]', '<a class="wikilink" href="#/note/links.target" data-note-id="links.target">Target</a>'],
    ['[[Target | Shown]]', '<a class="wikilink" href="#/note/links.target" data-note-id="links.target">Shown</a>'],
    ['[[Target#Second heading]]', '<a class="wikilink" href="#/note/links.target" data-note-id="links.target" data-heading="h-second-heading">Target › Second heading</a>'],
    ['[[#Local]]', '<a class="wikilink" href="#/note/self" data-note-id="self" data-heading="h-local">Local</a>'],
    ['![[Target]]', '<a class="wikilink embed" href="#/note/links.target" data-note-id="links.target">Target</a>'],
    ['[[Missing idea]]', '<a class="wikilink ghost" href="#/note/ghost~missing-idea" data-note-id="ghost~missing-idea" title="This note does not exist yet">Missing idea</a>'],
    ['![[diagram.png]]', '<span class="attachment">diagram.png</span>'],
    ['[[https://example.org | Example]]', '<a class="external" href="https://example.org" rel="noopener noreferrer" target="_blank">Example</a>'],
    ['[x](Other%20note.md)', '<a class="wikilink" href="#/note/other-note" data-note-id="other-note">x</a>'],
    ['[x](Target.md#Second%20heading)', '<a class="wikilink" href="#/note/links.target" data-note-id="links.target" data-heading="h-second-heading">x</a>'],
    ['[site](https://example.com)', '<a href="https://example.com" class="external" rel="noopener noreferrer" target="_blank">site</a>'],
    ['[[Unknown to this table]]', 'Unknown to this table'],
  ])('%s', (markdown, html) => {
    expect(render(markdown)).toBe(`<p>${html}</p>\n`);
  });

  it('renders [[t\\|Label]] inside a table as one link in one cell', async () => {
    const html = await renderFixture('links/table.md');
    expect(html).toContain('<td><a class="wikilink" href="#/note/links.target" data-note-id="links.target">In a table</a></td>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it('leaves links in code as code text', async () => {
    const html = await renderFixture('links/code.md');
    expect(html).toContain('<code>[[Code span link]]</code>');
    expect(html).toContain('[[Fenced link]]');
    expect(html).toContain('[[Indented code link]]');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('does not render %% comments', async () => {
    const html = await renderFixture('links/comments.md');
    expect(html).not.toMatch(/hidden|comment link|across lines/);
    expect(html).toContain('Visible text');
    expect(html).toContain('<code>%% not a comment in code %%</code>');
  });
});

describe('renderNote: notes without raw HTML skip the sanitizer, so the renderer allowlists schemes', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x](JaVaScRiPt&#58;alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '![x](javascript:alert(1))',
    '[x](//evil.example/path)',
    '[[javascript://%0aalert(1) | label]]',
    '<javascript:alert(1)>',
  ])('%s', (markdown) => {
    const html = render(markdown);
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data:text)/i);
    expect(html).not.toMatch(/src="\s*javascript/i);
    expect(html).not.toContain('href="//evil');
    expect(executableVectors(html)).toEqual([]);
  });
});

describe('renderNote: link slots', () => {
  it('a note cannot forge a slot to inject a link', () => {
    const html = render('Forged \x010\x02 and <a href="\x030\x02">x</a>, real [[Target]]');
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toContain('Forged \uFFFD0\uFFFD');
    expect(html).not.toMatch(new RegExp(RESERVED.source));
    expect(html).toContain('<a class="wikilink" href="#/note/links.target" data-note-id="links.target">Target</a>');
  });

  // Each spells slot 0 in a form that is decoded after the note's text was cleaned.
  it.each([
    ['character references in Markdown', '&#1;0&#2; and &#x1;0&#x2;'],
    ['character references in raw HTML', '<span title="&#1;0&#2;">&#1;0&#2;</span>'],
    ['percent-escapes in an autolink', '<http://example.com/%010%02>'],
    ['percent-escapes in a Markdown link', '[x](http://example.com/%010%02) ![y](%030%02)'],
    ['a fence info string', '```&#1;0&#2;\ncode\n```'],
  ])('a note cannot forge a slot with %s', (_form, forged) => {
    const html = render(`${forged}\n\nreal [[Target]]`);
    expect(html.match(/<a [^>]*data-note-id/g)).toHaveLength(1);
    expect(html).not.toMatch(new RegExp(RESERVED.source));
  });
});

describe('renderNote: Markdown', () => {
  it('renders GFM tables with alignment, and task lists as disabled checkboxes', () => {
    const html = render('| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [ ] todo\n- [x] done');
    expect(html).toContain('<th style="text-align:center">a</th>');
    expect(html).toContain('<td style="text-align:right">2</td>');
    // Without raw HTML the note skips the sanitizer, so attribute order and spelling may differ; the meaning may not.
    const boxes = [...html.matchAll(/<input ([^>]*)>\s*(todo|done)/g)].map(([, attrs, label]) => ({ label, checked: /checked/.test(attrs!), disabled: /disabled/.test(attrs!), checkbox: /type="checkbox"/.test(attrs!) }));
    expect(boxes).toEqual([
      { label: 'todo', checked: false, disabled: true, checkbox: true },
      { label: 'done', checked: true, disabled: true, checkbox: true },
    ]);
  });

  it('gives headings prefixed anchors', () => {
    expect(render('## Second heading\n\n# Café au lait')).toBe('<h2 id="h-second-heading">Second heading</h2>\n<h1 id="h-cafe-au-lait">Café au lait</h1>\n');
  });

  it.each([
    ['> [!info] Takeaway\n> Body text', '<div class="callout" data-callout="info">\n<div class="callout-title">Takeaway</div>\n<div class="callout-content">\n<p>Body text</p>\n</div>\n</div>\n'],
    ['> [!warning]- Folded\n> hidden', '<details class="callout" data-callout="warning">\n<summary class="callout-title">Folded</summary>\n<div class="callout-content">\n<p>hidden</p>\n</div>\n</details>\n'],
    ['> [!TIP]+\n> open', '<details class="callout" data-callout="tip" open>\n<summary class="callout-title">Tip</summary>\n<div class="callout-content">\n<p>open</p>\n</div>\n</details>\n'],
    ['> plain quote', '<blockquote>\n<p>plain quote</p>\n</blockquote>\n'],
  ])('renders the callout %j', (markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it('renders the seed-format note: person link, <br/>, ghost links, callout and repaired dash', async () => {
    const targets = new Map<string, ResolvedTarget>([
      ['PriyaRaman', { id: 'people.priyaraman', title: 'Priya Raman', ghost: false }],
      ['governing_the_commons', { id: 'ghost~governing-the-commons', title: 'Governing the commons', ghost: true }],
      ['design_principles_for_shared_resources', { id: 'ghost~design-principles-for-shared-resources', title: 'Design principles', ghost: true }],
    ]);
    const file = 'episodes/raman_commons_and_shared_resources.md';
    const html = renderNote(decodeNote(await fixtureBytes(file), file).text, targets, file);
    expect(html).toMatch(/^<p>From: <a class="wikilink" href="#\/note\/people.priyaraman" data-note-id="people.priyaraman">PriyaRaman<\/a> <br ?\/>\n/);
    expect(html).toContain('<a class="wikilink ghost" href="#/note/ghost~governing-the-commons" data-note-id="ghost~governing-the-commons" title="This note does not exist yet">Governing the commons</a>');
    expect(html).toContain('<div class="callout" data-callout="info">\n<div class="callout-title">Takeaway</div>');
    expect(html).toContain('ghost~design-principles-for-shared-resources');
    expect(html).toContain('harder to cheat—a point');
    expect(html).not.toContain('videoId');
  });

  it('renders a 1 MB note and a 400,000-character line', () => {
    const big = 'A paragraph with **bold**, `code`, [[Target]] and a #tag.\n\n'.repeat(18_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const html = render(big);
    expect(html.match(/<p>/g)).toHaveLength(18_000);
    const line = 'words [[Target]] more words '.repeat(14_300).slice(0, 400_000);
    expect(render(line).match(/data-note-id="links.target"/g)!.length).toBeGreaterThan(14_000);
  });
});

describe('renderNote: no note can run code', () => {
  it.each(['xss/payloads.md', 'xss/labels.md', 'xss/frontmatter.md'])('%s renders without an executable vector', async (file) => {
    const html = await renderFixture(file);
    expect(executableVectors(html)).toEqual([]);
  });

  it('keeps the payloads visible as text where they were link labels', async () => {
    const html = await renderFixture('xss/labels.md');
    expect(html).toContain('&lt;img src=x onerror=alert(\'label\')&gt;</a>');
    expect(html).toContain('&lt;script&gt;alert(\'spaced label\')&lt;/script&gt;</a>');
  });

  it('keeps safe content of the payload note', async () => {
    const html = await renderFixture('xss/payloads.md');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline image is fine" />');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">real link</a>');
  });

  it('does not render frontmatter values into the body', async () => {
    const html = await renderFixture('xss/frontmatter.md');
    expect(html).toBe('<p>Frontmatter values are data, never HTML.</p>\n');
  });

  it.each([
    ['a script wikilink URL', '[[javascript://%0aalert(1)]]'],
    ['a script wikilink URL with a label', '[[javascript://%0aalert(1) | click]]'],
    ['a Markdown script link', '[x](javascript:alert(1))'],
    ['a Markdown data link', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['an image with a script URL', '![x](javascript:alert(1))'],
    ['a heading made of markup', '# <img src=x onerror=alert(1)>'],
    ['a callout type and title made of markup', '> [!x"onmouseover="alert(1)] <script>alert(1)</script>\n> body'],
    ['a tag made of markup', '#tag"><script>alert(1)</script>'],
    ['a target with a quote', '[[x" onmouseover="alert(1)]]'],
  ])('%s stays inert', (_name, markdown) => {
    expect(executableVectors(render(markdown))).toEqual([]);
  });
});
