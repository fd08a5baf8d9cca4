import { Anchor, Badge, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '@app/errors/messages';
import { PageLoader } from '@app/pages/PageLoader';
import { DataTable } from '@app/table/DataTable';
import { useHandovers } from './maxww-route-queries';
import { formatDay } from './route-labels';

type Shown = 'open' | 'linked' | 'all';
const LINKED: Record<Shown, boolean | undefined> = { open: false, linked: true, all: undefined };

/**
 * Overdrachten: the warm hand-overs at the WW's end, for the social service (who see a client only
 * through the client's consent) and the Max-WW team. Those without a linked Bijstand record first,
 * the WW ending soonest on top, as the API orders them.
 */
export default function HandoversPage() {
  const [shown, setShown] = useState<Shown>('open');
  const handovers = useHandovers(LINKED[shown] === undefined ? {} : { linked: LINKED[shown] });

  return (
    <Stack>
      <Title order={1}>Overdrachten</Title>
      <Text maw={760}>
        WW-klanten die met hun toestemming aan de sociale dienst zijn overgedragen, wie het eerst uit de WW gaat
        bovenaan. Zodra de klant bij de sociale dienst is ingeschreven, wordt het Bijstandsdossier gekoppeld.
      </Text>
      <SegmentedControl
        aria-label="Welke overdrachten"
        w="fit-content"
        value={shown}
        onChange={(value) => setShown(value)}
        data={[
          { value: 'open', label: 'Nog niet gekoppeld' },
          { value: 'linked', label: 'Gekoppeld' },
          { value: 'all', label: 'Alle' },
        ]}
      />
      {handovers.isPending ? (
        <PageLoader />
      ) : handovers.isError ? (
        <p role="alert">{describeError(handovers.error)}</p>
      ) : (
        <DataTable
          caption="Overdrachten aan de sociale dienst"
          rows={handovers.data}
          rowKey={(handover) => handover.id}
          filterText={(handover) => `${handover.candidateName ?? ''} ${handover.sourceReference}`}
          empty="Geen overdrachten in deze lijst."
          columns={[
            {
              key: 'client',
              header: 'Klant',
              render: (handover) => (
                <Anchor component={Link} to={`/max-ww/overdrachten/${handover.id}`}>
                  {handover.candidateName ?? 'Gewist'}
                </Anchor>
              ),
              sortValue: (handover) => handover.candidateName ?? '',
            },
            {
              key: 'number',
              header: 'Klantnummer',
              render: (handover) => handover.sourceReference,
              sortValue: (handover) => handover.sourceReference,
            },
            {
              key: 'wwEnd',
              header: 'Einde WW',
              render: (handover) => (
                <span>
                  {formatDay(handover.wwEndDate)}{' '}
                  {handover.wwEnded && (
                    <Badge size="sm" variant="outline" color="gray.8">
                      afgelopen
                    </Badge>
                  )}
                </span>
              ),
              sortValue: (handover) => handover.wwEndDate ?? '9999',
            },
            {
              key: 'adviser',
              header: 'Contactpersoon',
              render: (handover) => (
                <Anchor href={`mailto:${handover.contactAdviser.email}`}>{handover.contactAdviser.name}</Anchor>
              ),
              sortValue: (handover) => handover.contactAdviser.name,
            },
            {
              key: 'linked',
              header: 'Bijstandsdossier',
              render: (handover) => (handover.bijstandCandidateId ? 'Gekoppeld' : 'Nog niet'),
              sortValue: (handover) => (handover.bijstandCandidateId ? 1 : 0),
            },
          ]}
        />
      )}
    </Stack>
  );
}
