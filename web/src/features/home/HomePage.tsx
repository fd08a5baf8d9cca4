import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { navigationFor, ROLE_LABELS } from '@app/access';
import { useCurrentUser } from '@app/session';

export default function HomePage() {
  const { user, unitName } = useCurrentUser();
  const pages = navigationFor(user.roles, user.organisation).filter((page) => page.path !== '/');
  return (
    <Stack maw={720}>
      <Title order={1}>Welkom, {user.name}</Title>
      <Text>
        Je werkt bij {user.organisationName}, eenheid {unitName}, als{' '}
        {user.roles.map((role) => ROLE_LABELS[role]).join(', ')}.
      </Text>
      {pages.length > 0 ? (
        <>
          <Title order={2} size="h3">
            Aan de slag
          </Title>
          <List>
            {pages.map((page) => (
              <List.Item key={page.path}>
                <Anchor component={Link} to={page.path}>
                  {page.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text c="dimmed">De schermen voor je rol komen er binnenkort bij.</Text>
      )}
    </Stack>
  );
}
