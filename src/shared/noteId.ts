// Path, title and link text -> NoteId. Isomorphic: the compiler assigns ids, the URL router checks them.
import type { NoteId } from './schema.ts';

const NOTE_ID = /^[a-z0-9][a-z0-9._~-]*$/;
const MAX_SEGMENT = 80;

/** True when `value` has the shape of a NoteId (it may still name no note). */
export function isNoteId(value: string): value is NoteId {
  return value.length <= 300 && NOTE_ID.test(value);
}

/** Zero-width and other invisible format characters (ZWSP, ZWJ, BOM, bidi marks). */
const INVISIBLE = /\p{Cf}/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Strip invisible characters and apply NFC; the base of every comparison. */
export function cleanName(text: string): string {
  // Printable ASCII is already NFC and has no format characters: most names, and 4x faster to check than to clean.
  return PRINTABLE_ASCII.test(text) ? text : text.normalize('NFC').replace(INVISIBLE, '');
}

/**
 * The key a person means: case, and space vs underscore vs hyphen, do not matter.
 * `ai_alignment_and_safety`, `AI alignment and safety`, `ai-alignment-and-safety` share one key.
 */
export function nameKey(text: string): string {
  return cleanName(text).toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/** One path segment -> lower-case ASCII slug; accents are folded, other characters become '-'. */
function slugSegment(segment: string): string {
  const slug = cleanName(segment)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, MAX_SEGMENT);
  return slug;
}

/**
 * A base id leaves room for a `~N` collision suffix within the 300 characters a NoteId may hold.
 * Longer ones are cut; a cut can collide, which `claimId` settles.
 */
const MAX_BASE_ID = 280;

/**
 * A segment whose slug is empty (a name in a script with no ASCII folding, e.g. `日本語`) gets a short hash
 * of its name instead of a shared placeholder, so its id depends on its own name alone.
 */
function idSegment(segment: string): string {
  const slug = slugSegment(segment);
  if (slug.length > 0) return slug;
  const name = cleanName(segment).trim();
  return name.length > 0 ? `u${hashName(name)}` : '';
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hashName(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The base id of a vault-relative note path (before collisions are settled). */
export function baseIdFromPath(notePath: string): string {
  const withoutExt = notePath.replace(/\.md$/i, '');
  const parts = withoutExt.split('/').map(idSegment).filter((part) => part.length > 0);
  const id = parts.join('.').slice(0, MAX_BASE_ID);
  return id.length > 0 ? id : 'note';
}

/**
 * Ids for every note path. Paths are taken in sorted order, so the same vault always gets the same ids;
 * a collision (e.g. `acquiredFM.md` and `acquiredfm.md`) gets `~2`, `~3`, never an overwrite.
 * `baseIdOf`: baseIdFromPath, or a lookup of base ids worked out ahead.
 */
export function assignNoteIds(
  paths: readonly string[], taken: Set<string> = new Set(), baseIdOf: (notePath: string) => string = baseIdFromPath,
): Map<string, NoteId> {
  const ids = new Map<string, NoteId>();
  for (const notePath of [...paths].sort(compareStrings)) {
    ids.set(notePath, claimId(baseIdOf(notePath), taken));
  }
  return ids;
}

/** The id of a ghost: a link target that names no note. */
export function ghostBaseId(target: string): string {
  const slug = idSegment(nameKey(target).replace(/\//g, ' '));
  return `ghost~${slug.length > 0 ? slug : 'untitled'}`;
}

/**
 * Gives out names never given before (nor in `taken`): `base`, else `base` + separator + `first`, `first + 1`...
 * Each base's suffixes count on from the last one given, so a thousand repeats of one base cost no more than a
 * thousand different bases (probing from `first` every time made 20,000 note files whose names differ only in
 * case take 30.8 s to get their ids). Note ids and heading ids both use it.
 */
export function uniqueNamer(separator: string, first: number, taken: Set<string> = new Set()): (base: string) => string {
  const next = new Map<string, number>();
  return (base) => {
    let name = base;
    if (taken.has(name)) {
      let n = next.get(base) ?? first;
      while (taken.has(`${base}${separator}${n}`)) n++;
      name = `${base}${separator}${n}`;
      next.set(base, n + 1);
    }
    taken.add(name);
    return name;
  };
}

const idNamers = new WeakMap<Set<string>, (base: string) => string>();

/** Reserve `base`, or `base~2`, `base~3`... in `taken`. */
export function claimId(base: string, taken: Set<string>): NoteId {
  let namer = idNamers.get(taken);
  if (!namer) idNamers.set(taken, (namer = uniqueNamer('~', 2, taken)));
  return namer(base) as NoteId;
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
