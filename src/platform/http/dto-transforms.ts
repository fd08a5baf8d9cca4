/**
 * class-transformer functions for request DTOs (`@Transform(trim)`), so every module reads input the
 * same way. Anything that is not what they expect passes through unchanged, for the validators after
 * them to refuse with a field message.
 */
type TransformInput = { value: unknown };

/** Leading and trailing spaces are never meant: "  Dordrecht " is Dordrecht. */
export const trim = ({ value }: TransformInput): unknown => (typeof value === 'string' ? value.trim() : value);

/** E-mail addresses and similar keys compare without case. */
export const trimLowerCase = ({ value }: TransformInput): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** A query string carries text: "true" and "false" become booleans, anything else is left to @IsBoolean. */
export const queryBoolean = ({ value }: TransformInput): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
