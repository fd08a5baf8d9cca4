import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { PageLoader } from '@app/pages/PageLoader';
import { useEmployer } from './sales-queries';
import { VacancyForm } from './VacancyForm';

/** Nieuwe vacature: the intake with the employer, the supply preview beside it. */
export default function VacancyIntakePage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const employerId = search.get('werkgever');
  // From an employer's page: that employer, and its address as the first guess for the workplace.
  const employer = useEmployer(employerId);
  if (employerId && employer.isPending) return <PageLoader />;
  return (
    <Stack>
      <Title order={1}>Nieuwe vacature</Title>
      <Text size="sm">
        Vul de vacature in tijdens het gesprek met de werkgever. Rechts zie je hoeveel jobready kandidaten nu voldoen en
        wat een ruimere eis zou opleveren.
      </Text>
      <VacancyForm
        vacancy={null}
        employerId={employer.data ? employerId : null}
        employerName={employer.data?.name}
        workplacePostcode={employer.data?.address.postcode}
        onSaved={(vacancy) => void navigate(`/vacatures/${vacancy.id}/gegevens`)}
      />
    </Stack>
  );
}
