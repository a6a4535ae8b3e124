import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureVault, RUNTIME, type TempVault } from './__fixtures__/fixtureVault.ts';
import { scanVault, VaultUnreadableError, type ScanResult } from './scan.ts';

let vault: TempVault;
let scan: ScanResult;

beforeAll(async () => {
  vault = await makeFixtureVault();
  scan = await scanVault(vault.dir);
});
afterAll(() => vault.cleanup());

const paths = () => scan.files.map((file) => file.path);
const codesFor = (file: string) => scan.diagnostics.filter((d) => d.file === file).map((d) => d.code);

describe('scanVault on the fixture vault', () => {
  it('finds the notes in nested folders, sorted by path', () => {
    expect(paths()).toContain('index.md');
    expect(paths()).toContain('sub/Deep note.md');
    expect(paths()).toContain('tie/longer/Shared name.md');
    expect(paths()).toEqual([...paths()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('skips dot-folders and node_modules entirely', () => {
    expect(paths().filter((p) => p.startsWith('.') || p.includes('/.'))).toEqual([]);
    expect(paths().filter((p) => p.includes('node_modules'))).toEqual([]);
  });

  it('counts the non-note files it skips', () => {
    // attachments/diagram.png and attachments/paper.pdf; dot-folder contents are not counted.
    expect(scan.skippedFiles).toBe(2);
  });

  it('survives symlink loops without listing any note twice', () => {
    expect(paths().some((p) => p.startsWith(`${RUNTIME.loop}/`) || p.startsWith(`${RUNTIME.upLoop}/`))).toBe(false);
    expect(new Set(paths()).size).toBe(paths().length);
  });

  it('never reads symlinks that leave the vault, and says so', () => {
    expect(paths()).not.toContain(RUNTIME.passwd);
    expect(paths()).not.toContain(RUNTIME.environ);
    expect(paths().some((p) => p.startsWith(`${RUNTIME.outsideDir}/`))).toBe(false);
    expect(codesFor(RUNTIME.passwd)).toEqual(['symlink-outside-vault']);
    expect(codesFor(RUNTIME.environ)).toEqual(['symlink-outside-vault']);
    expect(codesFor(RUNTIME.outsideDir)).toEqual(['symlink-outside-vault']);
  });

  it('never reads a FIFO, and says so', () => {
    expect(paths()).not.toContain(RUNTIME.fifo);
    expect(codesFor(RUNTIME.fifo)).toEqual(['not-a-file']);
  });

  it('warns about a dangling symlink', () => {
    expect(codesFor(RUNTIME.dangling)).toEqual(['broken-symlink']);
  });

  it('keeps both files whose names differ only in case', () => {
    expect(paths()).toContain(RUNTIME.caseUpper);
    expect(paths()).toContain(RUNTIME.caseLower);
  });

  it('gives file names in NFC while still reading the file from its real name', async () => {
    const nfc = RUNTIME.nfd.normalize('NFC');
    const file = scan.files.find((f) => f.path === nfc);
    expect(file).toBeDefined();
    expect(await fs.readFile(file!.absolutePath, 'utf8')).toContain('NFD name');
  });

  it('gives every file an absolute path inside the vault', () => {
    for (const file of scan.files) expect(file.absolutePath.startsWith(vault.dir)).toBe(true);
  });
});

describe('scanVault edge cases', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-scan-'));
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  it('throws VaultUnreadableError for a missing folder', async () => {
    await expect(scanVault(path.join(tmp, 'nope'))).rejects.toBeInstanceOf(VaultUnreadableError);
  });

  it('throws VaultUnreadableError for a file instead of a folder', async () => {
    const file = path.join(tmp, 'file.md');
    await fs.writeFile(file, '# x');
    await expect(scanVault(file)).rejects.toThrow(/Cannot read the notes folder/);
  });

  it('skips an oversized note with a warning instead of reading it', async () => {
    const dir = path.join(tmp, 'big');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'small.md'), 'ok');
    const handle = await fs.open(path.join(dir, 'huge.md'), 'w');
    await handle.truncate(21 * 1024 * 1024); // sparse: costs no disk
    await handle.close();
    const result = await scanVault(dir);
    expect(result.files.map((f) => f.path)).toEqual(['small.md']);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['note-too-large', 'huge.md']]);
  });

  it('keeps two files whose names are the same text in NFC and NFD as two notes', async () => {
    const dir = path.join(tmp, 'forms');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'Caf\u00e9.md'), 'composed');
    await fs.writeFile(path.join(dir, 'Cafe\u0301.md'), 'decomposed');
    const result = await scanVault(dir);
    expect(result.files).toHaveLength(2);
    expect(new Set(result.files.map((f) => f.path)).size).toBe(2);
    const texts = await Promise.all(result.files.map((f) => fs.readFile(f.absolutePath, 'utf8')));
    expect(texts.sort()).toEqual(['composed', 'decomposed']);
  });

  it('reads an empty vault as no notes', async () => {
    const dir = path.join(tmp, 'empty');
    await fs.mkdir(dir);
    expect(await scanVault(dir)).toEqual({ files: [], skippedFiles: 0, diagnostics: [] });
  });

  it('follows a symlink to a folder inside the vault only once', async () => {
    const dir = path.join(tmp, 'inner-link');
    await fs.mkdir(path.join(dir, 'real'), { recursive: true });
    await fs.writeFile(path.join(dir, 'real', 'note.md'), 'x');
    await fs.symlink('real', path.join(dir, 'again'));
    const result = await scanVault(dir);
    // The note keeps its real folder, even though the link's name sorts first.
    expect(result.files.map((f) => f.path)).toEqual(['real/note.md']);
  });

  it('tells as it goes how many notes it has found, so the workers of a big vault can start before it ends', async () => {
    const dir = path.join(tmp, 'counting');
    for (const folder of ['a', 'b', 'c']) {
      await fs.mkdir(path.join(dir, folder), { recursive: true });
      for (let i = 0; i < 3; i++) await fs.writeFile(path.join(dir, folder, `n${i}.md`), 'x');
    }
    await fs.writeFile(path.join(dir, 'top.md'), 'x');
    const counts: number[] = [];
    const result = await scanVault(dir, (count) => counts.push(count));
    expect(counts).toEqual([3, 6, 9, 10]); // after each folder, before its notes are looked at one by one
    expect(result.files).toHaveLength(10);
  });
});
