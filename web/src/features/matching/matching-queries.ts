import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '@api/schema';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type OpenVacancy = Schema<'OpenVacancyDto'>;
export type Vacancy = Schema<'VacancyDto'>;
export type RankedCandidate = Schema<'RankedCandidateDto'>;
export type NearMiss = Schema<'NearMissDto'>;
export type CandidateSummary = Schema<'CandidateSummaryDto'>;
export type Proposal = Schema<'ProposalDto'>;
export type Candidate = Schema<'CandidateViewDto'>;
export type ErasedCandidate = Schema<'ErasedCandidateDto'>;
export type PlacementOptions = Schema<'PlacementOptionsDto'>;
export type Pool = 'WW' | 'BIJSTAND';
export type PlacementTerms = operations['PlacementsController_options']['parameters']['query'];

export interface OpenVacancyFilters {
  unitId?: string;
  occupationUri?: string;
  regionCode?: string;
  q?: string;
}

/** The stand-up list: the unit's open vacancies, newest first (the API's order). */
export function useOpenVacancies(filters: OpenVacancyFilters) {
  return useQuery({
    queryKey: queryKeys.vacancies.open({ ...filters }),
    queryFn: () => unwrap(api.GET('/api/vacancies/open', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** Per open vacancy of the unit: how many qualify, how many were proposed (fetched beside the list). */
export function useStandUpCounts(unitId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.vacancies.standUpCounts(unitId ?? null),
    queryFn: () => unwrap(api.GET('/api/vacancies/open/counts', { params: { query: unitId ? { unitId } : {} } })),
  });
}

export function useUnitOptions() {
  return useQuery({ queryKey: queryKeys.units.all, queryFn: () => unwrap(api.GET('/api/units')) });
}

/** ESCO occupations for what the user typed (the occupation filter); nothing under two letters. */
export function useOccupationSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.occupations.search(q),
    queryFn: () => unwrap(api.GET('/api/occupations/search', { params: { query: { q, limit: 10 } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useCertificates() {
  return useQuery({
    queryKey: queryKeys.certificates,
    queryFn: () => unwrap(api.GET('/api/certificates')),
    staleTime: 5 * 60_000,
  });
}

export function useVacancy(id: string) {
  return useQuery({
    queryKey: queryKeys.vacancies.one(id),
    queryFn: () => unwrap(api.GET('/api/vacancies/{id}', { params: { path: { id } } })),
  });
}

const PAGE_SIZE = 50;

/** The ranked list, page by page along the API's cursor ("Meer laden"). */
export function useVacancyMatches(id: string, pools: readonly Pool[]) {
  const poolsParam = pools.join(',');
  return useInfiniteQuery({
    queryKey: queryKeys.vacancies.matches(id, poolsParam),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/vacancies/{id}/matches', {
          params: {
            path: { id },
            query: { limit: PAGE_SIZE, cursor: pageParam, ...(pools.length > 0 ? { pools: [...pools] } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every proposal for the vacancy (few: "never ten CVs for one job"). */
export function useVacancyProposals(id: string) {
  return useQuery({
    queryKey: queryKeys.vacancies.proposals(id),
    queryFn: () =>
      unwrap(api.GET('/api/vacancies/{id}/proposals', { params: { path: { id }, query: { limit: 200 } } })),
  });
}

/** One candidate's profile; every opening is an audited read on the API's side. */
export function useCandidate(id: string | null) {
  return useQuery({
    queryKey: queryKeys.candidates.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/candidates/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
    // A fresh read (and audit entry) per opening, as the matcher looks at the person now.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCandidateProposals(id: string | null) {
  return useQuery({
    queryKey: queryKeys.candidates.proposals(id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/candidates/{id}/proposals', { params: { path: { id: id! }, query: { limit: 50 } } })),
    enabled: id !== null,
  });
}

export function useCandidateMatches(id: string) {
  return useQuery({
    queryKey: queryKeys.candidates.matches(id),
    queryFn: () => unwrap(api.GET('/api/candidates/{id}/matches', { params: { path: { id } } })),
  });
}

function useInvalidateVacancy(vacancyId: string) {
  const queryClient = useQueryClient();
  return async (candidateId?: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.vacancies.proposals(vacancyId) }),
      queryClient.invalidateQueries({ queryKey: ['vacancies', 'open'] }),
      candidateId ? queryClient.invalidateQueries({ queryKey: queryKeys.candidates.proposals(candidateId) }) : null,
    ]);
  };
}

/** Shortlist a candidate; with `propose`, also propose to the employer at once, the note going with it. */
export function useProposeCandidate(vacancyId: string) {
  const invalidate = useInvalidateVacancy(vacancyId);
  return useMutation({
    mutationFn: async (input: { candidateId: string; propose: boolean; note?: string }) => {
      const shortlisted = await unwrap(
        api.POST('/api/vacancies/{id}/proposals', {
          params: { path: { id: vacancyId } },
          body: { candidateId: input.candidateId },
        }),
      );
      if (!input.propose) return shortlisted;
      const note = input.note?.trim();
      return unwrap(
        api.POST('/api/proposals/{id}/transitions', {
          params: { path: { id: shortlisted.id } },
          body: { to: 'PROPOSED', version: shortlisted.version, ...(note ? { text: note } : {}) },
        }),
      );
    },
    onSettled: (_data, _error, input) => invalidate(input.candidateId),
  });
}

export function useMoveProposal(vacancyId: string) {
  const invalidate = useInvalidateVacancy(vacancyId);
  return useMutation({
    mutationFn: ({ id, ...body }: Schema<'ProposalTransitionDto'> & { id: string }) =>
      unwrap(api.POST('/api/proposals/{id}/transitions', { params: { path: { id } }, body })),
    onSettled: (data) => invalidate(data?.candidateId),
  });
}

export function usePlacementOptions(terms: PlacementTerms | null) {
  return useQuery({
    queryKey: queryKeys.placements.options({ ...terms }),
    queryFn: () => unwrap(api.GET('/api/placements/options', { params: { query: terms! } })),
    enabled: terms !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * Places the candidate. The dialog makes one Idempotency-Key when it opens and sends it with every
 * try: a double click or a retry after a lost answer places once and gets the same placement back.
 */
export function usePlace(vacancyId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateVacancy(vacancyId);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: Schema<'CreatePlacementDto'> & { idempotencyKey: string }) =>
      unwrap(api.POST('/api/placements', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSettled: async (data) => {
      await invalidate(data?.candidateId);
      await queryClient.invalidateQueries({ queryKey: queryKeys.vacancies.one(vacancyId) });
      await queryClient.invalidateQueries({ queryKey: ['vacancies', 'matches', vacancyId] });
    },
  });
}
