import { EDUCATION_LEVELS, educationRank, EducationLevel as E, meetsEducation } from './education-levels';

describe('meetsEducation', () => {
  it('lets a higher diploma meet a lower minimum but not the other way round', () => {
    expect(meetsEducation(E.MBO_3, E.MBO_2)).toBe(true);
    expect(meetsEducation(E.MBO_2, E.MBO_3)).toBe(false);
    expect(meetsEducation(E.HBO, E.MBO_4)).toBe(true);
    expect(meetsEducation(E.HBO, E.WO)).toBe(false);
  });

  it('treats mbo-4 and havo as equal (both NLQF 4)', () => {
    expect(meetsEducation(E.HAVO, E.MBO_4)).toBe(true);
    expect(meetsEducation(E.MBO_4, E.HAVO)).toBe(true);
  });

  it('puts vwo above mbo-4 and havo and below hbo', () => {
    expect(meetsEducation(E.VWO, E.MBO_4)).toBe(true);
    expect(meetsEducation(E.MBO_4, E.VWO)).toBe(false);
    expect(meetsEducation(E.VWO, E.HBO)).toBe(false);
  });

  it('treats vmbo and mbo-1 (entree) as equal: both lead to mbo-2', () => {
    expect(meetsEducation(E.VMBO, E.MBO_1)).toBe(true);
    expect(meetsEducation(E.MBO_1, E.VMBO)).toBe(true);
    expect(meetsEducation(E.VMBO, E.MBO_2)).toBe(false);
  });

  it('treats a missing minimum as met and a missing diploma as none', () => {
    expect(meetsEducation(undefined, undefined)).toBe(true);
    expect(meetsEducation(undefined, E.NONE)).toBe(true);
    expect(meetsEducation(null, E.PRIMARY)).toBe(false);
  });

  it('lists the levels lowest first, never decreasing in rank', () => {
    const ranks = EDUCATION_LEVELS.map(educationRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(EDUCATION_LEVELS[0]).toBe(E.NONE);
    expect(EDUCATION_LEVELS.at(-1)).toBe(E.WO);
  });
});
