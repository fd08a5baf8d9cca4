import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { navigationFor } from '@app/access';
import { showError } from '@app/errors/show-error';
import { useCurrentUser, useSession } from '@app/session';
import { PageLoader } from '@app/pages/PageLoader';
import classes from './AppLayout.module.css';

/** The frame of every signed-in page: who is signed in, what they may use, and the page. */
export function AppLayout() {
  const { user, unitName } = useCurrentUser();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const pages = navigationFor(user.roles, user.organisation);
  const sections = [...new Set(pages.map((page) => page.section))];

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#inhoud" className={classes.skip}>
        Naar de inhoud
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Anchor component={RouterNavLink} to="/" underline="never" c="inherit">
              <Title order={2} size="h4">
                Matching
              </Title>
            </Anchor>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" aria-label="Aangemeld als">
              <Text size="sm" fw={600}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {user.organisationName} · {unitName}
              </Text>
            </Stack>
            <Button
              variant="default"
              size="xs"
              onClick={() => void session.signOut().catch((error: unknown) => showError(error))}
            >
              Afmelden
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* A long menu (an administrator's has five sections) scrolls inside the navbar instead of being cut off. */}
      <AppShell.Navbar p="xs" aria-label="Hoofdmenu" style={{ overflowY: 'auto' }}>
        {sections.map((section) => (
          <Stack key={section ?? 'start'} gap={2} mb="sm">
            {section && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs">
                {section}
              </Text>
            )}
            {pages
              .filter((page) => page.section === section)
              .map((page) => (
                <NavLink
                  key={page.path}
                  component={RouterNavLink}
                  to={page.path}
                  // Exactly this page: on /kandidaten/inbox only Inbox is current, not Kandidaten too.
                  end
                  label={page.title}
                  active={location.pathname === page.path}
                  onClick={close}
                />
              ))}
          </Stack>
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="inhoud" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
