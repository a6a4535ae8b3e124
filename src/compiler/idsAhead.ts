// Note ids (and other work on paths alone) worked out while the workers parse, when this thread has little else
// to do: at 10k notes the ids took 0.15-0.25 s of the resolve stage, with the other core idle.
import type { NoteId } from '../shared/schema.ts';
import { assignNoteIds, baseIdFromPath } from '../shared/noteId.ts';

/** Paths per slice of work: a slice takes a few milliseconds, so results from the workers are never kept waiting. */
const SLICE = 250;

export interface IdsAhead {
  /** The scanned paths the ids were assigned to. */
  paths: readonly string[];
  ids: Map<string, NoteId>;
  /** Each path's base id, for any other set of paths. */
  bases: Map<string, string>;
}

/** assignNoteIds(paths), its base ids worked out a slice at a time, yielding to the event loop between slices. */
export async function noteIdsAhead(paths: readonly string[]): Promise<IdsAhead> {
  const bases = await perPathAhead(paths, baseIdFromPath);
  return { paths, ids: assignNoteIdsWith(paths, bases), bases };
}

/** `work` of each path, a slice at a time, yielding to the event loop between slices. */
export async function perPathAhead<T>(paths: readonly string[], work: (notePath: string) => T): Promise<Map<string, T>> {
  const done = new Map<string, T>();
  for (let from = 0; from < paths.length; from += SLICE) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const notePath of paths.slice(from, from + SLICE)) done.set(notePath, work(notePath));
  }
  return done;
}

/**
 * assignNoteIds(paths): the ids worked out ahead when `paths` are the ones scanned (every file became a note),
 * else assigned again from the base ids (a file that could not be read may have held a name another one now gets).
 */
export function noteIdsFor(paths: readonly string[], ahead: IdsAhead): Map<string, NoteId> {
  const same = paths.length === ahead.paths.length && paths.every((notePath, i) => notePath === ahead.paths[i]);
  return same ? ahead.ids : assignNoteIdsWith(paths, ahead.bases);
}

/** assignNoteIds(paths), using the base ids worked out ahead where there is one. */
export function assignNoteIdsWith(paths: readonly string[], bases: ReadonlyMap<string, string>): Map<string, NoteId> {
  return assignNoteIds(paths, new Set(), (notePath) => bases.get(notePath) ?? baseIdFromPath(notePath));
}
