import { outflowErrors } from './outflow';

describe('outflow record', () => {
  const start = '2026-09-01';
  const today = '2026-11-22';

  it('takes a full stop on or after the start, up to three months ahead (decided per a coming first)', () => {
    expect(outflowErrors({ outflow: 'FULL', benefitChangedOn: '2026-09-01' }, start, today)).toBeNull();
    // 22 November + 3 months = 22 February 2027: that day still, the next not.
    expect(outflowErrors({ outflow: 'PARTIAL', benefitChangedOn: '2027-02-22' }, start, today)).toBeNull();
    expect(outflowErrors({ outflow: 'FULL', benefitChangedOn: '2027-02-23' }, start, today)).toEqual({
      benefitChangedOn: 'must be at most 3 months ahead (2027-02-22)',
    });
  });

  it('refuses a benefit that stopped before the job started', () => {
    expect(outflowErrors({ outflow: 'FULL', benefitChangedOn: '2026-08-31' }, start, today)).toEqual({
      benefitChangedOn: "must not be before the placement's start (2026-09-01)",
    });
  });

  it('needs the day for FULL and PARTIAL, and none for NONE', () => {
    expect(outflowErrors({ outflow: 'PARTIAL', benefitChangedOn: null }, start, today)).toEqual({
      benefitChangedOn: 'is required: the day the benefit stopped or changed',
    });
    expect(outflowErrors({ outflow: 'NONE', benefitChangedOn: null }, start, today)).toBeNull();
    expect(outflowErrors({ outflow: 'NONE', benefitChangedOn: '2026-10-01' }, start, today)).toEqual({
      benefitChangedOn: 'must be left out when the benefit goes on',
    });
  });
});
