import { VacancyProfile } from '@matching/profiles';
import { DrivingLicence } from '@sales/requirements/driving-licences';
import { DutchLevel } from '@sales/requirements/dutch-language-level';
import { EducationLevel } from '@sales/requirements/education-levels';
import { relaxationsOf } from './relaxations';

const forklift: VacancyProfile = {
  id: 'v',
  status: 'OPEN',
  occupationUri: null,
  requiredSkillUris: [],
  preferredSkillUris: [],
  drivingLicences: [DrivingLicence.B],
  certificates: ['HEFTRUCK', 'VCA_BASIS'],
  minDutchLevel: DutchLevel.B1,
  minEducationLevel: EducationLevel.MBO_2,
  hoursMin: 32,
  hoursMax: 40,
  pc4: '3311',
  maxTravelKm: 20,
  startDate: '2027-01-04',
  openToReducedWageValue: false,
  experienceYearsWish: null,
};
const names = (code: string) => ({ HEFTRUCK: 'heftruckcertificaat', VCA_BASIS: 'VCA basis' })[code] ?? code;

describe('relaxing a vacancy profile one requirement at a time', () => {
  it('offers one step per hard requirement the employer set, each changing only that requirement', () => {
    const relaxations = relaxationsOf(forklift, names);
    expect(relaxations.map((relaxation) => relaxation.label)).toEqual([
      'zonder rijbewijs B',
      'zonder heftruckcertificaat',
      'zonder VCA basis',
      'Nederlands A2 in plaats van B1',
      'zonder opleidingseis mbo-2',
      'vanaf 24 uur in plaats van 32',
      '30 km in plaats van 20',
      // 4 January + 28 days
      'start 4 weken later (1 februari 2027)',
      'ook open voor doelgroep 50-80 (loonkostensubsidie)',
    ]);
    const withoutForklift = relaxations[1];
    expect(withoutForklift.profile).toEqual({ ...forklift, certificates: ['VCA_BASIS'] });
    expect(relaxations[6].profile).toEqual({ ...forklift, maxTravelKm: 30 });
    expect(relaxations[7].profile.startDate).toBe('2027-02-01');
  });

  it('offers nothing for what the profile leaves open, and drops the lowest Dutch level instead of lowering it', () => {
    const open: VacancyProfile = {
      ...forklift,
      drivingLicences: [],
      certificates: [],
      minDutchLevel: DutchLevel.A1,
      minEducationLevel: null,
      hoursMin: 1,
      maxTravelKm: null,
      openToReducedWageValue: true,
    };
    expect(relaxationsOf(open, names).map((relaxation) => relaxation.kind)).toEqual([
      'WITHOUT_DUTCH_LEVEL',
      'LATER_START',
    ]);
  });
});
