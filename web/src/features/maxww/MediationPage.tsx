import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '@app/errors/messages';
import { showError, showSuccess } from '@app/errors/show-error';
import { showFormError } from '@app/forms/api-form';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { PROPOSAL_STATE_LABELS } from '@features/matching/labels';
import {
  useLogContact,
  useMediation,
  useOfferVacancy,
  useOpenVacancies,
  useProposeToEmployer,
  useRecordOfferResponse,
  type MediationDetail,
  type VacancyOffer,
} from './mediation-queries';
import { EndMediationDialog } from './EndMediationDialog';
import { CHANNEL_LABELS, daysText, END_REASON_LABELS, formatDay, RESPONSE_LABELS } from './mediation-labels';
import { todayInNetherlands } from '@app/dates';

type ProposalState = keyof typeof PROPOSAL_STATE_LABELS;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** "Contactmoment vastleggen": date, channel, a short summary and when we call again (default two weeks). */
function ContactForm({ mediation }: { mediation: MediationDetail }) {
  const logContact = useLogContact(mediation.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: { contactOn: todayInNetherlands(), channel: 'PHONE', summary: '', nextContactDue: '' },
    validate: {
      contactOn: (value) => (value ? null : 'Vul de datum in.'),
      summary: (value) =>
        !value.trim() ? 'Vat het contact kort samen.' : value.length > 500 ? 'Hooguit 500 tekens.' : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const contact = await logContact.mutateAsync({
        contactOn: values.contactOn,
        channel: values.channel as 'PHONE',
        summary: values.summary,
        nextContactDue: values.nextContactDue || undefined,
      });
      showSuccess(`Contactmoment vastgelegd. Volgend contact: ${formatDay(contact.nextContactDue)}.`);
      form.reset();
    } catch (error) {
      showFormError(form, error);
    }
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contact-form-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} id="contact-form-title">
            Contactmoment vastleggen
          </Title>
          <Group align="flex-start">
            <TextInput type="date" label="Datum contact" required {...form.getInputProps('contactOn')} />
            <Select
              label="Kanaal"
              required
              allowDeselect={false}
              data={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('channel')}
            />
            <TextInput
              type="date"
              label="Volgend contact"
              description="Leeg: over twee weken"
              {...form.getInputProps('nextContactDue')}
            />
          </Group>
          <Textarea
            label="Samenvatting"
            description={`${form.getValues().summary.length} van 500 tekens; geen BSN`}
            required
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('summary')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={logContact.isPending}>
              Contactmoment vastleggen
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** "Vacature aanbieden": one of the open vacancies, found by words in title or employer. */
function OfferForm({ mediation }: { mediation: MediationDetail }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const vacancies = useOpenVacancies(debounced);
  const offer = useOfferVacancy();
  const [vacancyId, setVacancyId] = useState<string | null>(null);
  const offered = new Set(mediation.offers.map((item) => item.vacancyId));
  const data = (vacancies.data?.items ?? [])
    .filter((vacancy) => !offered.has(vacancy.id))
    .map((vacancy) => ({ value: vacancy.id, label: `${vacancy.title} (${vacancy.employer?.name ?? ''})` }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!vacancyId) return;
    try {
      await offer.mutateAsync({ candidateId: mediation.candidateId, vacancyId });
      showSuccess('De vacature is aangeboden. Leg de reactie van de klant vast.');
      setVacancyId(null);
      setSearch('');
    } catch (error) {
      showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Group align="flex-end">
        <Select
          label="Open vacature"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={vacancyId}
          onChange={setVacancyId}
          data={data}
          filter={({ options }) => options}
          nothingFoundMessage={vacancies.isFetching ? 'Zoeken…' : 'Geen open vacature gevonden'}
          w={420}
        />
        <Button type="submit" disabled={!vacancyId} loading={offer.isPending}>
          Vacature aanbieden
        </Button>
      </Group>
    </form>
  );
}

function OffersTable({ mediation, open }: { mediation: MediationDetail; open: boolean }) {
  const respond = useRecordOfferResponse();
  const propose = useProposeToEmployer();
  const answer = async (offer: VacancyOffer, response: 'INTERESTED' | 'NOT_INTERESTED') => {
    try {
      await respond.mutateAsync({ offerId: offer.id, response });
      showSuccess(`Reactie vastgelegd: ${RESPONSE_LABELS[response].toLowerCase()}.`);
    } catch (error) {
      showError(error);
    }
  };
  const proposeOffer = async (offer: VacancyOffer) => {
    try {
      await propose.mutateAsync({ offer });
      showSuccess(`${mediation.candidateName ?? 'De klant'} is voorgesteld voor ${offer.vacancyTitle}.`);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <DataTable
      caption="Aangeboden vacatures"
      rows={mediation.offers}
      rowKey={(offer) => offer.id}
      empty="Nog geen vacatures aangeboden."
      columns={[
        {
          key: 'vacancy',
          header: 'Vacature',
          render: (offer) => (
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {offer.vacancyTitle}
              </Text>
              <Text size="xs" c="dimmed">
                {offer.employerName}
                {offer.vacancyStatus !== 'OPEN' ? ' · niet meer open' : ''}
              </Text>
            </Stack>
          ),
          sortValue: (offer) => offer.vacancyTitle,
        },
        {
          key: 'offered',
          header: 'Aangeboden',
          render: (offer) => formatDay(offer.offeredAt.slice(0, 10)),
          sortValue: (offer) => offer.offeredAt,
        },
        {
          key: 'response',
          header: 'Reactie klant',
          render: (offer) => (
            <Stack gap={4}>
              <span>{offer.clientResponse ? RESPONSE_LABELS[offer.clientResponse] : 'Nog geen reactie'}</span>
              {open && !offer.proposal && (
                <Group gap="xs">
                  {offer.clientResponse !== 'INTERESTED' && (
                    <Button
                      size="xs"
                      variant="default"
                      disabled={respond.isPending}
                      onClick={() => void answer(offer, 'INTERESTED')}
                      aria-label={`Klant is geïnteresseerd in ${offer.vacancyTitle}`}
                    >
                      Geïnteresseerd
                    </Button>
                  )}
                  {offer.clientResponse !== 'NOT_INTERESTED' && (
                    <Button
                      size="xs"
                      variant="default"
                      disabled={respond.isPending}
                      onClick={() => void answer(offer, 'NOT_INTERESTED')}
                      aria-label={`Klant is niet geïnteresseerd in ${offer.vacancyTitle}`}
                    >
                      Niet geïnteresseerd
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          ),
        },
        {
          key: 'proposal',
          header: 'Voorstel',
          render: (offer) =>
            offer.proposal && offer.proposal.state !== 'SHORTLISTED' ? (
              <Badge variant="outline" color="gray.8">
                {PROPOSAL_STATE_LABELS[offer.proposal.state as ProposalState] ?? offer.proposal.state}
              </Badge>
            ) : offer.clientResponse === 'INTERESTED' && offer.vacancyStatus === 'OPEN' && open ? (
              <Button
                size="xs"
                disabled={propose.isPending}
                onClick={() => void proposeOffer(offer)}
                aria-label={`${mediation.candidateName ?? 'Klant'} voorstellen aan werkgever voor ${offer.vacancyTitle}`}
              >
                Voorstellen aan werkgever
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/**
 * A client's Max-WW programme: start, adviser, planned end, the contact log with "Contactmoment
 * vastleggen", the vacancies offered with the client's answer, and "Voorstellen aan werkgever" once
 * the client is interested. Opening it is an audited read of the client.
 */
export default function MediationPage() {
  const { id = '' } = useParams();
  const mediation = useMediation(id);
  const [ending, endDialog] = useDisclosure(false);
  if (mediation.isPending) return <PageLoader />;
  if (mediation.isError) return <p role="alert">{describeError(mediation.error)}</p>;
  const data = mediation.data;
  const open = data.endedOn === null;

  return (
    <Stack>
      <Anchor component={Link} to="/max-ww/bemiddeling" size="sm">
        Terug naar Mijn bemiddeling
      </Anchor>
      <Title order={1}>Bemiddeling van {data.candidateName ?? 'onbekende klant'}</Title>
      {data.cameWithoutTriage && (
        <Alert title="Zonder triage">
          Deze klant is in bemiddeling genomen zonder triage na een groepsbijeenkomst.
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-label="Programma">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label="Klantnummer">{data.clientNumber}</Fact>
          <Fact label="Max-WW-adviseur">{data.adviserName}</Fact>
          <Fact label="Gestart">{formatDay(data.startedOn)}</Fact>
          <Fact label="Akkoord klant">{formatDay(data.clientAgreedOn)}</Fact>
          <Fact label="Gepland einde">{formatDay(data.plannedEndOn)}</Fact>
          <Fact label="WW eindigt">{formatDay(data.wwEndDate)}</Fact>
          <Fact label="Volgend contact">
            {open ? (
              <>
                {formatDay(data.nextContactDue)}
                {data.daysOverdue > 0 && (
                  <Badge ml="xs" color="red.9" variant="filled">
                    {daysText(data.daysOverdue)} te laat
                  </Badge>
                )}
              </>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label="Beëindigd">
            {data.endedOn
              ? `${formatDay(data.endedOn)}${data.endReason ? ` (${END_REASON_LABELS[data.endReason]?.toLowerCase()})` : ''}`
              : 'Loopt'}
          </Fact>
        </SimpleGrid>
      </Paper>
      {open && (
        <Group>
          <Button variant="default" color="red.9" onClick={endDialog.open}>
            Bemiddeling beëindigen
          </Button>
          {ending && <EndMediationDialog mediation={data} opened={ending} onClose={endDialog.close} />}
        </Group>
      )}

      <Title order={2}>Contactmomenten</Title>
      {open && <ContactForm mediation={data} />}
      <DataTable
        caption="Contactlog"
        rows={data.contacts}
        rowKey={(contact) => contact.id}
        empty="Nog geen contactmomenten."
        columns={[
          {
            key: 'on',
            header: 'Datum',
            render: (contact) => formatDay(contact.contactOn),
            sortValue: (contact) => contact.contactOn,
          },
          { key: 'channel', header: 'Kanaal', render: (contact) => CHANNEL_LABELS[contact.channel] },
          { key: 'summary', header: 'Samenvatting', render: (contact) => contact.summary },
          { key: 'next', header: 'Volgend contact', render: (contact) => formatDay(contact.nextContactDue) },
          { key: 'by', header: 'Vastgelegd door', render: (contact) => contact.recordedByName },
        ]}
      />

      <Title order={2}>Vacatures</Title>
      {open && <OfferForm mediation={data} />}
      <OffersTable mediation={data} open={open} />
    </Stack>
  );
}
