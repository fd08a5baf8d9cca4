import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '@platform/http/public.decorator';
import { NotSignedInError, RoleRequiredError } from '@identity/identity.errors';
import { Role } from '@identity/organisation';
import { AuthService } from './auth.service';
import { AuthenticatedUser } from './authenticated-user';
import { RequestRateLimiter } from './request-rate-limiter';
import { ROLES } from './roles.decorator';

/**
 * The global guard, deny by default: an endpoint is open only when marked @Public; otherwise it needs
 * a valid access token of an active user with one of the roles it declares with @Roles. An endpoint
 * that declares no roles is closed to everyone. Each signed-in request counts against the user's
 * request limit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly requestLimit: RequestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header) : null;
    if (!match?.[1]) throw new NotSignedInError();
    const user = await this.auth.authenticate(match[1], (userId) => this.requestLimit.consume(userId));
    request.user = user;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets) ?? [];
    if (!allowed.some((role) => user.roles.includes(role))) {
      throw new RoleRequiredError(
        allowed.length > 0
          ? `This needs one of the roles ${allowed.join(', ')}`
          : 'This endpoint is not open to any role',
      );
    }
    return true;
  }
}
