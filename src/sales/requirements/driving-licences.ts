/**
 * Dutch driving-licence categories (rijbewijscategorieën) as vacancies ask for them and candidates
 * hold them, in the order the licence document lists them.
 */
export enum DrivingLicence {
  AM = 'AM',
  A1 = 'A1',
  A2 = 'A2',
  A = 'A',
  B = 'B',
  BE = 'BE',
  C1 = 'C1',
  C1E = 'C1E',
  C = 'C',
  CE = 'CE',
  D1 = 'D1',
  D1E = 'D1E',
  D = 'D',
  DE = 'DE',
  T = 'T',
}

export const DRIVING_LICENCES: readonly DrivingLicence[] = Object.values(DrivingLicence);

const L = DrivingLicence;

/**
 * What holding a category also entitles or proves, per the Dutch rules (Reglement rijbewijzen, which
 * follows EU directive 2006/126/EC art. 4–6):
 * - A covers A2, A2 covers A1; in the Netherlands A1 and B also cover AM (brom-/snorfiets);
 * - a category is only issued to someone who already holds the one below it (prerequisite): C1, C,
 *   D1 and D need B; BE needs B; C1E needs C1, CE needs C, D1E needs D1, DE needs D;
 * - C covers C1, D covers D1, CE covers C1E, DE covers D1E (the heavier licence includes the lighter);
 * - C1E, CE, D1E and DE also cover BE.
 * T (tractor) implies nothing and is implied by nothing: since 2015 it is a separate category (older
 * B holders get it written on their licence, so the licence itself shows it).
 * Each entry lists direct implications; `licenceClosure` follows them transitively.
 */
const IMPLIES: Readonly<Record<DrivingLicence, readonly DrivingLicence[]>> = {
  [L.AM]: [],
  [L.A1]: [L.AM],
  [L.A2]: [L.A1],
  [L.A]: [L.A2],
  [L.B]: [L.AM],
  [L.BE]: [L.B],
  [L.C1]: [L.B],
  [L.C1E]: [L.C1, L.BE],
  [L.C]: [L.C1, L.B],
  [L.CE]: [L.C, L.C1E, L.BE],
  [L.D1]: [L.B],
  [L.D1E]: [L.D1, L.BE],
  [L.D]: [L.D1, L.B],
  [L.DE]: [L.D, L.D1E, L.BE],
  [L.T]: [],
};

/** Everything a set of held categories entitles its holder to, the held ones included. */
export function licenceClosure(held: Iterable<DrivingLicence>): Set<DrivingLicence> {
  const entitled = new Set<DrivingLicence>();
  const pending = [...held];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (entitled.has(next)) continue;
    entitled.add(next);
    pending.push(...IMPLIES[next]);
  }
  // EU 2006/126 art. 6(2)(c): CE is also valid for DE when the holder holds D.
  if (entitled.has(L.CE) && entitled.has(L.D)) {
    for (const extra of licenceClosure([L.DE])) entitled.add(extra);
  }
  return entitled;
}

/** The required categories a holder lacks, in document order; empty when the holder qualifies. */
export function missingLicences(held: Iterable<DrivingLicence>, required: Iterable<DrivingLicence>): DrivingLicence[] {
  const entitled = licenceClosure(held);
  const missing = new Set([...required].filter((category) => !entitled.has(category)));
  return DRIVING_LICENCES.filter((category) => missing.has(category));
}

/** True when the held categories cover every required one (a vacancy's hard requirement). */
export function satisfiesLicences(held: Iterable<DrivingLicence>, required: Iterable<DrivingLicence>): boolean {
  return missingLicences(held, required).length === 0;
}
