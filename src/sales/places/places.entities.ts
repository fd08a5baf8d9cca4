import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** Arbeidsmarktregio: one of the 35 labour-market regions in which UWV and municipalities work together. */
@Entity('labour_market_regions')
export class LabourMarketRegion {
  /** CBS code, e.g. AM23. */
  @PrimaryColumn({ type: 'varchar', length: 4 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lon!: number;
}

/** Gemeente. */
@Entity('municipalities')
export class Municipality {
  /** CBS code, e.g. GM0505. */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'province_code', type: 'varchar', length: 4 })
  provinceCode!: string;

  @Column({ name: 'province_name', type: 'varchar', length: 100 })
  provinceName!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 4 })
  regionCode!: string;

  @ManyToOne(() => LabourMarketRegion)
  @JoinColumn({ name: 'region_code' })
  region?: LabourMarketRegion;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lon!: number;
}

/** A 4-digit postcode area (PC4) with its centroid; every postcode 'NNNN XX' lies in one. */
@Entity('places')
export class Place {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  pc4!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lon!: number;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode!: string;

  @ManyToOne(() => Municipality)
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;
}
