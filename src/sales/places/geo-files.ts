import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { PlacesImportError } from './places.errors';

/** The three files of the geo folder (see ../shared/data/README.md); all three are required. */
export const GEO_FILES = {
  regions: 'nl_arbeidsmarktregios_2025.csv',
  municipalities: 'nl_gemeenten_2025.csv',
  places: 'nl_pc4_centroids.csv',
} as const;

export interface RegionRow {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  regionCode: string;
  lat: number;
  lon: number;
}

export interface PlaceRow {
  pc4: string;
  lat: number;
  lon: number;
  municipalityCode: string;
}

export interface GeoData {
  regions: RegionRow[];
  municipalities: MunicipalityRow[];
  places: PlaceRow[];
}

export type GeoTexts = Record<keyof typeof GEO_FILES, string>;

// Generous bounds around the Netherlands (the data spans 50.77–53.48 N, 3.38–7.21 E): a swapped
// lat/lon or a missing decimal point lands far outside them.
const LAT_RANGE: [number, number] = [50.5, 53.8];
const LON_RANGE: [number, number] = [3.0, 7.5];

/** Reads the three files of `folder`; a missing file is refused like a malformed one. */
export function readGeoFolder(folder: string): GeoData {
  const read = (file: string): string => {
    try {
      return readFileSync(join(folder, file), 'utf8');
    } catch {
      throw new PlacesImportError(file, undefined, `cannot read ${join(folder, file)}`);
    }
  };
  return parseGeoData({
    regions: read(GEO_FILES.regions),
    municipalities: read(GEO_FILES.municipalities),
    places: read(GEO_FILES.places),
  });
}

/**
 * Parses and cross-checks the three files completely before anything is written, so a bad file
 * is refused with its file, line and reason and the data already imported stays as it was.
 */
export function parseGeoData(texts: GeoTexts): GeoData {
  const regionLists = new Map<string, { line: number; names: string[] }>();
  const regions = new Map<string, RegionRow>();
  const regionNames = new Set<string>();
  for (const row of readTable(GEO_FILES.regions, texts.regions, [
    'amr_code',
    'amr_name',
    'lat',
    'lon',
    'n_gemeenten',
    'gemeenten',
  ])) {
    const code = row.matching('amr_code', /^AM[0-9]{2}$/, 'a labour-market region code like AM23');
    if (regions.has(code)) throw row.error(`amr_code ${code} appears twice`);
    const name = row.text('amr_name');
    if (regionNames.has(name)) throw row.error(`amr_name "${name}" appears twice`);
    const names = row.text('gemeenten').split('|');
    const count = row.matching('n_gemeenten', /^[0-9]+$/, 'a whole number');
    if (Number(count) !== names.length) throw row.error(`n_gemeenten is ${count} but gemeenten lists ${names.length}`);
    regions.set(code, { code, name, lat: row.decimal('lat', LAT_RANGE), lon: row.decimal('lon', LON_RANGE) });
    regionNames.add(name);
    regionLists.set(code, { line: row.line, names });
  }

  const municipalities = new Map<string, MunicipalityRow>();
  const municipalityNames = new Map<string, MunicipalityRow>();
  for (const row of readTable(GEO_FILES.municipalities, texts.municipalities, [
    'gemeente_code',
    'gemeente_name',
    'lat',
    'lon',
    'provincie_code',
    'provincie_name',
    'amr_code',
    'amr_name',
  ])) {
    const code = row.matching('gemeente_code', /^GM[0-9]{4}$/, 'a municipality code like GM0505');
    if (municipalities.has(code)) throw row.error(`gemeente_code ${code} appears twice`);
    const name = row.text('gemeente_name');
    if (municipalityNames.has(name)) throw row.error(`gemeente_name "${name}" appears twice`);
    const regionCode = row.text('amr_code');
    const region = regions.get(regionCode);
    if (!region) throw row.error(`amr_code ${regionCode} is not in ${GEO_FILES.regions}`);
    if (row.text('amr_name') !== region.name)
      throw row.error(`amr_name "${row.text('amr_name')}" is not ${region.name}`);
    if (!regionLists.get(regionCode)!.names.includes(name)) {
      throw row.error(`${GEO_FILES.regions} does not list ${name} under ${regionCode} ${region.name}`);
    }
    const municipality: MunicipalityRow = {
      code,
      name,
      provinceCode: row.matching('provincie_code', /^PV[0-9]{2}$/, 'a province code like PV28'),
      provinceName: row.text('provincie_name'),
      regionCode,
      lat: row.decimal('lat', LAT_RANGE),
      lon: row.decimal('lon', LON_RANGE),
    };
    municipalities.set(code, municipality);
    municipalityNames.set(name, municipality);
  }
  for (const [code, { line, names }] of regionLists) {
    for (const name of names) {
      if (municipalityNames.get(name)?.regionCode !== code) {
        throw new PlacesImportError(
          GEO_FILES.regions,
          line,
          `${name} is not a municipality of ${code} in ${GEO_FILES.municipalities}`,
        );
      }
    }
  }

  const places = new Map<string, PlaceRow>();
  for (const row of readTable(GEO_FILES.places, texts.places, [
    'pc4',
    'lat',
    'lon',
    'gemeente_code',
    'gemeente_name',
    'amr_code',
  ])) {
    const pc4 = row.matching('pc4', /^[1-9][0-9]{3}$/, 'four digits not starting with 0');
    if (places.has(pc4)) throw row.error(`pc4 ${pc4} appears twice`);
    const municipalityCode = row.text('gemeente_code');
    const municipality = municipalities.get(municipalityCode);
    if (!municipality) throw row.error(`gemeente_code ${municipalityCode} is not in ${GEO_FILES.municipalities}`);
    if (row.text('gemeente_name') !== municipality.name) {
      throw row.error(`gemeente_name "${row.text('gemeente_name')}" is not ${municipality.name}`);
    }
    // Labour-market regions are made of whole municipalities: a PC4 area in another region than its
    // municipality means the files do not belong together.
    if (row.text('amr_code') !== municipality.regionCode) {
      throw row.error(
        `amr_code ${row.text('amr_code')} differs from ${municipality.regionCode} of ${municipality.name}`,
      );
    }
    places.set(pc4, { pc4, lat: row.decimal('lat', LAT_RANGE), lon: row.decimal('lon', LON_RANGE), municipalityCode });
  }

  return { regions: [...regions.values()], municipalities: [...municipalities.values()], places: [...places.values()] };
}

class TableRow {
  constructor(
    private readonly file: string,
    readonly line: number,
    private readonly values: ReadonlyMap<string, string>,
  ) {}

  error(reason: string): PlacesImportError {
    return new PlacesImportError(this.file, this.line, reason);
  }

  text(column: string): string {
    const value = (this.values.get(column) ?? '').trim();
    if (value === '') throw this.error(`${column} is empty`);
    return value;
  }

  matching(column: string, pattern: RegExp, description: string): string {
    const value = this.text(column);
    if (!pattern.test(value)) throw this.error(`${column} "${value}" is not ${description}`);
    return value;
  }

  decimal(column: string, [min, max]: [number, number]): number {
    const value = this.matching(column, /^-?[0-9]+(\.[0-9]+)?$/, 'a decimal number');
    const number = Number(value);
    if (number < min || number > max)
      throw this.error(`${column} ${value} is outside the Netherlands (${min} to ${max})`);
    return number;
  }
}

function readTable(file: string, text: string, required: readonly string[]): TableRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    throw new PlacesImportError(file, line, error.message.replace(/^Invalid Record Length: /, ''));
  }
  const [header, ...rows] = records;
  if (!header) throw new PlacesImportError(file, 1, 'the file is empty');
  const columns = header.record.map((column) => column.trim());
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new PlacesImportError(file, 1, `missing column(s) ${missing.join(', ')}`);
  // An empty file would make the import delete every area: refuse it instead.
  if (rows.length === 0) throw new PlacesImportError(file, 2, 'no data rows');
  return rows.map(
    ({ record, info }) =>
      new TableRow(file, info.lines, new Map(columns.map((column, index) => [column, record[index] ?? '']))),
  );
}
