import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type Mediation = Schema<'MediationDto'>;
export type MediationDetail = Schema<'MediationDetailDto'>;
export type Contact = Schema<'ContactDto'>;
export type VacancyOffer = Schema<'VacancyOfferDto'>;
export type CreateMediation = Schema<'CreateMediationDto'>;
export type CreateContact = Schema<'CreateContactDto'>;

export interface MediationFilters {
  adviser?: 'me' | 'all';
  state?: 'open' | 'ended' | 'all';
}

/** The mediations the user may see (the API: mine by default for an adviser), overdue first. */
export function useMediations(filters: MediationFilters) {
  return useQuery({
    queryKey: queryKeys.mediations.list({ ...filters }),
    queryFn: () => unwrap(api.GET('/api/max-ww/mediations', { params: { query: { ...filters, limit: 200 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useMediation(id: string) {
  return useQuery({
    queryKey: queryKeys.mediations.detail(id),
    queryFn: () => unwrap(api.GET('/api/max-ww/mediations/{id}', { params: { path: { id } } })),
  });
}

/** WW clients by name or client number, for "In bemiddeling nemen" (only those the API lets you see). */
export function useWwClientSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.mediations.clientSearch(q),
    queryFn: () =>
      unwrap(api.GET('/api/candidates', { params: { query: { pool: 'WW', q: q || undefined, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

/** Open vacancies by words in title, description or employer (an adviser reads only the open ones). */
export function useOpenVacancies(q: string) {
  return useQuery({
    queryKey: queryKeys.mediations.openVacancies(q),
    queryFn: () =>
      unwrap(api.GET('/api/vacancies', { params: { query: { status: 'OPEN', q: q || undefined, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTakeIntoMediation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMediation) => unwrap(api.POST('/api/max-ww/mediations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mediations.all }),
  });
}

export function useLogContact(mediationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContact) =>
      unwrap(api.POST('/api/max-ww/mediations/{id}/contacts', { params: { path: { id: mediationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mediations.all }),
  });
}

export function useOfferVacancy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateVacancyOfferDto'>) => unwrap(api.POST('/api/vacancy-offers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mediations.all }),
  });
}

export function useRecordOfferResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, response }: { offerId: string; response: VacancyOffer['clientResponse'] & string }) =>
      unwrap(api.POST('/api/vacancy-offers/{id}/response', { params: { path: { id: offerId } }, body: { response } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mediations.all }),
  });
}

/**
 * "Voorstellen aan werkgever": the proposal flow a matcher uses, in its two steps (on the shortlist,
 * then proposed to the employer); a proposal already on the shortlist only takes the second step.
 */
export function useProposeToEmployer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ offer }: { offer: VacancyOffer }) => {
      const shortlisted =
        offer.proposal?.state === 'SHORTLISTED'
          ? offer.proposal
          : await unwrap(
              api.POST('/api/vacancies/{id}/proposals', {
                params: { path: { id: offer.vacancyId } },
                body: { candidateId: offer.candidateId },
              }),
            );
      return unwrap(
        api.POST('/api/proposals/{id}/transitions', {
          params: { path: { id: shortlisted.id } },
          body: { to: 'PROPOSED', version: shortlisted.version },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.mediations.all }),
  });
}

export type MediationEndReason = Schema<'EndMediationDto'>['reason'];

export function useEndMediation(mediationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'EndMediationDto'>) =>
      unwrap(api.POST('/api/max-ww/mediations/{id}/end', { params: { path: { id: mediationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mediations.all }),
  });
}
