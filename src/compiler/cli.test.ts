import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGraphFile, GraphFileSchema, SCHEMA_VERSION, type Diagnostic, type Graph } from '../shared/schema.ts';
import { makeFixtureVault, type TempVault } from './__fixtures__/fixtureVault.ts';
import { formatDiagnostics, formatSummary, progressBar } from './report.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'src', 'compiler', 'cli.ts');
const SUMMARY = /^(\d+) notes?, (\d+) links?, (\d+) unresolved links?, (\d+) ghosts?, (\d+) warnings? in \d+\.\d\ds -> (.+)$/m;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run compile -- ...args`, as a user runs it (the script is `node --import tsx src/compiler/cli.ts`). */
function compile(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, env: { ...process.env, ...env }, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let vault: TempVault;
let tmp: string;
beforeAll(async () => {
  vault = await makeFixtureVault();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-cli-'));
  await fs.mkdir(path.join(tmp, 'clean'));
  await fs.writeFile(path.join(tmp, 'clean', 'a.md'), '# A\n\n[[b]]');
  await fs.writeFile(path.join(tmp, 'clean', 'b.md'), '# B\n\n[[a]]');
});
afterAll(async () => {
  await vault.cleanup();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('compile command', () => {
  it('--help explains the usage, options, rules and exit codes, and exits 0', async () => {
    const run = await compile(['--help']);
    expect(run.code).toBe(0);
    for (const text of ['Usage: npm run compile -- <notes-dir> --out <dir>', '--out <dir>', '--strict', '--quiet', '--help', 'node_modules', 'ghost', 'summary', 'Exit codes']) {
      expect(run.stdout).toContain(text);
    }
  }, 60_000);

  it('compiles the fixture vault: exit 0, grouped warnings with file and line, one summary line, output written', async () => {
    const out = path.join(tmp, 'out-normal');
    const pwned = path.join(tmp, 'pwned.txt');
    const run = await compile([vault.dir, '--out', out], { ATLAS_PWNED_FILE: pwned });
    expect(run.code).toBe(0);
    const summary = SUMMARY.exec(run.stdout);
    expect(summary).not.toBeNull();
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const graph: Graph = fromGraphFile(GraphFileSchema.parse(JSON.parse(await fs.readFile(path.join(out, 'graph.json'), 'utf8'))));
    const [, notes, links, unresolved, ghosts, warnings, where] = summary!;
    expect([Number(notes), Number(links), Number(unresolved), Number(ghosts), Number(warnings)]).toEqual([
      graph.stats.notes, graph.stats.links, graph.stats.unresolvedLinks, graph.stats.ghosts, graph.stats.warnings,
    ]);
    expect(where).toBe(out);
    expect(graph.stats.warnings).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/^frontmatter-invalid \(3\)$/m);
    expect(run.stderr).toContain('  frontmatter/invalid-yaml.md:4  Invalid YAML in frontmatter');
    expect(run.stderr).toContain('  passwd.md  Symlink points outside the vault');
    expect((await fs.readdir(path.join(out, 'notes'))).length).toBe(graph.nodes.length);
    expect(existsSync(pwned)).toBe(false);
  }, 90_000);

  it('writes the same bytes when run again into the same folder', async () => {
    const out = path.join(tmp, 'out-twice');
    expect((await compile([vault.dir, '--out', out])).code).toBe(0);
    const first = await fs.readFile(path.join(out, 'graph.json'));
    expect((await compile([vault.dir, '--out', out])).code).toBe(0);
    expect((await fs.readFile(path.join(out, 'graph.json'))).equals(first)).toBe(true);
  }, 120_000);

  it('--strict with warnings exits 2, after writing the output', async () => {
    const out = path.join(tmp, 'out-strict');
    const run = await compile([vault.dir, '--out', out, '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--strict: \d+ warning\(s\)\./);
    expect(existsSync(path.join(out, 'graph.json'))).toBe(true);
  }, 90_000);

  it('--strict without warnings exits 0', async () => {
    const run = await compile([path.join(tmp, 'clean'), '--out', path.join(tmp, 'out-clean'), '--strict']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 notes, 2 links, 0 unresolved links, 0 ghosts, 0 warnings in /);
  }, 60_000);

  it('--quiet prints only the summary line', async () => {
    const run = await compile([vault.dir, '--out', path.join(tmp, 'out-quiet'), '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(SUMMARY);
  }, 90_000);

  it.each([
    ['a folder that does not exist', () => path.join(tmp, 'missing')],
    ['a file instead of a folder', () => path.join(tmp, 'clean', 'a.md')],
  ])('exits 1 for %s, and says why', async (_name, dir) => {
    const run = await compile([dir(), '--out', path.join(tmp, 'out-bad')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot read the notes folder');
    expect(existsSync(path.join(tmp, 'out-bad', 'graph.json'))).toBe(false);
  }, 60_000);

  it('exits 1 when --out cannot be written, and says why', async () => {
    const file = path.join(tmp, 'clean', 'a.md');
    const run = await compile([path.join(tmp, 'clean'), '--out', path.join(file, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot write the output to "${path.join(file, 'out')}"`);
    expect(run.stderr).toContain('ENOTDIR');
    expect(run.stderr).not.toContain('    at '); // a message, not a stack trace
  }, 60_000);

  it.each([
    ['no folder', []],
    ['an unknown option', ['notes', '--bogus']],
  ])('exits 64 with the help for %s', async (_name, args) => {
    const run = await compile(args);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('Usage: npm run compile');
  }, 60_000);
});

describe('report', () => {
  const diagnostic = (code: string, file: string, line?: number): Diagnostic =>
    line === undefined ? { severity: 'warning', code, file, message: `${code} message` } : { severity: 'warning', code, file, line, message: `${code} message` };

  it('groups warnings by kind, each with file and line', () => {
    const text = formatDiagnostics([diagnostic('b-kind', 'x.md', 3), diagnostic('a-kind', 'y.md'), diagnostic('b-kind', '', undefined)]);
    expect(text).toBe('\na-kind (1)\n  y.md  a-kind message\n\nb-kind (2)\n  x.md:3  b-kind message\n  (vault)  b-kind message\n\n');
  });

  it('shows at most 20 warnings of a kind, then how many more', () => {
    const text = formatDiagnostics(Array.from({ length: 25 }, (_, i) => diagnostic('many', `n${i}.md`, i + 1)));
    expect(text.match(/^ {2}n\d+\.md:/gm)).toHaveLength(20);
    expect(text).toContain('… and 5 more');
  });

  it('summarises notes, links, unresolved links, ghosts, warnings and seconds', () => {
    const stats = { notes: 3, ghosts: 1, links: 7, unresolvedLinks: 2, selfLinks: 0, skippedFiles: 0, warnings: 4 };
    const graph: Graph = { schemaVersion: SCHEMA_VERSION, vaultName: 'v', stats, nodes: [], edges: [], diagnostics: [] };
    expect(formatSummary(graph, 1.234)).toBe('3 notes, 7 links, 2 unresolved links, 1 ghost, 4 warnings in 1.23s');
  });

  it('draws a progress bar only for large vaults, and clears it', () => {
    const written: string[] = [];
    const stream = { write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream;
    const small = progressBar(stream);
    small.update(10, 500, 'parse');
    small.done();
    expect(written).toEqual([]);
    const large = progressBar(stream);
    large.update(500, 1000, 'parse');
    expect(written).toEqual([`\rparse   [${'#'.repeat(15)}${'.'.repeat(15)}] 500/1000`]);
    large.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
