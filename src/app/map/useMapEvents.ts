// Cytoscape events -> store actions. Bound once per Cytoscape instance.
import { useEffect } from 'react';
import type { Core, EventObject } from 'cytoscape';
import type { NoteId } from '../../shared/schema.ts';
import { selectNote, setHovered } from '../store/store.ts';
import { zoomToRegion } from './mapController.ts';

/** The pointer must rest on a note this long before its neighbourhood lights up (each change redraws the map). */
const HOVER_DELAY_MS = 150;

export function useMapEvents(cy: Core | undefined): void {
  useEffect(() => {
    if (!cy) return;
    let hoverTimer: ReturnType<typeof setTimeout> | undefined;
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
    cy.on('tap', 'node', onTap);
    cy.on('mouseover', 'node', onOver);
    cy.on('mouseout', 'node', onOut);
    cy.on('tap', onBackgroundTap);
    return () => {
      clearTimeout(hoverTimer);
      cy.off('tap', 'node', onTap);
      cy.off('mouseover', 'node', onOver);
      cy.off('mouseout', 'node', onOut);
      cy.off('tap', onBackgroundTap);
    };
  }, [cy]);
}
