import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type FollowUp = Schema<'FollowUpDto'>;
export type FollowUpOutcome = Schema<'FollowUpOutcomeDto'>;
export type Caller = Schema<'FollowUpCallerDto'>;
export type PickUp = Schema<'PickUpDto'>;
export type Assignee = 'me' | 'unit';

/** The DUE calls of my unit, or those I hold: overdue first, then by due moment (the API's order). */
export function useCallList(assignee: Assignee) {
  return useQuery(callListQuery(assignee));
}

/** One call as the call screen shows it; a client call of a client I may not see is 404. */
export function useFollowUp(id: string | null) {
  return useQuery({
    queryKey: queryKeys.followUps.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/follow-ups/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/** The aftersales colleagues of my unit, to give a call to. */
export function useCallers() {
  return useQuery({
    queryKey: queryKeys.followUps.callers,
    queryFn: () => unwrap(api.GET('/api/follow-ups/callers')),
    staleTime: 5 * 60_000,
  });
}

/** A claim, an assignment or an outcome changes the lists and the call: all of them are stale after it. */
function useFollowUpMutation<Input>(mutationFn: (input: Input) => Promise<FollowUp>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (call) => queryClient.setQueryData(queryKeys.followUps.detail(call.id), call),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.followUps.all }),
  });
}

export function useClaimCall() {
  return useFollowUpMutation((id: string) =>
    unwrap(api.POST('/api/follow-ups/{id}/claim', { params: { path: { id } } })),
  );
}

export function useAssignCall() {
  return useFollowUpMutation(({ id, assigneeId }: { id: string; assigneeId: string | null }) =>
    unwrap(api.POST('/api/follow-ups/{id}/assign', { params: { path: { id } }, body: { assigneeId } })),
  );
}

export function useRecordOutcome() {
  const queryClient = useQueryClient();
  return useFollowUpMutation(async ({ id, ...body }: FollowUpOutcome & { id: string }) => {
    const call = await unwrap(api.POST('/api/follow-ups/{id}/outcome', { params: { path: { id } }, body }));
    // Uit dienst puts the client on the pick-up list.
    if (body.result === 'LEFT_JOB') void queryClient.invalidateQueries({ queryKey: queryKeys.pickUps.all });
    return call;
  });
}

/** Clients whose placement ended, that I may see, longest waiting first. */
export function usePickUps() {
  return useQuery({
    queryKey: queryKeys.pickUps.all,
    queryFn: () => unwrap(api.GET('/api/pick-ups')),
  });
}

export function useMarkPickedUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/pick-ups/{id}/picked-up', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.pickUps.all }),
  });
}

/** The call list's query, also fetched fresh outside a component (the next call after an outcome). */
export function callListQuery(assignee: Assignee) {
  return {
    queryKey: queryKeys.followUps.list(assignee),
    queryFn: () => unwrap(api.GET('/api/follow-ups', { params: { query: { status: 'DUE', assignee } } })),
  };
}
