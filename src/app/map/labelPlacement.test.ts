import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelCandidate } from './labelPlacement.ts';

const note = (id: string, x: number, y: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({ id, x, y, size: 20, fontSize: 12, length: 10, degree: 1, ...extra });

const overlaps = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('placeLabels', () => {
  it('keeps every label when none would overlap', () => {
    const notes = [note('a', 0, 0), note('b', 500, 0), note('c', 0, 500)];
    expect(placeLabels(notes, 1)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('of two overlapping labels, keeps the bigger one, then the better-linked one', () => {
    expect(placeLabels([note('small', 0, 0), note('big', 10, 5, { fontSize: 20 })], 1)).toEqual(new Set(['big']));
    expect(placeLabels([note('few', 0, 0, { degree: 2 }), note('many', 10, 5, { degree: 9 })], 1)).toEqual(new Set(['many']));
  });

  it('shows the labels a zoom-in separates', () => {
    const notes = [note('a', 0, 0), note('b', 60, 0)]; // 10 characters of 12 px: about 66 px wide at zoom 1
    expect(placeLabels(notes, 1).size).toBe(1);
    expect(placeLabels(notes, 2).size).toBe(2);
  });

  it('always keeps forced labels (the selection), then prefers highlighted ones (its neighbours) where they fit', () => {
    const placed = placeLabels([
      note('hub', 0, 0, { fontSize: 30, degree: 50 }),
      note('selected', 5, 0, { forced: true }),
      note('neighbour', 8, 2, { highlighted: true }), // under the selected note's label: left out
      note('other neighbour', 0, 100, { highlighted: true }),
      note('bigger', 4, 104, { fontSize: 30 }), // would cover the neighbour's label
    ], 1);
    expect(placed).toEqual(new Set(['selected', 'other neighbour']));
  });

  it('keeps labels clear of other labelled notes\' discs, which are drawn over them', () => {
    // 'hub' (bigger label, placed first) sits right where 'under' would write its name: 'under' stays unlabelled.
    expect(placeLabels([note('hub', 0, 40, { fontSize: 20, size: 30 }), note('under', 0, 0)], 1)).toEqual(new Set(['hub']));
    // 'late' would put its disc on 'first''s label: it stays unlabelled (and so is drawn below that label).
    expect(placeLabels([note('first', 0, 0, { fontSize: 20 }), note('late', 20, 25, { size: 30 })], 1)).toEqual(new Set(['first']));
    // Far enough apart, both.
    expect(placeLabels([note('first', 0, 0, { fontSize: 20 }), note('late', 400, 25, { size: 30 })], 1)).toEqual(new Set(['first', 'late']));
  });

  it('never lets two placed labels overlap, on a crowded map', () => {
    const notes: LabelCandidate[] = [];
    for (let i = 0; i < 2000; i++) notes.push(note(`n${i}`, (i * 7919) % 1000, (i * 104729) % 800, { fontSize: 8 + (i % 5) * 4, length: 4 + (i % 30), degree: i % 17 }));
    const placed = [...placeLabels(notes, 0.8)].map((id) => labelBox(notes.find((n) => n.id === id)!, 0.8));
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThan(2000);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
  });

  it('is the same whatever order the notes come in', () => {
    const notes = Array.from({ length: 300 }, (_, i) => note(`n${i}`, (i * 37) % 400, (i * 91) % 300, { degree: i % 7 }));
    expect(placeLabels([...notes].reverse(), 1)).toEqual(placeLabels(notes, 1));
  });
});
