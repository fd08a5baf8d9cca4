import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { PolicyAction, PolicySubject } from '@identity/policy/policy.service';

/**
 * Employers and vacancies: matchers and managers read them, salesmanagers read all and create and
 * change those of their own unit (`subject.unitId`), administrators do everything.
 */
export function salesUnitRule(user: AuthenticatedUser, action: PolicyAction, subject: PolicySubject): boolean {
  if (hasRole(user, Role.ADMIN)) return true;
  if (action === 'read' || action === 'list') return hasRole(user, Role.SALES, Role.MATCHER, Role.MANAGER);
  if (action === 'create' || action === 'update') {
    return hasRole(user, Role.SALES) && typeof subject.unitId === 'string' && subject.unitId === user.unitId;
  }
  return false;
}
