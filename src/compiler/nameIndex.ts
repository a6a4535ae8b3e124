// Lookup tables from every name a person might use for a note (path, file name, alias, title, folder) to its id.
import type { NoteId } from '../shared/schema.ts';
import { cleanName, nameKey } from '../shared/noteId.ts';

export interface IndexedNote {
  id: NoteId;
  path: string;
  title: string;
  aliases: string[];
}

type Lookup = Map<string, IndexedNote[]>;

export interface NameIndex {
  byExactPath: Map<string, IndexedNote>;
  byLowerPath: Lookup;
  byLowerName: Lookup;
  byLowerAlias: Lookup;
  byKeyPath: Lookup;
  byKeyName: Lookup;
  byKeyAlias: Lookup;
  byKeyTitle: Lookup;
  /** A folder's key -> its own note (`folder/index.md` or `folder/folder.md`). */
  folderNote: Map<string, IndexedNote>;
}

export const stripExt = (notePath: string): string => notePath.replace(/\.md$/i, '');
export const baseName = (notePath: string): string => notePath.slice(notePath.lastIndexOf('/') + 1);
export const lower = (text: string): string => cleanName(text).toLowerCase();

export function buildNameIndex(notes: readonly IndexedNote[]): NameIndex {
  const index: NameIndex = {
    byExactPath: new Map(),
    byLowerPath: new Map(),
    byLowerName: new Map(),
    byLowerAlias: new Map(),
    byKeyPath: new Map(),
    byKeyName: new Map(),
    byKeyAlias: new Map(),
    byKeyTitle: new Map(),
    folderNote: new Map(),
  };
  for (const note of notes) {
    const noExt = stripExt(note.path);
    const name = baseName(noExt);
    index.byExactPath.set(noExt, note);
    add(index.byLowerPath, lower(noExt), note);
    add(index.byLowerName, lower(name), note);
    add(index.byKeyPath, nameKey(noExt), note);
    add(index.byKeyName, nameKey(name), note);
    add(index.byKeyTitle, nameKey(note.title), note);
    for (const alias of note.aliases) {
      add(index.byLowerAlias, lower(alias), note);
      add(index.byKeyAlias, nameKey(alias), note);
    }
    const slash = noExt.lastIndexOf('/');
    if (slash !== -1) {
      const folder = noExt.slice(0, slash);
      const folderName = baseName(folder);
      if (lower(name) === 'index' || lower(name) === lower(folderName)) {
        const key = nameKey(folder);
        const current = index.folderNote.get(key);
        // index.md wins over folder/folder.md; otherwise the first in path order.
        if (!current || (lower(name) === 'index' && lower(baseName(stripExt(current.path))) !== 'index')) index.folderNote.set(key, note);
      }
    }
  }
  return index;
}

/**
 * Notes are added one at a time, so a note already under this key is the last one there: checking the whole list
 * instead made 40,000 daily notes titled alike take 1.1 s.
 */
function add(map: Lookup, key: string, note: IndexedNote): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [note]);
  else if (list[list.length - 1] !== note) list.push(note);
}
