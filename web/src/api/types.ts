import type { components } from './schema';

/** Shorthand for a schema of the generated API types: `Schema<'UserDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type Role = Schema<'UserDto'>['roles'][number];
export type Organisation = Schema<'UserDto'>['organisation'];
export type Me = Schema<'UserDto'>;
