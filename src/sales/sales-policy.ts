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

/**
 * Vacancies as employers, and advisers besides: a Max-WW adviser offers open vacancies to their
 * clients and proposes them (issue 17), so advisers read a vacancy while it is OPEN; never a draft,
 * one on hold or a closed one (`subject.status`).
 */
export function vacancyRule(user: AuthenticatedUser, action: PolicyAction, subject: PolicySubject): boolean {
  if (salesUnitRule(user, action, subject)) return true;
  return (action === 'read' || action === 'list') && hasRole(user, Role.ADVISER) && subject.status === 'OPEN';
}

/** True when the user reads vacancies only as an adviser does: the open ones. */
export function readsOpenVacanciesOnly(user: AuthenticatedUser): boolean {
  return hasRole(user, Role.ADVISER) && !hasRole(user, Role.SALES, Role.MATCHER, Role.MANAGER, Role.ADMIN);
}
