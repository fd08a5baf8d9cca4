import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Organisation, Role } from '@identity/organisation';
import { candidatePolicy, SqlParams, statementCoversSql, visibleToSql } from './visibility';

const user = (organisation: Organisation, ...roles: Role[]): AuthenticatedUser => ({
  id: 'u',
  email: 'u@example.org',
  organisation,
  unitId: 'unit',
  roles,
});

describe('candidate visibility', () => {
  const ww = { type: 'candidate', pool: 'WW', consentOrganisations: [] };

  it('lets UWV read a WW candidate, not the municipality or the staffing firm without consent or statement', () => {
    expect(candidatePolicy(user(Organisation.UWV, Role.MATCHER), 'read', ww)).toBe(true);
    expect(candidatePolicy(user(Organisation.STAFFING_FIRM, Role.MATCHER), 'read', ww)).toBe(false);
    expect(candidatePolicy(user(Organisation.MUNICIPALITY, Role.MATCHER), 'read', ww)).toBe(false);
  });

  it('lets a staffing-firm user read a WW candidate under a covering statement or a consent naming the firm', () => {
    const staffing = user(Organisation.STAFFING_FIRM, Role.ADVISER);
    expect(candidatePolicy(staffing, 'read', { ...ww, statementCovers: true })).toBe(true);
    expect(candidatePolicy(staffing, 'match', { ...ww, statementCovers: true })).toBe(true);
    expect(candidatePolicy(staffing, 'read', { ...ww, consentOrganisations: [Organisation.STAFFING_FIRM] })).toBe(true);
    // A statement opens the data to read, never to change: UWV's advisers keep the client's record.
    expect(candidatePolicy(staffing, 'update', { ...ww, statementCovers: true })).toBe(false);
    // The statement counts for the staffing firm only: a municipal user with the fact set still sees nothing.
    expect(
      candidatePolicy(user(Organisation.MUNICIPALITY, Role.MATCHER), 'read', { ...ww, statementCovers: true }),
    ).toBe(false);
  });

  it('lets the staffing firm read every Bijstand candidate, as before', () => {
    const bijstand = { type: 'candidate', pool: 'BIJSTAND', consentOrganisations: [] };
    expect(candidatePolicy(user(Organisation.STAFFING_FIRM, Role.MATCHER), 'read', bijstand)).toBe(true);
    expect(candidatePolicy(user(Organisation.UWV, Role.MATCHER), 'read', bijstand)).toBe(false);
  });

  it('lets the municipality read a WW candidate with a consent naming it', () => {
    const consented = { ...ww, consentOrganisations: [Organisation.MUNICIPALITY] };
    expect(candidatePolicy(user(Organisation.MUNICIPALITY, Role.MATCHER), 'read', consented)).toBe(true);
  });

  it('lets only advisers of the owning organisation edit, and only admins erase', () => {
    const consented = { ...ww, consentOrganisations: [Organisation.MUNICIPALITY] };
    expect(candidatePolicy(user(Organisation.UWV, Role.ADVISER), 'update', ww)).toBe(true);
    expect(candidatePolicy(user(Organisation.MUNICIPALITY, Role.ADVISER), 'update', consented)).toBe(false);
    expect(candidatePolicy(user(Organisation.UWV, Role.MATCHER), 'update', ww)).toBe(false);
    expect(candidatePolicy(user(Organisation.UWV, Role.ADVISER), 'erase', ww)).toBe(false);
    expect(candidatePolicy(user(Organisation.MUNICIPALITY, Role.ADMIN), 'erase', ww)).toBe(true);
  });

  it('puts the own pool and the organisation in the SQL as parameters', () => {
    const sql = new SqlParams();
    const clause = visibleToSql(user(Organisation.MUNICIPALITY, Role.MATCHER), sql);
    expect(clause).toContain('c.pool = ANY($2::text[])');
    expect(sql.values).toEqual(['MUNICIPALITY', ['BIJSTAND']]);
    expect(visibleToSql(user(Organisation.UWV, Role.ADMIN), new SqlParams())).toBe('TRUE');
  });

  it("reads a staffing-firm user's statements by the user's id, with the Max-WW window as parameters", () => {
    const sql = new SqlParams();
    const clause = visibleToSql(user(Organisation.STAFFING_FIRM, Role.ADVISER), sql);
    expect(clause).toContain("c.pool <> 'WW'");
    expect(clause).toContain('confidentiality_statements');
    expect(sql.values[0]).toBe('STAFFING_FIRM');
    expect(sql.values[1]).toBe('u');
    expect(sql.values.slice(2)).toHaveLength(2); // today and today + MAX_WW_MONTHS
    expect(statementCoversSql(user(Organisation.UWV, Role.ADVISER), new SqlParams())).toBe('FALSE');
  });
});
