// Note ids worked out while the workers parse, when this thread has little else to do (at 10k notes the ids
// took 0.15-0.25 s of the resolve stage, with the other core idle).
import type { NoteId } from '../shared/schema.ts';
import { assignNoteIds, baseIdFromPath } from '../shared/noteId.ts';

/** Paths per slice of work: a slice takes a few milliseconds, so results from the workers are never kept waiting. */
const SLICE = 250;

/** The base id of each path, a slice at a time, yielding to the event loop between slices. */
export async function baseIdsAhead(paths: readonly string[]): Promise<Map<string, string>> {
  const bases = new Map<string, string>();
  for (let from = 0; from < paths.length; from += SLICE) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const notePath of paths.slice(from, from + SLICE)) bases.set(notePath, baseIdFromPath(notePath));
  }
  return bases;
}

/** assignNoteIds(paths), using the base ids worked out ahead where there is one. */
export function assignNoteIdsWith(paths: readonly string[], bases: ReadonlyMap<string, string>): Map<string, NoteId> {
  return assignNoteIds(paths, new Set(), (notePath) => bases.get(notePath) ?? baseIdFromPath(notePath));
}
