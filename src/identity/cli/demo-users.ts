import { ALL_ORGANISATIONS, ALL_ROLES, Organisation, Role } from '@identity/organisation';

export const DEMO_UNITS = [
  { name: 'Industrie & logistiek', focus: 'Productie, magazijn, transport en techniek in de Drechtsteden' },
  { name: 'Zorg & schoonmaak', focus: 'Zorg, welzijn, schoonmaak en facilitair' },
] as const;

/** `matcher.uwv@example.org`, `admin.municipality@example.org`, `sales.staffing-firm@example.org`. */
export function demoEmail(role: Role, organisation: Organisation): string {
  return `${role.toLowerCase()}.${organisation.toLowerCase().replace(/_/g, '-')}@example.org`;
}

const DISPLAY_ROLE: Record<Role, string> = {
  [Role.SALES]: 'Salesmanager',
  [Role.MATCHER]: 'Matcher',
  [Role.AFTERSALES]: 'Aftersales',
  [Role.ADVISER]: 'Klantregisseur',
  [Role.MANAGER]: 'Manager',
  [Role.ADMIN]: 'Beheerder',
};

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  organisation: Organisation;
  /** Index into DEMO_UNITS: sales, matching and aftersales are spread over both units. */
  unit: 0 | 1;
}

export function demoUsers(): DemoUser[] {
  return ALL_ORGANISATIONS.flatMap((organisation, organisationIndex) =>
    ALL_ROLES.map((role, roleIndex) => ({
      email: demoEmail(role, organisation),
      name: `${DISPLAY_ROLE[role]} ${organisation === Organisation.STAFFING_FIRM ? 'Staffing firm' : organisation === Organisation.UWV ? 'UWV' : 'Gemeente'}`,
      role,
      organisation,
      unit: ((organisationIndex + roleIndex) % 2) as 0 | 1,
    })),
  );
}
