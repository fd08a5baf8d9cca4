import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AnyRole } from '@identity/auth/roles.decorator';
import { PlaceDto, RegionDto } from './dto/place.dto';
import { PlacesService } from './places.service';

@ApiTags('places')
@Controller('api/places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  // Declared before ':postcode' so it is never read as a postcode.
  @Get('regions')
  @AnyRole()
  @ApiOperation({ summary: 'Labour-market regions with their municipalities, by region code' })
  @ApiOkResponse({ type: [RegionDto] })
  regions(): Promise<RegionDto[]> {
    return this.places.regions();
  }

  @Get(':postcode')
  @AnyRole()
  @ApiOperation({ summary: 'Postcode area, municipality and labour-market region of a postcode' })
  @ApiParam({ name: 'postcode', example: '3311AB', description: '1234 AB or 1234AB, any case' })
  @ApiOkResponse({ type: PlaceDto })
  @ApiUnprocessableEntityResponse({
    description:
      'POSTCODE_INVALID (not a Dutch postcode) or POSTCODE_UNKNOWN (no such area); errors.postcode says which',
  })
  resolve(@Param('postcode') postcode: string): Promise<PlaceDto> {
    return this.places.resolve(postcode, 'postcode');
  }
}
