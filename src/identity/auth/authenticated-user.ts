import { Organisation, Role } from '@identity/organisation';

/** The signed-in user as every request handler sees it (from a verified, current access token). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  organisation: Organisation;
  unitId: string;
  roles: Role[];
}

export function hasRole(user: AuthenticatedUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
