import { crossFieldErrors, VacancyRuleFacts } from './vacancy-terms';

const valid: VacancyRuleFacts = {
  hoursMin: 32,
  hoursMax: 40,
  contractType: 'PERMANENT',
  contractMonths: null,
  positions: 3,
  positionsLeft: 3,
};

describe('crossFieldErrors', () => {
  it('finds nothing wrong in a consistent vacancy', () => {
    expect(crossFieldErrors(valid)).toEqual({});
    expect(crossFieldErrors({ ...valid, hoursMin: 40, hoursMax: 40 })).toEqual({});
    expect(crossFieldErrors({ ...valid, contractType: 'FIXED_TERM', contractMonths: 6 })).toEqual({});
  });

  it('refuses more minimum hours than maximum hours', () => {
    expect(crossFieldErrors({ ...valid, hoursMin: 40, hoursMax: 32 })).toEqual({
      hoursMax: 'must be at least hoursMin',
    });
  });

  it('wants months with a fixed-term contract, and only then', () => {
    expect(crossFieldErrors({ ...valid, contractType: 'FIXED_TERM' })).toEqual({
      contractMonths: 'is required for a FIXED_TERM contract',
    });
    expect(crossFieldErrors({ ...valid, contractType: 'AGENCY', contractMonths: 6 })).toEqual({
      contractMonths: 'applies to a FIXED_TERM contract only',
    });
  });

  it('refuses more positions left than positions', () => {
    expect(crossFieldErrors({ ...valid, positionsLeft: 4 })).toEqual({ positionsLeft: 'must be at most positions' });
  });
});
