// Shared helpers for the e2e specs: console-error capture, waiting for the map, clicking a node.
import { expect, type Page } from '@playwright/test';
import type { MapProbe } from '../src/app/map/mapController.ts';

declare global {
  interface Window {
    topicAtlas: MapProbe;
  }
}

/** Collects console errors and uncaught exceptions for the whole test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function waitForMap(page: Page): Promise<void> {
  await expect(page.locator('.map canvas').first()).toBeVisible();
  await page.waitForFunction(() => window.topicAtlas?.nodeCount() > 0);
  // The still picture lies over the live map until the live map has drawn.
  await expect(page.locator('canvas.map-preview')).toHaveCount(0);
}

export async function clickNode(page: Page, id: string): Promise<void> {
  // Wait for camera animations to finish, so the position is where the node will be.
  await page.waitForTimeout(400);
  const position = await page.evaluate((nodeId) => window.topicAtlas.nodePagePosition(nodeId), id);
  if (!position) throw new Error(`node ${id} is not on the map`);
  await page.mouse.click(position.x, position.y);
}

export const visibleNodeIds = (page: Page): Promise<string[]> => page.evaluate(() => window.topicAtlas.visibleNodeIds());

export const noteTitle = (page: Page) => page.locator('#note-title');
