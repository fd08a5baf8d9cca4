import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type CandidateListItem = Schema<'CandidateListItemDto'>;
export type Candidate = Schema<'CandidateViewDto'>;
export type ErasedCandidate = Schema<'ErasedCandidateDto'>;
export type Consent = Schema<'ConsentDto'>;
export type Note = Schema<'NoteDto'>;
export type CandidateImport = Schema<'CandidateImportDto'>;
export type Mismatch = Schema<'MismatchDto'>;
export type AdviserMessage = Schema<'AdviserMessageDto'>;
export type Checklist = Schema<'JobreadyChecklistDto'>;
export type CreateCandidate = Schema<'CreateCandidateDto'>;
export type UpdateCandidate = Schema<'UpdateCandidateDto'>;
export type Pool = CreateCandidate['pool'];
export type Jobready = Schema<'JobreadyAssessmentDto'>['jobready'];

export type CandidateFilters = {
  pool?: Pool;
  jobready?: Jobready;
  maxWw?: boolean;
  targetGroup?: NonNullable<CandidateListItem['targetGroup']>;
  adviserId?: string;
  unitId?: string;
  q?: string;
  offset?: number;
};

export const CANDIDATES_PAGE_SIZE = 50;

/** A page of the candidates the user may see (the API applies visibility; every listed one is an audited read). */
export function useCandidates(filters: CandidateFilters) {
  return useQuery({
    queryKey: queryKeys.candidates.list(filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/candidates', {
          params: { query: { ...filters, q: filters.q || undefined, limit: CANDIDATES_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function isErased(candidate: Candidate | ErasedCandidate): candidate is ErasedCandidate {
  return 'erasedAt' in candidate && !('pool' in candidate);
}

export function useCandidate(id: string) {
  return useQuery({
    queryKey: queryKeys.candidates.detail(id),
    queryFn: () => unwrap(api.GET('/api/candidates/{id}', { params: { path: { id } } })),
  });
}

export function useConsents(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.candidates.consents(id),
    queryFn: () => unwrap(api.GET('/api/candidates/{id}/consents', { params: { path: { id } } })),
    enabled,
  });
}

export function useCandidateMatches(id: string) {
  return useQuery({
    queryKey: queryKeys.candidates.matches(id),
    queryFn: () => unwrap(api.GET('/api/candidates/{id}/matches', { params: { path: { id } } })),
  });
}

export function useCertificates() {
  return useQuery({
    queryKey: queryKeys.certificates,
    queryFn: () => unwrap(api.GET('/api/certificates', { params: { query: { active: true } } })),
    staleTime: 5 * 60_000,
  });
}

/** After a change to one candidate: the candidate itself and every list it may appear on. */
function useCandidateMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.candidates.all }),
  });
}

export function useCreateCandidate() {
  return useCandidateMutation((body: CreateCandidate) => unwrap(api.POST('/api/candidates', { body })));
}

export function useUpdateCandidate() {
  return useCandidateMutation(({ id, ...body }: UpdateCandidate & { id: string }) =>
    unwrap(api.PATCH('/api/candidates/{id}', { params: { path: { id } }, body })),
  );
}

export function useAssessJobready() {
  return useCandidateMutation(({ id, ...body }: Schema<'JobreadyAssessmentDto'> & { id: string }) =>
    unwrap(api.PUT('/api/candidates/{id}/jobready', { params: { path: { id } }, body })),
  );
}

export function useAddNote() {
  return useCandidateMutation(({ id, text }: { id: string; text: string }) =>
    unwrap(api.POST('/api/candidates/{id}/notes', { params: { path: { id } }, body: { text } })),
  );
}

export function useSignConsent() {
  return useCandidateMutation(({ id, ...body }: Schema<'SignConsentDto'> & { id: string }) =>
    unwrap(api.POST('/api/candidates/{id}/consents', { params: { path: { id } }, body })),
  );
}

export function useWithdrawConsent() {
  return useCandidateMutation(({ id, consentId }: { id: string; consentId: string }) =>
    unwrap(api.POST('/api/candidates/{id}/consents/{consentId}/withdraw', { params: { path: { id, consentId } } })),
  );
}

/** Forget the cached candidate: after a 409 the page shows what is stored now. */
export function useReloadCandidate(id: string): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.candidates.detail(id) });
}

// ---- inbox -------------------------------------------------------------------------------------

export function useMismatches() {
  return useQuery({
    queryKey: queryKeys.inbox.mismatches,
    queryFn: () => unwrap(api.GET('/api/advisers/me/mismatches')),
  });
}

export function useAdviserMessages() {
  return useQuery({
    queryKey: queryKeys.inbox.messages,
    queryFn: () => unwrap(api.GET('/api/advisers/me/messages')),
  });
}

export function useMarkMismatchRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposalId: string) =>
      unwrap(api.POST('/api/advisers/me/mismatches/{proposalId}/read', { params: { path: { proposalId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all }),
  });
}

export function useMarkMessageRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/advisers/me/messages/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all }),
  });
}

// ---- import ------------------------------------------------------------------------------------

export function useStartImport() {
  return useMutation({
    mutationFn: async ({ pool, file }: { pool: Pool; file: File }) => {
      const body = new FormData();
      body.append('pool', pool);
      body.append('file', file);
      return unwrap(
        api.POST('/api/candidates/imports', {
          // openapi-fetch sends FormData as it is (multipart with its boundary).
          body: body as unknown as { pool: Pool; file: string },
          bodySerializer: (value) => value as unknown as FormData,
        }),
      );
    },
  });
}

/** The import job, polled each second until it is done or failed. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.candidates.import(id ?? ''),
    queryFn: async () => {
      const job = await unwrap(api.GET('/api/candidates/imports/{id}', { params: { path: { id: id! } } }));
      if (job.status === 'DONE') void queryClient.invalidateQueries({ queryKey: queryKeys.candidates.all });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && ['DONE', 'FAILED'].includes(query.state.data.status) ? false : 1000,
  });
}
