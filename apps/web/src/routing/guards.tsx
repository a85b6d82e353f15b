import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { hasAnyRole, type Role } from '../auth/session';

/** Signed-in users only: others go to /login, which brings them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}

/** The page for these roles only; the api checks again, this only spares the user a page of 403s. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useTranslation();
  if (!hasAnyRole(user, roles)) {
    return (
      <Alert color="yellow" title={t('forbidden.title')} role="alert">
        {t('forbidden.detail')}
      </Alert>
    );
  }
  return <>{children}</>;
}
