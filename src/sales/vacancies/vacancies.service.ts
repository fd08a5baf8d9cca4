import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VacancyProfile, VacancyStatus } from '@matching/profiles';
import { Clock } from '@platform/clock/clock';
import {
  FieldRuleError,
  NotFoundError,
  RequestValidationError,
  StaleVersionError,
} from '@platform/errors/domain-error';
import { Page } from '@platform/http/pagination';
import { DomainEvents } from '@platform/queue/domain-events';
import { JobName } from '@platform/queue/queue-names';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { PolicyService } from '@identity/policy/policy.service';
import { readsOpenVacanciesOnly } from '@sales/sales-policy';
import { EmployerArchivedError } from '@sales/employers/employers.errors';
import { EmployersService } from '@sales/employers/employers.service';
import { ResolvedPlace } from '@sales/places/places.service';
import { daysOpen } from './days-open';
import {
  CreateVacancyDto,
  OpenVacanciesQuery,
  OpenVacancyDto,
  UpdateVacancyDto,
  VacancyDto,
  VacancyListQuery,
} from './dto/vacancy.dto';
import { VacancyEntity } from './vacancy.entity';
import { VacancyReferences } from './vacancy-references';
import { canTransition, isFinal, openedAtAfter } from './vacancy-status';
import { crossFieldErrors, Instrument, sroiErrors } from './vacancy-terms';
import { VacancyClosedError, VacancyTransitionInvalidError } from './vacancies.errors';

/** Entity property → column, for the versioned UPDATE of the fields an edit may change. */
const COLUMNS = {
  unitId: 'unit_id',
  title: 'title',
  occupationUri: 'occupation_uri',
  occupationConfirmed: 'occupation_confirmed',
  description: 'description',
  drivingLicences: 'driving_licences',
  certificates: 'certificates',
  minDutchLevel: 'min_dutch_level',
  minEducationLevel: 'min_education_level',
  requiredSkillUris: 'required_skill_uris',
  preferredSkillUris: 'preferred_skill_uris',
  experienceYearsWish: 'experience_years_wish',
  hoursMin: 'hours_min',
  hoursMax: 'hours_max',
  shifts: 'shifts',
  postcode: 'postcode',
  pc4: 'pc4',
  municipalityCode: 'municipality_code',
  municipality: 'municipality',
  regionCode: 'region_code',
  region: 'region',
  maxTravelKm: 'max_travel_km',
  startDate: 'start_date',
  positions: 'positions',
  positionsLeft: 'positions_left',
  contractType: 'contract_type',
  contractMonths: 'contract_months',
  openToReducedWageValue: 'open_to_reduced_wage_value',
  instruments: 'instruments',
  sroi: 'sroi',
  sroiTenderReference: 'sroi_tender_reference',
  status: 'status',
  openedAt: 'opened_at',
} as const satisfies Partial<Record<keyof VacancyEntity, string>>;

type VacancyChanges = Partial<Pick<VacancyEntity, keyof typeof COLUMNS>>;

const dedupe = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Owns vacancies: the profile salesmanagers enter, its status, and the matching profile. Emits
 * vacancy.changed after the commit whenever what matching reads of a vacancy changed.
 */
@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
    private readonly references: VacancyReferences,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
  ) {}

  async create(actor: AuthenticatedUser | null, input: CreateVacancyDto): Promise<VacancyDto> {
    const unitId = input.unitId ?? actor?.unitId;
    if (!unitId) throw new FieldRuleError('UNIT_UNKNOWN', 'unitId', 'is required');
    if (actor) this.policy.assert(actor, 'create', { type: 'vacancy', unitId });
    const fieldErrors = crossFieldErrors({
      hoursMin: input.hoursMin,
      hoursMax: input.hoursMax,
      contractType: input.contractType,
      contractMonths: input.contractMonths ?? null,
      positions: input.positions,
      positionsLeft: input.positions,
    });
    Object.assign(
      fieldErrors,
      sroiErrors({ sroi: input.sroi ?? false, sroiTenderReference: input.sroiTenderReference ?? null }),
    );
    if (Object.keys(fieldErrors).length > 0) throw new RequestValidationError(fieldErrors);
    const employer = await this.employerFor(input.employerId);
    const place = await this.references.workplace(input.workplacePostcode);
    await this.references.assertCertificates(input.certificates ?? []);
    // Without an occupation, the search's best match for the title is stored as a suggestion to confirm.
    const occupationUri = input.occupationUri ?? this.references.suggestOccupations(input.title, 1)[0]?.uri ?? null;

    const repository = this.dataSource.getRepository(VacancyEntity);
    const saved = await repository.save(
      repository.create({
        employerId: employer.id,
        unitId,
        title: input.title,
        occupationUri,
        occupationConfirmed: Boolean(input.occupationUri),
        description: input.description ?? '',
        drivingLicences: dedupe(input.drivingLicences ?? []),
        certificates: dedupe(input.certificates ?? []),
        minDutchLevel: input.minDutchLevel ?? null,
        minEducationLevel: input.minEducationLevel ?? null,
        requiredSkillUris: dedupe(input.requiredSkillUris ?? []),
        preferredSkillUris: dedupe(input.preferredSkillUris ?? []),
        experienceYearsWish: input.experienceYearsWish ?? null,
        hoursMin: input.hoursMin,
        hoursMax: input.hoursMax,
        shifts: dedupe(input.shifts ?? []),
        ...workplaceColumns(place),
        maxTravelKm: input.maxTravelKm ?? null,
        startDate: input.startDate,
        positions: input.positions,
        positionsLeft: input.positions,
        contractType: input.contractType,
        contractMonths: input.contractMonths ?? null,
        openToReducedWageValue: input.openToReducedWageValue ?? false,
        instruments: dedupe(input.instruments ?? []),
        sroi: input.sroi ?? false,
        sroiTenderReference: input.sroiTenderReference ?? null,
        status: 'DRAFT',
        openedAt: null,
        createdBy: actor?.id ?? null,
      }),
    );
    // No event: a new vacancy is a DRAFT, which matching does not read; opening it emits.
    return this.get(actor, saved.id);
  }

  async get(actor: AuthenticatedUser | null, id: string): Promise<VacancyDto> {
    const vacancy = await this.load(id);
    if (actor)
      this.policy.assert(actor, 'read', { type: 'vacancy', id, unitId: vacancy.unitId, status: vacancy.status });
    return toDto(vacancy);
  }

  async update(actor: AuthenticatedUser | null, id: string, input: UpdateVacancyDto): Promise<VacancyDto> {
    const current = await this.load(id);
    this.assertEditable(actor, current, input.unitId);
    const changes: VacancyChanges = {};
    const set = <K extends keyof VacancyChanges>(key: K, value: VacancyChanges[K] | undefined): void => {
      if (value !== undefined) changes[key] = value;
    };
    set('unitId', input.unitId);
    set('title', input.title);
    set('description', input.description);
    set('drivingLicences', input.drivingLicences && dedupe(input.drivingLicences));
    set('certificates', input.certificates && dedupe(input.certificates));
    set('minDutchLevel', input.minDutchLevel);
    set('minEducationLevel', input.minEducationLevel);
    set('requiredSkillUris', input.requiredSkillUris && dedupe(input.requiredSkillUris));
    set('preferredSkillUris', input.preferredSkillUris && dedupe(input.preferredSkillUris));
    set('experienceYearsWish', input.experienceYearsWish);
    set('hoursMin', input.hoursMin);
    set('hoursMax', input.hoursMax);
    set('shifts', input.shifts && dedupe(input.shifts));
    set('maxTravelKm', input.maxTravelKm);
    set('startDate', input.startDate);
    set('contractType', input.contractType);
    set('contractMonths', input.contractMonths);
    set('openToReducedWageValue', input.openToReducedWageValue);
    set('instruments', input.instruments && dedupe(input.instruments));
    set('sroi', input.sroi);
    set('sroiTenderReference', input.sroiTenderReference);
    // A vacancy that stops being SROI drops its tender, unless the edit names one (then it is refused).
    if (input.sroi === false && input.sroiTenderReference === undefined) changes.sroiTenderReference = null;
    this.applyOccupation(current, input, changes);
    this.applyPositions(current, input, changes);
    // A contract that stops being fixed-term drops its months, unless the edit names them (then it is refused).
    if (input.contractType && input.contractType !== 'FIXED_TERM' && input.contractMonths === undefined) {
      changes.contractMonths = null;
    }

    const after = { ...current, ...changes };
    const fieldErrors = { ...crossFieldErrors(after), ...sroiErrors(after) };
    if (Object.keys(fieldErrors).length > 0) throw new RequestValidationError(fieldErrors);
    if (input.certificates) await this.references.assertCertificates(input.certificates, current.certificates);
    if (input.workplacePostcode)
      Object.assign(changes, workplaceColumns(await this.references.workplace(input.workplacePostcode)));

    await this.updateVersioned(id, input.version, changes);
    return this.afterChange(id, current);
  }

  async changeStatus(
    actor: AuthenticatedUser | null,
    id: string,
    to: VacancyStatus,
    version: number,
  ): Promise<VacancyDto> {
    const current = await this.load(id);
    this.assertEditable(actor, current);
    if (!canTransition(current.status, to)) throw new VacancyTransitionInvalidError(current.status, to);
    await this.updateVersioned(id, version, {
      status: to,
      openedAt: openedAtAfter(current.openedAt, to, this.clock.now()),
    });
    return this.afterChange(id, current);
  }

  /**
   * Filters for the lists salesmanagers and matchers work from; newest first. An adviser sees only the
   * OPEN vacancies (asking for another status finds none).
   */
  async list(query: VacancyListQuery, actor?: AuthenticatedUser): Promise<Page<VacancyDto>> {
    const builder = this.filtered(query);
    if (actor && readsOpenVacanciesOnly(actor)) builder.andWhere("vacancy.status = 'OPEN'");
    if (query.status) builder.andWhere('vacancy.status = :status', { status: query.status });
    if (query.employerId) builder.andWhere('vacancy.employer_id = :employerId', { employerId: query.employerId });
    const [items, total] = await builder
      .orderBy('vacancy.created_at', 'DESC')
      .addOrderBy('vacancy.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: items.map(toDto), total, limit: query.limit, offset: query.offset };
  }

  /** The filters the list and the stand-up list share: unit, occupation, region and words. */
  private filtered(query: Pick<VacancyListQuery, 'unitId' | 'occupationUri' | 'regionCode' | 'q'>) {
    const builder = this.dataSource
      .getRepository(VacancyEntity)
      .createQueryBuilder('vacancy')
      .innerJoinAndSelect('vacancy.employer', 'employer');
    if (query.unitId) builder.andWhere('vacancy.unit_id = :unitId', { unitId: query.unitId });
    if (query.occupationUri) builder.andWhere('vacancy.occupation_uri = :uri', { uri: query.occupationUri });
    if (query.regionCode) builder.andWhere('vacancy.region_code = :region', { region: query.regionCode });
    // Every word must occur in the title, the description or the employer's name.
    (query.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word, index) => {
        builder.andWhere(
          `(vacancy.title ILIKE :w${index} OR vacancy.description ILIKE :w${index} OR employer.name ILIKE :w${index})`,
          { [`w${index}`]: `%${escapeLike(word)}%` },
        );
      });
    return builder;
  }

  /** The stand-up list: a unit's OPEN vacancies, newest first, with days open and positions left. */
  async openForUnit(
    unitId: string,
    filters: Pick<OpenVacanciesQuery, 'occupationUri' | 'regionCode' | 'q'> = {},
  ): Promise<OpenVacancyDto[]> {
    const vacancies = await this.filtered({ ...filters, unitId })
      .andWhere("vacancy.status = 'OPEN'")
      .orderBy('vacancy.opened_at', 'DESC')
      .addOrderBy('vacancy.id', 'ASC')
      .getMany();
    const now = this.clock.now();
    return vacancies.map((vacancy) => ({
      id: vacancy.id,
      title: vacancy.title,
      employer: { id: vacancy.employerId, name: vacancy.employer?.name ?? '' },
      occupationUri: vacancy.occupationUri,
      municipality: vacancy.municipality,
      regionCode: vacancy.regionCode,
      region: vacancy.region,
      hoursMin: vacancy.hoursMin,
      hoursMax: vacancy.hoursMax,
      openedAt: vacancy.openedAt!,
      daysOpen: daysOpen(vacancy.openedAt!, now),
      positions: vacancy.positions,
      positionsLeft: vacancy.positionsLeft,
    }));
  }

  suggestOccupations(title: string, limit = 5) {
    return this.references.suggestOccupations(title, limit);
  }

  /** What matching reads of one vacancy. */
  async profile(id: string): Promise<VacancyProfile> {
    return toProfile(await this.load(id));
  }

  /** What matching reads of every OPEN vacancy. */
  async openProfiles(): Promise<VacancyProfile[]> {
    const open = await this.dataSource
      .getRepository(VacancyEntity)
      .find({ where: { status: 'OPEN' }, order: { id: 'ASC' } });
    return open.map(toProfile);
  }

  /** What the matches endpoint needs: the profile plus unit (own-unit rule), title and employer. */
  /**
   * One vacancy as matching reads it, on every ranked list: plain SQL for the columns the profile uses
   * (TypeORM's relation loading and entity building cost more than the query itself here).
   */
  async matchingView(id: string): Promise<VacancyMatchingView | null> {
    const [row] = await this.dataSource.query<MatchingViewRow[]>(
      `SELECT v.id, v.status, v.occupation_uri AS "occupationUri", v.required_skill_uris AS "requiredSkillUris",
              v.preferred_skill_uris AS "preferredSkillUris", v.driving_licences AS "drivingLicences",
              v.certificates, v.min_dutch_level AS "minDutchLevel", v.min_education_level AS "minEducationLevel",
              v.hours_min AS "hoursMin", v.hours_max AS "hoursMax", v.pc4, v.max_travel_km AS "maxTravelKm",
              v.start_date::text AS "startDate", v.open_to_reduced_wage_value AS "openToReducedWageValue",
              v.experience_years_wish AS "experienceYearsWish", v.unit_id AS "unitId", v.title,
              e.name AS "employerName"
         FROM vacancies v LEFT JOIN employers e ON e.id = v.employer_id
        WHERE v.id = $1`,
      [id],
    );
    if (!row) return null;
    const { unitId, title, employerName, ...profile } = row;
    return { profile, unitId, title, employerName: employerName ?? '' };
  }

  async openMatchingViews(): Promise<VacancyMatchingView[]> {
    const open = await this.dataSource
      .getRepository(VacancyEntity)
      .find({ where: { status: 'OPEN' }, relations: { employer: true }, order: { id: 'ASC' } });
    return open.map(toMatchingView);
  }

  /** What a placement checks: status, positions left, the accepted instruments, the unit (in its transaction). */
  async placementFacts(
    id: string,
    manager?: EntityManager,
  ): Promise<{ id: string; status: VacancyStatus; unitId: string; positionsLeft: number; instruments: Instrument[] }> {
    const vacancy = await (manager ?? this.dataSource.manager).getRepository(VacancyEntity).findOneBy({ id });
    if (!vacancy) throw new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    return {
      id: vacancy.id,
      status: vacancy.status,
      unitId: vacancy.unitId,
      positionsLeft: vacancy.positionsLeft,
      instruments: [...vacancy.instruments],
    };
  }

  /**
   * A placement takes one position, in the placement's transaction; the last one makes the vacancy
   * FILLED. The guarded UPDATE is the check: concurrent placements queue on the row, and each one
   * after the first re-reads it, so no more placements than positions succeed and only an OPEN
   * vacancy takes one. When nothing changed the answer says why (not OPEN, or OPEN with no position
   * left). The caller emits vacancy.changed after commit.
   */
  async takePosition(id: string, manager: EntityManager): Promise<PositionTaken> {
    // TypeORM's query() answers an UPDATE … RETURNING with [rows, affected count], not the rows.
    const [rows]: [Array<{ positionsLeft: number; status: VacancyStatus }>, number] = await manager.query(
      `UPDATE vacancies
       SET positions_left = positions_left - 1,
           status = CASE WHEN positions_left = 1 THEN 'FILLED' ELSE status END,
           version = version + 1, updated_at = now()
       WHERE id = $1 AND status = 'OPEN' AND positions_left > 0
       RETURNING positions_left AS "positionsLeft", status`,
      [id],
    );
    if (rows[0]) return { taken: true, ...rows[0] };
    const current = await this.placementFacts(id, manager);
    return { taken: false, positionsLeft: current.positionsLeft, status: current.status };
  }

  /**
   * A placement ended before it proved lasting: its position is the employer's need again, in the
   * ending's transaction. A vacancy the placements filled (FILLED with no position left) opens again;
   * an OPEN or ON_HOLD one gets the position back and keeps its status. A CLOSED vacancy is over, and
   * one set FILLED by hand while positions were left was declared done by the employer: both stay as
   * they are. Never more positions left than positions. True when the vacancy changed; the caller
   * emits vacancy.changed after commit.
   */
  async returnPosition(id: string, manager: EntityManager): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE vacancies
       SET positions_left = positions_left + 1,
           status = CASE WHEN status = 'FILLED' THEN 'OPEN' ELSE status END,
           version = version + 1, updated_at = now()
       WHERE id = $1 AND positions_left < positions
         AND (status IN ('OPEN', 'ON_HOLD') OR (status = 'FILLED' AND positions_left = 0))`,
      [id],
    );
    return changed > 0;
  }

  /**
   * For demo data moved back in time: the vacancy as if entered and first opened at `openedAt` (or
   * earlier, if it was already), so its days open fit the proposals made on it. Only ever earlier.
   */
  async backdateForDemo(id: string, openedAt: Date, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE vacancies SET opened_at = least(opened_at, $2), created_at = least(created_at, $2 - interval '2 days')
       WHERE id = $1 AND opened_at IS NOT NULL`,
      [id, openedAt],
    );
  }

  /** For the demo seeder: a vacancy of this employer with this title, if any. */
  async findByEmployerAndTitle(employerId: string, title: string): Promise<VacancyDto | null> {
    const vacancy = await this.dataSource
      .getRepository(VacancyEntity)
      .findOne({ where: { employerId, title }, relations: { employer: true } });
    return vacancy ? toDto(vacancy) : null;
  }

  private async load(id: string): Promise<VacancyEntity> {
    const vacancy = await this.dataSource
      .getRepository(VacancyEntity)
      .findOne({ where: { id }, relations: { employer: true } });
    if (!vacancy) throw new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    return vacancy;
  }

  private assertEditable(actor: AuthenticatedUser | null, vacancy: VacancyEntity, newUnitId?: string): void {
    if (actor) {
      this.policy.assert(actor, 'update', { type: 'vacancy', id: vacancy.id, unitId: vacancy.unitId });
      if (newUnitId !== undefined)
        this.policy.assert(actor, 'update', { type: 'vacancy', id: vacancy.id, unitId: newUnitId });
    }
    if (isFinal(vacancy.status)) throw new VacancyClosedError(vacancy.status);
  }

  private async employerFor(employerId: string) {
    try {
      const employer = await this.employers.summary(employerId);
      if (employer.archived) throw new EmployerArchivedError();
      return employer;
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new FieldRuleError('EMPLOYER_UNKNOWN', 'employerId', 'is not an existing employer');
      }
      throw error;
    }
  }

  /**
   * A chosen occupation is confirmed; `occupationConfirmed: true` confirms the suggestion; a new
   * title re-suggests while nobody has confirmed one yet.
   */
  private applyOccupation(current: VacancyEntity, input: UpdateVacancyDto, changes: VacancyChanges): void {
    if (input.occupationUri !== undefined) {
      changes.occupationUri = input.occupationUri;
      changes.occupationConfirmed = input.occupationUri !== null;
      return;
    }
    if (input.occupationConfirmed) {
      if (!current.occupationUri) {
        throw new FieldRuleError('OCCUPATION_MISSING', 'occupationConfirmed', 'there is no occupation to confirm');
      }
      changes.occupationConfirmed = true;
      return;
    }
    if (input.title !== undefined && input.title !== current.title && !current.occupationConfirmed) {
      changes.occupationUri = this.references.suggestOccupations(input.title, 1)[0]?.uri ?? null;
    }
  }

  /** More or fewer positions move the positions left by as much, unless the edit sets them. */
  private applyPositions(current: VacancyEntity, input: UpdateVacancyDto, changes: VacancyChanges): void {
    if (input.positions !== undefined) changes.positions = input.positions;
    if (input.positionsLeft !== undefined) changes.positionsLeft = input.positionsLeft;
    else if (input.positions !== undefined) {
      changes.positionsLeft = Math.max(0, current.positionsLeft + input.positions - current.positions);
    }
  }

  /** `UPDATE … WHERE id AND version`: TypeORM's save() does not check the version (typeorm #2949). */
  private async updateVersioned(id: string, version: number, changes: VacancyChanges): Promise<void> {
    const entries = Object.entries(changes) as Array<[keyof typeof COLUMNS, unknown]>;
    const assignments = entries.map(([key], index) => `${COLUMNS[key]} = $${index + 3}`);
    assignments.push('version = version + 1', 'updated_at = now()');
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE vacancies SET ${assignments.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, ...entries.map(([, value]) => value)],
    );
    if (result[1] === 0) {
      const exists = await this.dataSource.getRepository(VacancyEntity).existsBy({ id });
      throw exists ? new StaleVersionError('Vacancy') : new NotFoundError('Vacancy', 'VACANCY_NOT_FOUND');
    }
  }

  /** After the commit: tell matching when what it reads changed, and answer with the new state. */
  private async afterChange(id: string, before: VacancyEntity): Promise<VacancyDto> {
    const after = await this.load(id);
    // Its unit too: a salesmanager sees the matches of their own unit's vacancies only.
    if (!isDeepStrictEqual(toProfile(before), toProfile(after)) || before.unitId !== after.unitId) {
      await this.events.emit(JobName.VacancyChanged, { vacancyId: id });
    }
    return toDto(after);
  }
}

function workplaceColumns(place: ResolvedPlace): VacancyChanges {
  return {
    postcode: place.postcode,
    pc4: place.pc4,
    municipalityCode: place.municipalityCode,
    municipality: place.municipality,
    regionCode: place.regionCode,
    region: place.region,
  };
}

export function toProfile(vacancy: VacancyEntity): VacancyProfile {
  return {
    id: vacancy.id,
    status: vacancy.status,
    occupationUri: vacancy.occupationUri,
    requiredSkillUris: [...vacancy.requiredSkillUris],
    preferredSkillUris: [...vacancy.preferredSkillUris],
    drivingLicences: [...vacancy.drivingLicences],
    certificates: [...vacancy.certificates],
    minDutchLevel: vacancy.minDutchLevel,
    minEducationLevel: vacancy.minEducationLevel,
    hoursMin: vacancy.hoursMin,
    hoursMax: vacancy.hoursMax,
    pc4: vacancy.pc4,
    maxTravelKm: vacancy.maxTravelKm,
    startDate: vacancy.startDate,
    openToReducedWageValue: vacancy.openToReducedWageValue,
    experienceYearsWish: vacancy.experienceYearsWish,
  };
}

function toDto(vacancy: VacancyEntity): VacancyDto {
  return {
    id: vacancy.id,
    employer: { id: vacancy.employerId, name: vacancy.employer?.name ?? '' },
    unitId: vacancy.unitId,
    title: vacancy.title,
    occupationUri: vacancy.occupationUri,
    occupationConfirmed: vacancy.occupationConfirmed,
    description: vacancy.description,
    drivingLicences: vacancy.drivingLicences,
    certificates: vacancy.certificates,
    minDutchLevel: vacancy.minDutchLevel,
    minEducationLevel: vacancy.minEducationLevel,
    requiredSkillUris: vacancy.requiredSkillUris,
    preferredSkillUris: vacancy.preferredSkillUris,
    experienceYearsWish: vacancy.experienceYearsWish,
    hoursMin: vacancy.hoursMin,
    hoursMax: vacancy.hoursMax,
    shifts: vacancy.shifts,
    workplace: {
      postcode: vacancy.postcode,
      pc4: vacancy.pc4,
      municipality: vacancy.municipality,
      regionCode: vacancy.regionCode,
      region: vacancy.region,
    },
    maxTravelKm: vacancy.maxTravelKm,
    startDate: vacancy.startDate,
    positions: vacancy.positions,
    positionsLeft: vacancy.positionsLeft,
    contractType: vacancy.contractType,
    contractMonths: vacancy.contractMonths,
    openToReducedWageValue: vacancy.openToReducedWageValue,
    instruments: vacancy.instruments,
    sroi: vacancy.sroi,
    sroiTenderReference: vacancy.sroiTenderReference,
    status: vacancy.status,
    openedAt: vacancy.openedAt,
    version: vacancy.version,
    createdAt: vacancy.createdAt,
    updatedAt: vacancy.updatedAt,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** What takePosition did: the position taken, or why not (the vacancy's status and positions left). */
export type PositionTaken =
  | { taken: true; positionsLeft: number; status: VacancyStatus }
  | { taken: false; positionsLeft: number; status: VacancyStatus };

export interface VacancyMatchingView {
  profile: VacancyProfile;
  unitId: string;
  title: string;
  employerName: string;
}

type MatchingViewRow = VacancyProfile & { unitId: string; title: string; employerName: string | null };

function toMatchingView(vacancy: VacancyEntity): VacancyMatchingView {
  return {
    profile: toProfile(vacancy),
    unitId: vacancy.unitId,
    title: vacancy.title,
    employerName: vacancy.employer?.name ?? '',
  };
}
