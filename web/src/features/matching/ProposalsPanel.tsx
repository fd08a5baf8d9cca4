import { Anchor, Button, Group, Modal, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schema } from '@api/types';
import { describeError } from '@app/errors/messages';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { useCurrentUser } from '@app/session';
import { formatDate, PROPOSAL_STATE_LABELS, REJECTION_REASON_LABELS } from './labels';
import { useMoveProposal, type Vacancy } from './matching-queries';
import { PlacementDialog } from './PlacementDialog';

type ProposalItem = Schema<'ProposalListItemDto'>;
type Page = Schema<'ProposalPageDto'>;

/** The roles that may move a proposal along (POST /api/proposals/{id}/transitions in the matrix). */
const MOVERS = ['MATCHER', 'ADMIN'];

/** Proposals per placement for the vacancy: those proposed to the employer ÷ those placed (aim: 2 or fewer). */
function ratioText(items: readonly ProposalItem[]): string {
  const proposed = items.filter((item) => item.proposedAt !== null).length;
  const placed = items.filter((item) => item.state === 'HIRED').length;
  const ratio = placed > 0 ? (proposed / placed).toLocaleString('nl-NL', { maximumFractionDigits: 1 }) : null;
  return (
    `${proposed} voorgesteld, ${placed} geplaatst` +
    (ratio ? `: ${ratio} voorstellen per plaatsing (doel: 2 of minder)` : '')
  );
}

/**
 * The vacancy's pipeline: every proposal with its stand, and the next steps: propose, interview,
 * reject with a reason, mismatch back to the adviser with a note, and place from the interview.
 */
export function ProposalsPanel({
  vacancy,
  proposals,
  onOpenCandidate,
}: {
  vacancy: Vacancy;
  proposals: UseQueryResult<Page>;
  onOpenCandidate: (candidateId: string) => void;
}) {
  const { user } = useCurrentUser();
  const mayMove = MOVERS.some((role) => user.roles.includes(role as never));
  const move = useMoveProposal(vacancy.id);
  const [closing, setClosing] = useState<{ proposal: ProposalItem; mismatch: boolean } | null>(null);
  const [placing, setPlacing] = useState<ProposalItem | null>(null);
  const name = (item: ProposalItem) => item.candidateName ?? 'Verwijderde kandidaat';

  const step = async (item: ProposalItem, to: 'PROPOSED' | 'INTERVIEW') => {
    try {
      await move.mutateAsync({ id: item.id, to, version: item.version });
      showSuccess(
        to === 'PROPOSED' ? `${name(item)} is voorgesteld.` : `${name(item)} is uitgenodigd voor een gesprek.`,
      );
    } catch (error) {
      showFormError(form0, error);
    }
  };
  // A form without fields: every error of a one-click step becomes a notification.
  const form0 = useForm({ initialValues: {} });

  return (
    <Stack component="section" aria-labelledby="voorstellen-kop" gap="xs">
      <Title order={2} size="h3" id="voorstellen-kop">
        Voorstellen
      </Title>
      {proposals.isPending ? null : proposals.isError ? (
        <Text role="alert">{describeError(proposals.error)}</Text>
      ) : proposals.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nog niemand voorgesteld.
        </Text>
      ) : (
        <>
          <Text size="sm">{ratioText(proposals.data.items)}</Text>
          <Table withTableBorder fz="sm" verticalSpacing={4}>
            <caption>Voorstellen voor deze vacature</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kandidaat</Table.Th>
                <Table.Th scope="col">Stand</Table.Th>
                <Table.Th scope="col">Score</Table.Th>
                <Table.Th scope="col">Sinds</Table.Th>
                {mayMove && <Table.Th scope="col">Volgende stap</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onOpenCandidate(item.candidateId)}
                    >
                      {name(item)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {PROPOSAL_STATE_LABELS[item.state]}
                    {item.reasonCode ? ` (${REJECTION_REASON_LABELS[item.reasonCode] ?? item.reasonCode})` : ''}
                  </Table.Td>
                  <Table.Td>{Math.round(item.score)}</Table.Td>
                  <Table.Td>
                    {formatDate(item.closedAt ?? item.interviewAt ?? item.proposedAt ?? item.createdAt)}
                  </Table.Td>
                  {mayMove && (
                    <Table.Td>
                      <Group gap={4}>
                        {item.state === 'SHORTLISTED' && (
                          <Button size="compact-xs" onClick={() => void step(item, 'PROPOSED')}>
                            Voorstellen
                          </Button>
                        )}
                        {item.state === 'PROPOSED' && (
                          <Button
                            size="compact-xs"
                            onClick={() => void step(item, 'INTERVIEW')}
                            aria-label={`${name(item)}: gesprek`}
                          >
                            Gesprek
                          </Button>
                        )}
                        {item.state === 'INTERVIEW' && (
                          <Button
                            size="compact-xs"
                            onClick={() => setPlacing(item)}
                            aria-label={`${name(item)} plaatsen`}
                          >
                            Plaatsen
                          </Button>
                        )}
                        {['SHORTLISTED', 'PROPOSED', 'INTERVIEW'].includes(item.state) && (
                          <>
                            <Button
                              size="compact-xs"
                              variant="default"
                              onClick={() => setClosing({ proposal: item, mismatch: false })}
                              aria-label={`${name(item)} afwijzen`}
                            >
                              Afwijzen
                            </Button>
                            <Button
                              size="compact-xs"
                              variant="default"
                              onClick={() => setClosing({ proposal: item, mismatch: true })}
                              aria-label={`${name(item)}: mismatch`}
                            >
                              Mismatch
                            </Button>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {closing && (
        <CloseDialog
          vacancyId={vacancy.id}
          proposal={closing.proposal}
          mismatch={closing.mismatch}
          onClose={() => setClosing(null)}
        />
      )}
      {placing && (
        <PlacementDialog
          proposalId={placing.id}
          candidateName={name(placing)}
          vacancy={vacancy}
          onClose={() => setPlacing(null)}
        />
      )}
    </Stack>
  );
}

const REASONS = Object.entries(REJECTION_REASON_LABELS)
  .filter(([code]) => code !== 'MISMATCH_NOT_JOBREADY')
  .map(([value, label]) => ({ value, label }));

/** Rejection with its reason, or a mismatch: back to the adviser with a note (the candidate is reassessed). */
function CloseDialog({
  vacancyId,
  proposal,
  mismatch,
  onClose,
}: {
  vacancyId: string;
  proposal: ProposalItem;
  mismatch: boolean;
  onClose: () => void;
}) {
  const move = useMoveProposal(vacancyId);
  const candidateName = proposal.candidateName ?? 'Verwijderde kandidaat';
  const form = useForm({
    mode: 'controlled',
    initialValues: { reasonCode: mismatch ? 'MISMATCH_NOT_JOBREADY' : '', text: '' },
    validate: {
      reasonCode: (value) => (value ? null : 'Kies een reden.'),
      text: (value) => (value.trim() ? null : 'Schrijf erbij waarom.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await move.mutateAsync({
        id: proposal.id,
        to: 'REJECTED',
        reasonCode: values.reasonCode as Schema<'ProposalTransitionDto'>['reasonCode'],
        text: values.text.trim(),
        version: proposal.version,
      });
      showSuccess(
        mismatch
          ? `Mismatch gemeld: ${candidateName} gaat terug naar de klantregisseur.`
          : `${candidateName} is afgewezen.`,
      );
      onClose();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <Modal opened onClose={onClose} title={mismatch ? `Mismatch: ${candidateName}` : `${candidateName} afwijzen`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {mismatch ? (
            <Text size="sm">
              De kandidaat bleek niet werkfit. De klantregisseur krijgt je notitie en beoordeelt opnieuw; tot dan staat
              de kandidaat niet meer op ranglijsten.
            </Text>
          ) : (
            <Select label="Reden" required data={REASONS} {...form.getInputProps('reasonCode')} />
          )}
          <Textarea
            label={mismatch ? 'Notitie voor de klantregisseur' : 'Toelichting'}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuleren
            </Button>
            <Button type="submit" color={mismatch ? 'orange' : 'red'} loading={move.isPending}>
              {mismatch ? 'Terug naar klantregisseur' : 'Afwijzen'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
