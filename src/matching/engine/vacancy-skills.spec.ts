import { VacancyContext } from './match-context';
import { generator } from './testing/synthetic';
import { VacancySkills } from './vacancy-skills';

/** The skill sets of a vacancy, as VacancySkills reads them from its context. */
function asked(required: number[], preferred: number[], essential: number[]): VacancyContext {
  const uris = (ids: number[]): Set<string> => new Set(ids.map((id) => `skill:${id}`));
  return {
    required: uris(required),
    preferred: uris(preferred),
    essential: uris(essential),
  } as unknown as VacancyContext;
}

describe('VacancySkills: the masks from skill→occupation postings', () => {
  it('counts for every occupation and candidate what plain sets count, query after query of any width', () => {
    const g = generator(5);
    const skills = 300;
    // Skill ids at and above `skills` are held by candidates only (no occupation brings them).
    const occupations = 120;
    const all = Array.from({ length: occupations }, () =>
      Int32Array.from(new Set(Array.from({ length: g.integer(0, 60) }, () => g.integer(0, skills - 1)))),
    );
    const essential = all.map((list) => list.filter(() => g.chance(0.5)));
    const masks = new VacancySkills(occupations, all, essential);
    const pick = (max: number): number[] => [
      ...new Set(Array.from({ length: g.integer(0, max) }, () => g.integer(0, skills + 20))),
    ];
    let wide = 0;
    for (let round = 0; round < 60; round++) {
      // Narrow and wide queries in turn (1 to 4 words a mask): what one leaves behind must not leak.
      const required = pick(round % 3 === 0 ? 70 : 6);
      const preferred = pick(round % 4 === 0 ? 60 : 5).filter((id) => !required.includes(id));
      const vacancyEssential = pick(round % 5 === 0 ? 90 : 20);
      if (required.length + preferred.length > 32 || vacancyEssential.length > 32) wide++;
      const context = asked(required, preferred, vacancyEssential);
      masks.prepare(context, (uri) => Number(uri.slice('skill:'.length)));
      const count = (wanted: number[], held: Set<number>): number => wanted.filter((id) => held.has(id)).length;
      const perOccupation = (from: (occupation: number) => number[]): number[][] =>
        Array.from({ length: occupations }, (_, occupation) => from(occupation));
      expect(perOccupation((o) => [masks.requiredFrom(o), masks.preferredFrom(o), masks.essentialFrom(o)])).toEqual(
        perOccupation((o) => [
          count(required, new Set(all[o])),
          count(preferred, new Set(all[o])),
          count(vacancyEssential, new Set(essential[o])),
        ]),
      );
      for (let candidate = 0; candidate < 20; candidate++) {
        const worked = Array.from({ length: g.integer(0, 4) }, () => g.integer(0, occupations - 1));
        const explicit = pick(8);
        masks.startCandidate();
        for (const occupation of worked) masks.addOccupation(occupation);
        for (const skill of explicit) masks.addSkill(skill);
        const held = new Set([...explicit, ...worked.flatMap((occupation) => [...all[occupation]])]);
        const pastEssential = new Set(worked.flatMap((occupation) => [...essential[occupation]]));
        expect([masks.requiredMatched(), masks.preferredMatched(), masks.essentialShared()]).toEqual([
          count(required, held),
          count(preferred, held),
          count(vacancyEssential, pastEssential),
        ]);
      }
      masks.release();
    }
    expect(wide).toBeGreaterThan(10);
  });
});
