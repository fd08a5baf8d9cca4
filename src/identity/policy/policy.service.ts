import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { NotAllowedError } from '@identity/identity.errors';
import { Role } from '@identity/organisation';

export type PolicyAction = 'read' | 'list' | 'create' | 'update' | 'delete' | 'export' | 'erase' | 'propose' | 'match';

/** The object a user wants to act on: its type, and whatever facts the rule for that type needs. */
export interface PolicySubject {
  type: string;
  id?: string;
  [fact: string]: unknown;
}

/** A rule for one subject type; feature modules register theirs (e.g. candidates: pool and consent). */
export type PolicyRule = (user: AuthenticatedUser, action: PolicyAction, subject: PolicySubject) => boolean;

/**
 * Answers "may user U do action A on object O", so services check objects and not only roles. Deny by
 * default: a subject type without a rule is refused to everyone.
 */
@Injectable()
export class PolicyService {
  private readonly rules = new Map<string, PolicyRule>([['user', userRule]]);

  register(subjectType: string, rule: PolicyRule): void {
    if (this.rules.has(subjectType)) throw new Error(`A policy rule for "${subjectType}" is registered already`);
    this.rules.set(subjectType, rule);
  }

  can(user: AuthenticatedUser, action: PolicyAction, subject: PolicySubject): boolean {
    const rule = this.rules.get(subject.type);
    return rule ? rule(user, action, subject) : false;
  }

  assert(user: AuthenticatedUser, action: PolicyAction, subject: PolicySubject): void {
    if (!this.can(user, action, subject)) {
      throw new NotAllowedError(`You may not ${action} this ${subject.type}`);
    }
  }
}

/** Staff profiles: administrators manage everyone; everybody may read their own. */
const userRule: PolicyRule = (user, action, subject) => {
  if (hasRole(user, Role.ADMIN)) return true;
  return action === 'read' && subject.id === user.id;
};
