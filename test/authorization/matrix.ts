import { Organisation, Role } from '@identity/organisation';

/**
 * The authorization matrix: every endpoint of the API, who may call it. The matrix test expands each
 * row over every role × organisation (and anonymous): a caller with an allowed role must get past
 * authorization (any status but 401/403, e.g. 404 for the made-up id, 422 for the empty body), every
 * other role gets 403, anonymous gets 401 unless the endpoint is public. The test fails when an
 * endpoint in /docs-json has no row here, so every new endpoint adds its row.
 *
 * `organisations` narrows an allowed role to some organisations (others get 403); object-level rules
 * (a WW candidate outside UWV) are tested in the feature's own tests.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointAccess {
  method: Method;
  /** As in the OpenAPI document: /api/users/{id} */
  path: string;
  access: 'public' | readonly Role[];
  /** An allowed role that only some organisations may use (e.g. ADVISER of the Max-WW team); others get 403. */
  organisations?: Partial<Record<Role, readonly Organisation[]>>;
  /** Values for path parameters; anything not given becomes a random UUID. */
  params?: Record<string, string>;
  /** Query string that passes validation, for endpoints with required parameters. */
  query?: string;
  /**
   * A public endpoint that checks a credential of its own (the refresh token in the body or cookie):
   * the matrix's empty request answers 401 from that check, not from a guard, so 401 is expected there.
   */
  ownCredential?: true;
}

const { SALES, MATCHER, AFTERSALES, ADVISER, MANAGER, ADMIN } = Role;
const EVERYONE = [SALES, MATCHER, AFTERSALES, ADVISER, MANAGER, ADMIN] as const;
/** The Max-WW team's advisers: UWV's and the staffing firm's, not the municipality's. */
const MAX_WW_TEAM = { [ADVISER]: [Organisation.UWV, Organisation.STAFFING_FIRM] } as const;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

export const AUTHORIZATION_MATRIX: EndpointAccess[] = [
  // platform
  { method: 'GET', path: '/health', access: 'public' },

  // identity
  { method: 'POST', path: '/api/auth/login', access: 'public' },
  { method: 'POST', path: '/api/auth/refresh', access: 'public', ownCredential: true },
  { method: 'POST', path: '/api/auth/logout', access: 'public', ownCredential: true },
  { method: 'GET', path: '/api/auth/me', access: EVERYONE },
  { method: 'GET', path: '/api/organisations', access: EVERYONE },
  { method: 'GET', path: '/api/units', access: EVERYONE },
  { method: 'GET', path: '/api/units/{id}', access: EVERYONE },
  { method: 'POST', path: '/api/units', access: [ADMIN] },
  { method: 'PATCH', path: '/api/units/{id}', access: [ADMIN] },
  { method: 'DELETE', path: '/api/units/{id}', access: [ADMIN] },
  { method: 'GET', path: '/api/users', access: [ADMIN] },
  { method: 'POST', path: '/api/users', access: [ADMIN] },
  { method: 'GET', path: '/api/users/{id}', access: [ADMIN] },
  { method: 'PATCH', path: '/api/users/{id}', access: [ADMIN] },
  { method: 'POST', path: '/api/users/{id}/deactivate', access: [ADMIN] },
  { method: 'PUT', path: '/api/users/{id}/password', access: [ADMIN] },
  { method: 'GET', path: '/api/audit', access: [ADMIN] },
  // confidentiality statements of staffing-firm users (what they open: STAFFING_FIRM_VIEW below)
  { method: 'GET', path: '/api/confidentiality-statements', access: [ADMIN] },
  { method: 'POST', path: '/api/confidentiality-statements', access: [ADMIN] },
  { method: 'POST', path: '/api/confidentiality-statements/{id}/revoke', access: [ADMIN] },

  // first run and demo data (the set-up endpoints answer 410 once a user exists, as here)
  { method: 'GET', path: '/api/setup', access: 'public' },
  { method: 'POST', path: '/api/setup/administrator', access: 'public' },
  { method: 'POST', path: '/api/demo-data', access: [ADMIN] },
  { method: 'GET', path: '/api/demo-data/{id}', access: [ADMIN] },

  // sales: places and certificates
  { method: 'POST', path: '/api/places/imports', access: [ADMIN] },
  { method: 'POST', path: '/api/places/imports/upload', access: [ADMIN] },
  { method: 'GET', path: '/api/places/imports/{id}', access: [ADMIN] },
  { method: 'GET', path: '/api/places/regions', access: EVERYONE },
  { method: 'GET', path: '/api/places/{postcode}', access: EVERYONE, params: { postcode: '3311 AB' } },
  { method: 'GET', path: '/api/certificates', access: EVERYONE },
  { method: 'GET', path: '/api/certificates/{id}', access: EVERYONE },
  { method: 'POST', path: '/api/certificates', access: [ADMIN] },
  { method: 'PATCH', path: '/api/certificates/{id}', access: [ADMIN] },
  { method: 'POST', path: '/api/certificates/{id}/deactivate', access: [ADMIN] },
  { method: 'POST', path: '/api/certificates/{id}/activate', access: [ADMIN] },

  // matching: candidates (visibility per pool and consent is tested in test/matching/candidates*.test.ts)
  { method: 'GET', path: '/api/candidates', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'GET', path: '/api/candidates/max-ww', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'POST', path: '/api/candidates', access: [ADVISER, ADMIN] },
  { method: 'POST', path: '/api/candidates/lookup', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'POST', path: '/api/candidates/imports', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/candidates/imports/{id}', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/candidates/{id}', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'PATCH', path: '/api/candidates/{id}', access: [ADVISER, ADMIN] },
  { method: 'POST', path: '/api/candidates/{id}/notes', access: [ADVISER, ADMIN] },
  { method: 'PUT', path: '/api/candidates/{id}/jobready', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/candidates/{id}/consents', access: [ADVISER, ADMIN] },
  { method: 'POST', path: '/api/candidates/{id}/consents', access: [ADVISER, ADMIN] },
  { method: 'POST', path: '/api/candidates/{id}/consents/{consentId}/withdraw', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/candidates/{id}/export', access: [ADMIN] },
  { method: 'POST', path: '/api/candidates/{id}/erase', access: [ADMIN] },
  // sales: employers and vacancies
  { method: 'POST', path: '/api/employers', access: [SALES, ADMIN] },
  { method: 'GET', path: '/api/employers', access: [SALES, MATCHER, MANAGER, ADMIN] },
  { method: 'GET', path: '/api/employers/{id}', access: [SALES, MATCHER, MANAGER, ADMIN] },
  { method: 'PATCH', path: '/api/employers/{id}', access: [SALES, ADMIN] },
  { method: 'POST', path: '/api/employers/{id}/archive', access: [SALES, ADMIN] },
  { method: 'POST', path: '/api/employers/{id}/unarchive', access: [SALES, ADMIN] },
  { method: 'GET', path: '/api/employers/{id}/placements', access: [SALES, MATCHER, MANAGER, ADMIN] },
  {
    method: 'GET',
    path: '/api/vacancies/suggest-occupation',
    access: [SALES, MATCHER, MANAGER, ADMIN],
    query: 'title=heftruckchauffeur',
  },
  { method: 'GET', path: '/api/vacancies/open', access: [SALES, MATCHER, MANAGER, ADMIN] },
  { method: 'GET', path: '/api/vacancies/open/counts', access: [SALES, MATCHER, MANAGER, ADMIN] },
  { method: 'POST', path: '/api/vacancies', access: [SALES, ADMIN] },
  // advisers read OPEN vacancies only (a draft is 403, test/maxww/mediation.test.ts)
  { method: 'GET', path: '/api/vacancies', access: [SALES, MATCHER, MANAGER, ADVISER, ADMIN] },
  { method: 'GET', path: '/api/vacancies/{id}', access: [SALES, MATCHER, MANAGER, ADVISER, ADMIN] },
  { method: 'PATCH', path: '/api/vacancies/{id}', access: [SALES, ADMIN] },
  { method: 'POST', path: '/api/vacancies/{id}/status', access: [SALES, ADMIN] },

  // taxonomy
  { method: 'GET', path: '/api/occupations/search', access: EVERYONE, query: 'q=heftruckchauffeur' },
  { method: 'GET', path: '/api/occupations/{id}', access: EVERYONE },
  { method: 'GET', path: '/api/skills/search', access: EVERYONE, query: 'q=heftruck' },
  { method: 'POST', path: '/api/taxonomy/imports', access: [ADMIN] },
  { method: 'POST', path: '/api/taxonomy/imports/upload', access: [ADMIN] },
  { method: 'GET', path: '/api/taxonomy/imports/{id}', access: [ADMIN] },

  // matching: ranked lists (the own-unit rule for SALES and visibility are tested in test/matching/matches.test.ts)
  { method: 'GET', path: '/api/vacancies/{id}/matches', access: [MATCHER, SALES, MANAGER] },
  { method: 'GET', path: '/api/candidates/{id}/matches', access: [MATCHER, ADVISER, MANAGER] },
  // counts for an unsaved profile (own-unit rule and visibility in test/matching/supply-preview.test.ts)
  { method: 'POST', path: '/api/vacancies/supply-preview', access: [SALES, MATCHER, MANAGER] },

  // matching: proposals (visibility of the candidate is tested in test/matching/proposals)
  // advisers propose their own clients after an INTERESTED offer (test/maxww/mediation.test.ts)
  { method: 'POST', path: '/api/vacancies/{id}/proposals', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'GET', path: '/api/vacancies/{id}/proposals', access: [MATCHER, SALES, MANAGER, ADMIN] },
  { method: 'GET', path: '/api/candidates/{id}/proposals', access: [MATCHER, SALES, MANAGER, ADMIN] },
  { method: 'GET', path: '/api/proposals/{id}', access: [MATCHER, SALES, MANAGER, ADMIN] },
  { method: 'POST', path: '/api/proposals/{id}/transitions', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'GET', path: '/api/advisers/me/mismatches', access: [ADVISER, ADMIN] },
  { method: 'POST', path: '/api/advisers/me/mismatches/{proposalId}/read', access: [ADVISER, ADMIN] },
  {
    method: 'GET',
    path: '/api/reports/proposal-quality',
    access: [MATCHER, SALES, MANAGER, ADMIN],
    query: 'from=2026-01-01&to=2026-12-31',
  },

  // aftersales: placements
  { method: 'POST', path: '/api/placements', access: [MATCHER, ADMIN] },
  {
    method: 'GET',
    path: '/api/placements/options',
    access: [MATCHER, ADMIN],
    query: 'proposalId=00000000-0000-4000-8000-000000000000&startDate=2026-12-01&contractType=AGENCY',
  },
  { method: 'GET', path: '/api/placements/{id}', access: [MATCHER, SALES, MANAGER, AFTERSALES, ADMIN] },
  { method: 'POST', path: '/api/placements/{id}/hours', access: [MATCHER, AFTERSALES, ADMIN] },
  { method: 'POST', path: '/api/placements/{id}/end', access: [MATCHER, AFTERSALES, ADMIN] },
  // aftersales: outflow from benefit (the pool's organisation is tested in test/reports/outflow.test.ts)
  { method: 'GET', path: '/api/placements/{id}/outflow', access: [ADVISER, MANAGER, ADMIN] },
  { method: 'PUT', path: '/api/placements/{id}/outflow', access: [ADVISER, ADMIN] },

  // aftersales: follow-ups
  { method: 'GET', path: '/api/follow-ups', access: [AFTERSALES, ADMIN] },
  { method: 'GET', path: '/api/follow-ups/callers', access: [AFTERSALES, ADMIN] },
  { method: 'GET', path: '/api/follow-ups/{id}', access: [AFTERSALES, ADMIN] },
  { method: 'POST', path: '/api/follow-ups/{id}/claim', access: [AFTERSALES, ADMIN] },
  { method: 'POST', path: '/api/follow-ups/{id}/assign', access: [AFTERSALES, ADMIN] },
  { method: 'POST', path: '/api/follow-ups/{id}/outcome', access: [AFTERSALES, ADMIN] },
  // aftersales: what advisers and matchers hear when a placed client is at risk or left the job
  { method: 'GET', path: '/api/advisers/me/messages', access: [ADVISER, MATCHER, ADMIN] },
  { method: 'POST', path: '/api/advisers/me/messages/{id}/read', access: [ADVISER, MATCHER, ADMIN] },
  { method: 'GET', path: '/api/pick-ups', access: [MATCHER, ADVISER, ADMIN] },
  { method: 'POST', path: '/api/pick-ups/{id}/picked-up', access: [MATCHER, ADVISER, ADMIN] },

  // aftersales: durability (figures by hand in test/aftersales/durability-report.test.ts)
  {
    method: 'GET',
    path: '/api/reports/durability',
    access: [MANAGER, ADMIN],
    query: 'from=2026-01-01&to=2026-12-31',
  },

  // reports: targets, the placements register, the dashboards (test/reports/*.test.ts)
  { method: 'GET', path: '/api/targets', access: EVERYONE },
  { method: 'PUT', path: '/api/targets/{unitId}/{period}', access: [MANAGER, ADMIN], params: { period: '2026-Q4' } },
  {
    method: 'GET',
    path: '/api/targets/{unitId}/{period}/history',
    access: [MANAGER, ADMIN],
    params: { period: '2026' },
  },
  { method: 'GET', path: '/api/placements', access: [MANAGER, ADVISER, ADMIN] },
  { method: 'GET', path: '/api/placements/export', access: [MANAGER, ADMIN] },
  { method: 'GET', path: '/api/reports/dashboard', access: EVERYONE },
  { method: 'GET', path: '/api/reports/wall-board/{unitId}', access: EVERYONE },

  // Max-WW: selection, exclusions, group meetings, triage (test/maxww/meetings.test.ts); run by the
  // team's advisers of UWV and the staffing firm (a municipal adviser is not on the team)
  ...(
    [
      ['GET', '/api/max-ww/selection', 'month=2026-12'],
      ['POST', '/api/max-ww/exclusions'],
      ['POST', '/api/max-ww/exclusions/{id}/lift'],
      ['GET', '/api/max-ww/team'],
      ['GET', '/api/max-ww/meetings'],
      ['POST', '/api/max-ww/meetings'],
      ['GET', '/api/max-ww/meetings/{id}'],
      ['PATCH', '/api/max-ww/meetings/{id}'],
      ['POST', '/api/max-ww/meetings/{id}/cancel'],
      ['POST', '/api/max-ww/meetings/{id}/invitations'],
      ['POST', '/api/max-ww/meetings/{id}/attendance'],
      ['GET', '/api/max-ww/invitations/{id}/letter'],
      ['PUT', '/api/max-ww/invitations/{id}/attendance'],
      ['POST', '/api/max-ww/invitations/{id}/follow-up'],
      ['POST', '/api/max-ww/routes'],
    ] as Array<[Method, string, string?]>
  ).map(([method, path, query]): EndpointAccess => ({
    method,
    path,
    query,
    access: [ADVISER, ADMIN],
    organisations: MAX_WW_TEAM,
  })),
  // Max-WW mediation: the team (advisers of UWV and the staffing firm), managers read the lists
  // (the visibility of clients, own clients and the overdue rule: test/maxww/mediation.test.ts)
  { method: 'POST', path: '/api/max-ww/mediations', access: [ADVISER, ADMIN], organisations: MAX_WW_TEAM },
  { method: 'GET', path: '/api/max-ww/mediations', access: [ADVISER, MANAGER, ADMIN], organisations: MAX_WW_TEAM },
  {
    method: 'GET',
    path: '/api/max-ww/mediations/overdue',
    access: [ADVISER, MANAGER, ADMIN],
    organisations: MAX_WW_TEAM,
  },
  { method: 'GET', path: '/api/max-ww/mediations/{id}', access: [ADVISER, ADMIN], organisations: MAX_WW_TEAM },
  {
    method: 'POST',
    path: '/api/max-ww/mediations/{id}/contacts',
    access: [ADVISER, ADMIN],
    organisations: MAX_WW_TEAM,
  },
  { method: 'POST', path: '/api/max-ww/mediations/{id}/end', access: [ADVISER, ADMIN], organisations: MAX_WW_TEAM },
  // vacancy offers: any adviser, for their own clients
  { method: 'POST', path: '/api/vacancy-offers', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/vacancy-offers', access: [ADVISER, ADMIN], query: `candidateId=${SOME_ID}` },
  { method: 'POST', path: '/api/vacancy-offers/{id}/response', access: [ADVISER, ADMIN] },
  // Max-WW: the hand-over at the WW's end, exits, the cohort report (test/maxww/route.test.ts: the
  // municipality through the consent, the team's organisations); the team writes them, the
  // municipality reads the hand-over through the client's consent
  { method: 'POST', path: '/api/max-ww/handovers', access: [ADVISER, ADMIN], organisations: MAX_WW_TEAM },
  { method: 'GET', path: '/api/max-ww/handovers', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/max-ww/handovers/{id}', access: [ADVISER, ADMIN] },
  { method: 'POST', path: '/api/max-ww/exits', access: [ADVISER, ADMIN], organisations: MAX_WW_TEAM },
  { method: 'GET', path: '/api/max-ww/exits/{candidateId}', access: [ADVISER, ADMIN] },
  { method: 'GET', path: '/api/reports/max-ww-cohorts', access: [MANAGER, ADVISER, ADMIN] },
];

/**
 * The staffing firm's view of UWV's clients, object by object (matrix.test.ts, "the staffing-firm
 * view"): which of six clients a staffing-firm matcher sees with which active statements. "Sees" means
 * everywhere at once: the read answers 200 (else 404), and the client is in the candidate list, the
 * search by name, the BSN look-up, the Max-WW list (where it is Max-WW), the vacancy's ranked list and
 * its own vacancy list (`/api/candidates/{id}/matches`, else 404).
 *   maxWw       WW, WW ends within MAX_WW_MONTHS                    (the Max-WW programme)
 *   invited     WW, WW ends in a year, invited to a group meeting   (the Max-WW programme)
 *   unitClient  WW, WW ends in a year, adviser in the unit "Max-WW Drechtsteden"
 *   other       WW, WW ends in a year, adviser elsewhere
 *   consented   WW like other, with a consent for mediation naming the staffing firm
 *   bijstand    a Bijstand client
 */
export type ViewClient = 'maxWw' | 'invited' | 'unitClient' | 'other' | 'consented' | 'bijstand';

export const STAFFING_FIRM_VIEW: ReadonlyArray<{ statements: string; sees: readonly ViewClient[] }> = [
  { statements: 'none', sees: ['consented', 'bijstand'] },
  { statements: 'MAX_WW', sees: ['maxWw', 'invited', 'consented', 'bijstand'] },
  { statements: 'MAX_WW + UNIT', sees: ['maxWw', 'invited', 'unitClient', 'consented', 'bijstand'] },
  { statements: 'UNIT (MAX_WW revoked)', sees: ['unitClient', 'consented', 'bijstand'] },
  { statements: 'none (both revoked)', sees: ['consented', 'bijstand'] },
];
