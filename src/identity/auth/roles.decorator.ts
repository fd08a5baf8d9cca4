import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ALL_ROLES, Role } from '@identity/organisation';
import { AuthenticatedUser } from './authenticated-user';

export const ROLES = 'roles';

/**
 * Declares which roles may call an endpoint. Every non-public endpoint must carry it (deny by default:
 * the global guard refuses an endpoint that declares nothing). Object-level rules come on top, in
 * the services, through the PolicyService.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the token expired or was revoked' }),
    ApiForbiddenResponse({ description: `Needs one of the roles ${roles.join(', ')}` }),
  );

/** Any signed-in user, whatever the role. */
export const AnyRole = (): MethodDecorator & ClassDecorator => Roles(...ALL_ROLES);

/** The signed-in user of this request. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('CurrentUser used on an endpoint without authentication');
  return request.user;
});
