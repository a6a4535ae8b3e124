// A generated 10k-note wiki: the map opens with a level of detail, yet search, selection and deep links
// reach every note. Behaviour only; speed is measured by `npm run bench:app`.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { nodeFromTuple } from '../src/shared/graphFormat.ts';
import type { NodeTuple } from '../src/shared/schema.ts';
import { clickNode, noteTitle, watchErrors } from './support.ts';

interface WireNode { id: string; title: string; ghost: boolean; degreeIn: number; degreeOut: number }

async function notes(request: APIRequestContext): Promise<WireNode[]> {
  return ((await (await request.get('/big/atlas/graph.json')).json()).nodes as NodeTuple[]).map(nodeFromTuple);
}

/** A real note with few links: not among the overview's most-linked notes, so only drawn on demand. */
function quietNote(all: WireNode[], skip = 0): WireNode {
  const ranked = [...all].sort((a, b) => b.degreeIn + b.degreeOut - (a.degreeIn + a.degreeOut) || (a.id < b.id ? -1 : 1));
  const unique = new Map<string, number>();
  for (const n of all) unique.set(n.title, (unique.get(n.title) ?? 0) + 1);
  return ranked.filter((n) => !n.ghost && unique.get(n.title) === 1 && /^[\w ]+$/.test(n.title)).reverse()[skip]!;
}

test.describe('a 10k-note wiki', () => {
  test.setTimeout(120_000);

  test('opens with a level of detail, and a note found by search is drawn, selected and deep-linked', async ({ page, request }) => {
    const errors = watchErrors(page);
    const all = await notes(request);
    expect(all.length).toBeGreaterThan(10_000);

    await page.goto('/big/index.html');
    await page.waitForFunction(() => window.topicAtlas?.nodeCount() > 0, null, { timeout: 60_000 });
    const drawn = await page.evaluate(() => window.topicAtlas.nodeCount());
    expect(drawn).toBeGreaterThan(500);
    expect(drawn).toBeLessThan(all.length);
    await expect(page.locator('.stats')).toContainText('10000');

    const target = quietNote(all);
    expect(await page.evaluate((id) => window.topicAtlas.nodePagePosition(id), target.id)).toBeUndefined();
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: 'Search notes' }).fill(target.title);
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText(target.title);
    await page.keyboard.press('Enter');
    await expect(noteTitle(page)).toHaveText(target.title);
    await expect(page).toHaveURL(new RegExp(`#/note/${target.id.replace(/[.~]/g, '\\$&')}$`));
    await expect.poll(() => page.evaluate((id) => window.topicAtlas.nodePagePosition(id) !== undefined, target.id)).toBe(true);

    // Click through to a neighbour on the map.
    const neighbour = await page.locator('.link-list a.wikilink').first().textContent();
    await page.locator('.link-list a.wikilink').first().click();
    await expect(noteTitle(page)).toHaveText(neighbour!);
    expect(errors).toEqual([]);
  });

  test('on a phone, opens with the whole map above the note sheet', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/big/index.html');
    await page.waitForFunction(() => window.topicAtlas?.nodeCount() > 0, null, { timeout: 60_000 });
    await expect(page.locator('canvas.map-preview')).toHaveCount(0);
    const map = (await page.locator('.map').boundingBox())!;
    const sheet = (await page.getByRole('complementary', { name: 'Note panel' }).boundingBox())!;
    // Zoomed out over the whole vault (it once opened at zoom 1, showing a few links and no notes)...
    expect(await page.evaluate(() => window.topicAtlas.zoom())).toBeLessThan(0.05);
    // ...with nearly every drawn note between the top of the map and the sheet.
    const positions = await page.evaluate(() => window.topicAtlas.visibleNodeIds().map((id) => window.topicAtlas.nodePagePosition(id)!));
    const shown = positions.filter((at) => at.x >= map.x && at.x <= map.x + map.width && at.y >= map.y && at.y <= sheet.y);
    expect(shown.length).toBeGreaterThan(positions.length * 0.95);
    expect(errors).toEqual([]);
  });

  test('a deep link to a little-linked note opens it selected, drawn and centred', async ({ page, request }) => {
    const errors = watchErrors(page);
    const target = quietNote(await notes(request), 3);
    await page.goto(`/big/index.html#/note/${target.id}`);
    await expect(noteTitle(page)).toHaveText(target.title, { timeout: 60_000 });
    await expect.poll(() => page.evaluate((id) => window.topicAtlas.nodePagePosition(id) !== undefined, target.id)).toBe(true);
    await page.waitForTimeout(800);
    const map = (await page.locator('.map').boundingBox())!;
    const position = (await page.evaluate((id) => window.topicAtlas.nodePagePosition(id), target.id))!;
    expect(Math.abs(position.x - (map.x + map.width / 2))).toBeLessThan(map.width / 4);

    await clickNode(page, target.id);
    await expect(noteTitle(page)).toHaveText(target.title);
    expect(errors).toEqual([]);
  });
});
