import { Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { CandidateForm } from './CandidateForm';

/** Intake of a new candidate; afterwards the candidate's page (jobready, notes, consents) opens. */
export default function CandidateIntakePage() {
  const navigate = useNavigate();
  return (
    <Stack maw={1100}>
      <Title order={1}>Nieuwe kandidaat</Title>
      <Text size="sm" c="dimmed">
        Schrijf een kandidaat in. Daarna beoordeel je of de kandidaat jobready is en leg je bijzonderheden vast.
      </Text>
      <CandidateForm candidate={null} onSaved={(saved) => void navigate(`/kandidaten/${saved.id}`)} />
    </Stack>
  );
}
