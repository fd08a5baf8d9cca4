import { Organisation } from '@identity/organisation';
import { CandidateProfile, OWNER_OF_POOL, Pool } from '@matching/profiles';
import { certificateClosure } from '@sales/requirements/certificate-implications';
import { DRIVING_LICENCES, licenceClosure } from '@sales/requirements/driving-licences';
import { educationRank } from '@sales/requirements/education-levels';
import { dayNumber } from './dates';
import { candidateAllowedKm, MatchingKnowledge, vacancyContext } from './match-context';
import { isAfterCursor, MatchQuery, MatchResult, NearMiss, ranksBefore, RankedCandidate } from './match-query';
import {
  dutchLevelRank,
  Failure,
  failureSentence,
  licenceBit,
  REQUIREMENT_BIT,
  requirementOfBit,
  Requirement,
} from './requirements';
import { CandidateFeatures, emptyFeatures, explain, normaliseYears, scoreTenths } from './scoring';

const NO_AREA = 0xffff;
const NO_DAY = -2_147_483_648;
const STATUS_CODES = ['ACTIVE', 'PROPOSED', 'PLACED', 'INACTIVE'] as const;
const JOBREADY_CODES = ['YES', 'NO', 'TO_ASSESS'] as const;
/** 0 = none (WW pool or not yet classified). */
const CLASSIFICATION_CODES = [null, '80-100', '50-80', 'PARTICIPATIE'] as const;
const POOL_BIT: Record<Pool, number> = { WW: 1, BIJSTAND: 2 };
const ORGANISATION_BIT: Record<Organisation, number> = { UWV: 1, MUNICIPALITY: 2, STAFFING_FIRM: 4 };
const BIJSTAND_BIT = POOL_BIT.BIJSTAND;
// Plain constants for the scan loop (an imported object's properties would be looked up per row).
const BIT_STATUS = REQUIREMENT_BIT.STATUS;
const BIT_JOBREADY = REQUIREMENT_BIT.JOBREADY;
const BIT_CLASSIFICATION = REQUIREMENT_BIT.CLASSIFICATION;
const BIT_DRIVING_LICENCE = REQUIREMENT_BIT.DRIVING_LICENCE;
const BIT_CERTIFICATE = REQUIREMENT_BIT.CERTIFICATE;
const BIT_DUTCH_LEVEL = REQUIREMENT_BIT.DUTCH_LEVEL;
const BIT_EDUCATION = REQUIREMENT_BIT.EDUCATION;
const BIT_HOURS = REQUIREMENT_BIT.HOURS;
const BIT_DISTANCE = REQUIREMENT_BIT.DISTANCE;
const BIT_AVAILABILITY = REQUIREMENT_BIT.AVAILABILITY;
/** Arena entries per work experience: occupation id, years × 10. */
const EXPERIENCE_WIDTH = 2;

/**
 * The in-memory, columnar candidate index (see design.md, "Matching engine"): one typed-array column per
 * matching field, a row per candidate, variable-length data (work experience, skills, wishes) in one
 * shared arena of integers. A query scans the rows once with plain integer comparisons for the hard
 * requirements and scores only the rows that pass (and the near misses). Postcode areas are precomputed
 * per query, so a distance is an array read. Writes replace a row in place; freed arena space is
 * reclaimed by compaction.
 */
export class CandidateIndex {
  private capacity = 0;
  private count = 0;
  private readonly rowOf = new Map<string, number>();
  private readonly freeRows: number[] = [];
  private ids: Array<string | undefined> = [];
  private personOf = new Int32Array(0);
  private alive = new Uint8Array(0);
  private pool = new Uint8Array(0);
  private visibleTo = new Uint8Array(0);
  private status = new Uint8Array(0);
  private jobready = new Uint8Array(0);
  private classification = new Uint8Array(0);
  private area = new Uint16Array(0);
  private allowedKm = new Float64Array(0);
  private hoursMin = new Uint8Array(0);
  private hoursMax = new Uint8Array(0);
  private availableDay = new Int32Array(0);
  private wwEndDay = new Int32Array(0);
  private contactDay = new Int32Array(0);
  private licences = new Uint16Array(0);
  private certificatesLow = new Uint32Array(0);
  private certificatesHigh = new Uint32Array(0);
  private dutch = new Uint8Array(0);
  private education = new Int8Array(0);
  private broodbaan = new Uint8Array(0);
  private arenaStart = new Int32Array(0);
  private experienceCount = new Uint8Array(0);
  private skillCount = new Uint16Array(0);
  private wishCount = new Uint8Array(0);
  private arena = new Int32Array(1024);
  private arenaUsed = 0;
  private arenaGarbage = 0;

  /** Interned ids: occupations and skills become small integers. */
  private readonly occupationIds = new Map<string, number>();
  private readonly occupationUris: string[] = [];
  private readonly skillIds = new Map<string, number>();
  private readonly certificateBits = new Map<string, number>();
  private readonly certificateCodes: string[] = [];
  private readonly personIds = new Map<string, number>();
  private readonly personUuids: string[] = [];
  /** Records per person: a person in both pools has 2. */
  private personRecords = new Uint8Array(0);

  /** Per occupation id (from the catalogue): ISCO group id, essential and all skill ids. */
  private occupationGroup: Int32Array = new Int32Array(0);
  private occupationEssential: Int32Array[] = [];
  private occupationSkills: Int32Array[] = [];

  constructor(private readonly knowledge: MatchingKnowledge) {
    const groups = new Map<string, number>();
    const facts = [...knowledge.occupations.all()];
    this.occupationGroup = new Int32Array(facts.length);
    for (const occupation of facts) {
      const id = this.occupationId(occupation.uri);
      if (!groups.has(occupation.iscoGroup)) groups.set(occupation.iscoGroup, groups.size);
      this.occupationGroup[id] = groups.get(occupation.iscoGroup)!;
      this.occupationEssential[id] = Int32Array.from(occupation.essentialSkillUris, (uri) => this.skillId(uri));
      this.occupationSkills[id] = Int32Array.from(
        new Set([...occupation.essentialSkillUris, ...occupation.optionalSkillUris]),
        (uri) => this.skillId(uri),
      );
    }
  }

  get size(): number {
    return this.count;
  }

  has(candidateId: string): boolean {
    return this.rowOf.has(candidateId);
  }

  /** Inserts or replaces a candidate. */
  upsert(candidate: CandidateProfile): void {
    let row = this.rowOf.get(candidate.id);
    if (row === undefined) {
      row = this.freeRows.pop() ?? this.count + this.freeRows.length;
      if (row >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
      this.rowOf.set(candidate.id, row);
      this.count++;
    } else {
      this.releaseRow(row);
    }
    this.write(row, candidate);
  }

  remove(candidateId: string): void {
    const row = this.rowOf.get(candidateId);
    if (row === undefined) return;
    this.releaseRow(row);
    this.alive[row] = 0;
    this.ids[row] = undefined;
    this.rowOf.delete(candidateId);
    this.freeRows.push(row);
    this.count--;
  }

  /** Bytes held by the typed arrays and the arena (ids and maps not included). */
  typedBytes(): number {
    const columns = [
      this.personOf,
      this.alive,
      this.pool,
      this.visibleTo,
      this.status,
      this.jobready,
      this.classification,
      this.area,
      this.allowedKm,
      this.hoursMin,
      this.hoursMax,
      this.availableDay,
      this.wwEndDay,
      this.contactDay,
      this.licences,
      this.certificatesLow,
      this.certificatesHigh,
      this.dutch,
      this.education,
      this.broodbaan,
      this.arenaStart,
      this.experienceCount,
      this.skillCount,
      this.wishCount,
      this.arena,
      this.personRecords,
    ];
    return columns.reduce((sum, column) => sum + column.byteLength, 0);
  }

  match(query: MatchQuery): MatchResult {
    const knowledge = this.knowledge;
    const context = vacancyContext(query, knowledge);
    const vacancy = query.vacancy;
    const viewerBit = ORGANISATION_BIT[query.viewer];
    const poolMask = query.pools ? query.pools.reduce((mask, pool) => mask | POOL_BIT[pool], 0) : 3;
    const distances = knowledge.places.distancesFrom(vacancy.pc4);
    const requiredLicences = vacancy.drivingLicences.reduce((mask, category) => mask | licenceBit(category), 0);
    let requiredCertificatesLow = 0;
    let requiredCertificatesHigh = 0;
    let unknownCertificateRequired = false;
    for (const code of vacancy.certificates) {
      const bit = this.certificateBits.get(code);
      if (bit === undefined)
        unknownCertificateRequired = true; // nobody in the index holds it
      else if (bit < 32) requiredCertificatesLow |= 1 << bit;
      else requiredCertificatesHigh |= 1 << (bit - 32);
    }
    // Classification codes allowed: none (WW pool only, checked below), 80-100, 50-80 when open to it.
    const classificationAllowed = 0b0010 | (vacancy.openToReducedWageValue ? 0b0100 : 0);
    const wanted = this.wantedSkills(context.required, context.preferred, context.essential);
    this.prepareOccupationSkills(wanted);
    const vacancyOccupation =
      vacancy.occupationUri !== null ? this.occupationIds.get(vacancy.occupationUri) : undefined;
    const vacancyGroup =
      context.occupation && vacancyOccupation !== undefined && vacancyOccupation < this.occupationGroup.length
        ? this.occupationGroup[vacancyOccupation]
        : -1;

    let excludedStatus = 0;
    let excludedJobready = 0;
    let excludedClassification = 0;
    let excludedLicence = 0;
    let excludedCertificate = 0;
    let excludedDutch = 0;
    let excludedEducation = 0;
    let excludedHours = 0;
    let excludedDistance = 0;
    let excludedAvailability = 0;
    const features = emptyFeatures();
    const eligibleRows: number[] = [];
    const eligibleTenths: number[] = [];
    const nearRows: number[] = [];
    const nearTenths: number[] = [];
    const nearBits: number[] = [];
    // The scan only collects; scoring runs after it, so the scan stays a tight loop without calls.
    const eligibleDistance: number[] = [];
    const eligibleAllowed: number[] = [];
    const nearDistance: number[] = [];
    const nearAllowed: number[] = [];
    let considered = 0;

    // The scan: columns in locals, so the loop is plain typed-array reads and integer tests.
    const { alive, visibleTo, pool, status, jobready, classification, licences, certificatesLow, certificatesHigh } =
      this;
    const { dutch, education, hoursMin, hoursMax, area, allowedKm, availableDay } = this;
    const { minDutchRank, minEducationRank, vacancyMaxKm, startDay } = context;
    const { hoursMin: vacancyHoursMin, hoursMax: vacancyHoursMax } = vacancy;
    const capacity = this.capacity;
    for (let row = 0; row < capacity; row++) {
      if (alive[row] === 0 || (visibleTo[row] & viewerBit) === 0 || (pool[row] & poolMask) === 0) continue;
      considered++;
      let failed = 0;
      if (status[row] >= 2) failed |= BIT_STATUS;
      if (jobready[row] !== 0) failed |= BIT_JOBREADY;
      if (pool[row] === BIJSTAND_BIT && (classificationAllowed & (1 << classification[row])) === 0)
        failed |= BIT_CLASSIFICATION;
      if ((licences[row] & requiredLicences) !== requiredLicences) failed |= BIT_DRIVING_LICENCE;
      if (
        unknownCertificateRequired ||
        (certificatesLow[row] & requiredCertificatesLow) >>> 0 !== requiredCertificatesLow >>> 0 ||
        (certificatesHigh[row] & requiredCertificatesHigh) >>> 0 !== requiredCertificatesHigh >>> 0
      ) {
        failed |= BIT_CERTIFICATE;
      }
      if (dutch[row] < minDutchRank) failed |= BIT_DUTCH_LEVEL;
      if (education[row] < minEducationRank) failed |= BIT_EDUCATION;
      if (hoursMax[row] < vacancyHoursMin || hoursMin[row] > vacancyHoursMax) failed |= BIT_HOURS;
      const areaIndex = area[row];
      const distance = areaIndex === NO_AREA || !distances ? Number.POSITIVE_INFINITY : distances[areaIndex];
      const allowed = vacancyMaxKm < allowedKm[row] ? vacancyMaxKm : allowedKm[row];
      if (!(distance <= allowed)) failed |= BIT_DISTANCE;
      if (availableDay[row] > startDay) failed |= BIT_AVAILABILITY;

      if (failed === 0) {
        eligibleRows.push(row);
        eligibleDistance.push(distance);
        eligibleAllowed.push(allowed);
        continue;
      }
      // Plain counters, one per requirement: cheaper per row than indexing an array by bit position.
      if (failed & BIT_STATUS) excludedStatus++;
      if (failed & BIT_JOBREADY) excludedJobready++;
      if (failed & BIT_CLASSIFICATION) excludedClassification++;
      if (failed & BIT_DRIVING_LICENCE) excludedLicence++;
      if (failed & BIT_CERTIFICATE) excludedCertificate++;
      if (failed & BIT_DUTCH_LEVEL) excludedDutch++;
      if (failed & BIT_EDUCATION) excludedEducation++;
      if (failed & BIT_HOURS) excludedHours++;
      if (failed & BIT_DISTANCE) excludedDistance++;
      if (failed & BIT_AVAILABILITY) excludedAvailability++;
      if (
        (failed & (failed - 1)) === 0 &&
        failed !== BIT_STATUS &&
        // isNearEnough(distance, allowed), inlined: most rows of a national pool fail only on distance.
        (failed !== BIT_DISTANCE || distance <= 2 * allowed)
      ) {
        nearRows.push(row);
        nearDistance.push(distance);
        nearAllowed.push(allowed);
        nearBits.push(failed);
      }
    }

    for (let index = 0; index < eligibleRows.length; index++) {
      this.features(
        eligibleRows[index],
        features,
        wanted,
        vacancyOccupation,
        vacancyGroup,
        eligibleDistance[index],
        eligibleAllowed[index],
        context.today,
      );
      eligibleTenths.push(scoreTenths(features, context.scoring, knowledge.weights));
    }
    for (let index = 0; index < nearRows.length; index++) {
      this.features(
        nearRows[index],
        features,
        wanted,
        vacancyOccupation,
        vacancyGroup,
        nearDistance[index],
        nearAllowed[index],
        context.today,
      );
      nearTenths.push(scoreTenths(features, context.scoring, knowledge.weights));
    }

    // One person, one line: a person in both pools keeps their best record.
    const listedPersons = new Set<number>();
    const people = this.bestPerPerson(eligibleRows, eligibleTenths, listedPersons);
    const afterCursor = people.filter((index) =>
      isAfterCursor(eligibleTenths[index], this.ids[eligibleRows[index]]!, query.cursor),
    );
    const page = this.topK(afterCursor, eligibleRows, eligibleTenths, query.limit);
    const items: RankedCandidate[] = page.map((index) => {
      const row = eligibleRows[index];
      const area = this.area[row];
      const distance = distances![area];
      this.features(
        row,
        features,
        wanted,
        vacancyOccupation,
        vacancyGroup,
        distance,
        Math.min(context.vacancyMaxKm, this.allowedKm[row]),
        context.today,
      );
      return {
        candidateId: this.ids[row]!,
        personId: this.personUuids[this.personOf[row]],
        pool: this.pool[row] === POOL_BIT.WW ? 'WW' : 'BIJSTAND',
        distanceKm: distance,
        ...explain(features, context.scoring, knowledge.weights),
      };
    });
    const lastIndex = page[page.length - 1];

    const nearPeople = this.bestPerPerson(nearRows, nearTenths, new Set(listedPersons));
    const shownNear = this.topK(nearPeople, nearRows, nearTenths, query.nearMissLimit);
    const nearMisses: NearMiss[] = shownNear.map((index) => {
      const row = nearRows[index];
      const requirement = requirementOfBit(nearBits[index]);
      return {
        candidateId: this.ids[row]!,
        pool: this.pool[row] === POOL_BIT.WW ? 'WW' : 'BIJSTAND',
        requirement,
        sentence: failureSentence(
          this.failure(row, requirement, query, distances, context.startDay, context.vacancyMaxKm),
        ),
        score: nearTenths[index] / 10,
      };
    });

    return {
      weightsVersion: knowledge.weights.version,
      items,
      nextCursor:
        afterCursor.length > page.length && lastIndex !== undefined
          ? { scoreTenths: eligibleTenths[lastIndex], candidateId: this.ids[eligibleRows[lastIndex]]! }
          : null,
      considered,
      eligible: people.length,
      excluded: {
        STATUS: excludedStatus,
        JOBREADY: excludedJobready,
        CLASSIFICATION: excludedClassification,
        DRIVING_LICENCE: excludedLicence,
        CERTIFICATE: excludedCertificate,
        DUTCH_LEVEL: excludedDutch,
        EDUCATION: excludedEducation,
        HOURS: excludedHours,
        DISTANCE: excludedDistance,
        AVAILABILITY: excludedAvailability,
      },

      nearMisses,
    };
  }

  /** Indexes (into rows) of the best record per person; a person already in `taken` is skipped. */
  private bestPerPerson(rows: number[], tenths: number[], taken: Set<number>): number[] {
    const chosen: number[] = [];
    const multi = new Map<number, number>();
    for (let index = 0; index < rows.length; index++) {
      const person = this.personOf[rows[index]];
      if (taken.has(person)) continue;
      if (this.personRecords[person] <= 1) {
        chosen.push(index);
        continue;
      }
      const best = multi.get(person);
      if (
        best === undefined ||
        ranksBefore(tenths[index], this.ids[rows[index]]!, tenths[best], this.ids[rows[best]]!)
      ) {
        multi.set(person, index);
      }
    }
    chosen.push(...multi.values());
    for (const index of chosen) taken.add(this.personOf[rows[index]]);
    return chosen;
  }

  /** The `limit` best of `indexes` in ranking order: a bounded selection, not a full sort. */
  private topK(indexes: number[], rows: number[], tenths: number[], limit: number): number[] {
    if (limit <= 0) return [];
    const before = (a: number, b: number): boolean =>
      ranksBefore(tenths[a], this.ids[rows[a]]!, tenths[b], this.ids[rows[b]]!);
    // A max-heap of the worst kept candidate at the root.
    const heap: number[] = [];
    const worse = (a: number, b: number): boolean => before(b, a);
    const siftUp = (position: number): void => {
      while (position > 0) {
        const parent = (position - 1) >> 1;
        if (!worse(heap[position], heap[parent])) break;
        [heap[position], heap[parent]] = [heap[parent], heap[position]];
        position = parent;
      }
    };
    const siftDown = (position: number): void => {
      for (;;) {
        const left = position * 2 + 1;
        const right = left + 1;
        let largest = position;
        if (left < heap.length && worse(heap[left], heap[largest])) largest = left;
        if (right < heap.length && worse(heap[right], heap[largest])) largest = right;
        if (largest === position) return;
        [heap[position], heap[largest]] = [heap[largest], heap[position]];
        position = largest;
      }
    };
    for (const index of indexes) {
      if (heap.length < limit) {
        heap.push(index);
        siftUp(heap.length - 1);
      } else if (before(index, heap[0])) {
        heap[0] = index;
        siftDown(0);
      }
    }
    return heap.sort((a, b) => (before(a, b) ? -1 : 1));
  }

  /** Skill id → bit flags: 1 required, 2 preferred, 4 essential to the vacancy's occupation. */
  private wantedSkills(
    required: ReadonlySet<string>,
    preferred: ReadonlySet<string>,
    essential: ReadonlySet<string>,
  ): Uint8Array {
    const wanted = new Uint8Array(this.skillIds.size);
    const mark = (uris: ReadonlySet<string>, flag: number): void => {
      for (const uri of uris) {
        const id = this.skillIds.get(uri);
        if (id !== undefined) wanted[id] |= flag;
      }
    };
    mark(required, 1);
    mark(preferred, 2);
    mark(essential, 4);
    return wanted;
  }

  /**
   * Per query, each occupation's skills narrowed to those the vacancy asks about (usually a handful),
   * so scoring a candidate walks a few skills per past occupation instead of fifty.
   */
  private wantedOfOccupation: Int32Array[] = [];
  private wantedEssentialOfOccupation: Int32Array[] = [];

  private prepareOccupationSkills(wanted: Uint8Array): void {
    const none = new Int32Array(0);
    for (let occupation = 0; occupation < this.occupationSkills.length; occupation++) {
      const all = this.occupationSkills[occupation].filter((skill) => wanted[skill] !== 0);
      const essential = this.occupationEssential[occupation].filter((skill) => (wanted[skill] & 4) !== 0);
      this.wantedOfOccupation[occupation] = all.length > 0 ? all : none;
      this.wantedEssentialOfOccupation[occupation] = essential.length > 0 ? essential : none;
    }
  }

  /**
   * Per-skill stamps: a skill counts once per candidate however many occupations bring it. A new
   * generation number per candidate resets them without clearing.
   */
  private seenAny = new Int32Array(0);
  private seenEssential = new Int32Array(0);
  private generation = 0;

  private features(
    row: number,
    into: CandidateFeatures,
    wanted: Uint8Array,
    vacancyOccupation: number | undefined,
    vacancyGroup: number,
    distance: number,
    allowed: number,
    today: number,
  ): void {
    const start = this.arenaStart[row];
    const experiences = this.experienceCount[row];
    const skills = this.skillCount[row];
    const wishes = this.wishCount[row];
    if (this.seenAny.length < wanted.length) {
      this.seenAny = new Int32Array(wanted.length);
      this.seenEssential = new Int32Array(wanted.length);
      this.generation = 0;
    }
    const generation = ++this.generation;
    const seenAny = this.seenAny;
    const seenEssential = this.seenEssential;
    let requiredMatched = 0;
    let preferredMatched = 0;
    let essentialShared = 0;
    // Plain loops, no closures: this runs for every eligible candidate and every near miss.
    for (let index = 0; index < experiences; index++) {
      const occupation = this.arena[start + index * EXPERIENCE_WIDTH];
      if (occupation >= this.occupationGroup.length) continue;
      const essential = this.wantedEssentialOfOccupation[occupation];
      for (let position = 0; position < essential.length; position++) {
        const skill = essential[position];
        if (seenEssential[skill] !== generation) {
          seenEssential[skill] = generation;
          essentialShared++;
        }
      }
      const all = this.wantedOfOccupation[occupation];
      for (let position = 0; position < all.length; position++) {
        const skill = all[position];
        const flags = wanted[skill];
        if ((flags & 3) !== 0 && seenAny[skill] !== generation) {
          seenAny[skill] = generation;
          if (flags & 1) requiredMatched++;
          if (flags & 2) preferredMatched++;
        }
      }
    }
    const skillsStart = start + experiences * EXPERIENCE_WIDTH;
    for (let index = 0; index < skills; index++) {
      const skill = this.arena[skillsStart + index];
      const flags = skill < wanted.length ? wanted[skill] : 0;
      if ((flags & 3) !== 0 && seenAny[skill] !== generation) {
        seenAny[skill] = generation;
        if (flags & 1) requiredMatched++;
        if (flags & 2) preferredMatched++;
      }
    }

    let sameYears: number | null = null;
    let relatedYears: Map<number, number> | undefined;
    for (let index = 0; index < experiences; index++) {
      const occupation = this.arena[start + index * EXPERIENCE_WIDTH];
      const years = this.arena[start + index * EXPERIENCE_WIDTH + 1] / 10;
      if (occupation === vacancyOccupation) sameYears = (sameYears ?? 0) + years;
      else if (
        vacancyGroup >= 0 &&
        occupation < this.occupationGroup.length &&
        this.occupationGroup[occupation] === vacancyGroup
      ) {
        relatedYears ??= new Map();
        relatedYears.set(occupation, (relatedYears.get(occupation) ?? 0) + years);
      }
    }

    into.sameOccupationYears = sameYears;
    into.relatedLabel = null;
    into.relatedYears = 0;
    if (relatedYears) {
      let bestUri = '';
      for (const [occupation, years] of relatedYears) {
        const uri = this.occupationUris[occupation];
        if (into.relatedLabel === null || years > into.relatedYears || (years === into.relatedYears && uri < bestUri)) {
          into.relatedLabel = this.knowledge.occupations.get(uri)!.label;
          into.relatedYears = years;
          bestUri = uri;
        }
      }
    }
    into.requiredMatched = requiredMatched;
    into.preferredMatched = preferredMatched;
    into.essentialShared = essentialShared;
    into.distanceKm = distance;
    into.allowedKm = allowed;
    into.candidateHoursMin = this.hoursMin[row]!;
    into.candidateHoursMax = this.hoursMax[row]!;

    into.wish = null;
    const wishesStart = skillsStart + skills;
    for (let index = 0; index < wishes; index++) {
      const occupation = this.arena[wishesStart + index];
      if (occupation === vacancyOccupation) {
        into.wish = 'SAME';
        break;
      }
      if (
        vacancyGroup >= 0 &&
        occupation < this.occupationGroup.length &&
        this.occupationGroup[occupation] === vacancyGroup
      )
        into.wish = 'RELATED';
    }
    if (into.wish === null && this.broodbaan[row] === 1) into.wish = 'BROODBAAN';
    const wwEnd = this.wwEndDay[row];
    into.wwDaysLeft = wwEnd === NO_DAY ? null : wwEnd - today;
    const contact = this.contactDay[row];
    into.contactDaysAgo = contact === NO_DAY ? null : today - contact;
  }

  /** The facts of one failed requirement, for the near-miss sentence. */
  private failure(
    row: number,
    requirement: Requirement,
    query: MatchQuery,
    distances: Float64Array | undefined,
    startDay: number,
    vacancyMaxKm: number,
  ): Failure {
    const vacancy = query.vacancy;
    switch (requirement) {
      case 'STATUS':
        return { requirement, status: STATUS_CODES[this.status[row]] };
      case 'JOBREADY':
        return { requirement, jobready: JOBREADY_CODES[this.jobready[row]] };
      case 'CLASSIFICATION':
        return { requirement, classification: CLASSIFICATION_CODES[this.classification[row]] };
      case 'DRIVING_LICENCE': {
        const held = this.licences[row];
        return {
          requirement,
          missing: DRIVING_LICENCES.filter(
            (category) => vacancy.drivingLicences.includes(category) && (held & licenceBit(category)) === 0,
          ),
        };
      }
      case 'CERTIFICATE': {
        const missing = [...new Set(vacancy.certificates)].filter((code) => {
          const bit = this.certificateBits.get(code);
          if (bit === undefined) return true;
          const word = bit < 32 ? this.certificatesLow[row] : this.certificatesHigh[row];
          return (word & (1 << (bit % 32))) === 0;
        });
        return { requirement, missingNames: missing.map((code) => this.knowledge.certificateNames.get(code) ?? code) };
      }
      case 'DUTCH_LEVEL':
        return {
          requirement,
          held: this.dutch[row] === 0 ? null : ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'][this.dutch[row] - 1],
          minimum: vacancy.minDutchLevel!,
        };
      case 'EDUCATION':
        return { requirement, held: this.educationLabel[row] ?? null, minimum: vacancy.minEducationLevel! };
      case 'HOURS':
        return {
          requirement,
          candidate: [this.hoursMin[row], this.hoursMax[row]],
          vacancy: [vacancy.hoursMin, vacancy.hoursMax],
        };
      case 'DISTANCE': {
        const area = this.area[row];
        return {
          requirement,
          distanceKm: area === NO_AREA || !distances ? null : distances[area],
          allowedKm: Math.min(vacancyMaxKm, this.allowedKm[row]),
        };
      }
      case 'AVAILABILITY':
        return { requirement, availableFromDay: this.availableDay[row], startDay };
    }
  }

  /** The education level as held (the rank alone cannot tell vmbo from mbo-1). */
  private educationLabel: Array<string | null> = [];

  private write(row: number, candidate: CandidateProfile): void {
    const knowledge = this.knowledge;
    this.ids[row] = candidate.id;
    this.alive[row] = 1;
    this.pool[row] = POOL_BIT[candidate.pool];
    let visible = ORGANISATION_BIT.STAFFING_FIRM | ORGANISATION_BIT[OWNER_OF_POOL[candidate.pool]];
    for (const organisation of candidate.consentOrganisations) visible |= ORGANISATION_BIT[organisation];
    this.visibleTo[row] = visible;
    this.status[row] = STATUS_CODES.indexOf(candidate.status);
    this.jobready[row] = JOBREADY_CODES.indexOf(candidate.jobready);
    this.classification[row] = CLASSIFICATION_CODES.indexOf(candidate.classification);
    this.area[row] = knowledge.places.indexOf(candidate.pc4) ?? NO_AREA;
    this.allowedKm[row] = candidateAllowedKm(candidate, knowledge.weights);
    this.hoursMin[row] = candidate.hoursMin;
    this.hoursMax[row] = candidate.hoursMax;
    this.availableDay[row] = dayNumber(candidate.availableFrom);
    this.wwEndDay[row] = candidate.pool === 'WW' && candidate.wwEndDate ? dayNumber(candidate.wwEndDate) : NO_DAY;
    this.contactDay[row] = candidate.lastContactAt ? dayNumber(candidate.lastContactAt) : NO_DAY;
    let licences = 0;
    for (const category of licenceClosure(candidate.drivingLicences)) licences |= licenceBit(category);
    this.licences[row] = licences;
    let low = 0;
    let high = 0;
    for (const code of certificateClosure(candidate.certificates, knowledge.certificateImplications)) {
      const bit = this.certificateBit(code);
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
    this.certificatesLow[row] = low;
    this.certificatesHigh[row] = high;
    this.dutch[row] = dutchLevelRank(candidate.dutchLevel);
    this.education[row] = candidate.educationLevel ? educationRank(candidate.educationLevel) : -1;
    this.educationLabel[row] = candidate.educationLevel;
    this.broodbaan[row] = candidate.acceptsBroodbaan ? 1 : 0;

    const person = this.personId(candidate.personId);
    this.personOf[row] = person;
    this.personRecords[person]++;

    const experiences = candidate.workExperience.slice(0, 255);
    const skills = [...new Set(candidate.skillUris)].slice(0, 65_535);
    const wishes = candidate.wishedOccupationUris.slice(0, 255);
    const length = experiences.length * EXPERIENCE_WIDTH + skills.length + wishes.length;
    const start = this.allocate(length);
    let cursor = start;
    for (const experience of experiences) {
      this.arena[cursor++] = this.occupationId(experience.occupationUri);
      this.arena[cursor++] = Math.round(normaliseYears(experience.years) * 10);
    }
    for (const skill of skills) this.arena[cursor++] = this.skillId(skill);
    for (const wish of wishes) this.arena[cursor++] = this.occupationId(wish);
    this.arenaStart[row] = start;
    this.experienceCount[row] = experiences.length;
    this.skillCount[row] = skills.length;
    this.wishCount[row] = wishes.length;
  }

  private releaseRow(row: number): void {
    this.arenaGarbage += this.rowLength(row);
    this.personRecords[this.personOf[row]]--;
  }

  private rowLength(row: number): number {
    return this.experienceCount[row] * EXPERIENCE_WIDTH + this.skillCount[row] + this.wishCount[row];
  }

  private allocate(length: number): number {
    if (this.arenaUsed + length > this.arena.length) {
      if (this.arenaGarbage > this.arenaUsed / 2) this.compact();
      if (this.arenaUsed + length > this.arena.length) {
        const bigger = new Int32Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
        bigger.set(this.arena.subarray(0, this.arenaUsed));
        this.arena = bigger;
      }
    }
    const start = this.arenaUsed;
    this.arenaUsed += length;
    return start;
  }

  /** Moves live rows' data together, dropping what replaced or removed rows left behind. */
  private compact(): void {
    const compacted = new Int32Array(this.arena.length);
    let used = 0;
    for (let row = 0; row < this.capacity; row++) {
      if (this.alive[row] === 0) continue;
      const length = this.rowLength(row);
      compacted.set(this.arena.subarray(this.arenaStart[row], this.arenaStart[row] + length), used);
      this.arenaStart[row] = used;
      used += length;
    }
    this.arena = compacted;
    this.arenaUsed = used;
    this.arenaGarbage = 0;
  }

  private grow(capacity: number): void {
    const resize = <T extends Uint8Array | Int8Array | Uint16Array | Int32Array | Uint32Array | Float64Array>(
      column: T,
    ): T => {
      const bigger = new (column.constructor as new (length: number) => T)(capacity);
      bigger.set(column);
      return bigger;
    };
    this.personOf = resize(this.personOf);
    this.alive = resize(this.alive);
    this.pool = resize(this.pool);
    this.visibleTo = resize(this.visibleTo);
    this.status = resize(this.status);
    this.jobready = resize(this.jobready);
    this.classification = resize(this.classification);
    this.area = resize(this.area);
    this.allowedKm = resize(this.allowedKm);
    this.hoursMin = resize(this.hoursMin);
    this.hoursMax = resize(this.hoursMax);
    this.availableDay = resize(this.availableDay);
    this.wwEndDay = resize(this.wwEndDay);
    this.contactDay = resize(this.contactDay);
    this.licences = resize(this.licences);
    this.certificatesLow = resize(this.certificatesLow);
    this.certificatesHigh = resize(this.certificatesHigh);
    this.dutch = resize(this.dutch);
    this.education = resize(this.education);
    this.broodbaan = resize(this.broodbaan);
    this.arenaStart = resize(this.arenaStart);
    this.experienceCount = resize(this.experienceCount);
    this.skillCount = resize(this.skillCount);
    this.wishCount = resize(this.wishCount);
    this.capacity = capacity;
  }

  private occupationId(uri: string): number {
    let id = this.occupationIds.get(uri);
    if (id === undefined) {
      id = this.occupationUris.length;
      this.occupationIds.set(uri, id);
      this.occupationUris.push(uri);
    }
    return id;
  }

  private skillId(uri: string): number {
    let id = this.skillIds.get(uri);
    if (id === undefined) {
      id = this.skillIds.size;
      this.skillIds.set(uri, id);
    }
    return id;
  }

  private certificateBit(code: string): number {
    let bit = this.certificateBits.get(code);
    if (bit === undefined) {
      bit = this.certificateCodes.length;
      // Two 32-bit words per candidate; the managed list holds far fewer certificates.
      if (bit >= 64) throw new Error('The matching index holds at most 64 certificate types');
      this.certificateBits.set(code, bit);
      this.certificateCodes.push(code);
    }
    return bit;
  }

  private personId(uuid: string): number {
    let id = this.personIds.get(uuid);
    if (id === undefined) {
      id = this.personUuids.length;
      this.personIds.set(uuid, id);
      this.personUuids.push(uuid);
      if (id >= this.personRecords.length) {
        const bigger = new Uint8Array(Math.max(1024, this.personRecords.length * 2));
        bigger.set(this.personRecords);
        this.personRecords = bigger;
      }
    }
    return id;
  }
}
