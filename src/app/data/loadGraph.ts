// Fetch the compiled vault and validate it against the shared schema before anything uses it.
import { z } from 'zod';
import { fromGraphFile, GRAPH_PATH, GraphFileSchema, NotePageSchema, notePagePath, SCHEMA_VERSION, type Graph, type NoteId, type NotePage } from '../../shared/schema.ts';

export class DataError extends Error {}

/** Relative to the page, so the build works from any folder of a static host. */
const dataUrl = (path: string, version: number): string => {
  const url = new URL(path, document.baseURI);
  if (version > 0) url.searchParams.set('v', String(version));
  return url.href;
};

async function fetchJson(path: string, version: number, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(dataUrl(path, version), { cache: version > 0 ? 'no-store' : 'default' });
  } catch (error) {
    throw new DataError(`Could not load ${what} (${path}): ${(error as Error).message}`);
  }
  if (!response.ok) throw new DataError(`Could not load ${what} (${path}): the server answered ${response.status} ${response.statusText}.`);
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DataError(`${what} (${path}) is not valid JSON. Rebuild the vault with "npm run build" or "npm run compile".`);
  }
}

function describe(error: z.ZodError, what: string): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `${what} does not match the expected format: ${first.join('; ')}${error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : ''}.`;
}

export async function fetchGraph(version = 0): Promise<Graph> {
  performance.mark('atlas:fetch-start');
  const json = await fetchJson(GRAPH_PATH, version, 'The map data');
  performance.mark('atlas:fetched');
  const schemaVersion = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new DataError(`The map data has schema version ${String(schemaVersion)}, but this app reads version ${SCHEMA_VERSION}. Rebuild the vault with this version of Topic Atlas.`);
  }
  const parsed = GraphFileSchema.safeParse(json);
  if (!parsed.success) throw new DataError(describe(parsed.error, 'The map data'));
  performance.mark('atlas:validated');
  return fromGraphFile(parsed.data);
}

const pageCache = new Map<string, Promise<NotePage>>();

export function fetchNotePage(id: NoteId, version: number): Promise<NotePage> {
  const key = `${version}:${id}`;
  let page = pageCache.get(key);
  if (!page) {
    page = fetchJson(notePagePath(id), version > 1 ? version : 0, 'This note').then((json) => {
      const parsed = NotePageSchema.safeParse(json);
      if (!parsed.success) throw new DataError(describe(parsed.error, 'This note'));
      return parsed.data;
    });
    page.catch(() => pageCache.delete(key));
    pageCache.set(key, page);
  }
  return page;
}
