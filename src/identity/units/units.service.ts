import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '@platform/database/unique-violation';
import { NotFoundError } from '@platform/errors/domain-error';
import { UnitInUseError, UnitNameTakenError } from '@identity/identity.errors';
import { UserEntity } from '@identity/users/user.entity';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitEntity } from './unit.entity';

@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  list(): Promise<UnitEntity[]> {
    return this.units.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<UnitEntity> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw new NotFoundError('Unit', 'UNIT_NOT_FOUND');
    return unit;
  }

  async findByName(name: string): Promise<UnitEntity | null> {
    return this.units.createQueryBuilder('unit').where('lower(unit.name) = lower(:name)', { name }).getOne();
  }

  async create(input: CreateUnitDto): Promise<UnitEntity> {
    try {
      return await this.units.save(this.units.create({ name: input.name, focus: input.focus ?? '' }));
    } catch (error) {
      throw isUniqueViolation(error) ? new UnitNameTakenError() : error;
    }
  }

  async update(id: string, input: UpdateUnitDto): Promise<UnitEntity> {
    const unit = await this.get(id);
    if (input.name !== undefined) unit.name = input.name;
    if (input.focus !== undefined) unit.focus = input.focus;
    try {
      return await this.units.save(unit);
    } catch (error) {
      throw isUniqueViolation(error) ? new UnitNameTakenError() : error;
    }
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    if (await this.users.existsBy({ unitId: id })) throw new UnitInUseError();
    await this.units.delete({ id });
  }
}
