import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@platform/config/app-config';
import { AuthenticatedUser } from '@identity/auth/authenticated-user';
import { CurrentUser, Roles } from '@identity/auth/roles.decorator';
import { Role } from '@identity/organisation';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto, UserListQuery, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
@Roles(Role.ADMIN)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  async create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.toDto(await this.users.create(actor, body));
  }

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  async list(@CurrentUser() actor: AuthenticatedUser, @Query() query: UserListQuery): Promise<UserPageDto> {
    const page = await this.users.list(actor, query);
    return { ...page, items: page.items.map((user) => this.toDto(user)) };
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.toDto(await this.users.read(actor, id, 'user administration'));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'STALE_VERSION: someone changed the user since you read it' })
  async update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.toDto(await this.users.update(actor, id, body));
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: UserDto, description: 'The user can no longer sign in; their tokens stop working at once' })
  async deactivate(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    const current = await this.users.read(actor, id, 'user administration');
    return this.toDto(await this.users.update(actor, id, { version: current.version, active: false }));
  }

  @Put(':id/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password set; every session of the user ends' })
  async resetPassword(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await this.users.resetPassword(actor, id, body.password);
  }

  private toDto(user: Parameters<typeof UserDto.of>[0]): UserDto {
    return UserDto.of(user, this.config.get('organisationNames', { infer: true }));
  }
}
