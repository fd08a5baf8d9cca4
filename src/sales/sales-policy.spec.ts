import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Organisation, Role } from '@identity/organisation';
import { readsOpenVacanciesOnly, salesUnitRule, vacancyRule } from './sales-policy';

const user = (roles: Role[], unitId = 'unit-a'): AuthenticatedUser => ({
  id: 'u1',
  email: 'x@example.org',
  organisation: Organisation.STAFFING_FIRM,
  unitId,
  roles,
});

describe('salesUnitRule', () => {
  const ownUnit = { type: 'vacancy', unitId: 'unit-a' };
  const otherUnit = { type: 'vacancy', unitId: 'unit-b' };

  it('lets a salesmanager change their own unit only', () => {
    expect(salesUnitRule(user([Role.SALES]), 'update', ownUnit)).toBe(true);
    expect(salesUnitRule(user([Role.SALES]), 'create', ownUnit)).toBe(true);
    expect(salesUnitRule(user([Role.SALES]), 'update', otherUnit)).toBe(false);
    expect(salesUnitRule(user([Role.SALES]), 'create', otherUnit)).toBe(false);
    expect(salesUnitRule(user([Role.SALES]), 'read', otherUnit)).toBe(true);
  });

  it('lets matchers and managers read, not change', () => {
    for (const role of [Role.MATCHER, Role.MANAGER]) {
      expect(salesUnitRule(user([role]), 'read', ownUnit)).toBe(true);
      expect(salesUnitRule(user([role]), 'update', ownUnit)).toBe(false);
    }
  });

  it('lets administrators do anything, and refuses other roles', () => {
    expect(salesUnitRule(user([Role.ADMIN], 'elsewhere'), 'update', otherUnit)).toBe(true);
    expect(salesUnitRule(user([Role.AFTERSALES]), 'read', ownUnit)).toBe(false);
    expect(salesUnitRule(user([Role.ADVISER]), 'read', ownUnit)).toBe(false);
  });

  it('refuses a change when the subject names no unit', () => {
    expect(salesUnitRule(user([Role.SALES]), 'update', { type: 'vacancy' })).toBe(false);
  });
});

describe('vacancyRule', () => {
  const open = { type: 'vacancy', unitId: 'unit-a', status: 'OPEN' };
  const draft = { type: 'vacancy', unitId: 'unit-a', status: 'DRAFT' };

  it('lets an adviser read an open vacancy, never a draft, and change none', () => {
    expect(vacancyRule(user([Role.ADVISER]), 'read', open)).toBe(true);
    expect(vacancyRule(user([Role.ADVISER]), 'read', draft)).toBe(false);
    expect(vacancyRule(user([Role.ADVISER]), 'update', open)).toBe(false);
    expect(readsOpenVacanciesOnly(user([Role.ADVISER]))).toBe(true);
    expect(readsOpenVacanciesOnly(user([Role.ADVISER, Role.MATCHER]))).toBe(false);
  });

  it('keeps the sales rule for everyone else', () => {
    expect(vacancyRule(user([Role.MATCHER]), 'read', draft)).toBe(true);
    expect(vacancyRule(user([Role.AFTERSALES]), 'read', open)).toBe(false);
  });
});
