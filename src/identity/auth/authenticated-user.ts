import { Organisation, Role } from '@identity/organisation';

/** The signed-in user as every request handler sees it (from a verified, current access token). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  organisation: Organisation;
  unitId: string;
  roles: Role[];
  /**
   * Whether the user had an active confidentiality statement when this request's token was checked
   * (read with the user's facts, so a statement recorded or revoked a moment ago counts); undefined
   * where the user was made otherwise (jobs, seeders), and then whoever needs it reads the statements.
   */
  underStatement?: boolean;
}

export function hasRole(user: AuthenticatedUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
