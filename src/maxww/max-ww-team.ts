import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { NotAllowedError } from '@identity/identity.errors';
import { Organisation, Role } from '@identity/organisation';

/**
 * The organisations whose advisers run the Max-WW programme: UWV's own, and the staffing firm's who
 * work for UWV under a confidentiality statement. A municipal adviser is not on the team (the
 * municipality sees a WW client only with consent, and at the hand-over).
 */
export const MAX_WW_TEAM_ORGANISATIONS: readonly Organisation[] = [Organisation.UWV, Organisation.STAFFING_FIRM];

/** A member of the Max-WW team: an adviser of UWV or of the staffing firm. Administrators come on top. */
export function isMaxWwTeamMember(user: Pick<AuthenticatedUser, 'roles' | 'organisation'>): boolean {
  return user.roles.includes(Role.ADVISER) && MAX_WW_TEAM_ORGANISATIONS.includes(user.organisation);
}

/**
 * On the Max-WW controllers, after the global role guard (`@Roles(ADVISER, ADMIN)`): an adviser must
 * also be of a team organisation. A guard, not a check in the service, so the answer is 403 before any
 * input is read (a municipal adviser learns nothing from a 422 or 404).
 */
@Injectable()
export class MaxWwTeamGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>().user;
    if (!user) return false;
    if (hasRole(user, Role.ADMIN) || isMaxWwTeamMember(user)) return true;
    throw new NotAllowedError('The Max-WW programme is run by advisers of UWV and the staffing firm');
  }
}
