import { VacancyContext } from './match-context';

/**
 * The skill side of one query, as bitmasks. The vacancy's required and preferred skills get local bit
 * positions (required first), its occupation's essential skills positions of their own; an occupation's
 * mask holds those skills it brings (all its skills for required and preferred, its essential ones for
 * the essential count). Scoring a candidate is then an OR of the masks of the occupations worked in
 * and of the explicit skills, and a popcount: a skill counts once however many occupations bring it,
 * as in the reference.
 *
 * An occupation's mask is made the first time a query meets it (a generation stamp marks it current),
 * so a query costs what its candidates' occupations hold, never the whole ESCO catalogue: walking the
 * catalogue per query used to be the largest fixed cost of a query.
 */
export class VacancySkills {
  /** Words per mask: one per 32 local skills (the larger of the two spaces). */
  private words = 1;
  private occupationAny = new Int32Array(0);
  private occupationEssential = new Int32Array(0);
  private readonly requiredOf: Uint16Array;
  private readonly preferredOf: Uint16Array;
  private readonly essentialOf: Uint16Array;
  private readonly madeIn: Int32Array;
  private generation = 0;
  /** skill id → local position among required and preferred, or −1; the same among essential ones. */
  private localOf = new Int32Array(0);
  private essentialLocalOf = new Int32Array(0);
  private readonly marked: number[] = [];
  private requiredMask = new Int32Array(1);
  private preferredMask = new Int32Array(1);
  private candidateAny = new Int32Array(1);
  private candidateEssential = new Int32Array(1);
  /**
   * The required (and preferred) skills as explicit-skill filter bits: level k holds the bits that more
   * than k of them hash to, so Σ popcount(filter & level) bounds how many explicit skills can match.
   */
  requiredBits: number[] = [];
  preferredBits: number[] = [];

  constructor(
    private readonly catalogueSize: number,
    private readonly skillsOf: readonly Int32Array[],
    private readonly essentialSkillsOf: readonly Int32Array[],
  ) {
    this.requiredOf = new Uint16Array(catalogueSize);
    this.preferredOf = new Uint16Array(catalogueSize);
    this.essentialOf = new Uint16Array(catalogueSize);
    this.madeIn = new Int32Array(catalogueSize);
  }

  /** Sets up a vacancy; `skillId` gives the index's id of a skill URI (undefined: nobody has it). */
  prepare(context: VacancyContext, skillId: (uri: string) => number | undefined): void {
    const wanted = [...context.required, ...context.preferred];
    const required = context.required.size;
    const essential = [...context.essential];
    const words = Math.max(1, Math.ceil(wanted.length / 32), Math.ceil(essential.length / 32));
    this.words = words;
    if (this.occupationAny.length < this.catalogueSize * words) {
      this.occupationAny = new Int32Array(this.catalogueSize * words);
      this.occupationEssential = new Int32Array(this.catalogueSize * words);
    }
    this.generation++;
    this.requiredMask = new Int32Array(words);
    this.preferredMask = new Int32Array(words);
    this.candidateAny = new Int32Array(words);
    this.candidateEssential = new Int32Array(words);
    const wantedIds: Array<number | undefined> = [];
    for (let position = 0; position < wanted.length; position++) {
      const bit = 1 << (position & 31);
      if (position < required) this.requiredMask[position >>> 5] |= bit;
      else this.preferredMask[position >>> 5] |= bit;
      const id = skillId(wanted[position]);
      wantedIds.push(id);
      if (id === undefined) continue;
      this.reach(id);
      this.localOf[id] = position;
      this.marked.push(id);
    }
    for (let position = 0; position < essential.length; position++) {
      const id = skillId(essential[position]);
      if (id === undefined) continue;
      this.reach(id);
      this.essentialLocalOf[id] = position;
      this.marked.push(id);
    }
    this.requiredBits = filterLevels(wantedIds.slice(0, required));
    this.preferredBits = filterLevels(wantedIds.slice(required));
  }

  /** Clears the positions `prepare` set (the occupation masks go stale with the generation). */
  release(): void {
    for (const id of this.marked) {
      this.localOf[id] = -1;
      this.essentialLocalOf[id] = -1;
    }
    this.marked.length = 0;
  }

  startCandidate(): void {
    for (let word = 0; word < this.words; word++) {
      this.candidateAny[word] = 0;
      this.candidateEssential[word] = 0;
    }
  }

  /** A catalogue occupation the candidate worked in. */
  addOccupation(occupation: number): void {
    if (this.madeIn[occupation] !== this.generation) this.make(occupation);
    const words = this.words;
    const base = occupation * words;
    for (let word = 0; word < words; word++) {
      this.candidateAny[word] |= this.occupationAny[base + word];
      this.candidateEssential[word] |= this.occupationEssential[base + word];
    }
  }

  /** A skill recorded explicitly (counts for required and preferred, not for the essential ones). */
  addSkill(skill: number): void {
    const position = skill < this.localOf.length ? this.localOf[skill] : -1;
    if (position >= 0) this.candidateAny[position >>> 5] |= 1 << (position & 31);
  }

  requiredMatched(): number {
    return this.matched(this.candidateAny, this.requiredMask);
  }

  preferredMatched(): number {
    return this.matched(this.candidateAny, this.preferredMask);
  }

  essentialShared(): number {
    let count = 0;
    for (let word = 0; word < this.words; word++) count += popcount(this.candidateEssential[word]);
    return count;
  }

  /** For the upper bound: the required, preferred and essential skills a catalogue occupation brings. */
  requiredFrom(occupation: number): number {
    if (this.madeIn[occupation] !== this.generation) this.make(occupation);
    return this.requiredOf[occupation];
  }

  preferredFrom(occupation: number): number {
    if (this.madeIn[occupation] !== this.generation) this.make(occupation);
    return this.preferredOf[occupation];
  }

  essentialFrom(occupation: number): number {
    if (this.madeIn[occupation] !== this.generation) this.make(occupation);
    return this.essentialOf[occupation];
  }

  /** An occupation's masks and counts for this query. */
  private make(occupation: number): void {
    const words = this.words;
    const base = occupation * words;
    for (let word = 0; word < words; word++) {
      this.occupationAny[base + word] = 0;
      this.occupationEssential[base + word] = 0;
    }
    const localOf = this.localOf;
    for (const skill of this.skillsOf[occupation] ?? []) {
      const position = skill < localOf.length ? localOf[skill] : -1;
      if (position >= 0) this.occupationAny[base + (position >>> 5)] |= 1 << (position & 31);
    }
    const essentialLocalOf = this.essentialLocalOf;
    for (const skill of this.essentialSkillsOf[occupation] ?? []) {
      const position = skill < essentialLocalOf.length ? essentialLocalOf[skill] : -1;
      if (position >= 0) this.occupationEssential[base + (position >>> 5)] |= 1 << (position & 31);
    }
    let required = 0;
    let preferred = 0;
    let shared = 0;
    for (let word = 0; word < words; word++) {
      required += popcount(this.occupationAny[base + word] & this.requiredMask[word]);
      preferred += popcount(this.occupationAny[base + word] & this.preferredMask[word]);
      shared += popcount(this.occupationEssential[base + word]);
    }
    this.requiredOf[occupation] = required;
    this.preferredOf[occupation] = preferred;
    this.essentialOf[occupation] = shared;
    this.madeIn[occupation] = this.generation;
  }

  private matched(held: Int32Array, wanted: Int32Array): number {
    let count = 0;
    for (let word = 0; word < this.words; word++) count += popcount(held[word] & wanted[word]);
    return count;
  }

  /** Room in the position tables for skill `id` (skills are interned as candidates arrive). */
  private reach(id: number): void {
    if (id < this.localOf.length) return;
    const length = Math.max(id + 1, this.localOf.length * 2);
    this.localOf = grownWithHoles(this.localOf, length);
    this.essentialLocalOf = grownWithHoles(this.essentialLocalOf, length);
  }
}

function grownWithHoles(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length).fill(-1);
  bigger.set(array);
  return bigger;
}

/** The filter bit of an explicit skill (one of 32; the index ORs them per candidate). */
export function skillFilterBit(skill: number): number {
  return 1 << (Math.imul(skill, 0x9e3779b1) >>> 27);
}

/** Bits per level: level k has the bits that more than k of the skills hash to. */
function filterLevels(skills: Array<number | undefined>): number[] {
  const perBit = new Map<number, number>();
  for (const skill of skills) {
    if (skill === undefined) continue; // nobody holds it
    const bit = skillFilterBit(skill);
    perBit.set(bit, (perBit.get(bit) ?? 0) + 1);
  }
  const levels: number[] = [];
  for (const [bit, count] of perBit) {
    for (let level = 0; level < count; level++) levels[level] = (levels[level] ?? 0) | bit;
  }
  return levels;
}

export function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
