import { useMutation, useQuery } from '@tanstack/react-query';
import type { Schema } from '@api/types';
import { api, unwrap } from '@app/api-client';
import { queryKeys } from '@app/query-keys';

export type ImportKind = 'esco' | 'places' | 'demo';

const ESCO_TABLES: Record<string, string> = {
  iscoGroups: 'ISCO-groepen',
  occupations: 'Beroepen',
  skills: 'Vaardigheden',
  relations: 'Beroep–vaardigheid-relaties',
  broaderLinks: 'Hiërarchische verbanden',
};

/** What the page shows of any of the three jobs. */
export interface JobProgress {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  lines: string[];
  error: string | null;
}

export function useCreateAdministrator() {
  return useMutation({
    mutationFn: (body: Schema<'FirstAdministratorDto'>) =>
      unwrap(api.POST('/api/setup/administrator', { body, headers: { 'X-Session': 'cookie' } })),
  });
}

/** Starts an import from a folder on the server or an uploaded zip; answers the job's id. */
export function useStartImport(kind: 'esco' | 'places') {
  return useMutation({
    mutationFn: async (source: { folder: string } | { zip: File }): Promise<string> => {
      if ('folder' in source) {
        const started =
          kind === 'esco'
            ? await unwrap(api.POST('/api/taxonomy/imports', { body: { folder: source.folder } }))
            : await unwrap(api.POST('/api/places/imports', { body: { folder: source.folder } }));
        return started.id;
      }
      const body = new FormData();
      body.append('file', source.zip);
      const path = kind === 'esco' ? '/api/taxonomy/imports/upload' : '/api/places/imports/upload';
      const started = await unwrap(
        api.POST(path, {
          // openapi-fetch sends FormData as it is (multipart with its boundary).
          body: body as unknown as Schema<'ZipUploadDto'>,
          bodySerializer: (value) => value as unknown as FormData,
        }),
      );
      return started.id;
    },
  });
}

export function useStartDemoData() {
  return useMutation({
    mutationFn: async (password: string) => (await unwrap(api.POST('/api/demo-data', { body: { password } }))).id,
  });
}

/** The job's progress, asked every second until it is done or failed. */
export function useJobProgress(kind: ImportKind, id: string | null) {
  return useQuery({
    queryKey: queryKeys.setup.job(kind, id ?? ''),
    enabled: id !== null,
    queryFn: async (): Promise<JobProgress> => {
      const path = { params: { path: { id: id! } } };
      if (kind === 'esco') {
        const status = await unwrap(api.GET('/api/taxonomy/imports/{id}', path));
        const counts = Object.entries(status.counts ?? {}).map(
          ([table, count]) => `${ESCO_TABLES[table] ?? table}: ${(count as { total?: number }).total ?? '?'}`,
        );
        return {
          state: status.status === 'succeeded' ? 'done' : status.status,
          progress: status.progress,
          lines: counts,
          error: status.error
            ? `${status.error.file ?? ''}${status.error.line ? `, regel ${status.error.line}` : ''}: ${status.error.reason}`
            : null,
        };
      }
      const status =
        kind === 'places'
          ? await unwrap(api.GET('/api/places/imports/{id}', path))
          : await unwrap(api.GET('/api/demo-data/{id}', path));
      return { state: status.status, progress: status.progress, lines: status.summary, error: status.error };
    },
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'done' || state === 'failed' ? false : 1000;
    },
  });
}
