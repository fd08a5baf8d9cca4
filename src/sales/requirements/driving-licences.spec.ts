import { DrivingLicence as L, licenceClosure, missingLicences, satisfiesLicences } from './driving-licences';

describe('satisfiesLicences', () => {
  it('lets a truck driver with CE take a job asking for B: CE needs C, and C needs B', () => {
    expect(satisfiesLicences([L.CE], [L.B])).toBe(true);
    expect(satisfiesLicences([L.CE], [L.C])).toBe(true);
  });

  it('does not let C stand in for CE: the trailer needs its own exam', () => {
    expect(satisfiesLicences([L.C], [L.CE])).toBe(false);
    expect(missingLicences([L.C], [L.CE, L.B])).toEqual([L.CE]);
  });

  it('covers the lighter variant: C covers C1, CE covers C1E and BE', () => {
    expect(satisfiesLicences([L.C], [L.C1])).toBe(true);
    expect(satisfiesLicences([L.CE], [L.C1E, L.BE])).toBe(true);
  });

  it('gives bus drivers B and D1 but not C', () => {
    expect(satisfiesLicences([L.D], [L.B, L.D1])).toBe(true);
    expect(missingLicences([L.D], [L.C])).toEqual([L.C]);
  });

  it('lets B holders ride a moped (AM) but not a motorcycle', () => {
    expect(satisfiesLicences([L.B], [L.AM])).toBe(true);
    expect(missingLicences([L.B], [L.A1, L.A])).toEqual([L.A1, L.A]);
  });

  it('walks the motorcycle ladder: A covers A2, A1 and AM', () => {
    expect(licenceClosure([L.A])).toEqual(new Set([L.A, L.A2, L.A1, L.AM]));
  });

  it('keeps T separate', () => {
    expect(satisfiesLicences([L.CE, L.DE], [L.T])).toBe(false);
    expect(licenceClosure([L.T])).toEqual(new Set([L.T]));
  });

  it('makes CE valid for DE only together with D', () => {
    expect(satisfiesLicences([L.CE], [L.DE])).toBe(false);
    expect(satisfiesLicences([L.CE, L.D], [L.DE])).toBe(true);
  });

  it('is satisfied by anyone when nothing is required, and by no one without a licence when something is', () => {
    expect(satisfiesLicences([], [])).toBe(true);
    expect(satisfiesLicences([], [L.B])).toBe(false);
  });
});
