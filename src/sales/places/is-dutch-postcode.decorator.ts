import { ValidateBy, ValidationOptions } from 'class-validator';
import { isDutchPostcode, POSTCODE_FORMAT_MESSAGE } from './postcode';

/**
 * DTO check of a postcode's format ('1234 AB' or '1234AB', any case). Whether the area exists is the
 * PlacesService's job (`resolve`), since that needs the imported data.
 */
export function IsDutchPostcode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDutchPostcode',
      validator: {
        validate: (value: unknown) => isDutchPostcode(value),
        defaultMessage: () => POSTCODE_FORMAT_MESSAGE,
      },
    },
    options,
  );
}
