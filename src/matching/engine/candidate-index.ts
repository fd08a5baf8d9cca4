import { CandidateProfile, OWNER_OF_POOL, Pool } from '@matching/profiles';
import { certificateClosure } from '@sales/requirements/certificate-implications';
import { DRIVING_LICENCES, licenceClosure } from '@sales/requirements/driving-licences';
import { DUTCH_LEVELS } from '@sales/requirements/dutch-language-level';
import { EDUCATION_LEVELS } from '@sales/requirements/education-levels';
import { dayNumber } from './dates';
import { candidateAllowedKm, MatchingKnowledge, vacancyContext, VacancyContext } from './match-context';
import { MatchCursor, MatchQuery, MatchResult, NearMiss, RankedCandidate } from './match-query';
import { RequirementTallies } from './requirement-tallies';
import {
  dutchLevelRank,
  Failure,
  failureSentence,
  licenceBit,
  REQUIREMENTS,
  requirementOfBit,
  Requirement,
} from './requirements';
import {
  BIT_CERTIFICATE,
  categoryVerdicts,
  CLASSIFICATION_CODES,
  classificationOf,
  dutchRankOf,
  EDUCATION_UNKNOWN,
  educationOf,
  HOURS_MASK,
  hoursMaxOf,
  hoursMinOf,
  isBijstand,
  JOBREADY_CODES,
  jobreadyOf,
  levelVerdicts,
  ORGANISATION_BIT,
  POOL_BIT,
  rowCode,
  STATUS_CODES,
  statusOf,
} from './row-code';
import * as layout from './row-code';
import { NO_WW_END, RowColumns, ScanBuffers, scanRows } from './row-scan';
import * as bounds from './score-bound';
import { ScoreBound } from './score-bound';
import * as scoring from './scoring';
import { CandidateFeatures, emptyFeatures, explain, normaliseYears } from './scoring';
import { skillFilterBit, VacancySkills } from './vacancy-skills';

// Copied once: a loader may turn every read of an imported binding into a function call (tsx does), and
// these are read for every candidate scored.
const { scoreTenths } = scoring;
const { HOURS_MASK: HOURS, HOURS_MIN_SHIFT, HOURS_MAX_SHIFT } = layout;
const { writeBoundRecord } = bounds;
const { MAX_TENTHS, NO_DAY } = bounds;
/**
 * A row's record in the arena, read when the row is scored: a header, then its work experience
 * (occupation id, years × 10), skill ids and wished occupation ids. One place in memory per row, so
 * scoring a candidate costs one or two cache misses instead of one per column.
 */
const HEADER = 4;
const H_SHAPE = 0; // experiences | wishes << 8 | broodbaan << 16
const H_SKILLS = 1;
const H_WW_END = 2;
const H_CONTACT = 3;
const EXPERIENCE_WIDTH = 2;
/** Distances from a workplace area to every area, kept for this many recent workplaces. */
const DISTANCE_CACHE_SIZE = 256;
/** Stands in for the related occupation's label while only scoring (scoreTenths needs "is there one"). */
const RELATED_WITHOUT_LABEL = '';

/**
 * The in-memory, columnar candidate index (design.md, "Matching engine").
 *
 * Layout. Rows sit in a main region sorted by home postcode area and, within an area, by how far the
 * candidate will travel (furthest first), followed by a tail of rows written since (new candidates,
 * or ones whose area or travel distance changed; other changes are written in place). A query visits
 * only the areas within reach of the workplace, and in each only the rows that live within twice
 * their allowed distance: those that can be ranked or be a near miss. A rebuild of the layout folds
 * the tail in once it grows past a sixteenth of the pool (or an eighth is dead rows).
 *
 * Counting. How many visible candidates fail each requirement comes from RequirementTallies (counters
 * by value, kept on every write), not from visiting rows; the scan counts only those who pass the
 * distance. A visited row's requirements are tested without branching on their outcome (a packed row
 * code indexes two per-query tables; the rest are integer comparisons OR-ed into a failure mask).
 *
 * Scoring. Only the eligible rows and the near misses are scored, with per-query skill bitmasks per
 * occupation (VacancySkills) and the row's record in one place in the arena. Selection is a bounded
 * heap. Nothing per query walks the ESCO catalogue or allocates per candidate.
 */
/** Answers kept between writes: a few vacancies' first pages. */
const ANSWERS_KEPT = 64;

export class CandidateIndex {
  private readonly rows = new RowColumns();
  private count = 0;
  /** Rows below this are the area-sorted main region; from here to rows.highWater the tail. */
  private sortedEnd = 0;
  private deadInMain = 0;
  /** The furthest anyone in the sorted region may travel (an update that changes it moves the row out). */
  private sortedMaxAllowedKm = 0;
  private readonly freeTailRows: number[] = [];
  /** Where each area's rows start in the main region (index = area; the last entry ends the region). */
  private areaStart: Int32Array;

  /** A candidate's slot is stable; its row moves when the layout is rebuilt. */
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private slots = 0;
  private rowOfSlot = new Int32Array(1024);
  private slotOfRow = new Int32Array(0);
  private ids: Array<string | undefined> = [];
  private personOf = new Int32Array(0);
  private arenaStart = new Int32Array(0);
  private arena = new Int32Array(1024);
  private arenaUsed = 0;
  private arenaGarbage = 0;

  private readonly tallies = new RequirementTallies();

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

  /** Per catalogue occupation id: ISCO group id. Ids at or above its length are URIs outside the catalogue. */
  private readonly occupationGroup: Int32Array;
  private readonly skills: VacancySkills;
  private readonly bound: ScoreBound;
  /** The area index of "no known area" (after the last real one): never within reach. */
  private readonly unknownArea: number;
  private readonly distanceCache = new Map<string, Workplace>();
  private readonly nowhere: Workplace;
  private readonly features: CandidateFeatures = emptyFeatures();
  private readonly scanBuffers = new ScanBuffers();
  /** Ranking's work lists, kept from query to query. */
  private rankEntries = new Int32Array(1024);
  private rankBounds = new Int32Array(1024);
  private rankScores = new Int32Array(1024);
  private rankOrder = new Int32Array(1024);
  private readonly rankStarts = new Int32Array(MAX_TENTHS + 2);
  /** The query being scored (set by match, read by score). */
  private scoring: ScoringQuery = {
    context: undefined as unknown as VacancyContext,
    distances: new Float64Array(0),
    vacancyOccupation: -1,
    vacancyGroup: -1,
  };

  constructor(private readonly knowledge: MatchingKnowledge) {
    const groups = new Map<string, number>();
    const facts = [...knowledge.occupations.all()];
    this.occupationGroup = new Int32Array(facts.length);
    const essential: Int32Array[] = [];
    const all: Int32Array[] = [];
    for (const occupation of facts) {
      const id = this.occupationId(occupation.uri);
      if (!groups.has(occupation.iscoGroup)) groups.set(occupation.iscoGroup, groups.size);
      this.occupationGroup[id] = groups.get(occupation.iscoGroup)!;
      essential[id] = Int32Array.from(new Set(occupation.essentialSkillUris), (uri) => this.skillId(uri));
      all[id] = Int32Array.from(new Set([...occupation.essentialSkillUris, ...occupation.optionalSkillUris]), (uri) =>
        this.skillId(uri),
      );
    }
    this.skills = new VacancySkills(facts.length, all, essential);
    this.bound = new ScoreBound(this.occupationGroup, this.skills);
    this.unknownArea = knowledge.places.size;
    this.areaStart = new Int32Array(knowledge.places.size + 2);
    this.nowhere = {
      distances: new Float64Array(knowledge.places.size + 1).fill(Number.POSITIVE_INFINITY),
      nearestFirst: new Int32Array(0),
    };
  }

  get size(): number {
    return this.count;
  }

  has(candidateId: string): boolean {
    return this.slotOf.has(candidateId);
  }

  /** Inserts or replaces a candidate. */
  upsert(candidate: CandidateProfile): void {
    this.answers.clear();
    const area = this.knowledge.places.indexOf(candidate.pc4) ?? this.unknownArea;
    const allowedKm = wholeKm(candidateAllowedKm(candidate, this.knowledge.weights));
    let slot = this.slotOf.get(candidate.id);
    let row: number;
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.slots++;
      if (slot >= this.rowOfSlot.length) this.rowOfSlot = grown(this.rowOfSlot, this.rowOfSlot.length * 2);
      this.slotOf.set(candidate.id, slot);
      row = this.tailRow(slot);
      this.count++;
    } else {
      row = this.rowOfSlot[slot];
      this.release(row);
      const { area: areas, allowedKm: allowed } = this.rows;
      // In place unless the row would leave its place in the sorted region.
      if (row < this.sortedEnd && (areas[row] !== area || allowed[row] !== allowedKm)) {
        this.kill(row);
        row = this.tailRow(slot);
      }
    }
    this.write(row, candidate, area, allowedKm);
  }

  remove(candidateId: string): void {
    const slot = this.slotOf.get(candidateId);
    if (slot === undefined) return;
    this.answers.clear();
    const row = this.rowOfSlot[slot];
    this.release(row);
    this.kill(row);
    this.slotOf.delete(candidateId);
    this.freeSlots.push(slot);
    this.count--;
  }

  /**
   * Rebuilds the layout: live rows sorted by area and, within it, by allowed distance (furthest first),
   * their arena records in the same order. The service calls it after building the index; queries
   * call it when the tail has grown (at a million candidates it takes some tens of milliseconds).
   */
  organise(): void {
    const rows = this.rows;
    let live = 0;
    let maxAllowed = 0;
    for (let row = 0; row < rows.highWater; row++) {
      if ((rows.code[row] & 1) === 0) continue;
      live++;
      if (rows.allowedKm[row] > maxAllowed) maxAllowed = rows.allowedKm[row];
    }
    // Two stable counting sorts: by allowed distance (furthest first), then by area.
    const areas = this.knowledge.places.size + 1;
    const byAllowed = countingSort(rows, live, maxAllowed + 1, (row) => maxAllowed - rows.allowedKm[row], undefined);
    const order = countingSort(rows, live, areas, (row) => rows.area[row], byAllowed);

    // Where each row goes. Then every column is walked in the old order and written to the new places
    // (random writes are cheaper than random reads: nothing waits on them).
    const placeOf = new Int32Array(rows.highWater).fill(-1);
    for (let position = 0; position < live; position++) placeOf[order[position]] = position;
    const next = new RowColumns();
    next.allocate(rows.capacity);
    next.scatter(rows, placeOf);
    const personOf = new Int32Array(rows.capacity);
    const slotOfRow = new Int32Array(rows.capacity);
    const ids = new Array<string | undefined>(live);
    const areaStart = new Int32Array(areas + 1);
    const lengthAt = new Int32Array(live);
    for (let row = 0; row < rows.highWater; row++) {
      const position = placeOf[row];
      if (position < 0) continue;
      personOf[position] = this.personOf[row];
      slotOfRow[position] = this.slotOfRow[row];
      this.rowOfSlot[this.slotOfRow[row]] = position;
      ids[position] = this.ids[row];
      areaStart[rows.area[row] + 1]++;
      lengthAt[position] = this.recordLength(row);
    }
    for (let area = 0; area < areas; area++) areaStart[area + 1] += areaStart[area];
    // The arena records in the new order, so a scan reads them in sequence.
    const arenaStart = new Int32Array(rows.capacity);
    let used = 0;
    for (let position = 0; position < live; position++) {
      arenaStart[position] = used;
      used += lengthAt[position];
    }
    const arena = new Int32Array(Math.max(1024, Math.ceil(used * 1.25)));
    const old = this.arena;
    for (let row = 0; row < rows.highWater; row++) {
      const position = placeOf[row];
      if (position < 0) continue;
      const from = this.arenaStart[row];
      const to = arenaStart[position];
      const length = lengthAt[position];
      for (let offset = 0; offset < length; offset++) arena[to + offset] = old[from + offset];
    }
    next.highWater = live;
    this.rows.adopt(next);
    this.personOf = personOf;
    this.slotOfRow = slotOfRow;
    this.arenaStart = arenaStart;
    this.ids = ids;
    this.arena = arena;
    this.arenaUsed = used;
    this.arenaGarbage = 0;
    this.areaStart = areaStart;
    this.sortedEnd = live;
    this.sortedMaxAllowedKm = maxAllowed;
    this.deadInMain = 0;
    this.freeTailRows.length = 0;
  }

  /** Bytes held by the typed arrays and the arena (ids and maps not included). */
  typedBytes(): number {
    return (
      this.rows.bytes() +
      [this.personOf, this.slotOfRow, this.rowOfSlot, this.arenaStart, this.arena, this.personRecords].reduce(
        (sum, column) => sum + column.byteLength,
        0,
      )
    );
  }

  /**
   * Whether the layout should be rebuilt: the tail holds more than a sixteenth of the pool, or an eighth
   * of the sorted region is dead rows. The owner calls organise() then, after its writes.
   */
  get needsOrganising(): boolean {
    const tailRows = this.rows.highWater - this.sortedEnd - this.freeTailRows.length;
    return tailRows > Math.max(1024, this.count >> 4) || this.deadInMain > Math.max(1024, this.count >> 3);
  }

  /**
   * The ranked list for `query`. An answer is kept until the next write (upsert or remove), so the same
   * question asked again (a list refreshed, several matchers on one vacancy, the stand-up's counts) is
   * not worked out again: a broad vacancy bounds every eligible row, some milliseconds at 100k (issue
   * 19). The key is the whole query, vacancy profile and day included; the answer is shared, read only.
   */
  match(query: MatchQuery): MatchResult {
    const key = answerKey(query);
    const kept = this.answers.get(key);
    if (kept) return kept;
    const answer = this.answer(query);
    if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }

  /** Answers kept since the last write, by query (see match). */
  private readonly answers = new Map<string, MatchResult>();

  /** The ranked list for `query` worked out anew, past the kept answers (what the matching bench times). */
  answer(query: MatchQuery): MatchResult {
    // Only as a safety net: owners organise after writes, so a query seldom pays for it.
    const tailRows = this.rows.highWater - this.sortedEnd - this.freeTailRows.length;
    if (tailRows > Math.max(4096, this.count >> 2)) this.organise();
    if (!query.granted || query.granted.size === 0) return this.matchVisible(query);
    const lent = this.lendVisibility(query.granted, ORGANISATION_BIT[query.viewer]);
    try {
      return this.matchVisible(query);
    } finally {
      this.returnVisibility(lent, ORGANISATION_BIT[query.viewer]);
    }
  }

  /**
   * Visibility per user (a staffing-firm user's confidentiality statements) on an index that keeps it
   * per organisation: for the length of one query the granted rows carry the viewer's bit, in the row
   * codes and in the tallies, and get it back after. A query runs synchronously, so no other query or
   * write sees the lent bits; the cost is two tally changes per granted row.
   */
  private lendVisibility(granted: ReadonlySet<string>, viewerBit: number): number[] {
    const bit = viewerBit << layout.AUDIENCE_SHIFT;
    const lent: number[] = [];
    for (const id of granted) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      const row = this.rowOfSlot[slot];
      const code = this.rows.code[row];
      if ((code & 1) === 0 || (code & bit) !== 0) continue;
      this.recode(row, code | bit);
      lent.push(row);
    }
    return lent;
  }

  private returnVisibility(lent: readonly number[], viewerBit: number): void {
    const bit = viewerBit << layout.AUDIENCE_SHIFT;
    for (const row of lent) this.recode(row, this.rows.code[row] & ~bit);
  }

  /** A new row code for a live row, with the tallies moved along. */
  private recode(row: number, code: number): void {
    const rows = this.rows;
    const { licences, certificatesLow, certificatesHigh, availableDay, wwEndDay } = rows;
    const facts = [
      licences[row],
      certificatesLow[row],
      certificatesHigh[row],
      availableDay[row],
      wwEndDay[row],
    ] as const;
    this.tallies.remove(rows.code[row], ...facts);
    rows.code[row] = code;
    this.tallies.add(code, ...facts);
  }

  private matchVisible(query: MatchQuery): MatchResult {
    const knowledge = this.knowledge;
    const context = vacancyContext(query, knowledge);
    const vacancy = query.vacancy;
    const viewerBit = ORGANISATION_BIT[query.viewer];
    const poolMask = query.pools ? query.pools.reduce((mask, pool) => mask | POOL_BIT[pool], 0) : 3;
    const categories = categoryVerdicts(viewerBit, poolMask, vacancy.openToReducedWageValue);
    const levels = levelVerdicts(context.minDutchRank, context.minEducationRank);
    const workplace = this.workplace(vacancy.pc4);
    const distances = workplace.distances;
    const requiredLicences = vacancy.drivingLicences.reduce((mask, category) => mask | licenceBit(category), 0);
    let requiredLow = 0;
    let requiredHigh = 0;
    let unknownCertificate = false;
    for (const code of vacancy.certificates) {
      const bit = this.certificateBits.get(code);
      if (bit === undefined)
        unknownCertificate = true; // nobody in the index holds it
      else if (bit < 32) requiredLow |= 1 << bit;
      else requiredHigh |= 1 << (bit - 32);
    }
    const thresholds = {
      categories,
      levels,
      hoursMin: vacancy.hoursMin,
      hoursMax: vacancy.hoursMax,
      requiredLicences,
      requiredLow,
      requiredHigh,
      unknownCertificate,
      startDay: context.startDay,
      today: context.today,
    };

    const scanned = scanRows(
      this.rows,
      {
        ...thresholds,
        everyoneLacksCertificate: unknownCertificate ? BIT_CERTIFICATE : 0,
        distances,
        vacancyMaxKm: context.vacancyMaxKm,
        areaStart: this.areaStart,
        nearestFirst: workplace.nearestFirst,
        reachKm: 2 * Math.min(context.vacancyMaxKm, this.sortedMaxAllowedKm),
        sortedEnd: this.sortedEnd,
      },
      this.scanBuffers,
    );
    const { considered, excluded: excludedBy } = this.tallies.tally(thresholds);
    excludedBy[REQUIREMENTS.indexOf('DISTANCE')] = considered - scanned.passedDistance;
    const excluded = Object.fromEntries(
      REQUIREMENTS.map((requirement, bit) => [requirement, excludedBy[bit]]),
    ) as Record<Requirement, number>;

    this.skills.prepare(context, (uri) => this.skillIds.get(uri));
    try {
      const vacancyOccupation = this.vacancyOccupation(vacancy.occupationUri);
      const vacancyGroup = this.vacancyGroup(context, vacancyOccupation);
      const { eligibleRows, eligibleCount, nearRows, nearBits, nearCount } = scanned;
      this.bound.prepare(context, knowledge.weights, vacancyOccupation, vacancyGroup, distances);
      this.scoring = { context, distances, vacancyOccupation, vacancyGroup };

      // One person, one line: a person in both pools keeps their best record.
      const eligiblePersons = new Set<number>();
      const page = this.rank(eligibleRows, eligibleCount, query.limit, query.cursor, undefined, eligiblePersons);
      const items: RankedCandidate[] = page.indexes.map((index) => {
        const row = eligibleRows[index];
        this.featuresOf(row, context, distances, vacancyOccupation, vacancyGroup, true);
        return {
          candidateId: this.ids[row]!,
          personId: this.personUuids[this.personOf[row]],
          pool: this.poolOf(row),
          distanceKm: distances[this.rows.area[row]],
          ...explain(this.features, context.scoring, knowledge.weights),
        };
      });
      const lastIndex = page.indexes.length - 1;

      const shownNear = this.rank(nearRows, nearCount, query.nearMissLimit, undefined, eligiblePersons);
      const nearMisses: NearMiss[] = shownNear.indexes.map((index, position) => {
        const row = nearRows[index];
        const requirement = requirementOfBit(nearBits[index]);
        return {
          candidateId: this.ids[row]!,
          pool: this.poolOf(row),
          requirement,
          sentence: failureSentence(this.failure(row, requirement, query, distances, context)),
          score: shownNear.tenths[position] / 10,
        };
      });

      return {
        weightsVersion: knowledge.weights.version,
        items,
        nextCursor:
          page.more && lastIndex >= 0
            ? { scoreTenths: page.tenths[lastIndex], candidateId: this.ids[eligibleRows[page.indexes[lastIndex]]]! }
            : null,
        considered,
        eligible: page.people,
        excluded,
        nearMisses,
      };
    } finally {
      this.skills.release();
    }
  }

  /**
   * Every live candidate's score bound for `query`, by candidate id: what ranking trusts to leave a
   * candidate unscored. For the property test that holds it against the reference's score.
   */
  upperBounds(query: MatchQuery): Map<string, number> {
    const context = vacancyContext(query, this.knowledge);
    const distances = this.workplace(query.vacancy.pc4).distances;
    const bounds = new Map<string, number>();
    this.skills.prepare(context, (uri) => this.skillIds.get(uri));
    try {
      const vacancyOccupation = this.vacancyOccupation(query.vacancy.occupationUri);
      this.bound.prepare(
        context,
        this.knowledge.weights,
        vacancyOccupation,
        this.vacancyGroup(context, vacancyOccupation),
        distances,
      );
      const live = Int32Array.from({ length: this.rows.highWater }, (_, row) => row).filter(
        (row) => (this.rows.code[row] & 1) === 1,
      );
      const all = live.map((_, index) => index);
      const tenths = new Int32Array(live.length);
      this.bound.boundsOf(this.rows.bounds, live, all, live.length, tenths);
      live.forEach((row, index) => bounds.set(this.ids[row]!, tenths[index]));
    } finally {
      this.skills.release();
    }
    return bounds;
  }

  // ---- scoring ---------------------------------------------------------------------------------

  private score(row: number): number {
    const { context, distances, vacancyOccupation, vacancyGroup } = this.scoring;
    this.featuresOf(row, context, distances, vacancyOccupation, vacancyGroup, false);
    return scoreTenths(this.features, context.scoring, this.knowledge.weights);
  }

  /**
   * The features of one row into `this.features`, derived as the reference derives them (same sums in
   * the same order, so the floating-point results are identical). The related occupation's label is
   * looked up only when `withLabel` (the score needs only whether there is one).
   */
  private featuresOf(
    row: number,
    context: VacancyContext,
    distances: Float64Array,
    vacancyOccupation: number,
    vacancyGroup: number,
    withLabel: boolean,
  ): void {
    const into = this.features;
    const arena = this.arena;
    const occupationGroup = this.occupationGroup;
    const catalogueSize = occupationGroup.length;
    const skills = this.skills;
    const record = this.arenaStart[row];
    const shape = arena[record + H_SHAPE];
    const experiences = shape & 0xff;
    const start = record + HEADER;
    skills.startCandidate();
    let sameYears: number | null = null;
    let relatedYears = -1;
    let relatedOccupation = -1;
    for (let index = 0; index < experiences; index++) {
      const at = start + index * EXPERIENCE_WIDTH;
      const occupation = arena[at];
      if (occupation < catalogueSize) skills.addOccupation(occupation);
      if (occupation === vacancyOccupation) sameYears = (sameYears ?? 0) + arena[at + 1] / 10;
      else if (vacancyGroup >= 0 && occupation < catalogueSize && occupationGroup[occupation] === vacancyGroup) {
        // Years per related occupation, summed over its entries in order (once, at its first entry).
        let seenBefore = false;
        for (let earlier = 0; earlier < index && !seenBefore; earlier++)
          seenBefore = arena[start + earlier * EXPERIENCE_WIDTH] === occupation;
        if (seenBefore) continue;
        let years = 0;
        for (let later = index; later < experiences; later++) {
          const laterAt = start + later * EXPERIENCE_WIDTH;
          if (arena[laterAt] === occupation) years = years + arena[laterAt + 1] / 10;
        }
        if (
          relatedOccupation < 0 ||
          years > relatedYears ||
          (years === relatedYears && this.occupationUris[occupation] < this.occupationUris[relatedOccupation])
        ) {
          relatedYears = years;
          relatedOccupation = occupation;
        }
      }
    }
    const skillsStart = start + experiences * EXPERIENCE_WIDTH;
    const skillCount = arena[record + H_SKILLS];
    for (let index = 0; index < skillCount; index++) skills.addSkill(arena[skillsStart + index]);

    into.sameOccupationYears = sameYears;
    if (relatedOccupation >= 0) {
      into.relatedLabel = withLabel
        ? this.knowledge.occupations.get(this.occupationUris[relatedOccupation])!.label
        : RELATED_WITHOUT_LABEL;
      into.relatedYears = relatedYears;
    } else {
      into.relatedLabel = null;
      into.relatedYears = 0;
    }
    into.requiredMatched = skills.requiredMatched();
    into.preferredMatched = skills.preferredMatched();
    into.essentialShared = skills.essentialShared();
    into.distanceKm = distances[this.rows.area[row]];
    into.allowedKm = Math.min(context.vacancyMaxKm, this.rows.allowedKm[row]);
    const code = this.rows.code[row];
    into.candidateHoursMin = (code >>> HOURS_MIN_SHIFT) & HOURS;
    into.candidateHoursMax = (code >>> HOURS_MAX_SHIFT) & HOURS;

    into.wish = null;
    const wishesStart = skillsStart + skillCount;
    const wishes = (shape >>> 8) & 0xff;
    for (let index = 0; index < wishes; index++) {
      const occupation = arena[wishesStart + index];
      if (occupation === vacancyOccupation) {
        into.wish = 'SAME';
        break;
      }
      if (vacancyGroup >= 0 && occupation < catalogueSize && occupationGroup[occupation] === vacancyGroup)
        into.wish = 'RELATED';
    }
    if (into.wish === null && (shape >>> 16) & 1) into.wish = 'BROODBAAN';
    const wwEnd = arena[record + H_WW_END];
    into.wwDaysLeft = wwEnd === NO_DAY ? null : wwEnd - context.today;
    const contact = arena[record + H_CONTACT];
    into.contactDaysAgo = contact === NO_DAY ? null : context.today - contact;
  }

  private vacancyOccupation(uri: string | null): number {
    return uri === null ? -1 : (this.occupationIds.get(uri) ?? -1);
  }

  private vacancyGroup(context: VacancyContext, vacancyOccupation: number): number {
    return context.occupation && vacancyOccupation >= 0 && vacancyOccupation < this.occupationGroup.length
      ? this.occupationGroup[vacancyOccupation]
      : -1;
  }

  // ---- selection -------------------------------------------------------------------------------

  /**
   * The `limit` best people of `list[0 … count)` after the cursor, in ranking order (as indexes into
   * `list`, with their scores), whether more follow, and how many people the list holds.
   *
   * A person with records in both pools (rare) is scored on each and keeps the better one; one whose
   * other record is already listed (`excluded`) is left out; those kept are added to `persons`. Everyone
   * else gets the cheap upper bound (ScoreBound) and is taken in order of it, highest first: a candidate
   * is scored only while their bound can still reach the page, so most are never scored. The page is a
   * bounded max-heap of the worst kept at the root.
   */
  private rank(
    list: Int32Array,
    count: number,
    limit: number,
    cursor: MatchCursor | undefined,
    excluded: Set<number> | undefined,
    persons?: Set<number>,
  ): { indexes: number[]; tenths: number[]; more: boolean; people: number } {
    if (this.rankEntries.length < count) {
      const length = Math.max(count, this.rankEntries.length * 2);
      this.rankEntries = new Int32Array(length);
      this.rankBounds = new Int32Array(length);
      this.rankScores = new Int32Array(length);
      this.rankOrder = new Int32Array(length);
    }
    const { rankEntries: entries, rankBounds: bounds, rankScores: scores, rankOrder: order } = this;
    const personOf = this.personOf;
    const personRecords = this.personRecords;
    // The exact score once known, else −1.
    scores.fill(-1, 0, count);
    let people = 0;
    let twins: Map<number, number> | undefined;
    for (let index = 0; index < count; index++) {
      const row = list[index];
      const person = personOf[row];
      if (personRecords[person] > 1) {
        if (excluded?.has(person)) continue;
        scores[index] = this.score(row);
        twins ??= new Map();
        const best = twins.get(person);
        if (best === undefined || this.ranksBefore(scores[index], row, scores[best], list[best]))
          twins.set(person, index);
        continue;
      }
      entries[people++] = index;
    }
    if (limit > 0) this.bound.boundsOf(this.rows.bounds, list, entries, people, bounds);
    if (twins) {
      for (const [person, index] of twins) {
        persons?.add(person);
        entries[people] = index;
        bounds[people++] = scores[index];
      }
    }
    if (limit <= 0) return { indexes: [], tenths: [], more: false, people };

    // Highest bound first (a counting sort: bounds are tenths, 0 … 1000).
    const starts = this.rankStarts;
    starts.fill(0);
    for (let entry = 0; entry < people; entry++) starts[bounds[entry] + 1]++;
    for (let tenths = 0; tenths <= MAX_TENTHS; tenths++) starts[tenths + 1] += starts[tenths];
    for (let entry = 0; entry < people; entry++) order[starts[bounds[entry]]++] = entry;

    const heap = new Int32Array(limit); // indexes into `list`, the worst kept at the root
    let size = 0;
    let more = false;
    const ids = this.ids;
    for (let position = people - 1; position >= 0; position--) {
      const entry = order[position];
      const index = entries[entry];
      // Everyone from here on scores below the page's last: they follow it.
      if (size === limit && bounds[entry] < scores[heap[0]]) {
        more = true;
        break;
      }
      if (scores[index] < 0) scores[index] = this.score(list[index]);
      const score = scores[index];
      // isAfterCursor, with the string comparison only on a tie.
      if (
        cursor &&
        (score > cursor.scoreTenths || (score === cursor.scoreTenths && ids[list[index]]! <= cursor.candidateId))
      )
        continue;
      if (size < limit) {
        let at = size++;
        heap[at] = index;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (!ranksAfter(scores, ids, list, heap[at], heap[parent])) break;
          const swap = heap[at];
          heap[at] = heap[parent];
          heap[parent] = swap;
          at = parent;
        }
        continue;
      }
      more = true;
      if (!ranksAfter(scores, ids, list, heap[0], index)) continue;
      heap[0] = index;
      for (let at = 0; ;) {
        const left = at * 2 + 1;
        const right = left + 1;
        let largest = at;
        if (left < size && ranksAfter(scores, ids, list, heap[left], heap[largest])) largest = left;
        if (right < size && ranksAfter(scores, ids, list, heap[right], heap[largest])) largest = right;
        if (largest === at) break;
        const swap = heap[at];
        heap[at] = heap[largest];
        heap[largest] = swap;
        at = largest;
      }
    }
    const kept = Array.from(heap.subarray(0, size)).sort((a, b) => (ranksAfter(scores, ids, list, a, b) ? 1 : -1));
    return { indexes: kept, tenths: kept.map((index) => scores[index]), more, people };
  }

  /** Ranking order (ranksBefore): higher score first, then the lower candidate id. */
  private ranksBefore(aTenths: number, aRow: number, bTenths: number, bRow: number): boolean {
    return aTenths > bTenths || (aTenths === bTenths && this.ids[aRow]! < this.ids[bRow]!);
  }

  // ---- explanations ----------------------------------------------------------------------------

  private poolOf(row: number): Pool {
    return isBijstand(this.rows.code[row]) ? 'BIJSTAND' : 'WW';
  }

  /** The facts of one failed requirement, for the near-miss sentence. */
  private failure(
    row: number,
    requirement: Requirement,
    query: MatchQuery,
    distances: Float64Array,
    context: VacancyContext,
  ): Failure {
    const vacancy = query.vacancy;
    const rows = this.rows;
    const code = rows.code[row];
    switch (requirement) {
      case 'STATUS':
        // Placed or inactive by the status, otherwise the WW ended (the scan's date test).
        return { requirement, status: statusOf(code) >= 2 ? STATUS_CODES[statusOf(code)] : 'WW_ENDED' };
      case 'JOBREADY':
        return { requirement, jobready: JOBREADY_CODES[jobreadyOf(code)] };
      case 'CLASSIFICATION':
        return { requirement, classification: CLASSIFICATION_CODES[classificationOf(code)], pool: this.poolOf(row) };
      case 'DRIVING_LICENCE': {
        const held = rows.licences[row];
        return {
          requirement,
          missing: DRIVING_LICENCES.filter(
            (category) => vacancy.drivingLicences.includes(category) && (held & licenceBit(category)) === 0,
          ),
        };
      }
      case 'CERTIFICATE': {
        const missing = [...new Set(vacancy.certificates)].filter((certificate) => {
          const bit = this.certificateBits.get(certificate);
          if (bit === undefined) return true;
          const bits = bit < 32 ? rows.certificatesLow[row] : rows.certificatesHigh[row];
          return (bits & (1 << (bit % 32))) === 0;
        });
        return {
          requirement,
          missingNames: missing.map((certificate) => this.knowledge.certificateNames.get(certificate) ?? certificate),
        };
      }
      case 'DUTCH_LEVEL': {
        const rank = dutchRankOf(code);
        return { requirement, held: rank === 0 ? null : DUTCH_LEVELS[rank - 1], minimum: vacancy.minDutchLevel! };
      }
      case 'EDUCATION': {
        const level = educationOf(code);
        return {
          requirement,
          held: level === 0 ? null : EDUCATION_LEVELS[level - 1],
          minimum: vacancy.minEducationLevel!,
        };
      }
      case 'HOURS':
        return {
          requirement,
          candidate: [hoursMinOf(code), hoursMaxOf(code)],
          vacancy: [vacancy.hoursMin, vacancy.hoursMax],
        };
      case 'DISTANCE': {
        const area = rows.area[row];
        return {
          requirement,
          distanceKm: area === this.unknownArea ? null : distances[area],
          allowedKm: Math.min(context.vacancyMaxKm, rows.allowedKm[row]),
        };
      }
      case 'AVAILABILITY':
        return { requirement, availableFromDay: rows.availableDay[row], startDay: context.startDay };
    }
  }

  // ---- distances -------------------------------------------------------------------------------

  /**
   * Distance from the workplace's area to every area, with +∞ for "area unknown" at the end (a home
   * without a known area fails any travel requirement), and the areas nearest first. Kept for recent
   * workplaces: the same vacancies are ranked again and again.
   */
  private workplace(pc4: string): Workplace {
    const cached = this.distanceCache.get(pc4);
    if (cached) {
      // Most recently used last.
      this.distanceCache.delete(pc4);
      this.distanceCache.set(pc4, cached);
      return cached;
    }
    const places = this.knowledge.places.distancesFrom(pc4);
    if (!places) return this.nowhere;
    const distances = new Float64Array(places.length + 1);
    distances.set(places);
    distances[places.length] = Number.POSITIVE_INFINITY;
    // By whole km (a counting sort: a comparison sort of 4,000 areas cost more than a query).
    const buckets = Math.ceil(places.reduce((max, km) => (km > max ? km : max), 0)) + 2;
    const starts = new Int32Array(buckets + 1);
    for (const km of places) starts[Math.floor(km) + 1]++;
    for (let km = 0; km < buckets; km++) starts[km + 1] += starts[km];
    const nearestFirst = new Int32Array(places.length);
    places.forEach((km, area) => (nearestFirst[starts[Math.floor(km)]++] = area));
    if (this.distanceCache.size >= DISTANCE_CACHE_SIZE)
      this.distanceCache.delete(this.distanceCache.keys().next().value!);
    const workplace = { distances, nearestFirst };
    this.distanceCache.set(pc4, workplace);
    return workplace;
  }

  // ---- writes ----------------------------------------------------------------------------------

  /** A row in the tail for `slot`: a freed tail row, or a new one at the end. */
  private tailRow(slot: number): number {
    let row = this.freeTailRows.pop();
    if (row === undefined) {
      row = this.rows.highWater++;
      if (row >= this.rows.capacity) this.grow(Math.max(1024, this.rows.capacity * 2));
    }
    this.rowOfSlot[slot] = row;
    this.slotOfRow[row] = slot;
    return row;
  }

  /** Takes a live row out of the counts and the person's records (before it is rewritten or freed). */
  private release(row: number): void {
    const rows = this.rows;
    this.tallies.remove(
      rows.code[row],
      rows.licences[row],
      rows.certificatesLow[row],
      rows.certificatesHigh[row],
      rows.availableDay[row],
      rows.wwEndDay[row],
    );
    this.arenaGarbage += this.recordLength(row);
    this.personRecords[this.personOf[row]]--;
  }

  /** Frees a row. A row of the sorted region keeps its area and distance, so the order stays intact. */
  private kill(row: number): void {
    this.rows.code[row] = 0;
    this.ids[row] = undefined;
    if (row >= this.sortedEnd) this.freeTailRows.push(row);
    else this.deadInMain++;
  }

  private write(row: number, candidate: CandidateProfile, area: number, allowedKm: number): void {
    const knowledge = this.knowledge;
    const rows = this.rows;
    this.ids[row] = candidate.id;
    // The staffing firm sees the Bijstand pool; a WW client only by consent, or for one query under a
    // user's confidentiality statements (lendVisibility).
    let visible = ORGANISATION_BIT[OWNER_OF_POOL[candidate.pool]];
    if (candidate.pool === 'BIJSTAND') visible |= ORGANISATION_BIT.STAFFING_FIRM;
    for (const organisation of candidate.consentOrganisations) visible |= ORGANISATION_BIT[organisation];
    const education = candidate.educationLevel === null ? -1 : EDUCATION_LEVELS.indexOf(candidate.educationLevel);
    const code = rowCode({
      alive: true,
      visibleTo: visible,
      bijstand: candidate.pool === 'BIJSTAND',
      status: codeOf(STATUS_CODES, candidate.status, 'status'),
      jobready: codeOf(JOBREADY_CODES, candidate.jobready, 'jobready'),
      classification: codeOf(CLASSIFICATION_CODES, candidate.classification, 'classification'),
      dutchRank: dutchLevelRank(candidate.dutchLevel),
      education: candidate.educationLevel === null ? 0 : education < 0 ? EDUCATION_UNKNOWN : education + 1,
      hoursMin: hours(candidate.hoursMin, candidate.id),
      hoursMax: hours(candidate.hoursMax, candidate.id),
    });
    let licences = 0;
    for (const category of licenceClosure(candidate.drivingLicences)) licences |= licenceBit(category);
    let low = 0;
    let high = 0;
    for (const certificate of certificateClosure(candidate.certificates, knowledge.certificateImplications)) {
      const bit = this.certificateBit(certificate);
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
    const availableDay = dayNumber(candidate.availableFrom);
    rows.code[row] = code;
    rows.area[row] = area;
    rows.allowedKm[row] = allowedKm;
    rows.availableDay[row] = availableDay;
    const statusWwEnd = candidate.pool === 'WW' && candidate.wwEndDate ? dayNumber(candidate.wwEndDate) : NO_WW_END;
    rows.wwEndDay[row] = statusWwEnd;
    rows.licences[row] = licences;
    rows.certificatesLow[row] = low;
    rows.certificatesHigh[row] = high;
    this.tallies.add(code, licences, low, high, availableDay, statusWwEnd);

    const person = this.personId(candidate.personId);
    this.personOf[row] = person;
    this.personRecords[person]++;

    const experiences = candidate.workExperience.slice(0, 255);
    const skills = [...new Set(candidate.skillUris)];
    const wishes = candidate.wishedOccupationUris.slice(0, 255);
    const experienceIds = experiences.map((experience) => this.occupationId(experience.occupationUri));
    const skillIds = skills.map((skill) => this.skillId(skill));
    const experienceYears = experiences.map((experience) => Math.round(normaliseYears(experience.years) * 10));
    const wishIds = wishes.map((wish) => this.occupationId(wish));
    const wwEndDay = candidate.pool === 'WW' && candidate.wwEndDate ? dayNumber(candidate.wwEndDate) : NO_DAY;
    const contactDay = candidate.lastContactAt ? dayNumber(candidate.lastContactAt) : NO_DAY;
    writeBoundRecord(rows.bounds, row, {
      experienceIds,
      experienceYears,
      wishIds,
      broodbaan: candidate.acceptsBroodbaan,
      wwEndDay,
      contactDay,
      skillFilter: skillIds.reduce((filter, skill) => filter | skillFilterBit(skill), 0),
      area,
      allowedKm,
      hoursMin: candidate.hoursMin,
      hoursMax: candidate.hoursMax,
    });
    const start = this.allocate(HEADER + experiences.length * EXPERIENCE_WIDTH + skills.length + wishes.length);
    const arena = this.arena;
    arena[start + H_SHAPE] = experiences.length | (wishes.length << 8) | ((candidate.acceptsBroodbaan ? 1 : 0) << 16);
    arena[start + H_SKILLS] = skills.length;
    arena[start + H_WW_END] = wwEndDay;
    arena[start + H_CONTACT] = contactDay;
    let cursor = start + HEADER;
    experiences.forEach((_, index) => {
      arena[cursor++] = experienceIds[index];
      arena[cursor++] = experienceYears[index];
    });
    for (const skill of skillIds) arena[cursor++] = skill;
    for (const wish of wishIds) arena[cursor++] = wish;
    this.arenaStart[row] = start;
  }

  private recordLength(row: number): number {
    const record = this.arenaStart[row];
    const shape = this.arena[record + H_SHAPE];
    return HEADER + (shape & 0xff) * EXPERIENCE_WIDTH + this.arena[record + H_SKILLS] + ((shape >>> 8) & 0xff);
  }

  private allocate(length: number): number {
    if (this.arenaUsed + length > this.arena.length) {
      if (this.arenaGarbage > this.arenaUsed / 2) this.compactArena();
      if (this.arenaUsed + length > this.arena.length) {
        this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + length));
      }
    }
    const start = this.arenaUsed;
    this.arenaUsed += length;
    return start;
  }

  /** Moves live rows' records together, dropping what replaced or removed rows left behind. */
  private compactArena(): void {
    const compacted = new Int32Array(this.arena.length);
    let used = 0;
    for (let row = 0; row < this.rows.highWater; row++) {
      if ((this.rows.code[row] & 1) === 0) continue;
      const length = this.recordLength(row);
      compacted.set(this.arena.subarray(this.arenaStart[row], this.arenaStart[row] + length), used);
      this.arenaStart[row] = used;
      used += length;
    }
    this.arena = compacted;
    this.arenaUsed = used;
    this.arenaGarbage = 0;
  }

  private grow(capacity: number): void {
    this.rows.grow(capacity);
    this.personOf = grown(this.personOf, capacity);
    this.slotOfRow = grown(this.slotOfRow, capacity);
    this.arenaStart = grown(this.arenaStart, capacity);
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
      if (id >= this.personRecords.length) this.personRecords = grown(this.personRecords, Math.max(1024, id * 2));
    }
    return id;
  }
}

/**
 * The key of a kept answer: the whole query, and the clients lent by confidentiality statements as their
 * sorted ids (JSON writes a Set as `{}`, so without them two staffing-firm users with different
 * statements would share one answer; with them, two users under the same statements do share one).
 */
function answerKey(query: MatchQuery): string {
  const { granted, ...rest } = query;
  const key = JSON.stringify(rest);
  if (!granted || granted.size === 0) return key;
  return key + JSON.stringify([...granted].sort());
}

/** Whether entry a ranks after entry b: a lower score, or the same and a higher candidate id. */
function ranksAfter(
  scores: Int32Array,
  ids: ReadonlyArray<string | undefined>,
  list: Int32Array,
  a: number,
  b: number,
): boolean {
  return scores[a] < scores[b] || (scores[a] === scores[b] && ids[list[a]]! > ids[list[b]]!);
}

/** What scoring a row needs of the query being answered. */
interface ScoringQuery {
  context: VacancyContext;
  distances: Float64Array;
  vacancyOccupation: number;
  vacancyGroup: number;
}

/** Where a vacancy is, as the scan needs it. */
interface Workplace {
  distances: Float64Array;
  nearestFirst: Int32Array;
}

/**
 * The live rows (of `from`, or all rows in use when absent) ordered by `key` (0 … keys − 1), stable.
 */
function countingSort(
  rows: RowColumns,
  live: number,
  keys: number,
  key: (row: number) => number,
  from: Int32Array | undefined,
): Int32Array {
  const starts = new Int32Array(keys + 1);
  const each = (visit: (row: number) => void): void => {
    if (from) for (let index = 0; index < live; index++) visit(from[index]);
    else for (let row = 0; row < rows.highWater; row++) if (rows.code[row] & 1) visit(row);
  };
  each((row) => starts[key(row) + 1]++);
  for (let index = 0; index < keys; index++) starts[index + 1] += starts[index];
  const sorted = new Int32Array(live);
  each((row) => (sorted[starts[key(row)]++] = row));
  return sorted;
}

function grown<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

function codeOf<T>(codes: readonly T[], value: T, what: string): number {
  const code = codes.indexOf(value);
  if (code < 0) throw new RangeError(`Unknown ${what} ${String(value)}`);
  return code;
}

function hours(value: number, candidateId: string): number {
  if (!Number.isInteger(value) || value < 0 || value > HOURS_MASK)
    throw new RangeError(`Candidate ${candidateId}: hours ${value} outside 0–${HOURS_MASK}`);
  return value;
}

function wholeKm(km: number): number {
  // Whole km by construction: integer own maximum, whole-km caps (loadWeights checks them).
  if (!Number.isInteger(km) || km < 0 || km > 0xffff) throw new RangeError(`Travel distance ${km} km is not whole`);
  return km;
}
