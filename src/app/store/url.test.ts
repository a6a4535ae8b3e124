import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NoteId } from '../../shared/schema.ts';
import { DEFAULT_URL_STATE, stateToUrl, urlToState, type UrlState } from './url.ts';

const note = (id: string): UrlState['route'] => ({ kind: 'note', id: id as NoteId });

describe('urlToState', () => {
  it.each([
    ['', { route: { kind: 'overview' } }],
    ['#/', { route: { kind: 'overview' } }],
    ['#/note/topics.scaling_laws', { route: note('topics.scaling_laws') }],
    ['#/note/topics.a?local=2&hide=ghosts,orphans', { route: note('topics.a'), localDepth: 2, hideGhosts: true, hideOrphans: true }],
    ['#/note/a?folders=-people,-scratch&tag=agi&colour=tag', { route: note('a'), hiddenFolders: ['people', 'scratch'], tag: 'agi', colourBy: 'tag' }],
    ['#/note/a?local=9&colour=purple', { route: note('a') }],
  ])('%s', (hash, expected) => {
    expect(urlToState(hash)).toEqual({ ...DEFAULT_URL_STATE, hiddenFolders: [], ...expected });
  });

  it.each([
    ['#/note/%E0%A4%A', '%E0%A4%A'],
    ['#/note/<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['#/note/%3Cscript%3E', '<script>'],
    ['#/"><script>alert(1)</script>', '/"><script>alert(1)</script>'],
    ['#/note/', ''],
  ])('a malformed or hostile hash %s is "invalid", never a crash', (hash, text) => {
    expect(urlToState(hash).route).toEqual({ kind: 'invalid', text });
  });

  it('never throws, whatever the hash', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (hash) => void urlToState(`#${hash}`)));
  });
});

describe('stateToUrl', () => {
  it('leaves defaults out, so plain links stay short', () => {
    expect(stateToUrl({ ...DEFAULT_URL_STATE, route: note('topics.a') })).toBe('#/note/topics.a');
    expect(stateToUrl(DEFAULT_URL_STATE)).toBe('#/');
  });

  it('round-trips every view state a user can make', () => {
    const states = fc.record({
      route: fc.oneof(fc.constant({ kind: 'overview' as const }), fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,30}$/).map((id) => note(id))),
      localDepth: fc.integer({ min: 0, max: 3 }),
      hideGhosts: fc.boolean(),
      hideOrphans: fc.boolean(),
      hiddenFolders: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }).filter((f) => !f.includes(',')), { maxLength: 4 }).map((f) => f.sort()),
      tag: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
      colourBy: fc.constantFrom('folder' as const, 'type' as const, 'tag' as const),
    });
    fc.assert(
      fc.property(states, (state) => {
        const expected = { ...state, localDepth: state.route.kind === 'note' ? state.localDepth : 0 };
        expect(urlToState(stateToUrl(state))).toEqual(expected);
      }),
    );
  });
});
