import { Badge, Group } from '@mantine/core';
import type { CandidateListItem } from './candidates-queries';
import { JOBREADY_LABELS, STATUS_LABELS } from './labels';

/**
 * Jobready, Max-WW or a WW that has ended (no longer matched as a WW client), and (when not active) the
 * status, as text badges: colour is never the only sign.
 */
export function CandidateBadges({
  candidate,
}: {
  candidate: Pick<CandidateListItem, 'jobready' | 'maxWw' | 'wwEnded' | 'status'>;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        variant={candidate.jobready === 'YES' ? 'filled' : 'outline'}
        color={candidate.jobready === 'YES' ? 'teal.9' : candidate.jobready === 'NO' ? 'red.9' : 'gray.8'}
      >
        {JOBREADY_LABELS[candidate.jobready]}
      </Badge>
      {candidate.maxWw && (
        <Badge variant="outline" color="grape.9">
          Max-WW
        </Badge>
      )}
      {candidate.wwEnded && (
        <Badge variant="outline" color="gray.8">
          WW beëindigd
        </Badge>
      )}
      {candidate.status !== 'ACTIVE' && (
        <Badge variant="outline" color="gray.8">
          {STATUS_LABELS[candidate.status] ?? candidate.status}
        </Badge>
      )}
    </Group>
  );
}
