// Cytoscape events -> store actions. Bound once per Cytoscape instance.
import { useEffect } from 'react';
import type { Core, EventObject } from 'cytoscape';
import type { NoteId } from '../../shared/schema.ts';
import { selectNote, setHovered } from '../store/store.ts';
import { zoomToRegion } from './mapController.ts';

/** The pointer must rest on a note this long before its neighbourhood lights up (each change redraws the map). */
const HOVER_DELAY_MS = 150;
/** A press held this long is not a click: the map draws again, whether or not a release ever arrives. */
const MAX_HOLD_MS = 1000;

export function useMapEvents(cy: Core | undefined): void {
  useEffect(() => {
    if (!cy) return;
    let hoverTimer: ReturnType<typeof setTimeout> | undefined;
    // Pressing a note restyles it (Cytoscape's :active state), and at 25k the redraw that follows takes
    // ~50 ms, in the very frame that should show the note panel. So the map holds its redraws (a batch)
    // from the press until the frame after the release is painted; a drag lets them go at once.
    let holding = false;
    let holdTimer: ReturnType<typeof setTimeout> | undefined;
    const hold = () => {
      if (holding) return;
      holding = true;
      cy.startBatch();
      holdTimer = setTimeout(letGoNow, MAX_HOLD_MS);
    };
    const letGoNow = () => {
      if (!holding) return;
      holding = false;
      clearTimeout(holdTimer);
      cy.endBatch();
    };
    const letGoAfterPaint = () => {
      if (!holding) return;
      holding = false;
      clearTimeout(holdTimer);
      requestAnimationFrame(() => setTimeout(() => cy.destroyed() || cy.endBatch()));
    };
    const onTap = (event: EventObject) => {
      clearTimeout(hoverTimer);
      if (event.target.hasClass('region')) zoomToRegion(event.target);
      else selectNote(event.target.id() as NoteId);
    };
    const onOver = (event: EventObject) => {
      if (event.target.hasClass('region')) return;
      const id = event.target.id() as NoteId;
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => setHovered(id), HOVER_DELAY_MS);
      cy.container()?.style.setProperty('cursor', 'pointer');
    };
    const onOut = () => {
      clearTimeout(hoverTimer);
      setHovered(undefined);
      cy.container()?.style.removeProperty('cursor');
    };
    const onBackgroundTap = (event: EventObject) => {
      if (event.target === cy) setHovered(undefined);
    };
    cy.on('tapstart', 'node', hold);
    cy.on('tapdrag', letGoNow);
    cy.on('tapend', letGoAfterPaint);
    cy.on('tap', 'node', onTap);
    cy.on('mouseover', 'node', onOver);
    cy.on('mouseout', 'node', onOut);
    cy.on('tap', onBackgroundTap);
    window.addEventListener('blur', letGoNow); // a release outside the page may never reach Cytoscape
    return () => {
      window.removeEventListener('blur', letGoNow);
      clearTimeout(hoverTimer);
      letGoNow();
      cy.off('tapstart', 'node', hold);
      cy.off('tapdrag', letGoNow);
      cy.off('tapend', letGoAfterPaint);
      cy.off('tap', 'node', onTap);
      cy.off('mouseover', 'node', onOver);
      cy.off('mouseout', 'node', onOut);
      cy.off('tap', onBackgroundTap);
    };
  }, [cy]);
}
