import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { AREAS } from '../../areas';
import { useAuth } from '../../auth/AuthContext';
import type { Role } from '../../auth/session';

const ROLE_ORDER: readonly Role[] = ['admin', 'loan_officer', 'approver', 'finance', 'borrower'];

/**
 * The home page: for each role the user holds, the pages that role works in, as cards. A borrower has one
 * page only, the portal, and goes straight there.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  if (user.roles.length === 1 && user.roles[0] === 'borrower') return <Navigate to="/portal" replace />;

  const roles = ROLE_ORDER.filter((r) => user.roles.includes(r));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2" data-testid="home-title">
        {t('home.greeting', { name: user.fullName })}
      </Title>
      {roles.map((role) => {
        const entries = AREAS.flatMap((a) => a.nav).filter((e) => e.roles.includes(role));
        return (
          <section key={role} data-testid={`home-${role}`} aria-labelledby={`home-${role}-title`}>
            <Title order={2} size="h4" mb="sm" id={`home-${role}-title`}>
              {t(`home.roleTitle.${role}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }}>
              {entries.map((e) => (
                <Card key={e.to} component={Link} to={e.to} withBorder padding="md" radius="md">
                  <Text fw={600}>{t(e.label)}</Text>
                  {e.description && (
                    <Text size="sm" c="dimmed">
                      {t(e.description)}
                    </Text>
                  )}
                </Card>
              ))}
            </SimpleGrid>
          </section>
        );
      })}
    </Stack>
  );
}
