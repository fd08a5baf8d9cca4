import {
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { mayOpenPath } from '@app/access';
import { ApiError } from '@app/errors/api-error';
import { describeError } from '@app/errors/messages';
import { showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { PageLoader } from '@app/pages/PageLoader';
import { useCurrentUser } from '@app/session';
import { CANDIDATE_READERS, CandidateDrawer } from './CandidateDrawer';
import { formatDate, POOL_LABELS, PROPOSAL_STATE_LABELS, wwEndsText } from './labels';
import {
  useProposeCandidate,
  useVacancy,
  useVacancyMatches,
  useVacancyProposals,
  type CandidateSummary,
  type Pool,
  type RankedCandidate,
} from './matching-queries';
import { MissingOthers } from './MissingOthers';
import { ProposalsPanel } from './ProposalsPanel';
import { ScoreBar, ScoreExplanation } from './ScoreBar';
import { VacancyProfile } from './VacancyProfile';

/** The roles that may shortlist and propose (POST /api/vacancies/{id}/proposals in the matrix). */
const PROPOSERS = ['MATCHER', 'ADMIN'];
const OPEN_STATES = ['SHORTLISTED', 'PROPOSED', 'INTERVIEW'];

const POOL_CHOICES: Array<{ value: string; label: string; pools: Pool[] }> = [
  { value: 'beide', label: 'Beide pools', pools: [] },
  { value: 'WW', label: 'WW', pools: ['WW'] },
  { value: 'BIJSTAND', label: 'Bijstand', pools: ['BIJSTAND'] },
];

/** Keys typed into a field, or while a dialog is open, are the field's, not the list's. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

/**
 * A vacancy's ranked list: its profile, then the candidates of both pools best first, each with the
 * score split into its components, and why others are missing. The matcher works it from the top:
 * j/k move, Enter opens the candidate, p proposes (buttons do the same with the mouse).
 */
export default function VacancyPage() {
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const [poolChoice, setPoolChoice] = useState('beide');
  const pools = POOL_CHOICES.find((choice) => choice.value === poolChoice)!.pools;
  const vacancy = useVacancy(id);
  const matches = useVacancyMatches(id, pools);
  const proposals = useVacancyProposals(id);
  const [openCandidate, setOpenCandidate] = useState<string | null>(null);
  const [proposing, setProposing] = useState<CandidateSummary | null>(null);
  const [active, setActive] = useState(-1);
  const rowButtons = useRef<Array<HTMLButtonElement | null>>([]);

  const mayPropose = PROPOSERS.some((role) => user.roles.includes(role as never));
  const mayReadCandidate = CANDIDATE_READERS.some((role) => user.roles.includes(role as never));
  const items = useMemo(() => matches.data?.pages.flatMap((page) => page.items) ?? [], [matches.data]);
  const first = matches.data?.pages[0];
  const proposalByCandidate = useMemo(() => {
    const map = new Map<string, string>();
    // Newest first from the API: the first seen per candidate is the current one.
    for (const proposal of proposals.data?.items ?? []) {
      if (!map.has(proposal.candidateId)) map.set(proposal.candidateId, proposal.state);
    }
    return map;
  }, [proposals.data]);
  const hasOpenProposal = (candidateId: string) => OPEN_STATES.includes(proposalByCandidate.get(candidateId) ?? '');

  const open = (candidateId: string) => {
    if (mayReadCandidate) setOpenCandidate(candidateId);
  };
  const propose = (candidate: CandidateSummary) => {
    if (mayPropose && !hasOpenProposal(candidate.id)) setProposing(candidate);
  };

  const dialogOpen = openCandidate !== null || proposing !== null;
  // Reads the current list and row on every key, without re-adding the listener.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || dialogOpen) return;
    if (isTyping(event.target) || items.length === 0) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(items.length - 1, to));
      setActive(next);
      rowButtons.current[next]?.focus();
    };
    const current = items[active];
    if (event.key === 'j') {
      event.preventDefault();
      move(active + 1);
    } else if (event.key === 'k') {
      event.preventDefault();
      move(active - 1);
    } else if (event.key === 'p' && current) {
      event.preventDefault();
      propose(current.candidate);
    } else if (event.key === 'Enter' && current && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      open(current.candidate.id);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  if (vacancy.isPending) return <PageLoader />;
  if (vacancy.isError) return <Alert role="alert">{describeError(vacancy.error)}</Alert>;
  const forbidden = matches.error instanceof ApiError && matches.error.status === 403;

  return (
    <Stack>
      <Anchor component={Link} to="/vacatures" size="sm">
        ← Open vacatures
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{vacancy.data.title}</Title>
        {mayOpenPath(user.roles, '/vacatures/:id/gegevens') && (
          <Anchor component={Link} to={`/vacatures/${vacancy.data.id}/gegevens`}>
            Vacaturegegevens en status
          </Anchor>
        )}
      </Group>
      <VacancyProfile vacancy={vacancy.data} />

      {forbidden ? (
        <Alert color="orange" title="Geen toegang tot deze ranglijst" role="alert">
          Deze vacature hoort bij een andere eenheid. Salesmanagers zien de ranglijst van de vacatures van hun eigen
          eenheid; matchers en managers zien alle ranglijsten.
        </Alert>
      ) : matches.isError ? (
        <Alert color="red" role="alert">
          {describeError(matches.error)}
        </Alert>
      ) : (
        <>
          <ProposalsPanel vacancy={vacancy.data} proposals={proposals} onOpenCandidate={open} />
          <Stack component="section" aria-labelledby="ranglijst-kop" gap="xs">
            <Group justify="space-between" align="flex-end">
              <Title order={2} size="h3" id="ranglijst-kop">
                Kandidaten, best passend eerst
              </Title>
              <SegmentedControl
                aria-label="Pool"
                value={poolChoice}
                onChange={(value) => {
                  setPoolChoice(value);
                  setActive(-1);
                }}
                data={POOL_CHOICES.map(({ value, label }) => ({ value, label }))}
              />
            </Group>
            <Text size="sm" c="dimmed" id="sneltoetsen">
              Sneltoetsen: j volgende, k vorige, Enter opent de kandidaat{mayPropose ? ', p stelt voor' : ''}.
            </Text>
            {matches.isPending ? (
              <PageLoader />
            ) : items.length === 0 ? (
              <Text>Geen kandidaten voldoen aan alle eisen. Kijk hieronder waarom anderen ontbreken.</Text>
            ) : (
              <>
                <Text size="sm" aria-live="polite">
                  {first?.eligible} kandidaten voldoen aan alle eisen; {items.length} getoond.
                </Text>
                <ol
                  aria-label="Ranglijst"
                  aria-describedby="sneltoetsen"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {items.map((item, index) => (
                    <RankedRow
                      key={item.candidate.id}
                      rank={index + 1}
                      item={item}
                      active={index === active}
                      proposalState={proposalByCandidate.get(item.candidate.id)}
                      buttonRef={(element) => {
                        rowButtons.current[index] = element;
                      }}
                      onFocus={() => setActive(index)}
                      onOpen={mayReadCandidate ? () => open(item.candidate.id) : undefined}
                      onPropose={
                        mayPropose && !hasOpenProposal(item.candidate.id) ? () => propose(item.candidate) : undefined
                      }
                    />
                  ))}
                </ol>
                {matches.hasNextPage && (
                  <Group>
                    <Button
                      variant="default"
                      onClick={() => void matches.fetchNextPage()}
                      loading={matches.isFetchingNextPage}
                    >
                      Meer laden
                    </Button>
                  </Group>
                )}
              </>
            )}
          </Stack>
          {first && (
            <MissingOthers
              considered={first.considered}
              eligible={first.eligible}
              excluded={first.excluded}
              nearMisses={first.nearMisses}
              onOpenCandidate={mayReadCandidate ? open : undefined}
            />
          )}
        </>
      )}

      <CandidateDrawer
        candidateId={openCandidate}
        onClose={() => {
          setOpenCandidate(null);
          rowButtons.current[active]?.focus();
        }}
        actions={
          openCandidate && mayPropose && !hasOpenProposal(openCandidate) ? (
            <Button
              size="xs"
              onClick={() => {
                const item = items.find((row) => row.candidate.id === openCandidate);
                if (item) {
                  setOpenCandidate(null);
                  propose(item.candidate);
                }
              }}
              disabled={!items.some((row) => row.candidate.id === openCandidate)}
            >
              Voorstellen
            </Button>
          ) : undefined
        }
      />
      {proposing && (
        <ProposeDialog
          vacancyId={id}
          candidate={proposing}
          onClose={() => {
            setProposing(null);
            rowButtons.current[active]?.focus();
          }}
        />
      )}
    </Stack>
  );
}

function RankedRow({
  rank,
  item,
  active,
  proposalState,
  buttonRef,
  onFocus,
  onOpen,
  onPropose,
}: {
  rank: number;
  item: RankedCandidate;
  active: boolean;
  proposalState: string | undefined;
  buttonRef: (element: HTMLButtonElement | null) => void;
  onFocus: () => void;
  onOpen?: () => void;
  onPropose?: () => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const { candidate } = item;
  const explanationId = `uitleg-${candidate.id}`;
  return (
    <li>
      <Paper
        withBorder
        p="xs"
        mb={6}
        bg={active ? 'blue.0' : undefined}
        style={{ borderColor: active ? 'var(--mantine-color-blue-8)' : undefined }}
        onFocusCapture={onFocus}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ flex: 1 }}>
            <Group gap="xs">
              <Text fw={700} size="sm" aria-hidden>
                {rank}.
              </Text>
              {onOpen ? (
                <Anchor component="button" type="button" fw={600} ref={buttonRef} onClick={onOpen}>
                  {candidate.name}
                </Anchor>
              ) : (
                <Text fw={600} component="button" type="button" ref={buttonRef} bd={0} bg="transparent" p={0}>
                  {candidate.name}
                </Text>
              )}
              <Badge variant="light" size="sm">
                {POOL_LABELS[candidate.pool] ?? candidate.pool}
              </Badge>
              {candidate.targetGroup && candidate.targetGroup !== candidate.pool && (
                <Badge variant="outline" size="sm">
                  {candidate.targetGroup}
                </Badge>
              )}
              {candidate.targetGroup === 'MAX WW' && candidate.wwEndDate && (
                <Badge color="red" variant="light" size="sm">
                  {wwEndsText(candidate.wwEndDate)}
                </Badge>
              )}
              {proposalState && (
                <Badge color={OPEN_STATES.includes(proposalState) ? 'blue' : 'gray'} variant="filled" size="sm">
                  {PROPOSAL_STATE_LABELS[proposalState as keyof typeof PROPOSAL_STATE_LABELS] ?? proposalState}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {candidate.municipality ?? 'Woonplaats onbekend'} · {item.distanceKm.toLocaleString('nl-NL')} km ·{' '}
              {candidate.newestNoteAt ? `laatste notitie ${formatDate(candidate.newestNoteAt)}` : 'geen notities'}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Text fw={700} size="sm" w={48}>
                {Math.round(item.score)}
              </Text>
              <ScoreBar score={item.score} components={item.components} />
            </Group>
          </Stack>
          <Group gap={6} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              aria-expanded={expanded}
              aria-controls={explanationId}
              onClick={() => setExpanded((value) => !value)}
              aria-label={`Uitleg score ${candidate.name}`}
            >
              Uitleg
            </Button>
            {onPropose && (
              <Button size="xs" variant="light" onClick={onPropose} aria-label={`${candidate.name} voorstellen`}>
                Voorstellen
              </Button>
            )}
          </Group>
        </Group>
        <Collapse expanded={expanded} id={explanationId}>
          <Stack mt="xs">{expanded && <ScoreExplanation components={item.components} />}</Stack>
        </Collapse>
      </Paper>
    </li>
  );
}

/**
 * Propose with a note for the employer, or only shortlist. Ctrl+Enter in the note proposes.
 * The two steps are the API's: shortlist (with the score snapshot), then PROPOSED with the note.
 */
function ProposeDialog({
  vacancyId,
  candidate,
  onClose,
}: {
  vacancyId: string;
  candidate: CandidateSummary;
  onClose: () => void;
}) {
  const proposeCandidate = useProposeCandidate(vacancyId);
  const form = useForm({ mode: 'controlled', initialValues: { note: '' } });
  const send = async (propose: boolean) => {
    try {
      await proposeCandidate.mutateAsync({ candidateId: candidate.id, propose, note: form.getValues().note });
      showSuccess(propose ? `${candidate.name} is voorgesteld.` : `${candidate.name} staat op de shortlist.`);
      onClose();
    } catch (error) {
      showFormError(form, error, { fields: { text: 'note' } });
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${candidate.name} voorstellen`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
        noValidate
      >
        <Stack>
          <Textarea
            label="Notitie bij het voorstel"
            description="Voor de werkgever en het dossier (mag leeg)"
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('note')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void send(true);
              }
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuleren
            </Button>
            <Button variant="light" onClick={() => void send(false)} disabled={proposeCandidate.isPending}>
              Op shortlist
            </Button>
            <Button type="submit" loading={proposeCandidate.isPending}>
              Voorstellen
            </Button>
          </Group>
          {proposeCandidate.isPending && <Loader size="xs" aria-label="Bezig" />}
        </Stack>
      </form>
    </Modal>
  );
}
