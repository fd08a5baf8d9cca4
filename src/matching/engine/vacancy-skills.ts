import { VacancyContext } from './match-context';

/**
 * The skill side of one query, as bitmasks. The vacancy's required and preferred skills get local bit
 * positions (required first), its occupation's essential skills positions of their own; an occupation's
 * mask holds those skills it brings (all its skills for required and preferred, its essential ones for
 * the essential count). Scoring a candidate is then an OR of the masks of the occupations worked in
 * and of the explicit skills, and a popcount: a skill counts once however many occupations bring it,
 * as in the reference.
 *
 * The masks are made from the other side: for each skill the vacancy asks about, the occupations that
 * bring it (posting lists built once from the catalogue) get its bit. A query then costs the postings of
 * its few dozen skills, never the skill lists of every occupation its candidates worked in (making those
 * one by one was the largest fixed cost of a query at 10,000 candidates). Masks of occupations no asked
 * skill touches stay zero: `release` clears what `prepare` set, so no per-read check is needed.
 */
export class VacancySkills {
  /** Words per mask: one per 32 local skills (the larger of the two spaces). */
  private words = 1;
  private occupationAny = new Int32Array(0);
  private occupationEssential = new Int32Array(0);
  /** Per catalogue occupation, for this query: how many required, preferred and essential skills it brings. */
  readonly requiredOf: Uint16Array;
  readonly preferredOf: Uint16Array;
  readonly essentialOf: Uint16Array;
  /** skill id → the catalogue occupations that bring it (any relation; essential relation), as CSR lists. */
  private readonly anyStart: Int32Array;
  private readonly anyOccupations: Int32Array;
  private readonly essentialStart: Int32Array;
  private readonly essentialOccupations: Int32Array;
  /** Occupations whose masks this query set (cleared again by release). */
  private readonly touchedIn: Int32Array;
  private touched = new Int32Array(64);
  private touchedCount = 0;
  private generation = 0;
  /** skill id → local position among required and preferred, or −1. */
  private localOf = new Int32Array(0);
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
    skillsOf: readonly Int32Array[],
    essentialSkillsOf: readonly Int32Array[],
  ) {
    this.requiredOf = new Uint16Array(catalogueSize);
    this.preferredOf = new Uint16Array(catalogueSize);
    this.essentialOf = new Uint16Array(catalogueSize);
    this.touchedIn = new Int32Array(catalogueSize);
    [this.anyStart, this.anyOccupations] = postings(catalogueSize, skillsOf);
    [this.essentialStart, this.essentialOccupations] = postings(catalogueSize, essentialSkillsOf);
  }

  /** Sets up a vacancy; `skillId` gives the index's id of a skill URI (undefined: nobody has it). */
  prepare(context: VacancyContext, skillId: (uri: string) => number | undefined): void {
    const wanted = [...context.required, ...context.preferred];
    const required = context.required.size;
    const essential = [...context.essential];
    const words = Math.max(1, Math.ceil(wanted.length / 32), Math.ceil(essential.length / 32));
    this.words = words;
    // All zero outside a query, so a new stride needs no clearing, only room.
    if (this.occupationAny.length < this.catalogueSize * words) {
      this.occupationAny = new Int32Array(this.catalogueSize * words);
      this.occupationEssential = new Int32Array(this.catalogueSize * words);
    }
    this.generation++;
    if (this.requiredMask.length !== words) {
      this.requiredMask = new Int32Array(words);
      this.preferredMask = new Int32Array(words);
      this.candidateAny = new Int32Array(words);
      this.candidateEssential = new Int32Array(words);
    } else {
      this.requiredMask.fill(0);
      this.preferredMask.fill(0);
    }
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
      this.spread(this.occupationAny, this.anyStart, this.anyOccupations, id, position);
    }
    for (let position = 0; position < essential.length; position++) {
      const id = skillId(essential[position]);
      if (id !== undefined)
        this.spread(this.occupationEssential, this.essentialStart, this.essentialOccupations, id, position);
    }
    for (let index = 0; index < this.touchedCount; index++) {
      const occupation = this.touched[index];
      const base = occupation * words;
      let requiredCount = 0;
      let preferredCount = 0;
      let shared = 0;
      for (let word = 0; word < words; word++) {
        requiredCount += popcount(this.occupationAny[base + word] & this.requiredMask[word]);
        preferredCount += popcount(this.occupationAny[base + word] & this.preferredMask[word]);
        shared += popcount(this.occupationEssential[base + word]);
      }
      this.requiredOf[occupation] = requiredCount;
      this.preferredOf[occupation] = preferredCount;
      this.essentialOf[occupation] = shared;
    }
    this.requiredBits = filterLevels(wantedIds.slice(0, required));
    this.preferredBits = filterLevels(wantedIds.slice(required));
  }

  /** Clears what `prepare` set: the local positions and the touched occupations' masks and counts. */
  release(): void {
    for (const id of this.marked) this.localOf[id] = -1;
    this.marked.length = 0;
    const words = this.words;
    for (let index = 0; index < this.touchedCount; index++) {
      const occupation = this.touched[index];
      for (let word = occupation * words; word < occupation * words + words; word++) {
        this.occupationAny[word] = 0;
        this.occupationEssential[word] = 0;
      }
      this.requiredOf[occupation] = 0;
      this.preferredOf[occupation] = 0;
      this.essentialOf[occupation] = 0;
    }
    this.touchedCount = 0;
  }

  startCandidate(): void {
    for (let word = 0; word < this.words; word++) {
      this.candidateAny[word] = 0;
      this.candidateEssential[word] = 0;
    }
  }

  /** A catalogue occupation the candidate worked in. */
  addOccupation(occupation: number): void {
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
    return this.requiredOf[occupation];
  }

  preferredFrom(occupation: number): number {
    return this.preferredOf[occupation];
  }

  essentialFrom(occupation: number): number {
    return this.essentialOf[occupation];
  }

  /** Sets local bit `position` in the masks of the occupations that bring skill `skill`. */
  private spread(
    masks: Int32Array,
    starts: Int32Array,
    occupations: Int32Array,
    skill: number,
    position: number,
  ): void {
    if (skill + 1 >= starts.length) return; // a skill no catalogue occupation brings
    const words = this.words;
    const word = position >>> 5;
    const bit = 1 << (position & 31);
    for (let at = starts[skill]; at < starts[skill + 1]; at++) {
      const occupation = occupations[at];
      if (this.touchedIn[occupation] !== this.generation) {
        this.touchedIn[occupation] = this.generation;
        if (this.touchedCount === this.touched.length) {
          const bigger = new Int32Array(this.touched.length * 2);
          bigger.set(this.touched);
          this.touched = bigger;
        }
        this.touched[this.touchedCount++] = occupation;
      }
      masks[occupation * words + word] |= bit;
    }
  }

  private matched(held: Int32Array, wanted: Int32Array): number {
    let count = 0;
    for (let word = 0; word < this.words; word++) count += popcount(held[word] & wanted[word]);
    return count;
  }

  /** Room in the position table for skill `id` (skills are interned as candidates arrive). */
  private reach(id: number): void {
    if (id < this.localOf.length) return;
    const length = Math.max(id + 1, this.localOf.length * 2);
    this.localOf = grownWithHoles(this.localOf, length);
  }
}

/** skill → occupations, from occupation → skills (each list without repeats), as start offsets and entries. */
function postings(occupations: number, skillsOf: readonly Int32Array[]): [Int32Array, Int32Array] {
  let skills = 0;
  let entries = 0;
  for (let occupation = 0; occupation < occupations; occupation++) {
    for (const skill of skillsOf[occupation] ?? []) if (skill + 1 > skills) skills = skill + 1;
    entries += skillsOf[occupation]?.length ?? 0;
  }
  const starts = new Int32Array(skills + 1);
  for (let occupation = 0; occupation < occupations; occupation++)
    for (const skill of skillsOf[occupation] ?? []) starts[skill + 1]++;
  for (let skill = 0; skill < skills; skill++) starts[skill + 1] += starts[skill];
  const next = starts.slice(0, skills);
  const list = new Int32Array(entries);
  for (let occupation = 0; occupation < occupations; occupation++)
    for (const skill of skillsOf[occupation] ?? []) list[next[skill]++] = occupation;
  return [starts, list];
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
