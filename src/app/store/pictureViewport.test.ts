import { beforeEach, describe, expect, it } from 'vitest';
import type { NoteId } from '../../shared/schema.ts';
import { applyUrlState, atlasStore, mapStageReached, pictureMoved, resetStore, selectNote } from './store.ts';

const moved = { zoom: 2, pan: { x: 10, y: 20 } };
const pictureViewport = () => atlasStore.getState().pictureViewport;

describe('where the user moved the still picture', () => {
  beforeEach(() => resetStore());

  it('is forgotten when a new note is selected, so the live map opens centred on it', () => {
    pictureMoved(moved);
    expect(pictureViewport()).toEqual(moved);
    selectNote('a' as NoteId);
    expect(pictureViewport()).toBeUndefined();
  });

  it('is kept when only the filters change, and when back or forward land on the same note', () => {
    selectNote('a' as NoteId);
    pictureMoved(moved);
    applyUrlState({ ...atlasStore.getState().view, hideGhosts: true });
    expect(pictureViewport()).toEqual(moved);
    applyUrlState({ ...atlasStore.getState().view, route: { kind: 'note', id: 'b' as NoteId } });
    expect(pictureViewport()).toBeUndefined();
  });

  it('is done with once the live map has drawn (it owns the viewport from then on)', () => {
    mapStageReached('preview');
    pictureMoved(moved);
    mapStageReached('drawn');
    expect(pictureViewport()).toBeUndefined();
    expect(atlasStore.getState().mapStage).toBe('drawn');
  });
});
