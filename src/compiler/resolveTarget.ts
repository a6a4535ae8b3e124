// One link target -> the note a person meant. Tries the strictest rule first and stops at the first that matches.
import { cleanName, compareStrings, nameKey } from '../shared/noteId.ts';
import { baseName, lower, type IndexedNote, type NameIndex } from './nameIndex.ts';

export interface TargetMatch {
  note: IndexedNote;
  /** Other notes that matched equally well; the tie was broken deterministically. */
  tiedWith: IndexedNote[];
}

export function resolveTarget(index: NameIndex, fromPath: string, rawTarget: string): TargetMatch | undefined {
  const target = cleanName(rawTarget).replace(/^\/+/, '').replace(/\/+$/, '');
  if (!target) return undefined;
  const fromDir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
  const relative = joinPath(fromDir, target);

  // 1. The exact path, from the vault root or from the linking note's folder.
  const exact = index.byExactPath.get(target) ?? (relative ? index.byExactPath.get(relative) : undefined);
  if (exact) return { note: exact, tiedWith: [] };

  const hasFolder = target.includes('/');
  const tiers: (IndexedNote[] | undefined)[] = hasFolder
    ? [
        index.byLowerPath.get(lower(target)),
        relative ? index.byLowerPath.get(lower(relative)) : undefined,
        suffixMatches(index.byLowerName.get(lower(baseName(target))), lower(target), lower),
        index.byKeyPath.get(nameKey(target)),
        suffixMatches(index.byKeyName.get(nameKey(baseName(target))), nameKey(target), nameKey),
      ]
    : [
        // 2. Case-insensitive file name, then alias.
        index.byLowerName.get(lower(target)),
        index.byLowerAlias.get(lower(target)),
        // 3. The same name with case, space, underscore and hyphen ignored.
        index.byKeyName.get(nameKey(target)),
        index.byKeyAlias.get(nameKey(target)),
      ];
  for (const candidates of tiers) {
    if (candidates && candidates.length > 0) return pick(candidates, fromDir);
  }
  // 4. A folder's own note, then a title.
  const folder = index.folderNote.get(nameKey(target));
  if (folder) return { note: folder, tiedWith: [] };
  const titled = index.byKeyTitle.get(nameKey(target));
  return titled && titled.length > 0 ? pick(titled, fromDir) : undefined;
}

/** Prefer the linking note's folder, then the shortest path, then path order. */
function pick(candidates: IndexedNote[], fromDir: string): TargetMatch {
  if (candidates.length === 1) return { note: candidates[0]!, tiedWith: [] };
  const ranked = [...candidates].sort((a, b) => {
    const aHere = dirOf(a.path) === fromDir ? 0 : 1;
    const bHere = dirOf(b.path) === fromDir ? 0 : 1;
    return aHere - bHere || a.path.length - b.path.length || compareStrings(a.path, b.path);
  });
  return { note: ranked[0]!, tiedWith: ranked.slice(1) };
}

function suffixMatches(candidates: IndexedNote[] | undefined, wanted: string, fold: (s: string) => string): IndexedNote[] | undefined {
  return candidates?.filter((note) => {
    const path = fold(note.path.replace(/\.md$/i, ''));
    return path === wanted || path.endsWith(fold('/') + wanted) || path.endsWith(`/${wanted}`);
  });
}

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** `fromDir` + `target`, resolving `./` and `../`; undefined when it climbs out of the vault. */
function joinPath(fromDir: string, target: string): string | undefined {
  const parts = fromDir ? fromDir.split('/') : [];
  for (const part of target.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
