import { Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { VacancyForm } from './VacancyForm';

/** Nieuwe vacature: the intake with the employer, the supply preview beside it. */
export default function VacancyIntakePage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={1}>Nieuwe vacature</Title>
      <Text size="sm">
        Vul de vacature in tijdens het gesprek met de werkgever. Rechts zie je hoeveel jobready kandidaten nu voldoen en
        wat een ruimere eis zou opleveren.
      </Text>
      <VacancyForm
        vacancy={null}
        employerId={search.get('werkgever')}
        onSaved={(vacancy) => void navigate(`/vacatures/${vacancy.id}`)}
      />
    </Stack>
  );
}
