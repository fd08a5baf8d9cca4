import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LabourMarketRegion, Municipality, Place } from './places.entities';
import { PlacesController } from './places.controller';
import { PlacesService } from './places.service';
import { PlacesImportsController } from './places-imports.controller';
import { PlacesImportsService } from './places-imports.service';

/** Dutch postcode areas, municipalities and labour-market regions; import PlacesModule to use PlacesService. */
@Module({
  imports: [TypeOrmModule.forFeature([LabourMarketRegion, Municipality, Place])],
  controllers: [PlacesController, PlacesImportsController],
  providers: [PlacesService, PlacesImportsService],
  exports: [PlacesService],
})
export class PlacesModule {}
