// Cytoscape events -> store actions. Bound once per Cytoscape instance.
import { useEffect } from 'react';
import type { Core, EventObject } from 'cytoscape';
import type { NoteId } from '../../shared/schema.ts';
import { selectNote, setHovered } from '../store/store.ts';
import { zoomToRegion } from './mapController.ts';

export function useMapEvents(cy: Core | undefined): void {
  useEffect(() => {
    if (!cy) return;
    const onTap = (event: EventObject) => {
      if (event.target.hasClass('region')) zoomToRegion(event.target);
      else selectNote(event.target.id() as NoteId);
    };
    const onOver = (event: EventObject) => {
      if (event.target.hasClass('region')) return;
      setHovered(event.target.id() as NoteId);
      cy.container()?.style.setProperty('cursor', 'pointer');
    };
    const onOut = () => {
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
      cy.off('tap', 'node', onTap);
      cy.off('mouseover', 'node', onOver);
      cy.off('mouseout', 'node', onOut);
      cy.off('tap', onBackgroundTap);
    };
  }, [cy]);
}
