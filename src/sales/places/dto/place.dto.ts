import { ApiProperty } from '@nestjs/swagger';

export class PlaceDto {
  @ApiProperty({ example: '3311 AB', description: 'The postcode, normalised' })
  postcode!: string;

  @ApiProperty({ example: '3311', description: 'The 4-digit postcode area' })
  pc4!: string;

  @ApiProperty({ example: 51.8131, description: 'Latitude of the area centroid (WGS84)' })
  lat!: number;

  @ApiProperty({ example: 4.6685, description: 'Longitude of the area centroid (WGS84)' })
  lon!: number;

  @ApiProperty({ example: 'GM0505', description: 'CBS municipality code' })
  municipalityCode!: string;

  @ApiProperty({ example: 'Dordrecht' })
  municipality!: string;

  @ApiProperty({ example: 'AM23', description: 'CBS labour-market region (arbeidsmarktregio) code' })
  regionCode!: string;

  @ApiProperty({ example: 'Drechtsteden' })
  region!: string;
}

export class MunicipalityDto {
  @ApiProperty({ example: 'GM0505' })
  code!: string;

  @ApiProperty({ example: 'Dordrecht' })
  name!: string;

  @ApiProperty({ example: 'Zuid-Holland' })
  provinceName!: string;
}

export class RegionDto {
  @ApiProperty({ example: 'AM23' })
  code!: string;

  @ApiProperty({ example: 'Drechtsteden' })
  name!: string;

  @ApiProperty({ type: [MunicipalityDto], description: 'By name' })
  municipalities!: MunicipalityDto[];
}
