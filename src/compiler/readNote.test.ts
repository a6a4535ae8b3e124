import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNote, readNoteBatch } from './readNote.ts';

describe('readNote', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-read-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const noteFile = async (name: string, text: string, size?: number) => {
    const absolutePath = path.join(dir, name);
    await fs.writeFile(absolutePath, text);
    return { path: name, absolutePath, size: size ?? Buffer.byteLength(text) };
  };

  it('reads each note whole, however the notes before it were sized', async () => {
    // One read buffer serves every note: a short note after a long one must not keep the long one's tail.
    const long = await noteFile('Long.md', `# Long\n\n${'word '.repeat(400_000)}[[Short]]\n`);
    const short = await noteFile('Short.md', '# Short\n\nBack to [[Long]].\n');
    const longNote = readNote(long).note!;
    const shortNote = readNote(short).note!;
    expect(longNote.links.map((link) => link.link.target)).toEqual(['Short']);
    expect(longNote.html.length).toBeGreaterThan(2_000_000);
    expect(shortNote.html).toBe('<h1 id="h-short">Short</h1>\n<p>Back to \u00010\u0002.</p>\n');
  });

  it('reads a note that grew after the scan measured it', async () => {
    const grown = await noteFile('Grown.md', `# Grown\n\n${'more '.repeat(500_000)}\n\nEnds with [[Tail]].\n`, 10);
    expect(readNote(grown).note?.links.map((link) => link.link.target)).toEqual(['Tail']);
  });

  it('keeps a note it cannot read out, with a warning that names it', async () => {
    const result = readNote({ path: 'Gone.md', absolutePath: path.join(dir, 'Gone.md'), size: 10 });
    expect(result.note).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'unreadable-note', file: 'Gone.md' }]);
  });

  it('reads a batch of notes, each whole, exactly as one by one, a note it cannot read among them', async () => {
    // Every note of a batch is read before any is parsed: each must keep its own bytes, not the shared buffer's.
    const files = [
      await noteFile('Big.md', `# Big\n\n${'many words '.repeat(100_000)}[[Small]]\n`),
      { path: 'Missing.md', absolutePath: path.join(dir, 'Missing.md'), size: 10 },
      await noteFile('Small.md', '# Small\n\nBack to [[Big]].\n'),
      await noteFile('Smaller.md', '# Smaller\n'),
    ];
    const batch = readNoteBatch(files);
    expect(batch).toEqual(files.map(readNote));
    expect(batch.map((result) => result.note?.title)).toEqual(['Big', undefined, 'Small', 'Smaller']);
  });
});
