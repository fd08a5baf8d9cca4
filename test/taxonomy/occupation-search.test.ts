import { Role } from '@identity/organisation';
import { signIn } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { ESCO_FOLDER, IMPORT_TIMEOUT_MS, runImport } from './esco-data';

/**
 * Dutch job titles as employers write them, one per kind of variation, each with the ESCO
 * occupation (code checked in occupations_nl.csv) that must come first.
 */
const TITLES: Array<[kind: string, query: string, code: string, label: string]> = [
  ['exact compound', 'heftruckchauffeur', '8344.1', 'heftruckchauffeur'],
  ['split compound', 'Magazijn medewerker', '9333.8', 'magazijnmedewerker'],
  ['hyphenated compound', 'magazijn-medewerker', '9333.8', 'magazijnmedewerker'],
  ['abbreviation', 'Verzorgende IG', '5322.1', 'thuiszorgmedewerker'],
  ['diaeresis', 'coördinator beveiliging', '5414.1.9', 'coördinator beveiliging'],
  ['no diaeresis', 'coordinator beveiliging', '5414.1.9', 'coördinator beveiliging'],
  ['c for k', 'electricien', '7411.1', 'monteur elektrische installaties'],
  ['noise words', 'ervaren schoonmaker gezocht (32 uur)', '9112.2', 'schoonmaker gebouwen'],
  ['head first, hours', 'Medewerker schoonmaak 24u', '9112.2', 'schoonmaker gebouwen'],
  ['Flemish', 'kuisvrouw', '9112.2', 'schoonmaker gebouwen'],
  ['typo', 'vrachtwagenchaufeur', '8332.2', 'vrachtwagenchauffeur'],
  ['plural', 'vrachtwagenchauffeurs', '8332.2', 'vrachtwagenchauffeur'],
  ['female form', 'kapster', '5141.1', 'kapper'],
  ['m/v and case', 'HEFTRUCK CHAUFFEUR (m/v)', '8344.1', 'heftruckchauffeur'],
];

describe('occupation and skill search over HTTP', () => {
  let test: TestApp;
  let user: Record<string, string>;
  beforeAll(async () => {
    test = await startTestApp();
    // Imported the way an admin does it; the worker rebuilds the search index when the job is done.
    const imported = await runImport(test, await signIn(test, [Role.ADMIN]), ESCO_FOLDER);
    expect(imported.status).toBe('succeeded');
    user = await signIn(test, [Role.SALES]);
  }, IMPORT_TIMEOUT_MS);
  afterAll(() => test.close());

  it.each(TITLES)('%s: "%s" finds %s first', async (_kind, query, code, label) => {
    const response = await test.http.get('/api/occupations/search').query({ q: query }).set(user).expect(200);
    expect(response.body[0]).toMatchObject({ code, label });
  });

  it('answers with uri, code, ISCO group, labels and a score, best first, within the limit', async () => {
    const response = await test.http
      .get('/api/occupations/search')
      .query({ q: 'magazijnmedewerker', limit: 3 })
      .set(user)
      .expect(200);
    expect(response.body).toHaveLength(3);
    expect(response.body[0]).toEqual({
      id: expect.any(String),
      uri: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/occupation\//),
      code: '9333.8',
      iscoGroup: '9333',
      label: 'magazijnmedewerker',
      matchedLabel: 'magazijnmedewerker',
      score: 1,
    });
    const scores = response.body.map((hit: { score: number }) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('shows an occupation with its labels, ISCO path and essential and optional skills', async () => {
    const [hit] = (await test.http.get('/api/occupations/search').query({ q: 'heftruckchauffeur' }).set(user)).body;
    const response = await test.http.get(`/api/occupations/${hit.id}`).set(user).expect(200);
    expect(response.body).toMatchObject({
      id: hit.id,
      code: '8344.1',
      label: 'heftruckchauffeur',
      iscoGroup: { code: '8344' },
    });
    expect(response.body.altLabels).toContain('chauffeur vorkheftruck');
    expect(response.body.iscoPath.map((group: { code: string }) => group.code)).toEqual(['8', '83', '834', '8344']);
    expect(response.body.essentialSkills.length).toBeGreaterThan(0);
    expect(response.body.optionalSkills.length).toBeGreaterThan(0);
    expect(response.body.essentialSkills[0]).toEqual({
      id: expect.any(String),
      uri: expect.any(String),
      label: expect.any(String),
      labelEn: expect.any(String),
      skillType: expect.stringMatching(/^(skill\/competence|knowledge)$/),
    });
  });

  it('answers 404 for an unknown occupation and 422 for an id that is not a UUID', async () => {
    const missing = await test.http.get('/api/occupations/00000000-0000-4000-8000-000000000000').set(user).expect(404);
    expect(missing.body.code).toBe('OCCUPATION_NOT_FOUND');
    await test.http.get('/api/occupations/abc').set(user).expect(422);
  });

  it('finds skills by Dutch and by English labels', async () => {
    const dutch = await test.http.get('/api/skills/search').query({ q: 'Haskell' }).set(user).expect(200);
    expect(dutch.body[0]).toMatchObject({ label: 'Haskell', skillType: 'knowledge' });
    const english = await test.http
      .get('/api/skills/search')
      .query({ q: 'operate forklift', limit: 5 })
      .set(user)
      .expect(200);
    expect(english.body[0].labelEn).toBe('operate forklift');
  });

  it('refuses an empty query and a limit out of range, field by field', async () => {
    const empty = await test.http.get('/api/occupations/search').query({ q: '  ' }).set(user).expect(422);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { q: 'must not be empty' } });
    const missing = await test.http.get('/api/occupations/search').set(user).expect(422);
    expect(Object.keys(missing.body.errors)).toContain('q');
    const tooMany = await test.http.get('/api/skills/search').query({ q: 'kok', limit: 51 }).set(user).expect(422);
    expect(tooMany.body.errors).toEqual({ limit: 'must be at most 50' });
    const zero = await test.http.get('/api/skills/search').query({ q: 'kok', limit: 0 }).set(user).expect(422);
    expect(zero.body.errors).toEqual({ limit: 'must be at least 1' });
    const notANumber = await test.http
      .get('/api/occupations/search')
      .query({ q: 'kok', limit: 'ten' })
      .set(user)
      .expect(422);
    expect(notANumber.body.errors.limit).toContain('must be a whole number');
  });
});
