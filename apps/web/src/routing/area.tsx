// An area of the app (officer, approver, finance, ...) is one module in pages/<area>/routes.tsx exporting an
// AreaModule: its routes (children of the signed-in layout) and its navigation entries. routes.tsx lists
// the areas; the layout's navigation and the role home pages are built from them.
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoader } from '../components/PageState';
import type { Role } from '../auth/session';
import { RequireRole } from './guards';

export interface NavEntry {
  /** Absolute path, e.g. '/officer/borrowers'. */
  to: string;
  /** i18n key with its namespace, e.g. 'officer:nav.borrowers'. */
  label: string;
  /** Optional one-line description (i18n key) for the home page card. */
  description?: string;
  /** Who sees the entry (and may open the page). */
  roles: readonly Role[];
}

export interface AreaModule {
  id: string;
  nav: NavEntry[];
  routes: RouteObject[];
}

/**
 * A route whose page is loaded on demand (its own chunk: phones download only what they open) and shown
 * only to the given roles. `load` imports a module whose default export is the page component.
 */
export function rolePage(path: string, roles: readonly Role[], load: () => Promise<{ default: ComponentType }>): RouteObject {
  const Page = lazy(load);
  return { path, element: guarded(roles, <Page />) };
}

export function guarded(roles: readonly Role[], element: ReactNode): ReactNode {
  return (
    <RequireRole roles={roles}>
      <Suspense fallback={<PageLoader />}>{element}</Suspense>
    </RequireRole>
  );
}
