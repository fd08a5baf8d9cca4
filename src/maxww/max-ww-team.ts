import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { ROLES } from '@identity/auth/roles.decorator';
import { Organisation, Role } from '@identity/organisation';
import { NotMaxWwTeamError } from './max-ww.errors';

/**
 * The Max-WW team: advisers of UWV and of the staffing firm (the partnership's Max-WW advisers). A
 * municipal adviser is not in it: the team works with WW clients before their WW ends.
 */
export const MAX_WW_TEAM_ORGANISATIONS: readonly Organisation[] = [Organisation.UWV, Organisation.STAFFING_FIRM];

export function isMaxWwAdviser(user: Pick<AuthenticatedUser, 'roles' | 'organisation'>): boolean {
  return hasRole(user as AuthenticatedUser, Role.ADVISER) && MAX_WW_TEAM_ORGANISATIONS.includes(user.organisation);
}

/**
 * The one rule for the Max-WW team's endpoints: an adviser gets through only as one of the Max-WW team;
 * the endpoint's other roles (ADMIN, MANAGER) as the global role guard let them. `allowed` are the
 * endpoint's roles (@Roles); without them only a Max-WW adviser passes.
 */
export function mayActForMaxWwTeam(user: AuthenticatedUser, allowed: readonly Role[] = []): boolean {
  const asOtherRole = allowed.some((role) => role !== Role.ADVISER && user.roles.includes(role));
  return asOtherRole || isMaxWwAdviser(user);
}

/**
 * After the global guard, on every Max-WW team endpoint (class or method): applies mayActForMaxWwTeam
 * to the endpoint's roles. In a guard, so a municipal adviser is refused before the body is even read
 * (403 NOT_MAX_WW_TEAM, not 422), and no service has to remember to ask.
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
    if (mayActForMaxWwTeam(user, allowed ?? [])) return true;
    throw new NotMaxWwTeamError();
  }
}
