import { DataSource } from 'typeorm';
import { Organisation, Role } from '@identity/organisation';
import { createUser, TestUser } from '@test/support/auth';
import { startTestApp, TestApp } from '@test/support/test-app';
import { proposalWorld, ProposalWorld } from './proposals/proposal-world';

/** Words only the free texts of this test contain, to search every text column for after erasure. */
const MARKER = 'Rugklachtenmerkteken';

/**
 * Erasure reaches the free text others wrote about the candidate in proposals (each transition's
 * text, the refusal and withdrawal reasons, the mismatch note), and an erased candidate answers
 * every read as a minimal "erased" record, never as a record of nulls.
 */
describe('candidate erasure: proposals and the erased record', () => {
  let test: TestApp;
  let world: ProposalWorld;
  let admin: TestUser;
  const db = () => test.app.get(DataSource);

  beforeAll(async () => {
    test = await startTestApp();
    world = await proposalWorld(test);
    admin = await createUser(test, [Role.ADMIN], Organisation.UWV);
  }, 120_000);
  afterAll(() => test.close());

  /** A candidate with a refused proposal (mismatch), a withdrawn one and one at interview, each with text. */
  const candidateWithHistory = async () => {
    const candidateId = await world.readyCandidate();
    const first = await world.openVacancy();
    const second = await world.openVacancy();
    const third = await world.openVacancy();
    const refused = await world.move(await world.propose(first, candidateId), 'PROPOSED', {
      text: `Voorgesteld, let op ${MARKER} in het gesprek`,
    });
    await world.move(refused, 'REJECTED', {
      reasonCode: 'MISMATCH_NOT_JOBREADY',
      text: `Werkgever: ${MARKER}, kon niet tillen`,
    });
    // The mismatch made the candidate TO_ASSESS; the adviser judges them jobready again.
    const current = (await test.http.get(`/api/candidates/${candidateId}`).set(world.uwvAdviser.headers).expect(200))
      .body as { version: number };
    await test.http
      .put(`/api/candidates/${candidateId}/jobready`)
      .set(world.uwvAdviser.headers)
      .send({
        jobready: 'YES',
        version: current.version,
        checklist: {
          ownTransport: true,
          childcareArranged: true,
          hoursAvailable: true,
          certificatesValid: true,
          motivated: true,
        },
      })
      .expect(200);
    const withdrawn = await world.propose(second, candidateId);
    await world.move(withdrawn, 'WITHDRAWN', { text: `Kandidaat trok zich terug: ${MARKER}` });
    await world.toInterview(third, candidateId);
    return { candidateId, vacancyId: first };
  };

  it('clears the free text of proposal transitions, refusals and mismatch notes in the erasure, and keeps the facts', async () => {
    const { candidateId } = await candidateWithHistory();
    const textColumnsWithMarker = async () => {
      const columns = await db().query<Array<{ table: string; column: string }>>(`
        SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`);
      const found: string[] = [];
      for (const { table, column } of columns) {
        const [{ count }] = await db().query<[{ count: number }]>(
          `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}"::text LIKE $1`,
          [`%${MARKER}%`],
        );
        if (count > 0) found.push(`${table}.${column}`);
      }
      return found.sort();
    };
    expect(await textColumnsWithMarker()).toEqual([
      'candidate_notes.text',
      'proposal_transitions.text',
      'proposals.reason_text',
    ]);

    await test.http.post(`/api/candidates/${candidateId}/erase`).set(admin.headers).expect(204);
    expect(await textColumnsWithMarker()).toEqual([]);

    // The facts stay for the reports: states, reason codes, who and when.
    const proposals = (
      await test.http.get(`/api/candidates/${candidateId}/proposals`).set(world.matcher.headers).expect(200)
    ).body as {
      items: Array<{ state: string; reasonCode: string | null; reasonText: string | null; history: unknown[] }>;
    };
    expect(proposals.items.map((item) => [item.state, item.reasonCode, item.reasonText]).sort()).toEqual([
      ['INTERVIEW', null, null],
      ['REJECTED', 'MISMATCH_NOT_JOBREADY', null],
      ['WITHDRAWN', null, null],
    ]);
    expect(JSON.stringify(proposals.items)).not.toContain(MARKER);
    // Every move is still there: 3 (shortlisted, proposed, rejected) + 2 (shortlisted, withdrawn) + 3 (… interview).
    expect(proposals.items.flatMap((item) => item.history)).toHaveLength(8);
  }, 60_000);

  it('answers every read of an erased candidate with the same minimal record, and refuses to match or propose it', async () => {
    const { candidateId, vacancyId } = await candidateWithHistory();
    await test.http.post(`/api/candidates/${candidateId}/erase`).set(admin.headers).expect(204);

    const read = await test.http.get(`/api/candidates/${candidateId}`).set(world.uwvAdviser.headers).expect(200);
    expect(read.body).toEqual({ id: candidateId, status: 'INACTIVE', erasedAt: expect.any(String) });
    expect(Date.parse(read.body.erasedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The same record for an administrator, and in the export (with the access log, ids only).
    const byAdmin = await test.http.get(`/api/candidates/${candidateId}`).set(admin.headers).expect(200);
    expect(byAdmin.body).toEqual(read.body);
    const exported = await test.http.get(`/api/candidates/${candidateId}/export`).set(admin.headers).expect(200);
    expect(exported.body.candidate).toEqual(read.body);
    expect(exported.body.notes).toEqual([]);
    expect(exported.body.accessLog.length).toBeGreaterThan(0);

    // Matching and proposing an erased candidate is refused with its own code, like every change.
    const matches = await test.http.get(`/api/candidates/${candidateId}/matches`).set(world.matcher.headers);
    expect(matches.status).toBe(409);
    expect(matches.body.code).toBe('CANDIDATE_ERASED');
    const proposal = await test.http
      .post(`/api/vacancies/${vacancyId}/proposals`)
      .set(world.matcher.headers)
      .send({ candidateId });
    expect(proposal.status).toBe(409);
    expect(proposal.body.code).toBe('CANDIDATE_ERASED');
    const edit = await test.http
      .patch(`/api/candidates/${candidateId}`)
      .set(world.uwvAdviser.headers)
      .send({ version: 99, hoursMin: 20 });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('CANDIDATE_ERASED');

    // Lists and look-ups leave the erased out; an organisation that never saw the client still gets 404.
    const list = await test.http.get('/api/candidates?limit=200').set(world.uwvAdviser.headers).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(candidateId);
    const municipal = await createUser(test, [Role.MATCHER], Organisation.MUNICIPALITY);
    await test.http.get(`/api/candidates/${candidateId}`).set(municipal.headers).expect(404);
  }, 60_000);
});
