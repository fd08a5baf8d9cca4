import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Organisation, Role } from '@identity/organisation';
import { candidatePolicy, SqlParams, visibleToSql } from './visibility';

const user = (organisation: Organisation, ...roles: Role[]): AuthenticatedUser => ({
  id: 'u',
  email: 'u@example.org',
  organisation,
  unitId: 'unit',
  roles,
});

describe('candidate visibility', () => {
  const ww = { type: 'candidate', pool: 'WW', consentOrganisations: [] };

  it('lets UWV and the staffing firm read a WW candidate, not the municipality without consent', () => {
    expect(candidatePolicy(user(Organisation.UWV, Role.MATCHER), 'read', ww)).toBe(true);
    expect(candidatePolicy(user(Organisation.STAFFING_FIRM, Role.MATCHER), 'read', ww)).toBe(true);
    expect(candidatePolicy(user(Organisation.MUNICIPALITY, Role.MATCHER), 'read', ww)).toBe(false);
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
    expect(clause).toContain('c.pool = ANY($1::text[])');
    expect(sql.values).toEqual([['BIJSTAND'], 'MUNICIPALITY']);
    expect(visibleToSql(user(Organisation.STAFFING_FIRM, Role.MATCHER), new SqlParams())).toBe('TRUE');
  });
});
