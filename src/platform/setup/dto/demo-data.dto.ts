import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class StartDemoDataDto {
  @ApiProperty({ description: 'The password every demo user gets (at least 12 characters)', writeOnly: true })
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  password!: string;
}

export class DemoDataStartedDto {
  @ApiProperty({ description: 'Follow it at GET /api/demo-data/{id}' }) id!: string;
  @ApiProperty({ type: [String], description: 'What was done before the job (the demo users)' }) summary!: string[];
}
