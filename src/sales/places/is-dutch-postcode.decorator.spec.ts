import { validateSync } from 'class-validator';
import { IsDutchPostcode } from './is-dutch-postcode.decorator';

class AddressDto {
  @IsDutchPostcode()
  postcode!: unknown;
}

function errorsFor(postcode: unknown): string[] {
  const dto = Object.assign(new AddressDto(), { postcode });
  return validateSync(dto).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('@IsDutchPostcode', () => {
  it('accepts both spellings in any case', () => {
    expect(errorsFor('3311 AB')).toEqual([]);
    expect(errorsFor('3311ab')).toEqual([]);
  });

  it('refuses a wrong format, an unused letter pair and a non-string with one message', () => {
    expect(errorsFor('0311 AB')).toEqual(['must be a Dutch postcode like 1234 AB']);
    expect(errorsFor('3311 SS')).toEqual(['must be a Dutch postcode like 1234 AB']);
    expect(errorsFor(3311)).toEqual(['must be a Dutch postcode like 1234 AB']);
  });
});
