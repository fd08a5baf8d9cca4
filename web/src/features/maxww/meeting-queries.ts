import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type Selection = Schema<'SelectionDto'>;
export type SelectionItem = Schema<'SelectionItemDto'>;
export type ExclusionReason = Schema<'CreateExclusionDto'>['reason'];
export type Meeting = Schema<'MeetingDto'>;
export type MeetingSummary = Schema<'MeetingSummaryDto'>;
export type Invitee = Schema<'InviteeDto'>;
export type Attendance = Schema<'AttendanceDto'>['attendance'];
export type Channel = Schema<'InviteDto'>['channel'];
export type MaxWwRoute = Schema<'CreateRouteDto'>['route'];

/** The window of a selection: a calendar month, or N to M months ahead. */
export type SelectionWindow = { month: string } | { fromMonths: number; toMonths: number };

export function useSelection(window: SelectionWindow) {
  return useQuery({
    queryKey: queryKeys.maxWw.selection(window),
    queryFn: () => unwrap(api.GET('/api/max-ww/selection', { params: { query: window } })),
  });
}

/** Every change in the programme can change the selection, the meetings and their counts. */
function useMaxWwMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.maxWw.all }) });
}

export function useExclude() {
  return useMaxWwMutation((body: Schema<'CreateExclusionDto'>) => unwrap(api.POST('/api/max-ww/exclusions', { body })));
}

export function useLiftExclusion() {
  return useMaxWwMutation((id: string) =>
    unwrap(api.POST('/api/max-ww/exclusions/{id}/lift', { params: { path: { id } } })),
  );
}

export function useMeetings() {
  return useQuery({ queryKey: queryKeys.maxWw.meetings, queryFn: () => unwrap(api.GET('/api/max-ww/meetings')) });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: queryKeys.maxWw.meeting(id),
    queryFn: () => unwrap(api.GET('/api/max-ww/meetings/{id}', { params: { path: { id } } })),
  });
}

/** The advisers of UWV and the staffing firm who may host a meeting. */
export function useTeam() {
  return useQuery({
    queryKey: queryKeys.maxWw.team,
    queryFn: () => unwrap(api.GET('/api/max-ww/team')),
    staleTime: 5 * 60_000,
  });
}

export function usePlanMeeting() {
  return useMaxWwMutation((body: Schema<'CreateMeetingDto'>) => unwrap(api.POST('/api/max-ww/meetings', { body })));
}

export function useInvite() {
  return useMaxWwMutation(({ meetingId, ...body }: Schema<'InviteDto'> & { meetingId: string }) =>
    unwrap(api.POST('/api/max-ww/meetings/{id}/invitations', { params: { path: { id: meetingId } }, body })),
  );
}

export function useRegisterAttendance() {
  return useMaxWwMutation(({ meetingId, ...body }: Schema<'MeetingAttendanceDto'> & { meetingId: string }) =>
    unwrap(api.POST('/api/max-ww/meetings/{id}/attendance', { params: { path: { id: meetingId } }, body })),
  );
}

export function useFollowUp() {
  return useMaxWwMutation(({ invitationId, outcome }: { invitationId: string; outcome: 'REACHED' | 'NOT_REACHED' }) =>
    unwrap(
      api.POST('/api/max-ww/invitations/{id}/follow-up', { params: { path: { id: invitationId } }, body: { outcome } }),
    ),
  );
}

export function useTriage() {
  return useMaxWwMutation((body: Schema<'CreateRouteDto'>) => unwrap(api.POST('/api/max-ww/routes', { body })));
}

/** The invitation text, asked for only when it is shown (each reading is audited). */
export function useLetter(invitationId: string | null) {
  return useQuery({
    queryKey: queryKeys.maxWw.letter(invitationId ?? ''),
    queryFn: () => unwrap(api.GET('/api/max-ww/invitations/{id}/letter', { params: { path: { id: invitationId! } } })),
    enabled: invitationId !== null,
  });
}

export function useUpdateMeeting() {
  return useMaxWwMutation(({ meetingId, ...body }: Schema<'UpdateMeetingDto'> & { meetingId: string }) =>
    unwrap(api.PATCH('/api/max-ww/meetings/{id}', { params: { path: { id: meetingId } }, body })),
  );
}

export function useCancelMeeting() {
  return useMaxWwMutation(({ meetingId, ...body }: Schema<'CancelMeetingDto'> & { meetingId: string }) =>
    unwrap(api.POST('/api/max-ww/meetings/{id}/cancel', { params: { path: { id: meetingId } }, body })),
  );
}
