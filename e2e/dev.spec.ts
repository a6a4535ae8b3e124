// Dev mode: `npm run dev` recompiles on note edits and pushes them over HMR. The open note and the map
// update in place: no page reload, selection kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { noteTitle, waitForMap, watchErrors } from './support.ts';

const PORT = 5310;
let vault: string;
let server: ChildProcess;

test.beforeAll(async () => {
  vault = mkdtempSync(path.join(tmpdir(), 'atlas-dev-'));
  cpSync(path.join('e2e', 'fixtures', 'small-vault'), vault, { recursive: true });
  server = spawn('npx', ['vite', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    env: { ...process.env, NOTES_DIR: vault },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/atlas/graph.json`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('vite dev server did not start');
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid);
  rmSync(vault, { recursive: true, force: true });
});

test('editing, adding and deleting notes updates the open panel and the map without a reload', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(`http://127.0.0.1:${PORT}/#/note/topics.kelp_forests`);
  await expect(noteTitle(page)).toHaveText('Kelp forests');
  await waitForMap(page);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const before = await page.evaluate(() => window.topicAtlas.nodeCount());

  writeFileSync(path.join(vault, 'topics', 'kelp_forests.md'), '---\ntitle: Kelp forests\n---\nKelp now links to [[Sea anemones]] and [[Brand new idea]].\n');
  await expect(page.locator('.note-body')).toContainText('Kelp now links to');
  await expect(page.locator('.note-body a.wikilink.ghost')).toHaveText('Brand new idea');
  await expect.poll(() => page.evaluate(() => window.topicAtlas.nodeCount())).toBe(before + 1); // the new ghost

  writeFileSync(path.join(vault, 'topics', 'tidal_flats.md'), '---\ntitle: Tidal flats\n---\nMud and [[kelp forests]].\n');
  await expect.poll(() => page.evaluate(() => window.topicAtlas.nodeCount())).toBe(before + 2);
  unlinkSync(path.join(vault, 'lonely_note.md'));
  await expect.poll(() => page.evaluate(() => window.topicAtlas.nodeCount())).toBe(before + 1);

  await expect(noteTitle(page)).toHaveText('Kelp forests');
  await expect(page).toHaveURL(/#\/note\/topics\.kelp_forests$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(errors).toEqual([]);
});
