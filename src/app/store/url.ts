// Pure: UI state <-> URL hash. `#/note/<id>?local=2&hide=ghosts,orphans&folders=-people&tag=ai&colour=tag`.
// Hash routing works on any static host, from any sub-folder, with no server rewrite rules.
import type { NoteId } from '../../shared/schema.ts';
import { isNoteId } from '../../shared/noteId.ts';

export type ColourBy = 'folder' | 'type' | 'tag';
export const COLOUR_BY: readonly ColourBy[] = ['folder', 'type', 'tag'];
export const MIN_DEPTH = 1;
export const MAX_DEPTH = 3;

/** The part of the UI state a shared link reproduces. */
export interface UrlState {
  /** A well-formed id, or the raw (decoded, untrusted) text when the hash names something that is not an id. */
  route: { kind: 'overview' } | { kind: 'note'; id: NoteId } | { kind: 'invalid'; text: string };
  /** Local-graph depth, or 0 for the whole map. */
  localDepth: number;
  hideGhosts: boolean;
  hideOrphans: boolean;
  hiddenFolders: string[];
  tag: string | undefined;
  colourBy: ColourBy;
}

export const DEFAULT_URL_STATE: UrlState = {
  route: { kind: 'overview' },
  localDepth: 0,
  hideGhosts: false,
  hideOrphans: false,
  hiddenFolders: [],
  tag: undefined,
  colourBy: 'folder',
};

const MAX_HASH = 4000;

export function urlToState(hash: string): UrlState {
  const state: UrlState = { ...DEFAULT_URL_STATE, hiddenFolders: [] };
  const raw = hash.replace(/^#/, '').slice(0, MAX_HASH);
  const [pathPart = '', query = ''] = splitOnce(raw, '?');
  const noteMatch = /^\/?note\/(.*)$/.exec(pathPart);
  if (noteMatch) {
    const text = safeDecode(noteMatch[1] ?? '');
    state.route = isNoteId(text) ? { kind: 'note', id: text } : { kind: 'invalid', text };
  } else if (pathPart !== '' && pathPart !== '/') {
    state.route = { kind: 'invalid', text: safeDecode(pathPart) };
  }
  const params = new URLSearchParams(query);
  const depth = Number(params.get('local'));
  if (Number.isInteger(depth) && depth >= MIN_DEPTH && depth <= MAX_DEPTH) state.localDepth = depth;
  const hide = (params.get('hide') ?? '').split(',');
  state.hideGhosts = hide.includes('ghosts');
  state.hideOrphans = hide.includes('orphans');
  state.hiddenFolders = (params.get('folders') ?? '')
    .split(',')
    .filter((f) => f.startsWith('-'))
    .map((f) => f.slice(1))
    .sort();
  const tag = params.get('tag');
  if (tag) state.tag = tag;
  const colour = params.get('colour');
  if (colour && (COLOUR_BY as string[]).includes(colour)) state.colourBy = colour as ColourBy;
  return state;
}

export function stateToUrl(state: UrlState): string {
  const path =
    state.route.kind === 'note' ? `/note/${state.route.id}` : state.route.kind === 'invalid' ? `/note/${encodeURIComponent(state.route.text)}` : '/';
  const params: string[] = [];
  if (state.localDepth > 0 && state.route.kind === 'note') params.push(`local=${state.localDepth}`);
  const hide = [state.hideGhosts ? 'ghosts' : '', state.hideOrphans ? 'orphans' : ''].filter(Boolean);
  if (hide.length) params.push(`hide=${hide.join(',')}`);
  if (state.hiddenFolders.length) params.push(`folders=${[...state.hiddenFolders].sort().map((f) => `-${encodeURIComponent(f)}`).join(',')}`);
  if (state.tag) params.push(`tag=${encodeURIComponent(state.tag)}`);
  if (state.colourBy !== 'folder') params.push(`colour=${state.colourBy}`);
  return `#${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // bad percent-encoding: keep the raw text for the "not found" message
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
