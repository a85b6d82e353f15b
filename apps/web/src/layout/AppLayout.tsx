import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { navFor } from '../areas';
import { useAuth } from '../auth/AuthContext';
import { BusinessDate } from './BusinessDate';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The signed-in frame: a header (burger on phones, name, business date, language) and a navigation of the
 * pages the user's roles open. Below the `sm` breakpoint the navigation folds behind the burger, so the
 * page itself gets the whole 360 px.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const entries = navFor(user?.roles ?? []);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="sm" gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Text component={RouterNavLink} to="/" fw={700} size="lg" c="lumbung.8" onClick={close}>
              Lumbung
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <BusinessDate />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <AppShell.Section>
          <Text size="sm" fw={600} truncate data-testid="user-name">
            {user?.fullName}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {user?.roles.map((r) => t(`roles.${r}`)).join(', ')}
          </Text>
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            <NavLink component={RouterNavLink} to="/" end label={t('shell.home')} active={location.pathname === '/'} onClick={close} />
            {entries.map((e) => (
              <NavLink
                key={e.to}
                component={RouterNavLink}
                to={e.to}
                label={t(e.label)}
                active={location.pathname === e.to || location.pathname.startsWith(`${e.to}/`)}
                onClick={close}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Button variant="light" color="gray" fullWidth onClick={logout} data-testid="logout">
            {t('shell.logout')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
