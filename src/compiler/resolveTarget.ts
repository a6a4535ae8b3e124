// One link target -> the note a person meant. Tries the strictest rule first and stops at the first that matches.
import { cleanName, compareStrings, nameKey } from '../shared/noteId.ts';
import { baseName, lower, type IndexedNote, type NameIndex } from './nameIndex.ts';

export interface TargetMatch {
  note: IndexedNote;
  /** How many other notes matched equally well; the tie was broken deterministically. */
  ties: number;
  /** The first few of them, best first, for the warning. */
  tiedWith: IndexedNote[];
}

export function resolveTarget(index: NameIndex, fromPath: string, rawTarget: string): TargetMatch | undefined {
  const fromDir = dirOf(fromPath);
  if (!rawTarget.includes('/')) {
    const plain = plainMatchOf(index, rawTarget);
    if (plain) return resolvePlain(index, plain, fromDir);
  }
  return resolveByRules(index, fromDir, rawTarget);
}

/** Every rule in turn, for any target (resolveTarget takes a shortcut for targets with no folder). */
export function resolveByRules(index: NameIndex, fromDir: string, rawTarget: string): TargetMatch | undefined {
  const target = cleanName(rawTarget).replace(/^\/+/, '').replace(/\/+$/, '');
  if (!target) return undefined;
  const relative = joinPath(fromDir, target);

  // 1. The exact path, from the vault root or from the linking note's folder.
  const exact = index.byExactPath.get(target) ?? (relative ? index.byExactPath.get(relative) : undefined);
  if (exact) return { note: exact, ties: 0, tiedWith: [] };

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
  if (folder) return { note: folder, ties: 0, tiedWith: [] };
  const titled = index.byKeyTitle.get(nameKey(target));
  return titled && titled.length > 0 ? pick(titled, fromDir) : undefined;
}

/**
 * What a target with no folder in it (most links) matches from anywhere in the vault. Only an exact path in the
 * linking note's own folder and the tie-break depend on where it is linked from, so the rest is worked out once.
 */
interface PlainMatch {
  target: string;
  exact?: IndexedNote;
  /** The first tier (name, alias, name key, alias key) with any notes. */
  named?: IndexedNote[];
  folderNote?: IndexedNote;
  titled?: IndexedNote[];
}

const plainMatches = new WeakMap<NameIndex, Map<string, PlainMatch | null>>();

/** Null for the targets the general rules must take (`.`, `..`, nothing left once cleaned). */
function plainMatchOf(index: NameIndex, rawTarget: string): PlainMatch | null {
  let memo = plainMatches.get(index);
  if (!memo) plainMatches.set(index, (memo = new Map()));
  let plain = memo.get(rawTarget);
  if (plain === undefined) {
    const target = cleanName(rawTarget);
    const key = nameKey(target);
    plain =
      !target || target === '.' || target === '..'
        ? null
        : {
            target,
            exact: index.byExactPath.get(target),
            named: [index.byLowerName.get(lower(target)), index.byLowerAlias.get(lower(target)), index.byKeyName.get(key), index.byKeyAlias.get(key)].find(
              (candidates) => candidates !== undefined && candidates.length > 0,
            ),
            folderNote: index.folderNote.get(key),
            titled: index.byKeyTitle.get(key),
          };
    memo.set(rawTarget, plain);
  }
  return plain;
}

/** The same steps, in the same order, as the general rules below take for a target with no folder. */
function resolvePlain(index: NameIndex, plain: PlainMatch, fromDir: string): TargetMatch | undefined {
  const exact = plain.exact ?? (fromDir ? index.byExactPath.get(`${fromDir}/${plain.target}`) : undefined);
  if (exact) return { note: exact, ties: 0, tiedWith: [] };
  if (plain.named) return pick(plain.named, fromDir);
  if (plain.folderNote) return { note: plain.folderNote, ties: 0, tiedWith: [] };
  return plain.titled && plain.titled.length > 0 ? pick(plain.titled, fromDir) : undefined;
}

/** Tied notes named in a warning; the rest are counted. */
const TIES_LISTED = 3;

/** Candidates best first (shortest path, then path order), and the best of them in each folder. */
interface Ranking {
  ranked: IndexedNote[];
  firstInFolder: Map<string, IndexedNote>;
}
const rankings = new WeakMap<IndexedNote[], Ranking>();

function rankingOf(candidates: IndexedNote[]): Ranking {
  let ranking = rankings.get(candidates);
  if (!ranking) {
    const ranked = [...candidates].sort((a, b) => a.path.length - b.path.length || compareStrings(a.path, b.path));
    const firstInFolder = new Map<string, IndexedNote>();
    for (const note of ranked) if (!firstInFolder.has(dirOf(note.path))) firstInFolder.set(dirOf(note.path), note);
    rankings.set(candidates, (ranking = { ranked, firstInFolder }));
  }
  return ranking;
}

/**
 * Prefer the linking note's folder, then the shortest path, then path order. Ranked once per set of candidates:
 * sorting them for every link made 8,000 links to one of 8,000 `index.md` take 55 s.
 */
export function pick(candidates: IndexedNote[], fromDir: string): TargetMatch {
  if (candidates.length === 1) return { note: candidates[0]!, ties: 0, tiedWith: [] };
  const { ranked, firstInFolder } = rankingOf(candidates);
  const note = firstInFolder.get(fromDir) ?? ranked[0]!;
  const tiedWith: IndexedNote[] = [];
  for (let i = 0; i < ranked.length && tiedWith.length < TIES_LISTED; i++) if (ranked[i] !== note) tiedWith.push(ranked[i]!);
  return { note, ties: candidates.length - 1, tiedWith };
}

/**
 * Per list of candidates and wanted path, the notes whose path ends with it: the same from every folder, so
 * worked out once (8,000 links to `[[sub/index]]` from 8,000 folders took 69 s when each filtered again).
 */
const suffixMemo = new WeakMap<IndexedNote[], Map<string, IndexedNote[]>>();

function suffixMatches(candidates: IndexedNote[] | undefined, wanted: string, fold: (s: string) => string): IndexedNote[] | undefined {
  if (!candidates) return undefined;
  let byWanted = suffixMemo.get(candidates);
  if (!byWanted) suffixMemo.set(candidates, (byWanted = new Map()));
  const key = `${fold === lower ? 'l' : 'k'}\0${wanted}`;
  let matches = byWanted.get(key);
  if (!matches) {
    matches = candidates.filter((note) => {
      const path = fold(note.path.replace(/\.md$/i, ''));
      return path === wanted || path.endsWith(fold('/') + wanted) || path.endsWith(`/${wanted}`);
    });
    byWanted.set(key, matches);
  }
  return matches;
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
