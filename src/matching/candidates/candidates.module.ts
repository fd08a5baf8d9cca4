import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@platform/config/app-config';
import { resolveLocalSecret } from '@platform/config/local-secret';
import { PlacesModule } from '@sales/places/places.module';
import { CertificatesModule } from '@sales/requirements/certificates.module';
import { BsnCipher } from './bsn-cipher';
import { CandidateImportProcessor } from './candidate-import.processor';
import { CandidateImportsService } from './candidate-imports.service';
import { CandidatesController } from './candidates.controller';
import { CandidatesDemoSeeder } from './candidates-demo-seeder';
import { CandidatesRepository } from './candidates.repository';
import { CandidatesService } from './candidates.service';

const newKey = (): string => randomBytes(32).toString('base64');

/**
 * WW and Bijstand candidates. Exports CandidatesService: the matching engine reads
 * `profiles()` / `profile(id)` from it.
 */
@Module({
  imports: [PlacesModule, CertificatesModule],
  controllers: [CandidatesController],
  providers: [
    {
      provide: BsnCipher,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const { bsnEncryptionKey, bsnHashKey } = config.get('candidates', { infer: true });
        const dataDir = config.get('dataDir', { infer: true });
        return new BsnCipher(
          resolveLocalSecret('BSN_ENCRYPTION_KEY', bsnEncryptionKey, dataDir, newKey),
          resolveLocalSecret('BSN_HASH_KEY', bsnHashKey, dataDir, newKey),
        );
      },
    },
    CandidatesRepository,
    CandidatesService,
    CandidateImportsService,
    CandidateImportProcessor,
    CandidatesDemoSeeder,
  ],
  exports: [CandidatesService, CandidatesDemoSeeder, CandidatesRepository],
})
export class CandidatesModule {}
