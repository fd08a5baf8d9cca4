/** Injection token for the resolved {@link Endpoints}. */
export const ENDPOINTS = Symbol('ENDPOINTS');
