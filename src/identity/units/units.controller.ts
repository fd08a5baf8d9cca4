import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { CreateUnitDto, UnitDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@Controller('api/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [UnitDto] })
  async list(): Promise<UnitDto[]> {
    return (await this.units.list()).map((unit) => UnitDto.of(unit));
  }

  @Get(':id')
  @AnyRole()
  @ApiOkResponse({ type: UnitDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UnitDto> {
    return UnitDto.of(await this.units.get(id));
  }

  @Post()
  @Roles(Role.ADMIN)
  @ApiCreatedResponse({ type: UnitDto })
  @ApiConflictResponse({ description: 'UNIT_NAME_TAKEN' })
  async create(@Body() body: CreateUnitDto): Promise<UnitDto> {
    return UnitDto.of(await this.units.create(body));
  }

  @Patch(':id')
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: UnitDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUnitDto): Promise<UnitDto> {
    return UnitDto.of(await this.units.update(id, body));
  }

  @Delete(':id')
  @Roles(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'UNIT_IN_USE: the unit still has users' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.units.remove(id);
  }
}
