import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicyService } from '@identity/policy/policy.service';
import { PlacesModule } from '@sales/places/places.module';
import { salesUnitRule } from '@sales/sales-policy';
import { EmployerContactEntity, EmployerEntity } from './employer.entity';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';

/** Employers and their contact persons; import EmployersModule to use EmployersService. */
@Module({
  imports: [TypeOrmModule.forFeature([EmployerEntity, EmployerContactEntity]), PlacesModule],
  controllers: [EmployersController],
  providers: [EmployersService],
  exports: [EmployersService],
})
export class EmployersModule implements OnModuleInit {
  constructor(private readonly policy: PolicyService) {}

  onModuleInit(): void {
    this.policy.register('employer', salesUnitRule);
  }
}
