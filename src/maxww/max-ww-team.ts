import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { ROLES } from '@identity/auth/roles.decorator';
import { RoleRequiredError } from '@identity/identity.errors';
import { Organisation, Role } from '@identity/organisation';

/**
 * The Max-WW team: advisers of UWV and of the staffing firm (the partnership's Max-WW advisers). A
 * municipal adviser is not in it: the team works with WW clients before their WW ends.
 */
export const MAX_WW_TEAM_ORGANISATIONS: readonly Organisation[] = [Organisation.UWV, Organisation.STAFFING_FIRM];

export function isMaxWwAdviser(user: Pick<AuthenticatedUser, 'roles' | 'organisation'>): boolean {
  return hasRole(user as AuthenticatedUser, Role.ADVISER) && MAX_WW_TEAM_ORGANISATIONS.includes(user.organisation);
}

/**
 * After the global guard: on an endpoint that lets ADVISER in, an adviser gets through only as one of
 * the Max-WW team; the endpoint's other roles (ADMIN, MANAGER) as the global guard let them. In a
 * guard, so a municipal adviser is refused before the body is even read (403, not 422).
 */
@Injectable()
export class MaxWwTeamGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const user = request.user;
    if (!user) return false;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const asOtherRole = (allowed ?? []).some((role) => role !== Role.ADVISER && user.roles.includes(role));
    if (asOtherRole || isMaxWwAdviser(user)) return true;
    throw new RoleRequiredError('This is for the Max-WW team: advisers of UWV or the staffing firm');
  }
}
