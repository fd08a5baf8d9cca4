import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser, hasRole } from '@identity/auth/authenticated-user';
import { Organisation, Role } from '@identity/organisation';
import { PolicyAction, PolicyService } from '@identity/policy/policy.service';
import { UsersService } from '@identity/users/users.service';
import { CandidateProfile, CandidateStatus, Classification, OWNER_OF_POOL, Pool } from '@matching/profiles';
import { AppConfig } from '@platform/config/app-config';
import { Clock } from '@platform/clock/clock';
import { FieldRuleError, StaleVersionError } from '@platform/errors/domain-error';
import { Page } from '@platform/http/pagination';
import { DomainEvents } from '@platform/queue/domain-events';
import { JobName, QueueName } from '@platform/queue/queue-names';
import { PlacesService } from '@sales/places/places.service';
import { CertificatesService } from '@sales/requirements/certificates.service';
import { maskBsn, validBsn } from './bsn';
import { BsnCipher } from './bsn-cipher';
import { CandidateRow, CandidateWrite, toProfile } from './candidate-record';
import {
  CandidateErasedError,
  CandidateNotFoundError,
  ConsentActiveAlreadyError,
  ConsentNotFoundError,
  ConsentWithdrawnAlreadyError,
  SourceReferenceTakenError,
} from './candidates.errors';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { CandidatesRepository, ConsentRow, NoteRow } from './candidates.repository';
import { addMonths, isMaxWw, targetGroupOf, TargetGroup } from './target-group';
import {
  CandidateListQuery,
  CreateCandidateDto,
  CreateNoteDto,
  JobreadyAssessmentDto,
  MaxWwListQuery,
  SignConsentDto,
  UpdateCandidateDto,
} from './dto/candidate.dto';
import { candidatePolicy, SqlParams, useMaxWwWindow } from './visibility';
import { CandidateSummary } from '@matching/matching-sources';

const SUBJECT = 'candidate';
/** Made once: building an Intl formatter costs about a millisecond, and a ranked page asks for 70 target groups. */
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
/** How many of the newest notes come with a candidate (matchers check recent notes before proposing). */
const NOTES_SHOWN = 5;

export interface CandidateListItem {
  id: string;
  pool: Pool;
  sourceReference: string;
  personId: string;
  name: string | null;
  pc4: string | null;
  municipality: string | null;
  wwEndDate: string | null;
  maxWw: boolean;
  /** A WW client whose WW end date has passed: no longer matched as a WW client (issue 17). */
  wwEnded: boolean;
  classification: string | null;
  targetGroup: TargetGroup | null;
  jobready: string;
  status: string;
  adviserId: string | null;
  lastContactAt: string | null;
  version: number;
}

/**
 * What is left to show of an erased candidate: that it existed and was erased. Placements, proposals
 * and the audit log still name its id, so a read answers this record rather than 404, and nothing
 * personal (nor the matching facts that stayed on the row).
 */
export interface ErasedCandidateView {
  id: string;
  status: string;
  erasedAt: string;
}

export interface CandidateView extends CandidateListItem {
  bsn: string | null;
  phone: string | null;
  email: string | null;
  postcode: string | null;
  region: string | null;
  dateOfBirth: string | null;
  doelgroepregister: boolean;
  wajong: boolean;
  jobreadyAssessment: {
    assessedAt: string | null;
    assessedBy: string | null;
    /** The assessor's display name (staff, not a client), so the adviser sees who judged. */
    assessedByName: string | null;
    checklist: unknown;
  };
  workExperience: CandidateRow['workExperience'];
  skillUris: string[];
  educationLevel: string | null;
  certificates: string[];
  drivingLicences: string[];
  dutchLevel: string | null;
  hoursMin: number;
  hoursMax: number;
  transport: string[];
  maxTravelKm: number | null;
  availableFrom: string;
  wishedOccupationUris: string[];
  acceptsBroodbaan: boolean;
  consentOrganisations: Organisation[];
  erased: boolean;
  notes: NoteView[];
}

export interface NoteView {
  id: string;
  authorId: string;
  /** The author's display name (a colleague: an adviser, or a matcher reporting a mismatch). */
  authorName: string | null;
  notedAt: string;
  text: string;
}

export type ConsentView = Omit<ConsentRow, 'recordedAt' | 'withdrawnAt'> & {
  recordedAt: string;
  withdrawnAt: string | null;
  active: boolean;
};

/** Columns whose change does not reach the matching profile (no candidate.changed for them alone). */
const NOT_MATCHING_RELEVANT = new Set(['name', 'phone', 'email', 'date_of_birth', 'source_reference', 'adviser_id']);

/**
 * Candidates of both pools: create, edit, read, search, notes, jobready, consents, privacy rights.
 * Visibility is applied in SQL (CandidatesRepository); every read and change is audited with the
 * internal id only; every change of a matching-relevant field emits candidate.changed after commit.
 */
/** Erases what a module keeps about one candidate, inside the erasure's transaction. */
export type ErasureStep = (candidateId: string, manager: EntityManager) => Promise<void>;
/** What a module does when candidates are created (the API or an import), inside the creating transaction. */
export type CreationStep = (candidateIds: string[], manager: EntityManager) => Promise<void>;

@Injectable()
export class CandidatesService implements OnModuleInit {
  private readonly logger = new Logger(CandidatesService.name);

  /** What other modules erase with the candidate: free text they keep about the client. */
  private readonly erasureSteps: ErasureStep[] = [];
  /** What other modules do when a candidate is created: the Max-WW hand-over links a new Bijstand record. */
  private readonly creationSteps: CreationStep[] = [];

  constructor(
    private readonly repository: CandidatesRepository,
    private readonly dataSource: DataSource,
    private readonly cipher: BsnCipher,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly places: PlacesService,
    private readonly certificates: CertificatesService,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectQueue(QueueName.Events) private readonly eventsQueue: Queue,
  ) {}

  onModuleInit(): void {
    // The rule lives in visibility.ts next to its SQL form, so the two are read and changed together.
    this.policy.register(SUBJECT, candidatePolicy);
    // A confidentiality statement for the Max-WW programme reaches the clients of the target group MAX WW.
    useMaxWwWindow(() => this.maxWwWindow());
  }

  /**
   * Whether the user may see this candidate, by the rule in SQL (erased ones included): for the checks
   * other modules make on a candidate they loaded themselves (proposals, placements, ranking).
   */
  async isVisible(actor: AuthenticatedUser, id: string, manager?: EntityManager): Promise<boolean> {
    return (await this.repository.visibleOf(actor, [id], manager)).has(id);
  }

  /**
   * The WW clients a staffing-firm user sees under their confidentiality statements, for the matching
   * engine (which knows visibility per organisation only): undefined for everyone else, whose view
   * the organisation decides. Asked once per query, so a revocation counts from the next one.
   */
  async coveredByStatements(actor: AuthenticatedUser): Promise<ReadonlySet<string> | undefined> {
    if (actor.organisation !== Organisation.STAFFING_FIRM || hasRole(actor, Role.ADMIN)) return undefined;
    // Known from the request's sign-in check: most staffing-firm users work without a statement.
    if (actor.underStatement === false) return new Set();
    return this.repository.coveredByStatements(actor);
  }

  // ---- the matching engine's read side -------------------------------------------------------

  /**
   * Every live (not erased) candidate as a CandidateProfile, in batches, for building the matching
   * index. Profiles hold no personal data (no name, BSN, contact data or date of birth).
   */
  profiles(batchSize = 5000): AsyncIterable<CandidateProfile[]> {
    return this.repository.profileBatches(batchSize);
  }

  /** The profiles of these candidates, in one query; a candidate gone or erased is left out. */
  async profilesOf(ids: string[]): Promise<CandidateProfile[]> {
    return (await this.repository.profilesOf(ids)).map(toProfile);
  }

  /** One candidate's profile; null when it does not exist or was erased (the index drops it). */
  async profile(id: string): Promise<CandidateProfile | null> {
    const row = await this.repository.findById(id);
    return row && !row.erasedAt ? toProfile(row) : null;
  }

  /**
   * What a matcher sees of each candidate on a ranked list (no BSN, no contact data). Personal data:
   * the caller audits the read.
   */
  async summaries(user: AuthenticatedUser, ids: string[]): Promise<Map<string, CandidateSummary>> {
    // Only the columns a list shows (a ranked page names 70 people; the full record is ten times the data).
    const rows = await this.repository.summariesOf(user, ids);
    // The day once for the page, not once a row (formatting it is the costly part).
    const today = this.today();
    const maxWwMonths = this.config.get('candidates', { infer: true }).maxWwMonths;
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name ?? '',
          pool: row.pool,
          targetGroup: targetGroupOf(row, today, maxWwMonths),
          wwEndDate: row.pool === 'WW' ? row.wwEndDate : null,
          municipality: (row.pc4 && this.places.place(row.pc4)?.municipality) ?? null,
          adviserId: row.adviserId,
          newestNoteAt: row.lastContactAt?.toISOString() ?? null,
        },
      ]),
    );
  }

  // ---- create, read, search ------------------------------------------------------------------

  async create(actor: AuthenticatedUser, input: CreateCandidateDto): Promise<CandidateView> {
    this.assertAllowed(actor, 'create', input.pool, []);
    const write = await this.prepareWrite(input);
    const adviserId = input.adviserId ? await this.assertAdviser(input.adviserId, input.pool) : null;
    const id = await this.dataSource.transaction(async (manager) => {
      let created: string;
      try {
        created = await this.repository.insert(write, adviserId, manager);
      } catch (error) {
        throw isUniqueViolation(error, 'candidates_source_reference_unique') ? new SourceReferenceTakenError() : error;
      }
      if (input.status && input.status !== 'ACTIVE') {
        await manager.query(`UPDATE candidates SET status = $2 WHERE id = $1`, [created, input.status]);
      }
      await this.afterCreate([created], manager);
      await this.record(actor, 'create', created, 'candidate registration', manager);
      return created;
    });
    await this.changed(id);
    return this.view((await this.repository.findById(id))!, true);
  }

  async read(actor: AuthenticatedUser, id: string): Promise<CandidateView | ErasedCandidateView> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'read', row.pool, row.consentOrganisations, row.statementCovers);
    await this.record(actor, 'read', id, 'candidate profile');
    return row.erasedAt ? erasedView(row) : this.view(row, true);
  }

  /**
   * Whether this candidate was erased and is one the user may see (the same rule as every read, so an
   * erased candidate of another organisation stays unknown): proposals and matching answer it with
   * CANDIDATE_ERASED or its remaining facts rather than "not found".
   */
  async isErasedAndVisible(actor: AuthenticatedUser, id: string): Promise<boolean> {
    const row = await this.repository.findVisible(actor, id);
    return row !== null && row.erasedAt !== null;
  }

  async list(actor: AuthenticatedUser, query: CandidateListQuery): Promise<Page<CandidateListItem>> {
    const { today, maxWwUntil } = this.maxWwWindow();
    const { rows, total } = await this.repository.search(
      actor,
      (sql) => {
        const where: string[] = [];
        if (query.pool) where.push(`c.pool = ${sql.p(query.pool)}`);
        if (query.maxWw !== undefined) {
          const window = `(c.ww_end_date BETWEEN ${sql.p(today)}::date AND ${sql.p(maxWwUntil)}::date)`;
          where.push(query.maxWw ? window : `NOT coalesce(${window}, false)`);
        }
        if (query.jobready) where.push(`c.jobready = ${sql.p(query.jobready)}`);
        if (query.classification) where.push(`c.classification = ${sql.p(query.classification)}`);
        if (query.status) where.push(`c.status = ${sql.p(query.status)}`);
        if (query.targetGroup) where.push(targetGroupSql(query.targetGroup, sql, today, maxWwUntil));
        this.commonFilters(query, sql, where);
        if (query.skill) where.push(`c.skill_uris @> ARRAY[${sql.p(query.skill)}]::text[]`);
        if (query.occupation) {
          const uri = sql.p(query.occupation);
          where.push(
            `(c.work_experience @> jsonb_build_array(jsonb_build_object('occupationUri', ${uri}::text))
              OR c.wished_occupation_uris @> ARRAY[${uri}]::text[])`,
          );
        }
        if (query.region) {
          // The region of the home area, through the places tables (read only).
          where.push(`c.pc4 IN (SELECT p.pc4 FROM places p JOIN municipalities m ON m.code = p.municipality_code
                                WHERE m.region_code = ${sql.p(query.region)})`);
        }
        if (query.q) {
          const pattern = sql.p(`%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
          where.push(`(c.name ILIKE ${pattern} OR c.source_reference ILIKE ${pattern})`);
        }
        return where;
      },
      'lower(c.name), c.id',
      query,
    );
    await this.recordMany(actor, 'search', rows, 'candidate search');
    return { items: rows.map((row) => this.listItem(row)), total, limit: query.limit, offset: query.offset };
  }

  /** WW candidates whose WW ends within MAX_WW_MONTHS, soonest first: the Max-WW team's call list. */
  async maxWwList(actor: AuthenticatedUser, query: MaxWwListQuery): Promise<Page<CandidateListItem>> {
    const { today, maxWwUntil } = this.maxWwWindow();
    const { rows, total } = await this.repository.search(
      actor,
      (sql) => {
        const where = [
          `c.pool = 'WW'`,
          `c.ww_end_date BETWEEN ${sql.p(today)}::date AND ${sql.p(maxWwUntil)}::date`,
          `c.status <> 'INACTIVE'`,
        ];
        if (query.jobready) where.push(`c.jobready = ${sql.p(query.jobready)}`);
        this.commonFilters(query, sql, where);
        return where;
      },
      'c.ww_end_date, c.id',
      query,
    );
    await this.recordMany(actor, 'list', rows, 'Max-WW list');
    return { items: rows.map((row) => this.listItem(row)), total, limit: query.limit, offset: query.offset };
  }

  /** Candidates with this BSN that the user may see (one per pool at most); the BSN comes in a body only. */
  async lookupByBsn(actor: AuthenticatedUser, bsnInput: string): Promise<CandidateListItem[]> {
    const bsn = validBsn(bsnInput);
    if (!bsn) throw new FieldRuleError('BSN_INVALID', 'bsn', 'must be a BSN of 9 digits that passes the elfproef');
    const rows = await this.repository.visibleByBsnHash(actor, this.cipher.hash(bsn));
    await this.recordMany(actor, 'search', rows, 'BSN look-up');
    return rows.map((row) => this.listItem(row));
  }

  // ---- changes -------------------------------------------------------------------------------

  async update(actor: AuthenticatedUser, id: string, input: UpdateCandidateDto): Promise<CandidateView> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'update', row.pool, row.consentOrganisations);
    if (row.erasedAt) throw new CandidateErasedError();
    const changes = await this.changesFrom(row, input);
    let updated: CandidateRow | null;
    try {
      updated = await this.repository.updateVersioned(
        id,
        input.version,
        changes,
        this.audited(actor, id, 'candidate profile'),
      );
    } catch (error) {
      throw isUniqueViolation(error, 'candidates_source_reference_unique') ? new SourceReferenceTakenError() : error;
    }
    if (!updated) throw new StaleVersionError('Candidate');
    // The index (here and, by the change stream, elsewhere) and the answer's notes side by side.
    const [view] = await Promise.all([
      this.view(updated, true),
      Object.keys(changes).some((column) => !NOT_MATCHING_RELEVANT.has(column)) ? this.changed(id) : undefined,
    ]);
    return view;
  }

  async assessJobready(actor: AuthenticatedUser, id: string, input: JobreadyAssessmentDto): Promise<CandidateView> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'update', row.pool, row.consentOrganisations);
    if (row.erasedAt) throw new CandidateErasedError();
    const updated = await this.repository.updateVersioned(
      id,
      input.version,
      {
        jobready: input.jobready,
        jobready_assessed_at: this.clock.now(),
        jobready_assessed_by: actor.id,
        jobready_checklist: JSON.stringify({ ...input.checklist }),
      },
      this.audited(actor, id, 'jobready assessment'),
    );
    if (!updated) throw new StaleVersionError('Candidate');
    const [view] = await Promise.all([this.view(updated, true), this.changed(id)]);
    return view;
  }

  async addNote(actor: AuthenticatedUser, id: string, input: CreateNoteDto): Promise<NoteView> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'update', row.pool, row.consentOrganisations);
    if (row.erasedAt) throw new CandidateErasedError();
    const note = await this.dataSource.transaction(async (manager) => {
      const added = await this.repository.addNote(id, actor.id, this.clock.now(), input.text, manager);
      await this.record(actor, 'update', id, 'note', manager);
      return added;
    });
    // The newest note's time is the profile's lastContactAt.
    await this.changed(id);
    return noteView(note, await this.users.namesOf([actor.id]));
  }

  // ---- consents ------------------------------------------------------------------------------

  async consents(actor: AuthenticatedUser, id: string): Promise<ConsentView[]> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'update', row.pool, row.consentOrganisations);
    await this.record(actor, 'read', id, 'consents');
    return (await this.repository.consents(id)).map(consentView);
  }

  async signConsent(actor: AuthenticatedUser, id: string, input: SignConsentDto): Promise<ConsentView> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'update', row.pool, row.consentOrganisations);
    if (row.erasedAt) throw new CandidateErasedError();
    if (input.organisation === OWNER_OF_POOL[row.pool]) {
      throw new FieldRuleError('CONSENT_FOR_OWNER', 'organisation', 'is the owner of the pool, which needs no consent');
    }
    if (input.signedOn > this.today()) {
      throw new FieldRuleError('CONSENT_SIGNED_IN_FUTURE', 'signedOn', 'must not be after today');
    }
    const consent = await this.dataSource.transaction(async (manager) => {
      let inserted: ConsentRow;
      try {
        inserted = await this.repository.insertConsent(
          id,
          {
            organisation: input.organisation,
            signedOn: input.signedOn,
            documentReference: input.documentReference,
            recordedBy: actor.id,
          },
          manager,
        );
      } catch (error) {
        throw isUniqueViolation(error, 'candidate_consents_active_unique') ? new ConsentActiveAlreadyError() : error;
      }
      await this.record(actor, 'update', id, 'consent signed', manager);
      return inserted;
    });
    await this.changed(id);
    return consentView(consent);
  }

  async withdrawConsent(actor: AuthenticatedUser, id: string, consentId: string): Promise<ConsentView> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'update', row.pool, row.consentOrganisations);
    const consent = await this.dataSource.transaction(async (manager) => {
      const withdrawn = await this.repository.withdrawConsent(id, consentId, actor.id, manager);
      if (!withdrawn) {
        const known = (await this.repository.consents(id, manager)).some((existing) => existing.id === consentId);
        throw known ? new ConsentWithdrawnAlreadyError() : new ConsentNotFoundError();
      }
      await this.record(actor, 'update', id, 'consent withdrawn', manager);
      return withdrawn;
    });
    await this.changed(id);
    return consentView(consent);
  }

  // ---- privacy rights ------------------------------------------------------------------------

  /** Everything held on the candidate (the one place the BSN is decrypted), for a subject access request. */
  async export(actor: AuthenticatedUser, id: string): Promise<Record<string, unknown>> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'export', row.pool, row.consentOrganisations);
    await this.record(actor, 'export', id, 'subject access request');
    const { bsnCiphertext, ...fields } = row;
    return {
      exportedAt: this.clock.now().toISOString(),
      candidate: row.erasedAt
        ? erasedView(row)
        : {
            ...fields,
            bsn: bsnCiphertext ? this.cipher.decrypt(bsnCiphertext) : null,
            maxWw: row.pool === 'WW' && this.isMaxWw(row.wwEndDate),
            wwEnded: this.wwEnded(row),
            targetGroup: this.targetGroup(row),
          },
      notes: (await this.repository.notes(id)).map((note) => noteView(note, new Map())),
      consents: (await this.repository.consents(id)).map(consentView),
      accessLog: (await this.audit.search({ subjectType: SUBJECT, subjectId: id, limit: 1000, offset: 0 })).items.map(
        (entry) => ({
          at: entry.at,
          actorId: entry.actorId,
          actorOrganisation: entry.actorOrganisation,
          action: entry.action,
          purpose: entry.purpose,
        }),
      ),
    };
  }

  /**
   * Erasure on request: personal fields and notes removed, consents closed, status INACTIVE, pending
   * jobs for the candidate removed; the audit trail keeps the internal id only. The matching index
   * drops the candidate on the candidate.changed that follows.
   */
  async erase(actor: AuthenticatedUser, id: string): Promise<void> {
    const row = await this.loadVisible(actor, id);
    this.assertAllowed(actor, 'erase', row.pool, row.consentOrganisations);
    if (row.erasedAt) return;
    await this.dataSource.transaction(async (manager) => {
      await this.repository.erase(id, manager);
      for (const step of this.erasureSteps) await step(id, manager);
      await this.record(actor, 'erase', id, 'erasure request', manager);
    });
    await this.removePendingJobs(id);
    await this.changed(id);
  }

  /**
   * A module that keeps text about candidates (aftersales notes) erases it in the erasure's own
   * transaction: the erasure is whole or not at all.
   */
  onErase(step: ErasureStep): void {
    this.erasureSteps.push(step);
  }

  /** A module that links records to a new candidate does it in the creating transaction (API and import). */
  onCreate(step: CreationStep): void {
    this.creationSteps.push(step);
  }

  /** Runs the creation steps for candidates just inserted, in the caller's transaction. */
  async afterCreate(candidateIds: string[], manager: EntityManager): Promise<void> {
    if (candidateIds.length === 0) return;
    for (const step of this.creationSteps) await step(candidateIds, manager);
  }

  // ---- used by proposals and placements (they pass their transaction) -------------------------

  /**
   * The candidate's status, with the row locked until the caller's transaction ends, so concurrent
   * proposal changes for one candidate work out its status one after the other. Null when erased or gone.
   */
  async lockStatus(id: string, manager: EntityManager): Promise<CandidateStatus | null> {
    const rows: Array<{ status: CandidateStatus }> = await manager.query(
      `SELECT status FROM candidates WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
      [id],
    );
    return rows[0]?.status ?? null;
  }

  /** Sets the status in the caller's transaction; the caller emits candidate.changed (changedMany) after commit. */
  async setStatus(id: string, status: CandidateStatus, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE candidates SET status = $2, version = version + 1, updated_at = now()
       WHERE id = $1 AND erased_at IS NULL AND status <> $2`,
      [id, status],
    );
  }

  /**
   * A matcher found the candidate not jobready after all: jobready goes back to TO_ASSESS and a note
   * tells the adviser why, in the caller's transaction; the caller emits candidate.changed after commit.
   */
  async markMismatch(id: string, actor: AuthenticatedUser, text: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE candidates SET jobready = 'TO_ASSESS', jobready_assessed_at = $2, jobready_assessed_by = $3,
              version = version + 1, updated_at = now()
       WHERE id = $1 AND erased_at IS NULL`,
      [id, this.clock.now(), actor.id],
    );
    await this.repository.addNote(id, actor.id, this.clock.now(), `Mismatch (niet jobready): ${text}`, manager);
    await this.record(actor, 'update', id, 'mismatch: not jobready', manager);
  }

  /**
   * What a placement starting on `date` needs of the candidate, read in the caller's transaction: who
   * may see it, and the target group it counts for (Max-WW judged at that date: in the Max-WW programme
   * then, or the WW ending within MAX_WW_MONTHS of it). Null when gone or erased.
   */
  async placementFacts(
    id: string,
    date: string,
    manager: EntityManager,
  ): Promise<{
    pool: Pool;
    consentOrganisations: Organisation[];
    targetGroup: TargetGroup | null;
    classification: Classification | null;
    doelgroepregister: boolean;
  } | null> {
    const row = await this.repository.findById(id, manager);
    if (!row || row.erasedAt) return null;
    const inMaxWwProgramme = row.pool === 'WW' && (await this.repository.inMaxWwProgramme(id, date, manager));
    return {
      pool: row.pool,
      classification: row.classification,
      doelgroepregister: row.doelgroepregister,
      consentOrganisations: row.consentOrganisations,
      targetGroup: targetGroupOf(
        { ...row, inMaxWwProgramme },
        date,
        this.config.get('candidates', { infer: true }).maxWwMonths,
      ),
    };
  }

  // ---- used by the import --------------------------------------------------------------------

  /** Emits candidate.changed for each id (after the caller's commit), a few at a time. */
  async changedMany(ids: string[]): Promise<void> {
    const chunk = 200;
    for (let start = 0; start < ids.length; start += chunk) {
      await Promise.all(
        ids.slice(start, start + chunk).map((id) => this.events.emit(JobName.CandidateChanged, { candidateId: id })),
      );
    }
  }

  encryptBsn(bsn: string): { bsnHash: string; bsnCiphertext: string } {
    return { bsnHash: this.cipher.hash(bsn), bsnCiphertext: this.cipher.encrypt(bsn) };
  }

  // ---- helpers -------------------------------------------------------------------------------

  private async loadVisible(actor: AuthenticatedUser, id: string, manager?: EntityManager): Promise<CandidateRow> {
    const row = await this.repository.findVisible(actor, id, manager);
    if (!row) throw new CandidateNotFoundError();
    return row;
  }

  private assertAllowed(
    actor: AuthenticatedUser,
    action: PolicyAction,
    pool: Pool,
    consentOrganisations: Organisation[],
    statementCovers = false,
  ) {
    this.policy.assert(actor, action, { type: SUBJECT, pool, consentOrganisations, statementCovers });
  }

  private async prepareWrite(input: CreateCandidateDto): Promise<CandidateWrite> {
    const bsn = validBsn(input.bsn)!; // the DTO checked the elfproef
    this.assertPoolFields(input.pool, input);
    assertHours(input.hoursMin, input.hoursMax);
    const place = await this.places.resolve(input.postcode, 'postcode');
    await this.certificates.assertSelectable(input.certificates ?? [], 'certificates');
    return {
      pool: input.pool,
      sourceReference: input.sourceReference,
      ...this.encryptBsn(bsn),
      name: input.name,
      phone: input.phone ?? null,
      email: input.email?.toLowerCase() ?? null,
      postcode: place.postcode,
      pc4: place.pc4,
      dateOfBirth: input.dateOfBirth ?? null,
      wwEndDate: input.wwEndDate ?? null,
      classification: input.classification ?? null,
      doelgroepregister: input.doelgroepregister ?? false,
      wajong: input.wajong ?? false,
      workExperience: (input.workExperience ?? []).map((entry) => ({
        occupationUri: entry.occupationUri,
        years: entry.years,
      })),
      skillUris: input.skillUris ?? [],
      educationLevel: input.educationLevel ?? null,
      certificates: input.certificates ?? [],
      drivingLicences: input.drivingLicences ?? [],
      dutchLevel: input.dutchLevel ?? null,
      hoursMin: input.hoursMin,
      hoursMax: input.hoursMax,
      transport: input.transport ?? [],
      maxTravelKm: input.maxTravelKm ?? null,
      availableFrom: input.availableFrom,
      wishedOccupationUris: input.wishedOccupationUris ?? [],
      acceptsBroodbaan: input.acceptsBroodbaan ?? true,
    };
  }

  /** Column → value for the fields present in the PATCH, checked against the merged result. */
  private async changesFrom(row: CandidateRow, input: UpdateCandidateDto): Promise<Record<string, unknown>> {
    this.assertPoolFields(row.pool, input);
    assertHours(input.hoursMin ?? row.hoursMin, input.hoursMax ?? row.hoursMax);
    const changes: Record<string, unknown> = {};
    const set = <K extends keyof UpdateCandidateDto>(key: K, column: string, map = (value: unknown) => value) => {
      if (input[key] !== undefined) changes[column] = map(input[key]);
    };
    set('sourceReference', 'source_reference');
    set('name', 'name');
    set('phone', 'phone');
    set('email', 'email', (value) => (typeof value === 'string' ? value.toLowerCase() : value));
    set('dateOfBirth', 'date_of_birth');
    set('wwEndDate', 'ww_end_date');
    set('classification', 'classification');
    set('doelgroepregister', 'doelgroepregister', (value) => value ?? false);
    set('wajong', 'wajong', (value) => value ?? false);
    set('workExperience', 'work_experience', (value) =>
      JSON.stringify(
        ((value as UpdateCandidateDto['workExperience']) ?? []).map((entry) => ({
          occupationUri: entry.occupationUri,
          years: entry.years,
        })),
      ),
    );
    set('skillUris', 'skill_uris', (value) => value ?? []);
    set('educationLevel', 'education_level');
    set('certificates', 'certificates', (value) => value ?? []);
    set('drivingLicences', 'driving_licences', (value) => value ?? []);
    set('dutchLevel', 'dutch_level');
    set('hoursMin', 'hours_min');
    set('hoursMax', 'hours_max');
    set('transport', 'transport', (value) => value ?? []);
    set('maxTravelKm', 'max_travel_km');
    set('availableFrom', 'available_from');
    set('wishedOccupationUris', 'wished_occupation_uris', (value) => value ?? []);
    set('acceptsBroodbaan', 'accepts_broodbaan', (value) => value ?? true);
    set('status', 'status');
    if (input.postcode !== undefined) {
      const place = await this.places.resolve(input.postcode, 'postcode');
      changes.postcode = place.postcode;
      changes.pc4 = place.pc4;
    }
    if (input.certificates) {
      // Only newly chosen codes must be selectable: a since-deactivated certificate may stay on the record.
      const added = input.certificates.filter((code) => !row.certificates.includes(code));
      await this.certificates.assertSelectable(added, 'certificates');
    }
    if (input.adviserId !== undefined) {
      changes.adviser_id = input.adviserId === null ? null : await this.assertAdviser(input.adviserId, row.pool);
    }
    return changes;
  }

  private assertPoolFields(
    pool: Pool,
    input: { wwEndDate?: string | null; classification?: string | null; wajong?: boolean },
  ) {
    if (pool !== 'WW' && input.wwEndDate) {
      throw new FieldRuleError('WW_ONLY', 'wwEndDate', 'is for candidates of the WW pool only');
    }
    if (pool !== 'WW' && input.wajong) {
      throw new FieldRuleError('WW_ONLY', 'wajong', 'is for UWV clients (WW pool) only');
    }
    // A UWV client is not classified at an intake as a Bijstand client is; only a work limitation (wage
    // value 50-80) is marked, for the instruments and the vacancies open to the 50-80 group.
    if (pool === 'WW' && input.classification && input.classification !== '50-80') {
      throw new FieldRuleError('WW_CLASSIFICATION_50_80_ONLY', 'classification', 'can only be 50-80 for a WW client');
    }
  }

  /** The fixed contact person: an active user with the role ADVISER, of the owning organisation or the staffing firm. */
  private async assertAdviser(adviserId: string, pool: Pool): Promise<string> {
    const adviser = await this.users.findById(adviserId);
    const fits =
      adviser?.active &&
      adviser.roles.includes(Role.ADVISER) &&
      [OWNER_OF_POOL[pool], Organisation.STAFFING_FIRM].includes(adviser.organisation);
    if (!fits) {
      throw new FieldRuleError(
        'ADVISER_INVALID',
        'adviserId',
        'must be an active adviser of the owning organisation or the staffing firm',
      );
    }
    return adviserId;
  }

  private async removePendingJobs(candidateId: string): Promise<void> {
    const pending = await this.eventsQueue.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children']);
    const removed = pending.filter(
      (job) => (job.data as { candidateId?: string } | undefined)?.candidateId === candidateId,
    );
    await Promise.all(removed.map((job) => job.remove()));
    if (removed.length > 0)
      this.logger.log({ candidateId, removed: removed.length }, 'Removed pending jobs of an erased candidate');
  }

  private async changed(id: string): Promise<void> {
    await this.events.emit(JobName.CandidateChanged, { candidateId: id });
  }

  private record(actor: AuthenticatedUser, action: AuditAction, id: string, purpose: string, manager?: EntityManager) {
    return this.audit.record({ actor, action, subjectType: SUBJECT, subjectId: id, purpose }, manager);
  }

  /** The audit row of an update, for the update's own statement (CandidatesRepository.updateVersioned). */
  private audited(actor: AuthenticatedUser, id: string, purpose: string) {
    return (written: string, param: (value: unknown) => string) =>
      this.audit.insertWhere({ actor, action: 'update', subjectType: SUBJECT, subjectId: id, purpose }, written, param);
  }

  private recordMany(actor: AuthenticatedUser, action: AuditAction, rows: CandidateRow[], purpose: string) {
    return this.audit.recordMany(
      rows.map((row) => ({ actor, action, subjectType: SUBJECT, subjectId: row.id, purpose })),
    );
  }

  private commonFilters(query: { adviserId?: string; unitId?: string }, sql: SqlParams, where: string[]): void {
    if (query.adviserId) where.push(`c.adviser_id = ${sql.p(query.adviserId)}`);
    if (query.unitId) {
      where.push(`c.adviser_id IN (SELECT u.id FROM users u WHERE u.unit_id = ${sql.p(query.unitId)})`);
    }
  }

  /** Today in the Netherlands (a WW end date is a Dutch calendar date). */
  private today(): string {
    return DUTCH_DAY.format(this.clock.now());
  }

  private maxWwWindow(): { today: string; maxWwUntil: string } {
    const today = this.today();
    return { today, maxWwUntil: addMonths(today, this.config.get('candidates', { infer: true }).maxWwMonths) };
  }

  private isMaxWw(wwEndDate: string | null): boolean {
    return isMaxWw(wwEndDate, this.today(), this.config.get('candidates', { infer: true }).maxWwMonths);
  }

  /** As the engine's WW_ENDED: the end date lies before today (the last day of WW still counts). */
  private wwEnded(row: Pick<CandidateRow, 'pool' | 'wwEndDate'>): boolean {
    return row.pool === 'WW' && row.wwEndDate !== null && row.wwEndDate < this.today();
  }

  private targetGroup(row: Parameters<typeof targetGroupOf>[0]): TargetGroup | null {
    return targetGroupOf(row, this.today(), this.config.get('candidates', { infer: true }).maxWwMonths);
  }

  private listItem(row: CandidateRow): CandidateListItem {
    return {
      id: row.id,
      pool: row.pool,
      sourceReference: row.sourceReference,
      personId: row.personId,
      name: row.name,
      pc4: row.pc4,
      municipality: (row.pc4 && this.places.place(row.pc4)?.municipality) ?? null,
      wwEndDate: row.wwEndDate,
      maxWw: row.pool === 'WW' && this.isMaxWw(row.wwEndDate),
      wwEnded: this.wwEnded(row),
      classification: row.classification,
      targetGroup: this.targetGroup(row),
      jobready: row.jobready,
      status: row.status,
      adviserId: row.adviserId,
      lastContactAt: row.lastContactAt?.toISOString() ?? null,
      version: row.version,
    };
  }

  private async view(row: CandidateRow, withNotes: boolean): Promise<CandidateView> {
    const place = row.pc4 ? this.places.place(row.pc4) : undefined;
    const notes = withNotes ? await this.repository.notes(row.id, NOTES_SHOWN) : [];
    const colleagues = await this.users.namesOf([
      ...(row.jobreadyAssessedBy ? [row.jobreadyAssessedBy] : []),
      ...notes.map((note) => note.authorId),
    ]);
    return {
      ...this.listItem(row),
      bsn: row.bsnCiphertext ? maskBsn(this.cipher.decrypt(row.bsnCiphertext)) : null,
      phone: row.phone,
      email: row.email,
      postcode: row.postcode,
      region: place?.region ?? null,
      dateOfBirth: row.dateOfBirth,
      doelgroepregister: row.doelgroepregister,
      wajong: row.wajong,
      jobreadyAssessment: {
        assessedAt: row.jobreadyAssessedAt?.toISOString() ?? null,
        assessedBy: row.jobreadyAssessedBy,
        assessedByName: (row.jobreadyAssessedBy && colleagues.get(row.jobreadyAssessedBy)?.name) ?? null,
        checklist: row.jobreadyChecklist,
      },
      workExperience: row.workExperience,
      skillUris: row.skillUris,
      educationLevel: row.educationLevel,
      certificates: row.certificates,
      drivingLicences: row.drivingLicences,
      dutchLevel: row.dutchLevel,
      hoursMin: row.hoursMin,
      hoursMax: row.hoursMax,
      transport: row.transport,
      maxTravelKm: row.maxTravelKm,
      availableFrom: row.availableFrom,
      wishedOccupationUris: row.wishedOccupationUris,
      acceptsBroodbaan: row.acceptsBroodbaan,
      consentOrganisations: row.consentOrganisations,
      erased: row.erasedAt !== null,
      notes: notes.map((note) => noteView(note, colleagues)),
    };
  }
}

/** The SQL form of targetGroupOf (target-group.ts): the two are read and changed together. */
function targetGroupSql(group: TargetGroup, sql: SqlParams, today: string, maxWwUntil: string): string {
  // A parameter is bound only where it is used (PostgreSQL cannot type an unused one).
  const maxWw = () => `coalesce(c.ww_end_date BETWEEN ${sql.p(today)}::date AND ${sql.p(maxWwUntil)}::date, false)`;
  switch (group) {
    case 'WAJONG':
      return `(c.pool = 'WW' AND c.wajong)`;
    case 'MAX WW':
      return `(c.pool = 'WW' AND NOT c.wajong AND ${maxWw()})`;
    case 'WW':
      return `(c.pool = 'WW' AND NOT c.wajong AND NOT ${maxWw()})`;
    case 'SDD 80-100':
      return `(c.pool = 'BIJSTAND' AND c.classification = '80-100')`;
    case 'SDD 50-80':
      return `(c.pool = 'BIJSTAND' AND c.classification = '50-80')`;
  }
}

function erasedView(row: CandidateRow): ErasedCandidateView {
  return { id: row.id, status: row.status, erasedAt: row.erasedAt!.toISOString() };
}

function assertHours(hoursMin: number, hoursMax: number): void {
  if (hoursMin > hoursMax) {
    throw new FieldRuleError('HOURS_RANGE_INVALID', 'hoursMax', 'must be at least hoursMin');
  }
}

function noteView(note: NoteRow, colleagues: Map<string, { name: string }>): NoteView {
  return {
    id: note.id,
    authorId: note.authorId,
    authorName: colleagues.get(note.authorId)?.name ?? null,
    notedAt: note.notedAt.toISOString(),
    text: note.text,
  };
}

function consentView(consent: ConsentRow): ConsentView {
  return {
    ...consent,
    recordedAt: consent.recordedAt.toISOString(),
    withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    active: consent.withdrawnAt === null,
  };
}
