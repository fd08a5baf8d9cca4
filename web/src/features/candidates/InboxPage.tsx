import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { PageLoader } from '@app/pages/PageLoader';
import {
  useAdviserMessages,
  useMarkMessageRead,
  useMarkMismatchRead,
  useMismatches,
  type AdviserMessage,
  type Mismatch,
} from './candidates-queries';
import { formatDate, formatDateTime, JOBREADY_LABELS } from './labels';

/** One inbox item: what happened, to whom, and "Afgehandeld" until it is marked read. */
function InboxItem({
  unread,
  kind,
  title,
  candidateId,
  candidateName,
  at,
  children,
  onHandled,
  busy,
}: {
  unread: boolean;
  kind: string;
  title: string;
  candidateId: string;
  candidateName: string;
  at: string;
  children: ReactNode;
  onHandled: () => void;
  busy: boolean;
}) {
  return (
    <Paper withBorder p="sm" component="li" bg={unread ? undefined : 'gray.0'}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            {unread ? (
              <Badge color="blue.9">Nieuw</Badge>
            ) : (
              <Badge variant="outline" color="gray.8">
                Afgehandeld
              </Badge>
            )}
            <Badge variant="outline" color="gray.8">
              {kind}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(at)}
            </Text>
          </Group>
          <Text fw={600} size="sm">
            <Anchor component={Link} to={`/kandidaten/${candidateId}`}>
              {candidateName}
            </Anchor>{' '}
            · {title}
          </Text>
          {children}
        </Stack>
        {unread && (
          <Button
            size="xs"
            variant="default"
            loading={busy}
            onClick={onHandled}
            aria-label={`${kind} over ${candidateName} afgehandeld`}
          >
            Afgehandeld
          </Button>
        )}
      </Group>
    </Paper>
  );
}

const MESSAGE_KIND: Record<AdviserMessage['kind'], string> = { AT_RISK: 'Risico', LEFT_JOB: 'Uit dienst' };

/**
 * The adviser's inbox: mismatches sent back by matchers (reassess the client) and news from aftersales
 * (a placed client at risk or out of the job), each list unread first; "Afgehandeld" marks it read.
 */
export default function InboxPage() {
  const mismatches = useMismatches();
  const messages = useAdviserMessages();
  const markMismatch = useMarkMismatchRead();
  const markMessage = useMarkMessageRead();

  const handled = async (mark: () => Promise<unknown>) => {
    try {
      await mark();
      showSuccess('Gemarkeerd als afgehandeld.');
    } catch (error) {
      showError(error);
    }
  };

  const unreadMismatches = mismatches.data?.filter((item) => item.readAt === null).length ?? 0;
  const unreadMessages = messages.data?.filter((item) => item.readAt === null).length ?? 0;

  return (
    <Stack maw={960}>
      <Title order={1}>Inbox</Title>
      <section aria-labelledby="mismatches-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="mismatches-title">
            Mismatches van matchers {mismatches.data ? `(${unreadMismatches} nieuw)` : ''}
          </Title>
          {mismatches.isPending ? (
            <PageLoader />
          ) : mismatches.isError ? (
            <Text role="alert">{describeError(mismatches.error)}</Text>
          ) : mismatches.data.length === 0 ? (
            <Text size="sm">Geen mismatches.</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {mismatches.data.map((item: Mismatch) => (
                <InboxItem
                  key={item.proposalId}
                  unread={item.readAt === null}
                  kind="Mismatch"
                  title={`${item.vacancyTitle} bij ${item.employerName}`}
                  candidateId={item.candidateId}
                  candidateName={item.candidateName}
                  at={item.rejectedAt}
                  busy={markMismatch.isPending && markMismatch.variables === item.proposalId}
                  onHandled={() => void handled(() => markMismatch.mutateAsync(item.proposalId))}
                >
                  <Text size="sm">“{item.text}”</Text>
                  <Text size="xs" c="dimmed">
                    Jobready nu: {JOBREADY_LABELS[item.jobreadyNow as 'YES'] ?? item.jobreadyNow}
                  </Text>
                </InboxItem>
              ))}
            </Stack>
          )}
        </Stack>
      </section>
      <section aria-labelledby="messages-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="messages-title">
            Berichten van aftersales {messages.data ? `(${unreadMessages} nieuw)` : ''}
          </Title>
          {messages.isPending ? (
            <PageLoader />
          ) : messages.isError ? (
            <Text role="alert">{describeError(messages.error)}</Text>
          ) : messages.data.length === 0 ? (
            <Text size="sm">Geen berichten.</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {messages.data.map((item) => (
                <InboxItem
                  key={item.id}
                  unread={item.readAt === null}
                  kind={MESSAGE_KIND[item.kind]}
                  title={`${item.vacancyTitle} bij ${item.employerName}`}
                  candidateId={item.candidateId}
                  candidateName={item.candidateName}
                  at={item.createdAt}
                  busy={markMessage.isPending && markMessage.variables === item.id}
                  onHandled={() => void handled(() => markMessage.mutateAsync(item.id))}
                >
                  {item.kind === 'LEFT_JOB' && <Text size="sm">Laatste werkdag: {formatDate(item.endDate)}</Text>}
                  {item.reason && <Text size="sm">“{item.reason}”</Text>}
                </InboxItem>
              ))}
            </Stack>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
