import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

/** A page that only says something: no access, not found, something went wrong. */
export function MessagePage({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Matching`;
  }, [title]);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{title}</Title>
        <Text>{children}</Text>
        {action ?? (
          <div>
            <Button component={Link} to="/">
              Naar de startpagina
            </Button>
          </div>
        )}
      </Stack>
    </Container>
  );
}

export function ForbiddenPage() {
  return (
    <MessagePage title="Geen toegang">
      Je rol geeft geen toegang tot deze pagina. Denk je dat je hem wel nodig hebt? Vraag het je beheerder.
    </MessagePage>
  );
}

export function NotFoundPage() {
  return (
    <MessagePage title="Pagina niet gevonden">
      Deze pagina bestaat niet. Controleer het adres of ga terug naar de start.
    </MessagePage>
  );
}
