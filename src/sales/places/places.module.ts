import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LabourMarketRegion, Municipality, Place } from './places.entities';
import { PlacesController } from './places.controller';
import { PlacesService } from './places.service';

/** Dutch postcode areas, municipalities and labour-market regions; import PlacesModule to use PlacesService. */
@Module({
  imports: [TypeOrmModule.forFeature([LabourMarketRegion, Municipality, Place])],
  controllers: [PlacesController],
  providers: [PlacesService],
  exports: [PlacesService],
})
export class PlacesModule {}
