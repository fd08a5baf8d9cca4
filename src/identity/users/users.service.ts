import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { FieldRuleError, NotFoundError, StaleVersionError } from '@platform/errors/domain-error';
import { Page } from '@platform/http/pagination';
import { AuditService } from '@identity/audit/audit.service';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { PasswordHasher } from '@identity/auth/password-hasher';
import { RefreshTokensService } from '@identity/auth/refresh-tokens.service';
import { EmailTakenError } from '@identity/identity.errors';
import { Organisation, Role } from '@identity/organisation';
import { UnitEntity } from '@identity/units/unit.entity';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  organisation: Organisation;
  unitId: string;
  roles: Role[];
  password: string;
}

/** Owns the users table. Every read of a user's profile by someone is audited. */
export type SignedInFacts = Pick<
  UserEntity,
  'id' | 'email' | 'organisation' | 'unitId' | 'roles' | 'active' | 'tokenVersion'
> & { sessionLive: boolean; underStatement: boolean };

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthenticatedUser | null, input: CreateUserDto | NewUser): Promise<UserEntity> {
    await this.assertUnitExists(input.unitId);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      let saved: UserEntity;
      try {
        saved = await repository.save(
          repository.create({
            email: input.email.trim().toLowerCase(),
            name: input.name,
            organisation: input.organisation,
            unitId: input.unitId,
            roles: [...new Set(input.roles)],
            active: true,
            passwordHash,
          }),
        );
      } catch (error) {
        throw isUniqueViolation(error) ? new EmailTakenError() : error;
      }
      await this.audit.record(
        { actor, action: 'create', subjectType: 'user', subjectId: saved.id, purpose: 'user administration' },
        manager,
      );
      return saved;
    });
  }

  /**
   * The first administrator and their unit, in one transaction, only while there is no user at all: the
   * table lock makes two set-up requests at once end with one administrator, the other gets `false`.
   */
  async createFirstAdministrator(
    input: Omit<NewUser, 'unitId' | 'roles'> & { unitName: string },
  ): Promise<UserEntity | null> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if (await manager.getRepository(UserEntity).exists()) return null;
      const units = manager.getRepository(UnitEntity);
      const unit =
        (await units
          .createQueryBuilder('unit')
          .where('lower(unit.name) = lower(:name)', { name: input.unitName })
          .getOne()) ?? (await units.save(units.create({ name: input.unitName, focus: '' })));
      const repository = manager.getRepository(UserEntity);
      const saved = await repository.save(
        repository.create({
          email: input.email.trim().toLowerCase(),
          name: input.name,
          organisation: input.organisation,
          unitId: unit.id,
          roles: [Role.ADMIN],
          active: true,
          passwordHash,
        }),
      );
      await this.audit.record(
        { actor: null, action: 'create', subjectType: 'user', subjectId: saved.id, purpose: 'first-run set-up' },
        manager,
      );
      return saved;
    });
  }

  /** True once any user exists: the first-run set-up is then over for good. */
  anyExists(): Promise<boolean> {
    return this.users.exists();
  }

  async list(actor: AuthenticatedUser, query: UserListQuery): Promise<Page<UserEntity>> {
    const builder = this.users.createQueryBuilder('user');
    if (query.organisation) builder.andWhere('user.organisation = :organisation', { organisation: query.organisation });
    if (query.unitId) builder.andWhere('user.unit_id = :unitId', { unitId: query.unitId });
    if (query.role) builder.andWhere(':role = ANY(user.roles)', { role: query.role });
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    if (query.q) {
      builder.andWhere('(user.name ILIKE :q OR user.email ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    const [items, total] = await builder
      .orderBy('lower(user.name)', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    await this.audit.recordMany(
      items.map((user) => ({
        actor,
        action: 'list' as const,
        subjectType: 'user',
        subjectId: user.id,
        purpose: 'user administration',
      })),
    );
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** A user's profile, read by `actor` for `purpose` (audited). */
  async read(actor: AuthenticatedUser, id: string, purpose: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', 'USER_NOT_FOUND');
    await this.audit.record({ actor, action: 'read', subjectType: 'user', subjectId: id, purpose });
    return user;
  }

  async update(actor: AuthenticatedUser, id: string, input: UpdateUserDto): Promise<UserEntity> {
    if (input.unitId) await this.assertUnitExists(input.unitId);
    return this.dataSource.transaction(async (manager) => {
      const changes: Record<string, unknown> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.organisation !== undefined) changes.organisation = input.organisation;
      if (input.unitId !== undefined) changes.unit_id = input.unitId;
      if (input.roles !== undefined) changes.roles = [...new Set(input.roles)];
      if (input.active !== undefined) changes.active = input.active;
      // Fewer rights or no access at all must take effect at once, also for tokens already out there.
      const revokesAccess = input.active === false || input.roles !== undefined || input.organisation !== undefined;
      const assignments = Object.keys(changes).map((column, index) => `${column} = $${index + 3}`);
      if (revokesAccess) assignments.push('token_version = token_version + 1');
      assignments.push('version = version + 1', 'updated_at = now()');
      const result: [unknown[], number] = await manager.query(
        `UPDATE users SET ${assignments.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
        [id, input.version, ...Object.values(changes)],
      );
      if (result[1] === 0) {
        const exists = await manager.getRepository(UserEntity).existsBy({ id });
        throw exists ? new StaleVersionError('User') : new NotFoundError('User', 'USER_NOT_FOUND');
      }
      if (revokesAccess) await this.refreshTokens.revokeAllFor(id, manager);
      await this.audit.record(
        { actor, action: 'update', subjectType: 'user', subjectId: id, purpose: 'user administration' },
        manager,
      );
      return manager.getRepository(UserEntity).findOneByOrFail({ id });
    });
  }

  /** Sets a new password; every session of the user ends. */
  async resetPassword(actor: AuthenticatedUser | null, id: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ passwordHash, tokenVersion: () => 'token_version + 1', version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      if ((result.affected ?? 0) === 0) throw new NotFoundError('User', 'USER_NOT_FOUND');
      await this.refreshTokens.revokeAllFor(id, manager);
      await this.audit.record(
        { actor, action: 'update', subjectType: 'user', subjectId: id, purpose: 'password reset' },
        manager,
      );
    });
  }

  /** For login only: the user with the password hash, by e-mail address. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  /** For the auth guard: the current state of a user, unaudited (no personal data leaves the service). */
  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * What every signed-in request checks of its user, in plain SQL: this runs once per API request,
   * where TypeORM's query building and entity mapping cost more than the query. Whether the token's
   * session is live is read in the same statement (one round trip for the guard instead of two): one of
   * its refresh tokens (the current one; rotation swaps them in one transaction) is neither revoked nor
   * expired at `at`. So is whether the user works under an active confidentiality statement (the
   * ranked list then reads which WW clients it covers; without one it reads nothing).
   */
  async signedInFacts(id: string, session: { sessionId: string; at: Date }): Promise<SignedInFacts | null> {
    const [row] = await this.users.query<SignedInFacts[]>(
      `SELECT u.id, u.email, u.organisation, u.unit_id AS "unitId", u.roles, u.active, u.token_version AS "tokenVersion",
              EXISTS (SELECT 1 FROM refresh_tokens t
                       WHERE t.session_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > $3)
                AS "sessionLive",
              EXISTS (SELECT 1 FROM confidentiality_statements s WHERE s.user_id = u.id AND s.revoked_at IS NULL)
                AS "underStatement"
         FROM users u WHERE u.id = $1`,
      [id, session.sessionId, session.at],
    );
    return row ?? null;
  }

  /**
   * Display name and organisation of colleagues, for reports that name who set a target or made a
   * proposal (staff, not clients: no audit entry); ids not found are left out.
   */
  async namesOf(ids: readonly string[]): Promise<Map<string, { name: string; organisation: Organisation }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({
      select: { id: true, name: true, organisation: true },
      where: { id: In([...new Set(ids)]) },
    });
    return new Map(rows.map((row) => [row.id, { name: row.name, organisation: row.organisation }]));
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  private async assertUnitExists(unitId: string): Promise<void> {
    const exists = await this.dataSource.getRepository(UnitEntity).existsBy({ id: unitId });
    if (!exists) throw new FieldRuleError('UNIT_UNKNOWN', 'unitId', 'is not an existing unit');
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
