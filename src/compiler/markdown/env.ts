import type { Wikilink } from '../wikilinks.ts';

/** Where a link lands, as decided by the resolve stage. */
export interface ResolvedTarget {
  id: string;
  title: string;
  ghost: boolean;
}

/** Passed through markdown-it's `env` while rendering. */
export interface RenderEnv {
  /** A wikilink or local Markdown link -> its note (or ghost); undefined for attachments and self-anchors. */
  resolve(link: Wikilink): ResolvedTarget | undefined;
}

export function isRenderEnv(env: unknown): env is RenderEnv {
  return typeof env === 'object' && env !== null && typeof (env as RenderEnv).resolve === 'function';
}
