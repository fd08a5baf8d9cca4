/** The partners. A fixed set in code; their display names are configuration (ORGANISATION_NAMES). */
export enum Organisation {
  /** UWV: the national agency that runs the WW (unemployment insurance); owns the WW pool. */
  UWV = 'UWV',
  /** The municipality's social service (e.g. SDD, Sociale Dienst Drechtsteden); owns the Bijstand pool. */
  MUNICIPALITY = 'MUNICIPALITY',
  /** The staffing firm in the partnership; its advisers work for both pools. */
  STAFFING_FIRM = 'STAFFING_FIRM',
}

export enum Role {
  SALES = 'SALES',
  MATCHER = 'MATCHER',
  AFTERSALES = 'AFTERSALES',
  ADVISER = 'ADVISER',
  MANAGER = 'MANAGER',
  ADMIN = 'ADMIN',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
export const ALL_ORGANISATIONS: readonly Organisation[] = Object.values(Organisation);
