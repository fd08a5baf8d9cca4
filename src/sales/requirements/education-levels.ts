/** The highest completed education, in Dutch terms. */
export enum EducationLevel {
  NONE = 'none',
  /** basisonderwijs */
  PRIMARY = 'primary',
  VMBO = 'vmbo',
  /** mbo-1 is the entree course (entreeopleiding). */
  MBO_1 = 'mbo-1',
  MBO_2 = 'mbo-2',
  MBO_3 = 'mbo-3',
  MBO_4 = 'mbo-4',
  HAVO = 'havo',
  VWO = 'vwo',
  HBO = 'hbo',
  WO = 'wo',
}

/**
 * The order comes from the Dutch qualifications framework NLQF (www.nlqf.nl), as employers compare
 * diplomas by it:
 *   level  NLQF         rank
 *   none   —             0
 *   primary entry        1
 *   vmbo   1–2           2   vmbo and the mbo entree course both give access to mbo-2: one rank
 *   mbo-1  1 (entree)    2
 *   mbo-2  2             3   the "startkwalificatie"
 *   mbo-3  3             4
 *   mbo-4  4             5   mbo-4 and havo are both NLQF 4: either meets the other as a minimum
 *   havo   4             5
 *   vwo    4+            6   NLQF 4 with the higher entry to wo: above mbo-4/havo
 *   hbo    6 (bachelor)  7
 *   wo     7 (master)    8
 */
const RANK: Readonly<Record<EducationLevel, number>> = {
  [EducationLevel.NONE]: 0,
  [EducationLevel.PRIMARY]: 1,
  [EducationLevel.VMBO]: 2,
  [EducationLevel.MBO_1]: 2,
  [EducationLevel.MBO_2]: 3,
  [EducationLevel.MBO_3]: 4,
  [EducationLevel.MBO_4]: 5,
  [EducationLevel.HAVO]: 5,
  [EducationLevel.VWO]: 6,
  [EducationLevel.HBO]: 7,
  [EducationLevel.WO]: 8,
};

/** Lowest first, in the order forms list them. */
export const EDUCATION_LEVELS: readonly EducationLevel[] = Object.values(EducationLevel);

export function educationRank(level: EducationLevel): number {
  return RANK[level];
}

/** A candidate with `held` meets a vacancy's minimum education; no minimum is always met. */
export function meetsEducation(
  held: EducationLevel | null | undefined,
  minimum: EducationLevel | null | undefined,
): boolean {
  if (!minimum) return true;
  return RANK[held ?? EducationLevel.NONE] >= RANK[minimum];
}
