import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';
import type { Schema } from '@api/types';

export type HandoverListItem = Schema<'HandoverListItemDto'>;
export type Handover = Schema<'HandoverDto'>;
export type CreateHandover = Schema<'CreateHandoverDto'>;
export type ClientProgramme = Schema<'ClientProgrammeDto'>;
export type RecordExit = Schema<'RecordExitDto'>;
export type ExitKind = RecordExit['kind'];
export type MaxWwCohorts = Schema<'MaxWwCohortsDto'>;

/** The hand-overs this user may see; `linked` false: the social service's list of those still to link. */
export function useHandovers(filters: { linked?: boolean; candidateId?: string }) {
  return useQuery({
    queryKey: queryKeys.maxWwRoute.handovers(filters),
    queryFn: () => unwrap(api.GET('/api/max-ww/handovers', { params: { query: filters } })),
  });
}

export function useHandover(id: string) {
  return useQuery({
    queryKey: queryKeys.maxWwRoute.handover(id),
    queryFn: () => unwrap(api.GET('/api/max-ww/handovers/{id}', { params: { path: { id } } })),
  });
}

export function useCreateHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHandover) => unwrap(api.POST('/api/max-ww/handovers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maxWwRoute.all }),
  });
}

/** The client's exit, mediation, hand-over and placements: what the Max-WW panel on the client shows. */
export function useClientProgramme(candidateId: string) {
  return useQuery({
    queryKey: queryKeys.maxWwRoute.programme(candidateId),
    queryFn: () => unwrap(api.GET('/api/max-ww/exits/{candidateId}', { params: { path: { candidateId } } })),
  });
}

export function useRecordExit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordExit) => unwrap(api.POST('/api/max-ww/exits', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maxWwRoute.all }),
  });
}

export function useMaxWwCohorts(from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.maxWwRoute.cohorts(from, to),
    queryFn: () => unwrap(api.GET('/api/reports/max-ww-cohorts', { params: { query: { from, to } } })),
  });
}
