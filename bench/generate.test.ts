import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyStats, generateVault, mulberry32, normalKey, STAMP_FILE, vaultFiles, vaultIsCurrent, type GenerateOptions, type VaultFile } from './generate.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const collect = (options: GenerateOptions) => {
  const stats = emptyStats();
  const files = [...vaultFiles(options, stats)];
  return { files, stats };
};
const text = (file: VaultFile): string => (typeof file.content === 'string' ? file.content : '');
const notesOf = (files: VaultFile[]) => files.filter((f) => f.path.endsWith('.md'));
const baseName = (p: string): string => p.replace(/^.*\//, '').replace(/\.md$/, '');
/** `[[target | label]]` -> target, outside fenced code and comments. */
function linkTargets(content: string): { target: string; raw: string }[] {
  const visible = content.replace(/```[\s\S]*?```/g, '').replace(/%%[\s\S]*?%%/g, '').replace(/`[^`\n]*`/g, '');
  return [...visible.matchAll(/!?\[\[([^[\]\n]+?)\]\]/g)].map((m) => ({
    raw: m[0],
    target: m[1]!.split('|')[0]!.replace(/\\$/, '').split('#')[0]!.replace(/\.md$/, '').trim(),
  }));
}

function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else hashes.set(child, createHash('sha256').update(readFileSync(path.join(dir, child))).digest('hex'));
    }
  };
  walk('');
  return hashes;
}

describe('mulberry32', () => {
  it('is a pure function of its seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe.each(['mixed', 'wiki'] as const)('generateVault, %s shape', (shape) => {
  it('writes byte-identical vaults for the same arguments, and different ones for another seed', async () => {
    const a = path.join(tmp, `${shape}-a`);
    const b = path.join(tmp, `${shape}-b`);
    const c = path.join(tmp, `${shape}-c`);
    await generateVault({ notes: 200, seed: 3, shape }, a);
    await generateVault({ notes: 200, seed: 3, shape }, b);
    await generateVault({ notes: 200, seed: 4, shape }, c);
    const hashA = hashTree(a);
    expect(hashTree(b)).toEqual(hashA);
    expect(hashTree(c)).not.toEqual(hashA);
    expect([...hashA.keys()].filter((p) => p.endsWith('.md'))).toHaveLength(200);
    expect(hashA.has(STAMP_FILE)).toBe(true);
    expect(vaultIsCurrent(a, { notes: 200, seed: 3, shape })).toBe(true);
    expect(vaultIsCurrent(a, { notes: 200, seed: 4, shape })).toBe(false);
    // Regenerating over its own earlier output is allowed and gives the same bytes.
    await generateVault({ notes: 200, seed: 3, shape }, c);
    expect(hashTree(c)).toEqual(hashA);
  });
});

describe('wiki shape', () => {
  const { files, stats } = collect({ notes: 400, seed: 1, shape: 'wiki', giants: 1 });
  const notes = notesOf(files);
  const bases = new Set(notes.map((f) => baseName(f.path)));
  const lowerBases = new Set([...bases].map((b) => b.toLowerCase()));
  const keys = new Set([...bases].map(normalKey));
  const folders = new Set(notes.map((f) => f.path.split('/')[0]!));
  const links = notes.flatMap((f) => linkTargets(text(f)));

  it('has exactly the notes asked for, in channel folders with an index note each', () => {
    expect(notes).toHaveLength(400);
    expect(stats.notes).toBe(400);
    const channels = [...folders].filter((f) => f !== 'topics');
    expect(channels.length).toBeGreaterThanOrEqual(2);
    for (const channel of channels) {
      expect(notes.some((f) => f.path === `${channel}/index.md` || f.path === `${channel}/${channel}.md`)).toBe(true);
    }
  });

  it('writes episode notes in the reference format', () => {
    const episodes = notes.filter((f) => /^---\ntitle: .+\nvideoId: [\w-]{11}\n---\n\nFrom: \[\[\w+\]\] <br\/> \n/.test(text(f)));
    expect(episodes.length).toBeGreaterThan(200);
    expect(episodes.every((f) => text(f).includes('> [!info] '))).toBe(true);
    expect(notes.some((f) => text(f).includes('â€”'))).toBe(true);
  });

  it('links ~10 times a note, mostly `[[slug | Label]]`, with slug variants and missing targets', () => {
    const perNote = stats.links / notes.length;
    expect(perNote).toBeGreaterThan(8);
    const spaced = links.filter((l) => / \| /.test(l.raw)).length;
    expect(spaced / links.length).toBeGreaterThan(0.6);
    const exact = links.filter((l) => bases.has(l.target) || folders.has(l.target));
    const variants = links.filter((l) => !lowerBases.has(l.target.toLowerCase()) && !folders.has(l.target) && keys.has(normalKey(l.target)));
    const missing = links.filter((l) => !keys.has(normalKey(l.target)) && !folders.has(l.target));
    const resolvable = exact.length + variants.length;
    expect(variants.length / resolvable).toBeGreaterThan(0.2);
    expect(variants.length / resolvable).toBeLessThan(0.45);
    expect(missing.length).toBeGreaterThan(0.03 * links.length);
    expect(missing.length).toBe(stats.ghostLinks);
    expect(variants.length).toBe(stats.variantLinks);
  });

  it('makes hubs: a few notes take many more links than the median', () => {
    const inDegree = new Map<string, number>();
    for (const l of links) inDegree.set(normalKey(l.target), (inDegree.get(normalKey(l.target)) ?? 0) + 1);
    const counts = [...inDegree.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(5 * counts[Math.floor(counts.length / 2)]!);
  });

  it('writes a giant note with one line of several hundred thousand characters', () => {
    expect(stats.giantNotes).toBe(1);
    expect(stats.largestNoteBytes).toBeGreaterThan(900_000);
    expect(stats.longestLineChars).toBeGreaterThan(300_000);
  });
});

describe('mixed shape', () => {
  const { files, stats } = collect({ notes: 200, seed: 1, shape: 'mixed' });
  const notes = notesOf(files);
  const all = notes.map(text).join('\n');

  it('has exactly the notes asked for, in a few folders, plus attachments', () => {
    expect(notes).toHaveLength(200);
    expect(new Set(notes.map((f) => f.path.split('/').slice(0, -1).join('/'))).size).toBeGreaterThanOrEqual(4);
    expect(files.some((f) => f.path.endsWith('.png'))).toBe(true);
  });

  it('uses every link form, with 3-20 links a note and 5-10% to missing notes', () => {
    for (const form of [/\[\[[^\]|#]+\]\]/, /\[\[[^\]|]+\|[^ \]][^\]]*\]\]/, /\[\[[^\]|]+ \| [^\]]+\]\]/, /\[\[[^\]]+#[A-Z][^\]]*\]\]/, /\[\[[^\]]+#\^b\d+\]\]/, /!\[\[[^\]]+\]\]/, /\[\[[^\]]+\/[^\]]+\]\]/, /\[\[[^\]]+\.md\]\]/, /\[\[[^\]]+\\\|[^\]]+\]\]/, /\]\([^)]+%20[^)]+\.md\)/]) {
      expect(all).toMatch(form);
    }
    expect(stats.links / notes.length).toBeGreaterThanOrEqual(3);
    expect(stats.links / notes.length).toBeLessThanOrEqual(20);
    expect(stats.ghostLinks / stats.links).toBeGreaterThan(0.05);
    expect(stats.ghostLinks / stats.links).toBeLessThan(0.1);
  });

  it('has frontmatter, tables, code blocks, callouts, inline tags and comments', () => {
    expect(notes.filter((f) => text(f).startsWith('---\ntitle: ')).length).toBeGreaterThan(150);
    expect(all).toMatch(/^aliases:\n {2}- /m);
    expect(all).toMatch(/^\| --- \| --- \| ---: \|$/m);
    expect(all).toMatch(/^```\w*\n\/\/ \[\[not a link\]\]/m);
    expect(all).toMatch(/^> \[!\w+\][+-]? /m);
    expect(all).toMatch(/ #\w+/);
    expect(all).toMatch(/%% .* %%/);
  });
});

it('refuses to write into a folder it did not make', async () => {
  const dir = path.join(tmp, 'someone-elses-notes');
  await generateVault({ notes: 20, seed: 1, shape: 'mixed' }, path.join(dir, 'x'));
  writeFileSync(path.join(dir, 'keep-me.md'), '# mine\n');
  await expect(generateVault({ notes: 20, seed: 1, shape: 'mixed' }, dir)).rejects.toThrow(/refusing/);
  expect(readFileSync(path.join(dir, 'keep-me.md'), 'utf8')).toBe('# mine\n');
});
