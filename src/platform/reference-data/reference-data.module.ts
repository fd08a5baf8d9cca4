import { Global, Module } from '@nestjs/common';
import { ReferenceData } from './reference-data.service';

@Global()
@Module({ providers: [ReferenceData], exports: [ReferenceData] })
export class ReferenceDataModule {}
