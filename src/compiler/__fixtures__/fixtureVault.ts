// Test helper: a temporary copy of the fixture vault, plus what git cannot (or should not) carry:
// symlinks (a loop, files and folders outside the vault, a dangling one), a FIFO, node_modules,
// file names that differ only in case, NFD and XSS file names.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_VAULT = fileURLToPath(new URL('./vault', import.meta.url));

/** Names of the files made at test time, relative to the vault. */
export const RUNTIME = {
  caseUpper: 'case/acquiredFM.md',
  caseLower: 'case/acquiredfm.md',
  caseLinker: 'case/linker.md',
  nfd: 'encoding/Cafe\u0301 NFD.md',
  xssName: "xss/<img src=x onerror=alert('file')>.md",
  xssQuoteName: 'xss/"><svg onload=alert(1)>.md',
  xssLinker: 'xss/file-linker.md',
  nodeModulesNote: 'node_modules/some-package/README.md',
  fifo: 'pipe.md',
  loop: 'loop',
  upLoop: 'sub/up',
  passwd: 'passwd.md',
  environ: 'environ.md',
  outsideDir: 'outside',
  dangling: 'dangling.md',
} as const;

export interface TempVault {
  /** Absolute path of the vault copy (its folder is always named `vault`). */
  dir: string;
  /** The temporary folder holding it. */
  root: string;
  cleanup(): Promise<void>;
}

export interface TempVaultOptions {
  /** Extra folders between the temp root and `vault`, to compile the same vault from another absolute path. */
  nest?: string[];
  /** Add the symlinks, FIFO and odd names (default true). */
  extras?: boolean;
}

export async function makeFixtureVault({ nest = [], extras = true }: TempVaultOptions = {}): Promise<TempVault> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-fixture-'));
  const dir = path.join(root, ...nest, 'vault');
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await fs.cp(FIXTURE_VAULT, dir, { recursive: true });
  if (extras) await addRuntimeExtras(dir);
  return { dir, root, cleanup: () => fs.rm(root, { recursive: true, force: true }) };
}

async function addRuntimeExtras(dir: string): Promise<void> {
  const write = async (rel: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await fs.writeFile(path.join(dir, rel), text);
  };
  await write(RUNTIME.caseUpper, '# Acquired FM (upper)\n\nThe camel-case file.\n');
  await write(RUNTIME.caseLower, '# acquiredfm (lower)\n\nThe lower-case file.\n');
  await write(RUNTIME.caseLinker, '# Case linker\n\n[[acquiredFM]] and [[acquiredfm]] are two notes.\n');
  await write(RUNTIME.nfd, '# NFD name\n\nThe file name is decomposed on disk.\n');
  await write(RUNTIME.xssName, '# File with an XSS name\n\nHarmless body.\n');
  await write(RUNTIME.xssQuoteName, 'Quote-breaking name.\n');
  await write(RUNTIME.xssLinker, "Links to [[<img src=x onerror=alert('file')>]] and [[\"><svg onload=alert(1)>]].\n");
  await write(RUNTIME.nodeModulesNote, '# Must never be read\n\n[[Node modules link]]\n');
  execFileSync('mkfifo', [path.join(dir, RUNTIME.fifo)]);
  await fs.symlink('.', path.join(dir, RUNTIME.loop));
  await fs.symlink('..', path.join(dir, RUNTIME.upLoop));
  await fs.symlink('/etc/passwd', path.join(dir, RUNTIME.passwd));
  await fs.symlink('/proc/self/environ', path.join(dir, RUNTIME.environ));
  await fs.symlink('/etc', path.join(dir, RUNTIME.outsideDir));
  await fs.symlink('does-not-exist.md', path.join(dir, RUNTIME.dangling));
}

/** Read a fixture note's bytes. */
export const fixtureBytes = (rel: string): Promise<Buffer> => fs.readFile(path.join(FIXTURE_VAULT, rel));
/** Read a fixture note as UTF-8 text (only for files known to be UTF-8). */
export const fixtureText = (rel: string): Promise<string> => fs.readFile(path.join(FIXTURE_VAULT, rel), 'utf8');
