import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldRuleError, NotFoundError, StaleVersionError } from '@platform/errors/domain-error';
import { Page } from '@platform/http/pagination';
import { AuditRecord, AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { Role } from '@identity/organisation';
import { PolicyService } from '@identity/policy/policy.service';
import { UnitsService } from '@identity/units/units.service';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { UsersService } from '@identity/users/users.service';
import { PlacesService, ResolvedPlace } from '@sales/places/places.service';
import {
  AddressDto,
  ContactPersonInputDto,
  CreateEmployerDto,
  EmployerDto,
  EmployerListQuery,
  EmployerSummaryDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import { EmployerContactEntity, EmployerEntity } from './employer.entity';
import { KvkNumberTakenError } from './employers.errors';

const CONTACT = 'contact-person';
const PURPOSE = 'employer administration';

const SORT_COLUMNS = { name: 'lower(employer.name)', createdAt: 'employer.created_at' } as const;

/** Owns employers and their contact persons. Contact persons are personal data: reads and changes are audited. */
@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
  ) {}

  async create(actor: AuthenticatedUser | null, input: CreateEmployerDto): Promise<EmployerDto> {
    const unitId = input.unitId ?? actor?.unitId;
    if (!unitId) throw new FieldRuleError('UNIT_UNKNOWN', 'unitId', 'is required');
    if (actor) this.policy.assert(actor, 'create', { type: 'employer', unitId });
    await this.assertUnit(unitId);
    await this.assertAccountManager(input.accountManagerId);
    const place = await this.places.resolve(input.address.postcode, 'address.postcode');
    const id = await this.dataSource.transaction(async (manager) => {
      let employer: EmployerEntity;
      try {
        employer = await manager.getRepository(EmployerEntity).save(
          manager.getRepository(EmployerEntity).create({
            name: input.name,
            kvkNumber: input.kvkNumber,
            sector: input.sector,
            ...addressColumns(input.address, place),
            accountManagerId: input.accountManagerId,
            unitId,
            notes: input.notes ?? '',
            archived: false,
          }),
        );
      } catch (error) {
        throw isUniqueViolation(error) ? new KvkNumberTakenError() : error;
      }
      await this.replaceContacts(manager, actor, employer.id, input.contacts ?? []);
      return employer.id;
    });
    return this.read(actor, id, PURPOSE);
  }

  /** One employer with its contact persons; the read of each contact person is audited. */
  async read(actor: AuthenticatedUser | null, id: string, purpose: string): Promise<EmployerDto> {
    const employer = await this.dataSource.getRepository(EmployerEntity).findOne({
      where: { id },
      relations: { contacts: true },
      order: { contacts: { position: 'ASC' } },
    });
    if (!employer) throw new NotFoundError('Employer', 'EMPLOYER_NOT_FOUND');
    if (actor) this.policy.assert(actor, 'read', { type: 'employer', id, unitId: employer.unitId });
    const contacts = employer.contacts ?? [];
    await this.audit.recordMany(
      contacts.map((contact) => ({
        actor,
        action: 'read' as const,
        subjectType: CONTACT,
        subjectId: contact.id,
        purpose,
      })),
    );
    return {
      ...toSummary(employer),
      contacts: contacts.map(({ id: contactId, name, role, phone, email }) => ({
        id: contactId,
        name,
        role,
        phone,
        email,
      })),
    };
  }

  /** The employer without contact persons (no personal data), for other services; 404 when unknown. */
  async summary(id: string): Promise<EmployerSummaryDto> {
    const employer = await this.dataSource.getRepository(EmployerEntity).findOneBy({ id });
    if (!employer) throw new NotFoundError('Employer', 'EMPLOYER_NOT_FOUND');
    return toSummary(employer);
  }

  async findByKvkNumber(kvkNumber: string): Promise<EmployerSummaryDto | null> {
    const employer = await this.dataSource.getRepository(EmployerEntity).findOneBy({ kvkNumber });
    return employer ? toSummary(employer) : null;
  }

  /** Search without contact persons, so no personal data is listed (and nothing to audit). */
  async list(query: EmployerListQuery): Promise<Page<EmployerSummaryDto>> {
    const builder = this.dataSource.getRepository(EmployerEntity).createQueryBuilder('employer');
    builder.where('employer.archived = :archived', { archived: query.archived ?? false });
    if (query.q?.trim()) {
      const q = query.q.trim();
      builder.andWhere('(employer.name ILIKE :pattern OR employer.kvk_number LIKE :prefix)', {
        pattern: `%${escapeLike(q)}%`,
        prefix: `${escapeLike(q)}%`,
      });
    }
    if (query.place?.trim()) {
      const place = query.place.trim();
      builder.andWhere('(employer.municipality ILIKE :place OR employer.pc4 = :pc4 OR employer.city ILIKE :place)', {
        place: `%${escapeLike(place)}%`,
        pc4: place,
      });
    }
    if (query.unitId) builder.andWhere('employer.unit_id = :unitId', { unitId: query.unitId });
    const sort = query.sort ?? 'name';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
    const [items, total] = await builder
      .orderBy(column, descending ? 'DESC' : 'ASC')
      .addOrderBy('employer.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: items.map(toSummary), total, limit: query.limit, offset: query.offset };
  }

  async update(actor: AuthenticatedUser | null, id: string, input: UpdateEmployerDto): Promise<EmployerDto> {
    const current = await this.summary(id);
    if (actor) {
      this.policy.assert(actor, 'update', { type: 'employer', id, unitId: current.unitId });
      if (input.unitId !== undefined)
        this.policy.assert(actor, 'update', { type: 'employer', id, unitId: input.unitId });
    }
    if (input.unitId !== undefined) await this.assertUnit(input.unitId);
    if (input.accountManagerId !== undefined) await this.assertAccountManager(input.accountManagerId);
    const place = input.address ? await this.places.resolve(input.address.postcode, 'address.postcode') : undefined;

    const changes: Record<string, unknown> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.kvkNumber !== undefined) changes.kvk_number = input.kvkNumber;
    if (input.sector !== undefined) changes.sector = input.sector;
    if (input.address && place) {
      const address = addressColumns(input.address, place);
      Object.assign(changes, {
        street: address.street,
        house_number: address.houseNumber,
        postcode: address.postcode,
        pc4: address.pc4,
        municipality_code: address.municipalityCode,
        municipality: address.municipality,
        region_code: address.regionCode,
        region: address.region,
        city: address.city,
      });
    }
    if (input.accountManagerId !== undefined) changes.account_manager_id = input.accountManagerId;
    if (input.unitId !== undefined) changes.unit_id = input.unitId;
    if (input.notes !== undefined) changes.notes = input.notes;

    await this.dataSource.transaction(async (manager) => {
      await this.updateVersioned(manager, id, input.version, changes);
      if (input.contacts !== undefined) await this.replaceContacts(manager, actor, id, input.contacts);
    });
    return this.read(actor, id, PURPOSE);
  }

  async setArchived(actor: AuthenticatedUser | null, id: string, archived: boolean): Promise<EmployerSummaryDto> {
    const current = await this.summary(id);
    if (actor) this.policy.assert(actor, 'update', { type: 'employer', id, unitId: current.unitId });
    await this.dataSource.query(
      'UPDATE employers SET archived = $2, version = version + 1, updated_at = now() WHERE id = $1',
      [id, archived],
    );
    return this.summary(id);
  }

  /** `UPDATE … WHERE id AND version`: TypeORM's save() does not check the version (typeorm #2949). */
  private async updateVersioned(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Record<string, unknown>,
  ): Promise<void> {
    const assignments = Object.keys(changes).map((column, index) => `${column} = $${index + 3}`);
    assignments.push('version = version + 1', 'updated_at = now()');
    let result: [unknown[], number];
    try {
      result = await manager.query(
        `UPDATE employers SET ${assignments.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, ...Object.values(changes)],
      );
    } catch (error) {
      throw isUniqueViolation(error) ? new KvkNumberTakenError() : error;
    }
    if (result[1] === 0) {
      const exists = await manager.getRepository(EmployerEntity).existsBy({ id });
      throw exists ? new StaleVersionError('Employer') : new NotFoundError('Employer', 'EMPLOYER_NOT_FOUND');
    }
  }

  /** Replaces the contact persons; the old ones are audited as deleted, the new ones as created. */
  private async replaceContacts(
    manager: EntityManager,
    actor: AuthenticatedUser | null,
    employerId: string,
    contacts: ContactPersonInputDto[],
  ): Promise<void> {
    const repository = manager.getRepository(EmployerContactEntity);
    const old = await repository.find({ where: { employerId }, select: { id: true } });
    if (old.length > 0) await repository.delete({ employerId });
    const saved =
      contacts.length === 0
        ? []
        : await repository.save(
            contacts.map((contact, position) =>
              repository.create({
                employerId,
                position,
                name: contact.name,
                role: contact.role,
                phone: contact.phone,
                email: contact.email,
              }),
            ),
          );
    const records: AuditRecord[] = [
      ...old.map((contact) => ({
        actor,
        action: 'delete' as const,
        subjectType: CONTACT,
        subjectId: contact.id,
        purpose: PURPOSE,
      })),
      ...saved.map((contact) => ({
        actor,
        action: 'create' as const,
        subjectType: CONTACT,
        subjectId: contact.id,
        purpose: PURPOSE,
      })),
    ];
    await this.audit.recordMany(records, manager);
  }

  private async assertUnit(unitId: string): Promise<void> {
    try {
      await this.units.get(unitId);
    } catch (error) {
      if (error instanceof NotFoundError) throw new FieldRuleError('UNIT_UNKNOWN', 'unitId', 'is not an existing unit');
      throw error;
    }
  }

  private async assertAccountManager(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || !user.active || !user.roles.includes(Role.SALES)) {
      throw new FieldRuleError('ACCOUNT_MANAGER_INVALID', 'accountManagerId', 'must be an active user with role SALES');
    }
  }
}

function addressColumns(address: AddressDto, place: ResolvedPlace) {
  return {
    street: address.street,
    houseNumber: address.houseNumber,
    postcode: place.postcode,
    pc4: place.pc4,
    municipalityCode: place.municipalityCode,
    municipality: place.municipality,
    regionCode: place.regionCode,
    region: place.region,
    city: address.city,
  };
}

function toSummary(employer: EmployerEntity): EmployerSummaryDto {
  return {
    id: employer.id,
    name: employer.name,
    kvkNumber: employer.kvkNumber,
    sector: employer.sector,
    address: {
      street: employer.street,
      houseNumber: employer.houseNumber,
      postcode: employer.postcode,
      city: employer.city,
      pc4: employer.pc4,
      municipalityCode: employer.municipalityCode,
      municipality: employer.municipality,
      regionCode: employer.regionCode,
      region: employer.region,
    },
    accountManagerId: employer.accountManagerId,
    unitId: employer.unitId,
    notes: employer.notes,
    archived: employer.archived,
    version: employer.version,
    createdAt: employer.createdAt,
    updatedAt: employer.updatedAt,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
