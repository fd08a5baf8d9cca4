import { IsOptional, ValidateIf } from 'class-validator';

/**
 * A field that may be left out. `null` is not "left out": it gets the field's rules and is refused
 * ("must be text"), so a PATCH cannot write NULL into a column that needs a value.
 * Request DTOs use this instead of class-validator's `IsOptional`, which lets `null` through unchecked.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A field that may be left out or be `null`, where null means something (clears the phone number). */
export const OptionalOrNull = (): PropertyDecorator => IsOptional();
