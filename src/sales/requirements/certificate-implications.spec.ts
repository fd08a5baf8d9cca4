import {
  certificateClosure,
  CertificateImplications,
  missingCertificates,
  wouldCreateCycle,
} from './certificate-implications';

// As seeded: VOL-VCA includes the basic VCA exam; NEN 3140 VP includes VOP.
const SEEDED: CertificateImplications = new Map([
  ['VCA_VOL', ['VCA_BASIS']],
  ['NEN3140_VP', ['NEN3140_VOP']],
]);

describe('certificate implications', () => {
  it('lets VCA VOL meet a VCA basis requirement, not the reverse', () => {
    expect(missingCertificates(['VCA_VOL'], ['VCA_BASIS'], SEEDED)).toEqual([]);
    expect(missingCertificates(['VCA_BASIS'], ['VCA_VOL'], SEEDED)).toEqual(['VCA_VOL']);
  });

  it('lists only the certificates still missing, once each', () => {
    expect(
      missingCertificates(['HEFTRUCK', 'VCA_VOL'], ['HEFTRUCK', 'REACHTRUCK', 'VCA_BASIS', 'BHV', 'BHV'], SEEDED),
    ).toEqual(['REACHTRUCK', 'BHV']);
  });

  it('follows chains of implications', () => {
    const chain: CertificateImplications = new Map([
      ['X', ['Y']],
      ['Y', ['Z']],
    ]);
    expect(certificateClosure(['X'], chain)).toEqual(new Set(['X', 'Y', 'Z']));
  });

  it('spots a cycle before it is made', () => {
    expect(wouldCreateCycle(SEEDED, 'VCA_BASIS', 'VCA_VOL')).toBe(true);
    expect(wouldCreateCycle(SEEDED, 'VCA_BASIS', 'VCA_BASIS')).toBe(true);
    expect(wouldCreateCycle(SEEDED, 'BHV', 'EHBO')).toBe(false);
  });
});
