import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type Employer = Schema<'EmployerDto'>;
export type EmployerSummary = Schema<'EmployerSummaryDto'>;
export type Vacancy = Schema<'VacancyDto'>;
export type SupplyProfile = Schema<'SupplyPreviewRequestDto'>;
export type SupplyPreview = Schema<'SupplyPreviewDto'>;
export type VacancyStatus = Vacancy['status'];
export type EmployerFilters = { q?: string; place?: string; archived?: boolean };

/** Employers by name or KvK number and place (the list leaves contact persons out). */
export function useEmployers(filters: EmployerFilters) {
  return useQuery({
    queryKey: queryKeys.employers.list(filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/employers', {
          params: {
            query: {
              q: filters.q || undefined,
              place: filters.place || undefined,
              archived: filters.archived,
              limit: 100,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One employer with its contact persons (an audited read). */
export function useEmployer(id: string | null) {
  return useQuery({
    queryKey: queryKeys.employers.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/employers/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

export function useEmployerPlacements(id: string) {
  return useQuery({
    queryKey: queryKeys.employers.placements(id),
    queryFn: () => unwrap(api.GET('/api/employers/{id}/placements', { params: { path: { id } } })),
  });
}

/** The employer with this KvK number, if registered: the KvK check while typing. */
export function useEmployerByKvk(kvkNumber: string) {
  const complete = /^[0-9]{8}$/.test(kvkNumber);
  return useQuery({
    queryKey: queryKeys.employers.list({ kvk: kvkNumber }),
    queryFn: async () => {
      // The number is unique over active and archived employers alike; the list shows one kind at a time.
      const pages = await Promise.all(
        [false, true].map((archived) =>
          unwrap(api.GET('/api/employers', { params: { query: { q: kvkNumber, archived, limit: 5 } } })),
        ),
      );
      return pages.flatMap((page) => page.items).find((employer) => employer.kvkNumber === kvkNumber) ?? null;
    },
    enabled: complete,
  });
}

function useEmployersMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.employers.all }),
  });
}

export function useCreateEmployer() {
  return useEmployersMutation((body: Schema<'CreateEmployerDto'>) => unwrap(api.POST('/api/employers', { body })));
}

export function useUpdateEmployer() {
  return useEmployersMutation(({ id, ...body }: Schema<'UpdateEmployerDto'> & { id: string }) =>
    unwrap(api.PATCH('/api/employers/{id}', { params: { path: { id } }, body })),
  );
}

export function useArchiveEmployer() {
  return useEmployersMutation(({ id, archive }: { id: string; archive: boolean }) =>
    archive
      ? unwrap(api.POST('/api/employers/{id}/archive', { params: { path: { id } } }))
      : unwrap(api.POST('/api/employers/{id}/unarchive', { params: { path: { id } } })),
  );
}

/** A postcode resolved to place and region; only asked for once it looks complete (1234 AB). */
export function usePlace(postcode: string) {
  const normalised = postcode.replace(/\s+/g, '').toUpperCase();
  return useQuery({
    queryKey: queryKeys.places.postcode(normalised),
    queryFn: () => unwrap(api.GET('/api/places/{postcode}', { params: { path: { postcode: normalised } } })),
    enabled: /^[1-9][0-9]{3}[A-Z]{2}$/.test(normalised),
    retry: false,
    staleTime: Infinity,
  });
}

export function useCertificates() {
  return useQuery({
    queryKey: queryKeys.certificates,
    queryFn: () => unwrap(api.GET('/api/certificates', { params: { query: { active: true } } })),
    staleTime: 5 * 60_000,
  });
}

export function useOccupationSuggestions(title: string) {
  return useQuery({
    queryKey: queryKeys.occupationSuggestions(title),
    queryFn: () => unwrap(api.GET('/api/vacancies/suggest-occupation', { params: { query: { title, limit: 5 } } })),
    enabled: title.trim().length >= 3,
    placeholderData: keepPreviousData,
  });
}

export function useSkillSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.skills.search(q),
    queryFn: () => unwrap(api.GET('/api/skills/search', { params: { query: { q, limit: 10 } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Counts for the profile as it is now in the form; null while the profile is not complete enough. */
export function useSupplyPreview(profile: SupplyProfile | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.supplyPreview(profile),
    queryFn: () => unwrap(api.POST('/api/vacancies/supply-preview', { body: profile! })),
    enabled: enabled && profile !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useVacancies(filters: { employerId?: string; status?: VacancyStatus }) {
  return useQuery({
    queryKey: queryKeys.vacancies.list(filters),
    queryFn: () => unwrap(api.GET('/api/vacancies', { params: { query: { ...filters, limit: 100 } } })),
  });
}

export function useVacancy(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.vacancies.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/vacancies/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
}

function useVacanciesMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.vacancies.all }),
  });
}

export function useCreateVacancy() {
  return useVacanciesMutation((body: Schema<'CreateVacancyDto'>) => unwrap(api.POST('/api/vacancies', { body })));
}

export function useUpdateVacancy() {
  return useVacanciesMutation(({ id, ...body }: Schema<'UpdateVacancyDto'> & { id: string }) =>
    unwrap(api.PATCH('/api/vacancies/{id}', { params: { path: { id } }, body })),
  );
}

export function useChangeVacancyStatus() {
  return useVacanciesMutation(({ id, ...body }: Schema<'ChangeVacancyStatusDto'> & { id: string }) =>
    unwrap(api.POST('/api/vacancies/{id}/status', { params: { path: { id } }, body })),
  );
}
