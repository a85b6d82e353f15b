// The app's routes: /login, then everything else inside the signed-in layout, built from the area modules.
// Adding an area = one pages/<area>/routes.tsx and one line in AREAS (areas.ts).
import type { RouteObject } from 'react-router';
import { AREAS } from './areas';
import { AppLayout } from './layout/AppLayout';
import HomePage from './pages/home/HomePage';
import LoginPage from './pages/login/LoginPage';
import NotFoundPage from './pages/home/NotFoundPage';
import { RequireAuth } from './routing/guards';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [{ index: true, element: <HomePage /> }, ...AREAS.flatMap((a) => a.routes), { path: '*', element: <NotFoundPage /> }],
  },
];
