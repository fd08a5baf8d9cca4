import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@platform/config/app-config';
import { IdentityDemoSeeder } from './cli/demo-seeder';
import { AuditController } from './audit/audit.controller';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { resolveJwtSecret } from './auth/jwt-secret';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { RefreshTokensService } from './auth/refresh-tokens.service';
import { RequestRateLimiter } from './auth/request-rate-limiter';
import { ConfidentialityStatementsController } from './confidentiality/confidentiality-statements.controller';
import { ConfidentialityStatementsRepository } from './confidentiality/confidentiality-statements.repository';
import { ConfidentialityStatementsService } from './confidentiality/confidentiality-statements.service';
import { OrganisationsController } from './organisations.controller';
import { PolicyService } from './policy/policy.service';
import { UnitEntity } from './units/unit.entity';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Global: every feature module checks policies and writes the audit log. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UnitEntity, UserEntity, RefreshTokenEntity, AuditEntryEntity]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        // A key object, made once: given a string, jsonwebtoken first tries it as a public key on every
        // verify, which throws, and then makes the secret key (a few percent of the CPU under load).
        secret: createSecretKey(
          Buffer.from(
            resolveJwtSecret(config.get('auth', { infer: true }).jwtSecret, config.get('dataDir', { infer: true })),
          ),
        ),
      }),
    }),
  ],
  controllers: [
    AuthController,
    UsersController,
    UnitsController,
    AuditController,
    OrganisationsController,
    ConfidentialityStatementsController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthService,
    LoginRateLimiter,
    RequestRateLimiter,
    PasswordHasher,
    RefreshTokensService,
    UsersService,
    UnitsService,
    AuditService,
    PolicyService,
    IdentityDemoSeeder,
    ConfidentialityStatementsRepository,
    ConfidentialityStatementsService,
  ],
  exports: [AuditService, PolicyService, UsersService, UnitsService, AuthService, ConfidentialityStatementsService],
})
export class IdentityModule {}
