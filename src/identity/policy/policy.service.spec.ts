import { Organisation, Role } from '@identity/organisation';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { PolicyService } from './policy.service';

const matcher: AuthenticatedUser = {
  id: 'u-1',
  email: 'matcher.uwv@example.org',
  organisation: Organisation.UWV,
  unitId: 'unit-1',
  roles: [Role.MATCHER],
};
const admin: AuthenticatedUser = { ...matcher, id: 'u-2', roles: [Role.ADMIN] };

describe('PolicyService', () => {
  it('lets a user read their own profile but not change it or read another', () => {
    const policy = new PolicyService();
    expect(policy.can(matcher, 'read', { type: 'user', id: 'u-1' })).toBe(true);
    expect(policy.can(matcher, 'update', { type: 'user', id: 'u-1' })).toBe(false);
    expect(policy.can(matcher, 'read', { type: 'user', id: 'u-9' })).toBe(false);
    expect(policy.can(admin, 'update', { type: 'user', id: 'u-9' })).toBe(true);
  });

  it('refuses everyone on a subject type without a rule', () => {
    expect(new PolicyService().can(admin, 'read', { type: 'candidate', id: 'c-1' })).toBe(false);
  });

  it('asks the rule a module registered', () => {
    const policy = new PolicyService();
    policy.register('candidate', (user, _action, subject) => subject.owner === user.organisation);
    expect(policy.can(matcher, 'read', { type: 'candidate', owner: Organisation.UWV })).toBe(true);
    expect(policy.can(matcher, 'read', { type: 'candidate', owner: Organisation.MUNICIPALITY })).toBe(false);
    expect(() => policy.assert(matcher, 'read', { type: 'candidate', owner: Organisation.MUNICIPALITY })).toThrow(
      'You may not read this candidate',
    );
  });
});
