import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type Statement = Schema<'ConfidentialityStatementDto'>;
export type StatementFilters = { userId?: string; scope?: Statement['scope']; active?: boolean };

/** The statements matching the filters (administrators only; an audited read of who may see what). */
export function useStatements(filters: StatementFilters) {
  return useQuery({
    queryKey: queryKeys.confidentialityStatements.list(filters),
    queryFn: () => unwrap(api.GET('/api/confidentiality-statements', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** The staffing firm's active users: only they sign a statement. */
export function useStaffingFirmUsers() {
  return useQuery({
    queryKey: queryKeys.users.list({ organisation: 'STAFFING_FIRM', active: true }),
    queryFn: () =>
      unwrap(api.GET('/api/users', { params: { query: { organisation: 'STAFFING_FIRM', active: true, limit: 200 } } })),
  });
}

export function useRecordStatement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'RecordConfidentialityStatementDto'>) =>
      unwrap(api.POST('/api/confidentiality-statements', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.confidentialityStatements.all }),
  });
}

export function useRevokeStatement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/confidentiality-statements/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.confidentialityStatements.all }),
  });
}
