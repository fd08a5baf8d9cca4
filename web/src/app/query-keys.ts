/**
 * Every TanStack Query key of the app, from one place, so an invalidation after a change names
 * exactly what it makes stale: `queryClient.invalidateQueries({ queryKey: queryKeys.users.all })`.
 */
export const queryKeys = {
  units: { all: ['units'] as const },
  users: {
    all: ['users'] as const,
    list: (filters: Record<string, unknown>) => ['users', 'list', filters] as const,
  },
  organisations: ['organisations'] as const,
  confidentialityStatements: {
    all: ['confidentiality-statements'] as const,
    list: (filters: Record<string, unknown>) => ['confidentiality-statements', 'list', filters] as const,
  },
  employers: {
    all: ['employers'] as const,
    list: (filters: Record<string, unknown>) => ['employers', 'list', filters] as const,
    one: (id: string) => ['employers', 'one', id] as const,
    placements: (id: string) => ['employers', 'placements', id] as const,
  },
  vacancies: {
    all: ['vacancies'] as const,
    list: (filters: Record<string, unknown>) => ['vacancies', 'list', filters] as const,
    open: (filters: Record<string, unknown>) => ['vacancies', 'open', filters] as const,
    standUpCounts: (unitId: string | null) => ['vacancies', 'open', 'counts', unitId] as const,
    one: (id: string) => ['vacancies', 'one', id] as const,
    matches: (id: string, pools: string) => ['vacancies', 'matches', id, pools] as const,
    proposals: (id: string) => ['vacancies', 'proposals', id] as const,
  },
  candidates: {
    all: ['candidates'] as const,
    list: (filters: Record<string, unknown>) => ['candidates', 'list', filters] as const,
    detail: (id: string) => ['candidates', 'detail', id] as const,
    consents: (id: string) => ['candidates', 'consents', id] as const,
    matches: (id: string) => ['candidates', 'matches', id] as const,
    /** The matcher's side panel reads the same record; under 'candidates', so an edit refreshes both. */
    one: (id: string) => ['candidates', 'one', id] as const,
    proposals: (id: string) => ['candidates', 'proposals', id] as const,
    /** Outside 'candidates': a finished import invalidates the candidate lists, not itself. */
    import: (id: string) => ['candidate-imports', id] as const,
  },
  inbox: {
    all: ['inbox'] as const,
    mismatches: ['inbox', 'mismatches'] as const,
    messages: ['inbox', 'messages'] as const,
  },
  certificates: ['certificates'] as const,
  occupations: { search: (q: string) => ['occupations', 'search', q] as const },
  occupationSuggestions: (title: string) => ['occupation-suggestions', title] as const,
  skills: { search: (q: string) => ['skills', 'search', q] as const },
  supplyPreview: (profile: unknown) => ['supply-preview', profile] as const,
  places: { postcode: (postcode: string) => ['places', postcode] as const },
  placements: {
    options: (terms: Record<string, unknown>) => ['placements', 'options', terms] as const,
  },
  followUps: {
    all: ['follow-ups'] as const,
    list: (assignee: 'me' | 'unit') => ['follow-ups', 'list', assignee] as const,
    detail: (id: string) => ['follow-ups', 'detail', id] as const,
    callers: ['follow-ups', 'callers'] as const,
  },
  pickUps: { all: ['pick-ups'] as const },
  maxWw: {
    all: ['max-ww'] as const,
    selection: (window: Record<string, unknown>) => ['max-ww', 'selection', window] as const,
    meetings: ['max-ww', 'meetings'] as const,
    meeting: (id: string) => ['max-ww', 'meetings', id] as const,
    letter: (invitationId: string) => ['max-ww', 'letter', invitationId] as const,
    team: ['max-ww-team'] as const,
  },
  mediations: {
    all: ['mediations'] as const,
    list: (filters: Record<string, unknown>) => ['mediations', 'list', filters] as const,
    detail: (id: string) => ['mediations', 'detail', id] as const,
    clientSearch: (q: string) => ['mediations', 'client-search', q] as const,
    openVacancies: (q: string) => ['mediations', 'open-vacancies', q] as const,
  },
  reports: {
    all: ['reports'] as const,
    dashboard: (filters: Record<string, unknown>) => ['reports', 'dashboard', filters] as const,
    wallBoard: (unitId: string) => ['reports', 'wall-board', unitId] as const,
    targets: (period: string) => ['reports', 'targets', period] as const,
    register: (filters: Record<string, unknown>) => ['reports', 'register', filters] as const,
  },
  /** Max-WW's route out: hand-overs at the WW's end, exits, the cohort report (features/maxww). */
  maxWwRoute: {
    all: ['max-ww-route'] as const,
    handovers: (filters: Record<string, unknown>) => ['max-ww-route', 'handovers', filters] as const,
    handover: (id: string) => ['max-ww-route', 'handover', id] as const,
    programme: (candidateId: string) => ['max-ww-route', 'programme', candidateId] as const,
    cohorts: (from: string, to: string) => ['max-ww-route', 'cohorts', from, to] as const,
  },
  setup: {
    status: ['setup', 'status'] as const,
    job: (kind: 'esco' | 'places' | 'demo', id: string) => ['setup', kind, id] as const,
  },
};
