// The whole pipeline on the fixture vault: every form and failure, end to end; determinism; pathological notes.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSchema, NotePageSchema, type GraphNode, type NotePage } from '../shared/schema.ts';
import { isNoteId } from '../shared/noteId.ts';
import { makeFixtureVault, RUNTIME, type TempVault } from './__fixtures__/fixtureVault.ts';
import { executableVectors } from './__fixtures__/htmlSafety.ts';
import { serializeGraph } from './emit.ts';
import { pageFileText } from '../shared/graphFormat.ts';
import { compileVault, type CompiledVault } from './index.ts';

let vault: TempVault;
let compiled: CompiledVault;
let pwnedFile: string;
const globals = globalThis as { __atlasFrontmatterRan?: number };

beforeAll(async () => {
  vault = await makeFixtureVault();
  // If any `---js` frontmatter ran, it would write this file (and bump a global).
  pwnedFile = path.join(vault.root, 'frontmatter-ran.txt');
  process.env.ATLAS_PWNED_FILE = pwnedFile;
  compiled = await compileVault(vault.dir);
}, 120_000);
afterAll(async () => {
  delete process.env.ATLAS_PWNED_FILE;
  await vault.cleanup();
});

const node = (notePath: string): GraphNode => {
  const found = compiled.graph.nodes.find((n) => n.path === notePath);
  if (!found) throw new Error(`no node for ${notePath}`);
  return found;
};
const ghost = (title: string): GraphNode => {
  const found = compiled.graph.nodes.find((n) => n.ghost && n.title === title);
  if (!found) throw new Error(`no ghost ${title}`);
  return found;
};
const pageOf = (id: string): NotePage => compiled.pages.find((p) => p.id === id)!;
const targetsOf = (notePath: string) => compiled.graph.edges.filter((e) => e.source === node(notePath).id).map((e) => `${e.target} ${e.kind} ×${e.count}`);
const diagnosticsOf = (file: string) => compiled.graph.diagnostics.filter((d) => d.file === file).map((d) => (d.line ? `${d.code}@${d.line}` : d.code));

describe('compileVault on the fixture vault', () => {
  it('produces a graph and pages that match the shared schema', () => {
    expect(() => GraphSchema.parse(compiled.graph)).not.toThrow();
    for (const page of compiled.pages) expect(() => NotePageSchema.parse(page)).not.toThrow();
    expect(compiled.pages.map((p) => p.id).sort()).toEqual(compiled.graph.nodes.map((n) => n.id).sort());
  });

  it('gives every node a unique URL-safe id, and every edge two real ends', () => {
    const ids = compiled.graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isNoteId(id) && encodeURIComponent(id) === id).toBe(true);
    const known = new Set(ids);
    for (const edge of compiled.graph.edges) {
      expect(known.has(edge.source) && known.has(edge.target)).toBe(true);
      expect(edge.source).not.toBe(edge.target);
    }
  });

  it('counts degrees from the edges', () => {
    for (const n of compiled.graph.nodes) {
      const outgoing = new Set(compiled.graph.edges.filter((e) => e.source === n.id).map((e) => e.target));
      const incoming = new Set(compiled.graph.edges.filter((e) => e.target === n.id).map((e) => e.source));
      expect([n.id, n.degreeOut, n.degreeIn]).toEqual([n.id, outgoing.size, incoming.size]);
    }
  });

  it('reads every note, skipping dot-folders, node_modules and non-note files', () => {
    const paths = compiled.graph.nodes.filter((n) => !n.ghost).map((n) => n.path);
    expect(paths).toContain('sub/Deep note.md');
    expect(paths).toContain('tie/longer/Shared name.md');
    expect(paths.some((p) => p.startsWith('.') || p.includes('node_modules'))).toBe(false);
    const ghostTitles = compiled.graph.nodes.filter((n) => n.ghost).map((n) => n.title);
    expect(ghostTitles).not.toContain('Obsidian config link');
    expect(ghostTitles).not.toContain('Trash link');
    expect(ghostTitles).not.toContain('Node modules link');
    expect(compiled.graph.stats.skippedFiles).toBe(2);
    expect(compiled.graph.stats.notes).toBe(paths.length);
  });

  it('never reads outside the vault, FIFOs or loops, and warns about each', () => {
    const everything = serializeGraph(compiled.graph) + compiled.pages.map(pageFileText).join('');
    expect(everything).not.toMatch(/root:x?:0:0/); // /etc/passwd
    expect(everything).not.toContain('PATH='); // /proc/self/environ
    expect(diagnosticsOf(RUNTIME.passwd)).toEqual(['symlink-outside-vault']);
    expect(diagnosticsOf(RUNTIME.environ)).toEqual(['symlink-outside-vault']);
    expect(diagnosticsOf(RUNTIME.outsideDir)).toEqual(['symlink-outside-vault']);
    expect(diagnosticsOf(RUNTIME.fifo)).toEqual(['not-a-file']);
    expect(diagnosticsOf(RUNTIME.dangling)).toEqual(['broken-symlink']);
    expect(compiled.graph.nodes.some((n) => n.path.startsWith('loop/') || n.path.startsWith('sub/up/'))).toBe(false);
  });

  it('never runs frontmatter code', () => {
    expect(globals.__atlasFrontmatterRan).toBeUndefined();
    expect(existsSync(pwnedFile)).toBe(false);
    for (const file of ['frontmatter/js.md', 'frontmatter/JavaScript.md', 'frontmatter/space-js.md']) {
      expect(diagnosticsOf(file)).toEqual(['frontmatter-language@1']);
      expect(node(file).title).not.toMatch(/pwned/);
      expect(pageOf(node(file).id).html).toContain('Body after');
    }
  });

  it('warns about every bad frontmatter with its file (and line where there is one), keeping the note', () => {
    expect(diagnosticsOf('frontmatter/invalid-yaml.md')).toEqual(['frontmatter-invalid@4']);
    expect(diagnosticsOf('frontmatter/list.md')).toEqual(['frontmatter-not-mapping@2']);
    expect(diagnosticsOf('frontmatter/scalar.md')).toEqual(['frontmatter-not-mapping@2']);
    expect(diagnosticsOf('frontmatter/alias-cycle.md')).toEqual(['frontmatter-capped@2']);
    expect(diagnosticsOf('frontmatter/billion-laughs.md')).toEqual(['frontmatter-alias-bomb@2']);
    expect(diagnosticsOf('cache/twin-a.md')).toEqual(['frontmatter-invalid@2']);
    expect(diagnosticsOf('cache/twin-b.md')).toEqual(['frontmatter-invalid@2']);
    expect(pageOf(node('frontmatter/invalid-yaml.md').id).html).toContain('The body survives');
    expect(targetsOf('frontmatter/invalid-yaml.md')).toEqual(['links.target link ×1']);
    expect(pageOf(node('frontmatter/billion-laughs.md').id).html).toBe('<p>Body after the bomb.</p>\n');
  });

  it('keeps notes whose whole text is "constructor" or "__proto__"', () => {
    expect(node('cache/constructor.md').title).toBe('constructor');
    expect(pageOf(node('cache/constructor.md').id).html).toBe('<p>constructor</p>\n');
    expect(pageOf(node('cache/__proto__.md').id).html).toBe('<p><strong>proto</strong></p>\n');
    expect(node('cache/same-a.md').meta).not.toBe(node('cache/same-b.md').meta);
  });

  it('reads every encoding: BOM, CRLF, CR-only, Windows-1252 and mojibake', () => {
    expect(node('encoding/bom.md').title).toBe('BOM note');
    expect(node('encoding/crlf.md').title).toBe('CRLF note');
    expect(node('encoding/cr-only.md')).toMatchObject({ title: 'CR note', tags: ['old-mac'] });
    expect(pageOf(node('encoding/cr-only.md').id).html).toContain('First body line.\nSecond body line links');
    expect(node('encoding/windows-1252.md').title).toBe('Café notes');
    expect(pageOf(node('encoding/windows-1252.md').id).html).toContain('“Smart quotes” — and a price of €10');
    expect(diagnosticsOf('encoding/windows-1252.md')).toEqual(['not-utf8']);
    expect(pageOf(node('encoding/mojibake.md').id).html).toContain('mangled—twice — and a café and résumé');
    expect(diagnosticsOf('encoding/mojibake.md')).toEqual(['mojibake-repaired@3']);
    expect(node(RUNTIME.nfd.normalize('NFC')).title).toBe('NFD name');
    for (const n of ['encoding/bom.md', 'encoding/crlf.md', 'encoding/cr-only.md', 'encoding/windows-1252.md']) {
      expect(targetsOf(n)).toEqual(['links.target link ×1']);
    }
  });

  it('draws every wikilink form as edges, embeds apart, and self-links as none', () => {
    expect(targetsOf('links/all-forms.md')).toEqual(['links.target embed ×1', 'links.target link ×6', 'sub.deep-note link ×1']);
    expect(targetsOf('links/table.md')).toEqual(['links.target link ×1', 'other-note link ×1']);
    expect(targetsOf('links/code.md')).toEqual(['links.target link ×1']);
    expect(targetsOf('links/comments.md')).toEqual(['links.target link ×1']);
    expect(targetsOf('links/external.md')).toEqual([]);
    expect(targetsOf('self.md')).toEqual([]);
    expect(compiled.graph.stats.selfLinks).toBe(4); // [[self]], [[Self|…]], [[#Local heading]], sub/Deep note's own link
  });

  it('makes Markdown links and frontmatter links edges too', () => {
    expect(targetsOf('links/markdown-links.md')).toEqual([
      'ghost~missing-markdown-note link ×1', 'links.target link ×1', 'other-note link ×3',
    ]);
    expect(targetsOf('frontmatter/full.md')).toEqual(['ghost~missing-from-frontmatter link ×1', 'links.target link ×1', 'other-note link ×1']);
  });

  it('resolves by case, alias, slug, title, folder note and invisible characters', () => {
    expect(targetsOf('topics/slug-variants.md')).toEqual(['other-note link ×2', 'topics.ai_alignment_and_safety link ×4']);
    expect(targetsOf('invisible/linker.md')).toEqual(['invisible.widegap link ×2']);
    expect(targetsOf('index.md')).toEqual([
      'episodes.raman_commons_and_shared_resources link ×1', 'garden.garden link ×1', 'links.all-forms link ×1',
      'other-note link ×1', 'projects.index link ×1', 'tie.a.shared-name link ×1',
    ]);
    expect(diagnosticsOf('index.md')).toEqual(['ambiguous-link@7']);
    expect(targetsOf('tie/longer/linker.md')).toEqual(['tie.longer.shared-name link ×1']);
  });

  it('keeps files whose names differ only in case as separate notes, each reachable', () => {
    const upper = node(RUNTIME.caseUpper);
    const lower = node(RUNTIME.caseLower);
    expect(upper.id).not.toBe(lower.id);
    expect(upper.title).toBe('Acquired FM (upper)');
    expect(lower.title).toBe('acquiredfm (lower)');
    expect(targetsOf(RUNTIME.caseLinker)).toEqual([`${upper.id} link ×1`, `${lower.id} link ×1`].sort());
  });

  it('keeps unresolved links as ghost nodes with their edges', () => {
    const idea = ghost('Missing idea');
    expect(idea).toMatchObject({ ghost: true, path: '', folder: '', degreeIn: 1, tags: [], meta: {} });
    expect(compiled.graph.edges.filter((e) => e.target === idea.id)).toEqual([{ source: node('ghosts.md').id, target: idea.id, kind: 'link', count: 2 }]);
    expect(ghost('nowhere/Lost page').degreeIn).toBe(1);
    const ghosts = compiled.graph.nodes.filter((n) => n.ghost);
    expect(compiled.graph.stats.ghosts).toBe(ghosts.length);
    for (const g of ghosts) expect(g.degreeIn).toBeGreaterThan(0);
    expect(pageOf(idea.id).backlinks).toEqual([expect.objectContaining({ id: node('ghosts.md').id, title: 'Ghosts', ghost: false })]);
    expect(pageOf(node('ghosts.md').id).unresolved.map((ref) => ref.id).sort()).toEqual([idea.id, ghost('nowhere/Lost page').id].sort());
  });

  it('turns [[https://…]] into external links, never ghosts', () => {
    expect(pageOf(node('links/external.md').id).external.map((e) => e.url)).toEqual([
      'https://example.org/page', 'https://example.org/other', 'https://example.com/docs',
    ]);
    expect(compiled.graph.nodes.some((n) => n.title.startsWith('https://'))).toBe(false);
  });

  it('builds the seed-format note: metadata, person link, ghost links, callout', () => {
    const episode = node('episodes/raman_commons_and_shared_resources.md');
    expect(episode).toMatchObject({ title: 'Raman on commons and shared resources', folder: 'episodes', meta: { videoId: 'Qm7xT2pLk9A' } });
    const page = pageOf(episode.id);
    expect(page.outgoing).toEqual([{ id: node('people/PriyaRaman.md').id, title: 'Priya Raman', ghost: false }]);
    expect(page.unresolved).toHaveLength(6);
    expect(page.unresolved.every((ref) => ref.ghost && ref.id.startsWith('ghost~'))).toBe(true);
    expect(page.html).toContain('data-callout="info"');
    expect(page.html).toContain('cheaper and harder to cheat—a point');
    expect(diagnosticsOf(episode.path)).toEqual(['mojibake-repaired@15']);
    expect(pageOf(node('people/PriyaRaman.md').id).backlinks).toEqual([
      expect.objectContaining({ id: episode.id, snippet: expect.stringContaining('From: PriyaRaman') }),
    ]);
  });

  it('keeps tags, aliases and metadata on nodes', () => {
    expect(node('tags.md').tags).toEqual(['CamelCase', 'alpha', 'from-frontmatter', 'hashed', 'nested/child', 'under_score']);
    expect(node('frontmatter/full.md')).toMatchObject({
      title: 'Everything in frontmatter',
      aliases: ['Everything Note', 'All Keys'],
      tags: ['frontmatter', 'meta/full'],
      meta: { videoId: 'dQw4w9WgXcQ', rating: 4.5, draft: false, published: '2024-03-01' },
    });
  });

  it('gives backlinks a context snippet', () => {
    const backlinks = pageOf(node('links/Target.md').id).backlinks;
    expect(backlinks.map((b) => b.title)).toContain('All forms');
    expect(backlinks.find((b) => b.title === 'All forms')!.snippet).toContain('Plain Target, labelled Label one');
  });

  it('renders no executable vector in any note: bodies, labels, frontmatter values and file names', () => {
    for (const page of compiled.pages) expect([page.id, executableVectors(page.html)]).toEqual([page.id, []]);
    const xssNamed = node(RUNTIME.xssName);
    expect(xssNamed.id).toBe('xss.img-src-x-onerror-alert-file');
    expect(targetsOf(RUNTIME.xssLinker)).toEqual([`${node(RUNTIME.xssQuoteName).id} link ×1`, `${xssNamed.id} link ×1`].sort());
    const linkerHtml = pageOf(node(RUNTIME.xssLinker).id).html;
    expect(linkerHtml).toContain(`href="#/note/${xssNamed.id}"`);
    expect(linkerHtml).toContain('&lt;img src=x onerror=alert(\'file\')&gt;</a>');
    // Frontmatter values stay data for the app to show as text; they are never put into HTML.
    expect(node('xss/frontmatter.md').title).toBe("<img src=x onerror=alert('title')>");
    expect(pageOf(node('xss/frontmatter.md').id).html).toBe('<p>Frontmatter values are data, never HTML.</p>\n');
  });

  it('sorts diagnostics by file and line, and counts the warnings', () => {
    const { diagnostics, stats } = compiled.graph;
    const keys = diagnostics.map((d) => [d.file, d.line ?? 0] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
    expect(stats.warnings).toBe(diagnostics.filter((d) => d.severity === 'warning').length);
    expect(stats.warnings).toBeGreaterThanOrEqual(19);
  });
});

describe('determinism', () => {
  const serialize = ({ graph, pages }: CompiledVault) =>
    [serializeGraph(graph), ...[...pages].sort((a, b) => (a.id < b.id ? -1 : 1)).map(pageFileText)].join('');

  it('compiles the same vault to the same bytes, twice and from another absolute path', async () => {
    const elsewhere = await makeFixtureVault({ nest: ['some', 'other', 'place'] });
    try {
      process.env.ATLAS_PWNED_FILE = pwnedFile;
      const again = await compileVault(vault.dir);
      const moved = await compileVault(elsewhere.dir);
      const first = serialize(compiled);
      expect(serialize(again)).toBe(first);
      expect(serialize(moved)).toBe(first);
      expect(first).not.toContain(vault.root);
      expect(first).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no timestamps
    } finally {
      await elsewhere.cleanup();
    }
  }, 120_000);
});

describe('pathological notes', () => {
  let dir: string;
  let result: CompiledVault;
  const paragraph = 'A long paragraph about [[Hub]] with **bold**, `code`, a #tag and more words to fill the line.\n\n';
  const paragraphs = Math.ceil(1_050_000 / paragraph.length);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-patho-'));
    await fs.writeFile(path.join(dir, 'one-megabyte.md'), paragraph.repeat(paragraphs));
    await fs.writeFile(path.join(dir, 'long-line.md'), 'word [[Hub]] and [[Missing]] '.repeat(20_000).slice(0, 400_000));
    await fs.writeFile(path.join(dir, 'many-links.md'), Array.from({ length: 10_000 }, (_, i) => `[[note ${i % 100} | label ${i}]]`).join(' '));
    await fs.writeFile(path.join(dir, 'Hub.md'), '# Hub');
    for (let i = 0; i < 50; i++) await fs.writeFile(path.join(dir, `note ${i}.md`), `# Note ${i}`);
    result = await compileVault(dir);
  }, 180_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('compiles a 1 MB note completely', async () => {
    const size = (await fs.stat(path.join(dir, 'one-megabyte.md'))).size;
    expect(size).toBeGreaterThan(1_000_000);
    const page = result.pages.find((p) => p.id === 'one-megabyte')!;
    expect(page.html.match(/data-note-id="hub"/g)).toHaveLength(paragraphs);
    expect(result.graph.edges).toContainEqual({ source: 'one-megabyte', target: 'hub', kind: 'link', count: paragraphs });
  });

  it('compiles a single 400,000-character line', () => {
    const edges = result.graph.edges.filter((e) => e.source === 'long-line');
    expect(edges.map((e) => e.target)).toEqual(['ghost~missing', 'hub']);
    expect(edges.find((e) => e.target === 'hub')!.count).toBeGreaterThan(13_000);
  });

  it('compiles a note with 10,000 links', () => {
    const edges = result.graph.edges.filter((e) => e.source === 'many-links');
    expect(edges).toHaveLength(100);
    expect(edges.reduce((sum, e) => sum + e.count, 0)).toBe(10_000);
    expect(edges.filter((e) => e.target.startsWith('ghost~'))).toHaveLength(50); // notes 50-99 do not exist
    expect(result.graph.stats.links).toBeGreaterThanOrEqual(10_000);
  });
});
