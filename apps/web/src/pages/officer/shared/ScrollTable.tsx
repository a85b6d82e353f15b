import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls inside itself when the screen is narrower than `minWidth` (never the page: the 360 px
 * rule). The scrolling viewport takes keyboard focus and has a name, so it can be scrolled without a mouse
 * (axe scrollable-region-focusable).
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}
