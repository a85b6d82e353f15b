import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table too wide for a phone: it scrolls sideways inside this box, never the page (the 360 px rule).
 * The box is a focusable, labelled region so keyboard users can scroll it too (axe
 * scrollable-region-focusable); the native scroller keeps that focus on the element that scrolls.
 */
export function WideTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
