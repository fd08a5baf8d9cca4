import { Alert, Button, Container, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { queryKeys } from '@app/query-keys';
import { useSetupOpen } from '@app/routes';
import { NotFoundPage } from '@app/pages/MessagePage';
import { PageLoader } from '@app/pages/PageLoader';
import { AdministratorStep } from './AdministratorStep';
import { DemoDataStep } from './DemoDataStep';
import { ImportCard } from './ImportCard';

/**
 * The first run: create the first administrator with the set-up token the service printed, import
 * ESCO and the places, optionally load the demo data. Open only while the database has no user; the
 * administrator created here finishes the other steps signed in (the API's admin endpoints).
 */
export default function SetupPage() {
  const setupOpen = useSetupOpen();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [escoDone, setEscoDone] = useState(false);
  const [placesDone, setPlacesDone] = useState(false);

  useEffect(() => {
    document.title = 'Eerste inrichting · Matching';
  }, []);

  if (setupOpen === undefined && step === 0) return <PageLoader />;
  // Done before (or by someone else): the page is gone, as its endpoints are.
  if (!setupOpen && step === 0) return <NotFoundPage />;

  return (
    <Container size="md" py="xl" component="main">
      <Stack>
        <Title order={1}>Eerste inrichting</Title>
        <Text>
          Er is nog geen gebruiker. Maak de eerste beheerder aan, haal de referentiegegevens binnen en laad desgewenst
          de demodata. Daarna verdwijnt deze pagina.
        </Text>
        <Stepper
          active={step}
          onStepClick={(index) => step > 0 && index > 0 && setStep(index)}
          allowNextStepsSelect={false}
        >
          <Stepper.Step label="Beheerder" description="Eerste account">
            <AdministratorStep
              onCreated={() => {
                queryClient.setQueryData(queryKeys.setup.status, false);
                setStep(1);
              }}
            />
          </Stepper.Step>
          <Stepper.Step label="Referentiedata" description="ESCO en plaatsen">
            <Stack>
              <ImportCard
                kind="esco"
                title="Beroepen en vaardigheden (ESCO)"
                description="Een ESCO-release in CSV-vorm (v1.1.1), zoals van het ESCO-portaal gedownload."
                defaultFolder="../shared/data/esco-v1.1.1"
                onDone={() => setEscoDone(true)}
              />
              <ImportCard
                kind="places"
                title="Plaatsen (postcodegebieden)"
                description="De map met nl_pc4_centroids.csv, nl_gemeenten_2025.csv en nl_arbeidsmarktregios_2025.csv."
                defaultFolder="../shared/data/geo"
                onDone={() => setPlacesDone(true)}
              />
              {!(escoDone && placesDone) && (
                <Text size="sm" c="dimmed">
                  Zonder ESCO en plaatsen werken beroepen zoeken en afstanden niet; je kunt ze ook later met de
                  opdrachtregel importeren.
                </Text>
              )}
              <div>
                <Button onClick={() => setStep(2)} variant={escoDone && placesDone ? 'filled' : 'default'}>
                  Verder
                </Button>
              </div>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Demodata" description="Optioneel">
            <DemoDataStep onNext={() => setStep(3)} />
          </Stepper.Step>
          <Stepper.Completed>
            <Stack>
              <Alert color="teal" title="De inrichting is klaar">
                Je bent aangemeld als beheerder. Maak eenheden en gebruikers aan onder Beheer.
              </Alert>
              <div>
                <Button onClick={() => void navigate('/', { replace: true })}>Naar de startpagina</Button>
              </div>
            </Stack>
          </Stepper.Completed>
        </Stepper>
      </Stack>
    </Container>
  );
}
