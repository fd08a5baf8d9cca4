import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '@api/schema';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { toApiError } from '@app/errors/api-error';
import { queryKeys } from '@app/query-keys';
import { attachmentName } from './report-labels';

export type Dashboard = Schema<'DashboardDto'>;
export type WallBoard = Schema<'WallBoardDto'>;
export type TargetProgress = Schema<'TargetProgressDto'>;
export type TargetsOverview = Schema<'TargetsOverviewDto'>;
export type UnitTargetOverview = Schema<'UnitTargetOverviewDto'>;
export type TargetGroup = Schema<'TargetGroup'>;
export type RegisterItem = Schema<'RegisterItemDto'>;

export interface DashboardFilters {
  unitId?: string;
  from?: string;
  to?: string;
}

/** Every figure of the managers' dashboard for a unit (or the whole partnership) and a period. */
export function useDashboard(filters: DashboardFilters) {
  return useQuery({
    queryKey: queryKeys.reports.dashboard({ ...filters }),
    queryFn: () => unwrap(api.GET('/api/reports/dashboard', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * One unit's wall board; it asks again as often as the API says (refreshSeconds), also when the
 * browser window is in the background: the screen on the wall is nobody's active window.
 */
export function useWallBoard(unitId: string) {
  return useQuery({
    queryKey: queryKeys.reports.wallBoard(unitId),
    queryFn: () => unwrap(api.GET('/api/reports/wall-board/{unitId}', { params: { path: { unitId } } })),
    refetchInterval: (query) => (query.state.data?.refreshSeconds ?? 60) * 1000,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** Every unit's target for a period ('2027-Q1' or '2027') with progress, and the period before with its result. */
export function useTargets(period: string) {
  return useQuery({
    queryKey: queryKeys.reports.targets(period),
    queryFn: () => unwrap(api.GET('/api/targets', { params: { query: { period } } })),
    placeholderData: keepPreviousData,
  });
}

export type SetTargetInput = Schema<'SetTargetDto'> & { unitId: string; period: string };

/** Sets or changes a unit's target; the dashboards and wall boards read it, so all reports go stale. */
export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, period, ...body }: SetTargetInput) =>
      unwrap(api.PUT('/api/targets/{unitId}/{period}', { params: { path: { unitId, period } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.reports.all }),
  });
}

export function useReloadTargets() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
}

/** The register's filters and sort, as the export takes them (the list adds paging). */
export type RegisterFilters = NonNullable<operations['RegisterController_export']['parameters']['query']>;

export const REGISTER_PAGE_SIZE = 50;

/** A page of the placements register (each listed client is an audited read). */
export function usePlacementsRegister(filters: RegisterFilters, offset: number) {
  return useQuery({
    queryKey: queryKeys.reports.register({ ...filters, offset }),
    queryFn: () =>
      unwrap(api.GET('/api/placements', { params: { query: { ...filters, offset, limit: REGISTER_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The register as CSV, through the API client (so with the access token, which a plain link would not
 * carry), saved under the API's file name.
 */
export async function downloadRegisterCsv(filters: RegisterFilters): Promise<string> {
  const { data, error, response } = await api.GET('/api/placements/export', {
    params: { query: filters },
    parseAs: 'blob',
  });
  // openapi-fetch parses an error body as JSON whatever parseAs says: the usual ApiError.
  if (!response.ok || !data) throw toApiError(response.status, error);
  const name = attachmentName(response.headers.get('Content-Disposition'), 'plaatsingen.csv');
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
