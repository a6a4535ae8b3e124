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

/** Strip invisible characters and apply NFC; the base of every comparison. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '');
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
 */
export function assignNoteIds(paths: readonly string[], taken: Set<string> = new Set()): Map<string, NoteId> {
  const ids = new Map<string, NoteId>();
  for (const notePath of [...paths].sort(compareStrings)) {
    ids.set(notePath, claimId(baseIdFromPath(notePath), taken));
  }
  return ids;
}

/** The id of a ghost: a link target that names no note. */
export function ghostBaseId(target: string): string {
  const slug = idSegment(nameKey(target).replace(/\//g, ' '));
  return `ghost~${slug.length > 0 ? slug : 'untitled'}`;
}

/**
 * Per set of taken ids, the next suffix to try for each base: the suffixes of a base are given out in order, so
 * every one below it is taken. Without it, thousands of notes with one base id (a file name in every mix of case)
 * would each probe all the suffixes before theirs.
 */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** Reserve `base`, or `base~2`, `base~3`... in `taken`. */
export function claimId(base: string, taken: Set<string>): NoteId {
  let candidate = base;
  if (taken.has(candidate)) {
    let suffixes = nextSuffix.get(taken);
    if (!suffixes) nextSuffix.set(taken, (suffixes = new Map()));
    let n = suffixes.get(base) ?? 2;
    while (taken.has(`${base}~${n}`)) n++;
    candidate = `${base}~${n}`;
    suffixes.set(base, n + 1);
  }
  taken.add(candidate);
  return candidate as NoteId;
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
