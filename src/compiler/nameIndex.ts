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

/** The names a note's path gives it, as the index files them. */
export interface PathKeys {
  noExt: string;
  lowerPath: string;
  lowerName: string;
  keyPath: string;
  keyName: string;
  /** The key of the folder this note is the own note of (`folder/index.md`, `folder/folder.md`). */
  folderKey?: string;
  /** `index.md`, which wins over `folder/folder.md`. */
  isIndex: boolean;
}

/** Depends on the path alone, so a big vault's are worked out while the workers parse (see compileVault). */
export function pathKeys(notePath: string): PathKeys {
  const noExt = stripExt(notePath);
  const name = baseName(noExt);
  const lowerName = lower(name);
  const keys: PathKeys = { noExt, lowerPath: lower(noExt), lowerName, keyPath: nameKey(noExt), keyName: nameKey(name), isIndex: lowerName === 'index' };
  const slash = noExt.lastIndexOf('/');
  if (slash !== -1) {
    const folder = noExt.slice(0, slash);
    if (keys.isIndex || lowerName === lower(baseName(folder))) keys.folderKey = nameKey(folder);
  }
  return keys;
}

/** `keysOf(path)`: pathKeys(path), or the same worked out ahead. */
export function buildNameIndex(notes: readonly IndexedNote[], keysOf: (notePath: string) => PathKeys = pathKeys): NameIndex {
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
    const keys = keysOf(note.path);
    index.byExactPath.set(keys.noExt, note);
    add(index.byLowerPath, keys.lowerPath, note);
    add(index.byLowerName, keys.lowerName, note);
    add(index.byKeyPath, keys.keyPath, note);
    add(index.byKeyName, keys.keyName, note);
    add(index.byKeyTitle, nameKey(note.title), note);
    for (const alias of note.aliases) {
      add(index.byLowerAlias, lower(alias), note);
      add(index.byKeyAlias, nameKey(alias), note);
    }
    if (keys.folderKey !== undefined) {
      const current = index.folderNote.get(keys.folderKey);
      // index.md wins over folder/folder.md; otherwise the first in path order.
      if (!current || (keys.isIndex && !keysOf(current.path).isIndex)) index.folderNote.set(keys.folderKey, note);
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
