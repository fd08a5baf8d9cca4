import { DomainError } from '@platform/errors/domain-error';
import { POSTCODE_FORMAT_MESSAGE } from './postcode';

export class PostcodeInvalidError extends DomainError {
  readonly code = 'POSTCODE_INVALID';
  readonly kind = 'invalid' as const;

  constructor(field: string) {
    super('The postcode is not a Dutch postcode', { fieldErrors: { [field]: POSTCODE_FORMAT_MESSAGE } });
  }
}

/** A well-formed postcode whose 4-digit area is not in the imported postcode areas. */
export class PostcodeUnknownError extends DomainError {
  readonly code = 'POSTCODE_UNKNOWN';
  readonly kind = 'invalid' as const;

  constructor(field: string, postcode: string) {
    super(`There is no postcode area ${postcode.slice(0, 4)}`, {
      fieldErrors: { [field]: `postcode area ${postcode.slice(0, 4)} does not exist` },
    });
  }
}

/**
 * A geo file the importer refuses; nothing has been written when it is thrown. `line` is 1-based
 * (the header is line 1) and absent when the whole file is missing.
 */
export class PlacesImportError extends DomainError {
  readonly code = 'PLACES_IMPORT_MALFORMED';
  readonly kind = 'invalid' as const;

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${reason}`, { details: { file, line, reason } });
  }
}
