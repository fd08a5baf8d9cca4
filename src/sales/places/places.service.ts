import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { AppConfig } from '@platform/config/app-config';
import { ReferenceData } from '@platform/reference-data/reference-data.service';
import { distanceKm } from './distance';
import { PostcodeInvalidError, PostcodeUnknownError } from './places.errors';
import { describeImport, importPlaces, PlacesImportReport } from './places-import';
import { normalisePostcode, pc4Of } from './postcode';

/** A 4-digit postcode area with what matching and the forms derive from it. */
export interface PlaceInfo {
  pc4: string;
  lat: number;
  lon: number;
  municipalityCode: string;
  municipality: string;
  regionCode: string;
  region: string;
}

/** A full postcode resolved to its area. */
export interface ResolvedPlace extends PlaceInfo {
  /** Normalised, e.g. '3311 AB'. */
  postcode: string;
}

export interface RegionWithMunicipalities {
  code: string;
  name: string;
  municipalities: Array<{ code: string; name: string; provinceName: string }>;
}

const PLACE_INFO_QUERY = `
  SELECT p.pc4, p.lat, p.lon, m.code AS "municipalityCode", m.name AS municipality,
         r.code AS "regionCode", r.name AS region
  FROM places p
  JOIN municipalities m ON m.code = p.municipality_code
  JOIN labour_market_regions r ON r.code = m.region_code`;

/**
 * Postcodes for every module: format, derivation of area/municipality/region, and distances.
 * The ~4,000 areas are held in memory (loaded at start, reloaded after an import here or in any other
 * process: see ReferenceData), because matching computes a distance for every candidate of a vacancy.
 */
@Injectable()
export class PlacesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlacesService.name);
  private byPc4: ReadonlyMap<string, PlaceInfo> = new Map();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly referenceData: ReferenceData,
  ) {
    referenceData.onChange('places', () => this.reload());
  }

  /** Moves on every reload of the areas; the matching index rebuilds its table of centroids when it does. */
  get generation(): number {
    return this.reloads;
  }

  private reloads = 0;

  async onApplicationBootstrap(): Promise<void> {
    const { geoDataDir } = this.config.get('places', { infer: true });
    if (geoDataDir && !(await this.anyImported())) {
      this.logger.log(describeImport(await this.importFrom(geoDataDir)));
      return;
    }
    await this.reload();
  }

  /** '3311ab' → '3311 AB'; a 422 with a field error on `field` for anything that is not a Dutch postcode. */
  normalisePostcode(postcode: string, field = 'postcode'): string {
    const normalised = normalisePostcode(postcode);
    if (normalised === null) throw new PostcodeInvalidError(field);
    return normalised;
  }

  /**
   * The area, municipality and labour-market region of a postcode. 422 naming `field` when the format
   * is wrong (POSTCODE_INVALID) or the 4-digit area does not exist (POSTCODE_UNKNOWN).
   */
  async resolve(postcode: string, field = 'postcode'): Promise<ResolvedPlace> {
    const normalised = this.normalisePostcode(postcode, field);
    const place = await this.placeOfPc4(pc4Of(normalised));
    if (!place) throw new PostcodeUnknownError(field, normalised);
    return { postcode: normalised, ...place };
  }

  /** Every area in memory, e.g. for the matching index's table of centroids. */
  areas(): PlaceInfo[] {
    return [...this.byPc4.values()];
  }

  /** The in-memory area for hot loops (matching); undefined when unknown. */
  place(pc4: string): PlaceInfo | undefined {
    return this.byPc4.get(pc4);
  }

  /** Great-circle km between the centroids of two postcodes' areas (0 within one area). */
  async distanceKmBetween(
    postcodeA: string,
    postcodeB: string,
    fields: [string, string] = ['from', 'to'],
  ): Promise<number> {
    const [a, b] = [await this.resolve(postcodeA, fields[0]), await this.resolve(postcodeB, fields[1])];
    return distanceKm(a, b);
  }

  async regions(): Promise<RegionWithMunicipalities[]> {
    const rows = await this.dataSource.query<
      Array<{
        code: string;
        name: string;
        municipalityCode: string | null;
        municipality: string | null;
        provinceName: string | null;
      }>
    >(`
      SELECT r.code, r.name, m.code AS "municipalityCode", m.name AS municipality, m.province_name AS "provinceName"
      FROM labour_market_regions r LEFT JOIN municipalities m ON m.region_code = r.code
      ORDER BY r.code, m.name`);
    const regions = new Map<string, RegionWithMunicipalities>();
    for (const row of rows) {
      let region = regions.get(row.code);
      if (!region) regions.set(row.code, (region = { code: row.code, name: row.name, municipalities: [] }));
      if (row.municipalityCode) {
        region.municipalities.push({
          code: row.municipalityCode,
          name: row.municipality!,
          provinceName: row.provinceName!,
        });
      }
    }
    return [...regions.values()];
  }

  /** Imports a geo folder (see importPlaces) and refreshes the in-memory areas. */
  async importFrom(folder: string): Promise<PlacesImportReport> {
    const report = await importPlaces(this.dataSource, folder);
    await this.reload();
    if (report.changed) await this.referenceData.announce('places', { reloadedHere: true });
    return report;
  }

  async reload(): Promise<void> {
    const rows = await this.dataSource.query<PlaceInfo[]>(PLACE_INFO_QUERY);
    this.byPc4 = new Map(rows.map((row) => [row.pc4, row]));
    this.reloads++;
  }

  /**
   * From memory; on a miss it asks the database once, so an area imported elsewhere is found even
   * before this instance has reloaded.
   */
  private async placeOfPc4(pc4: string): Promise<PlaceInfo | undefined> {
    const known = this.byPc4.get(pc4);
    if (known) return known;
    const [row] = await this.dataSource.query<PlaceInfo[]>(`${PLACE_INFO_QUERY} WHERE p.pc4 = $1`, [pc4]);
    if (row) this.byPc4 = new Map(this.byPc4).set(pc4, row);
    return row;
  }

  private async anyImported(): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM places LIMIT 1');
    return rows.length > 0;
  }
}
