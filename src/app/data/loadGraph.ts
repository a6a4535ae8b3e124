// Fetch the compiled vault and validate it against the shared schema before anything uses it.
import { fromGraphFile, GRAPH_PATH, notePagePath, readPageFile, SCHEMA_VERSION } from '../../shared/graphFormat.ts';
import type { Graph, NoteId, NotePage } from '../../shared/schema.ts';
import { isGraphFile, isNotePage } from './checkFiles.ts';

export class DataError extends Error {}

/** Relative to the page, so the build works from any folder of a static host. */
const dataUrl = (path: string, version: number): string => {
  const url = new URL(path, document.baseURI);
  if (version > 0) url.searchParams.set('v', String(version));
  return url.href;
};

async function fetchText(path: string, version: number, what: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(dataUrl(path, version), { cache: version > 0 ? 'no-store' : 'default' });
  } catch (error) {
    throw new DataError(`Could not load ${what} (${path}): ${(error as Error).message}`);
  }
  if (!response.ok) throw new DataError(`Could not load ${what} (${path}): the server answered ${response.status} ${response.statusText}.`);
  return response.text();
}

const REBUILD = 'Rebuild the vault with "npm run build" or "npm run compile".';

async function fetchJson(path: string, version: number, what: string): Promise<unknown> {
  const text = await fetchText(path, version, what);
  try {
    return JSON.parse(text);
  } catch {
    throw new DataError(`${what} (${path}) is not valid JSON. ${REBUILD}`);
  }
}

/**
 * A file that fails the quick check: zod (loaded now, not before the first paint) says what is wrong. The checks
 * accept exactly what the schema does, so zod agreeing with the file after all is a bug in checkFiles.ts.
 */
async function problem(json: unknown, what: string, kind: 'graph' | 'page'): Promise<DataError> {
  const explain = await import('./explain.ts');
  const message = kind === 'graph' ? explain.graphFileProblem(json, what) : explain.notePageProblem(json, what);
  return new DataError(message ?? `${what} failed the app's own check, though it matches the schema (a bug in checkFiles.ts).`);
}

export async function fetchGraph(version = 0): Promise<Graph> {
  performance.mark('atlas:fetch-start');
  const json = await fetchJson(GRAPH_PATH, version, 'The map data');
  performance.mark('atlas:fetched');
  const schemaVersion = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (schemaVersion !== SCHEMA_VERSION) {
    throw new DataError(`The map data has schema version ${String(schemaVersion)}, but this app reads version ${SCHEMA_VERSION}. Rebuild the vault with this version of Topic Atlas.`);
  }
  if (!isGraphFile(json, SCHEMA_VERSION)) throw await problem(json, 'The map data', 'graph');
  performance.mark('atlas:validated');
  return fromGraphFile(json);
}

const pageCache = new Map<string, Promise<NotePage>>();

export function fetchNotePage(id: NoteId, version: number): Promise<NotePage> {
  const key = `${version}:${id}`;
  let page = pageCache.get(key);
  if (!page) {
    const path = notePagePath(id);
    page = fetchText(path, version > 1 ? version : 0, 'This note').then(async (text) => {
      const json = readPageFile(text);
      if (json === undefined) throw new DataError(`This note (${path}) is not a page file of Topic Atlas. ${REBUILD}`);
      if (!isNotePage(json, SCHEMA_VERSION)) throw await problem(json, 'This note', 'page');
      return json;
    });
    page.catch(() => pageCache.delete(key));
    pageCache.set(key, page);
  }
  return page;
}
