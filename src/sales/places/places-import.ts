import { DataSource, EntityManager } from 'typeorm';
import { bumpReferenceDataVersion } from '@platform/reference-data/reference-data-version';
import { GeoData, readGeoFolder } from './geo-files';

export interface TableChanges {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Rows in the table after the import. */
  total: number;
}

export interface PlacesImportReport {
  folder: string;
  regions: TableChanges;
  municipalities: TableChanges;
  places: TableChanges;
  /** False when the database already held exactly these files: a repeated import changes nothing. */
  changed: boolean;
}

/**
 * Imports the geo folder (labour-market regions, municipalities, 4-digit postcode areas): reads and
 * checks all three files first, then brings the tables to exactly their content in ONE transaction.
 * Plain function on a DataSource, so the CLI, the service and tests share it.
 */
export async function importPlaces(dataSource: DataSource, folder: string): Promise<PlacesImportReport> {
  const data = readGeoFolder(folder);
  const changes = await dataSource.transaction(async (manager) => {
    const applied = await applyGeoData(manager, data);
    // Running instances reload their areas when this version moves (see ReferenceData).
    if (anyChange(applied)) await bumpReferenceDataVersion(manager, 'places');
    return applied;
  });
  return { folder, ...changes, changed: anyChange(changes) };
}

function anyChange(changes: Record<string, TableChanges>): boolean {
  return Object.values(changes).some((table) => table.inserted + table.updated + table.deleted > 0);
}

/** One line for the log and the CLI. */
export function describeImport(report: PlacesImportReport): string {
  const table = (label: string, changes: TableChanges): string =>
    `${changes.total} ${label} (+${changes.inserted} ~${changes.updated} -${changes.deleted})`;
  return [
    `Places from ${report.folder}: ${table('labour-market regions', report.regions)}`,
    table('municipalities', report.municipalities),
    table('postcode areas', report.places),
    report.changed ? 'imported' : 'no changes',
  ].join(', ');
}

interface TableSpec<Row> {
  table: string;
  key: keyof Row & string;
  /** Row property → column, key first. */
  columns: Array<[keyof Row & string, string]>;
}

const REGIONS: TableSpec<GeoData['regions'][number]> = {
  table: 'labour_market_regions',
  key: 'code',
  columns: [
    ['code', 'code'],
    ['name', 'name'],
    ['lat', 'lat'],
    ['lon', 'lon'],
  ],
};
const MUNICIPALITIES: TableSpec<GeoData['municipalities'][number]> = {
  table: 'municipalities',
  key: 'code',
  columns: [
    ['code', 'code'],
    ['name', 'name'],
    ['provinceCode', 'province_code'],
    ['provinceName', 'province_name'],
    ['regionCode', 'region_code'],
    ['lat', 'lat'],
    ['lon', 'lon'],
  ],
};
const PLACES: TableSpec<GeoData['places'][number]> = {
  table: 'places',
  key: 'pc4',
  columns: [
    ['pc4', 'pc4'],
    ['lat', 'lat'],
    ['lon', 'lon'],
    ['municipalityCode', 'municipality_code'],
  ],
};

async function applyGeoData(
  manager: EntityManager,
  data: GeoData,
): Promise<Pick<PlacesImportReport, 'regions' | 'municipalities' | 'places'>> {
  // Two imports at once (two instances starting with GEO_DATA_DIR) would both insert the same keys;
  // the second waits here and then finds nothing to change. Readers are not blocked.
  await manager.query('LOCK TABLE labour_market_regions, municipalities, places IN SHARE ROW EXCLUSIVE MODE');
  // Parents are written before children and removed after them, so every foreign key holds throughout.
  const regions = await upsert(manager, REGIONS, data.regions);
  const municipalities = await upsert(manager, MUNICIPALITIES, data.municipalities);
  const places = await upsert(manager, PLACES, data.places);
  places.deleted = await removeOthers(manager, PLACES, data.places);
  municipalities.deleted = await removeOthers(manager, MUNICIPALITIES, data.municipalities);
  regions.deleted = await removeOthers(manager, REGIONS, data.regions);
  return { regions, municipalities, places };
}

const BATCH_ROWS = 1000;

async function upsert<Row>(manager: EntityManager, spec: TableSpec<Row>, rows: Row[]): Promise<TableChanges> {
  const columns = spec.columns.map(([, column]) => column);
  const existing = new Map<unknown, Record<string, unknown>>();
  for (const stored of await manager.query<Array<Record<string, unknown>>>(
    `SELECT ${columns.join(', ')} FROM ${spec.table}`,
  )) {
    existing.set(stored[spec.columns[0][1]], stored);
  }
  let inserted = 0;
  let updated = 0;
  const toWrite = rows.filter((row) => {
    const stored = existing.get(row[spec.key]);
    if (!stored) {
      inserted++;
      return true;
    }
    const differs = spec.columns.some(([property, column]) => stored[column] !== row[property]);
    if (differs) updated++;
    return differs;
  });
  const assignments = columns
    .slice(1)
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', ');
  for (let start = 0; start < toWrite.length; start += BATCH_ROWS) {
    const batch = toWrite.slice(start, start + BATCH_ROWS);
    const parameters = batch.flatMap((row) => spec.columns.map(([property]) => row[property]));
    const tuples = batch.map(
      (_, index) => `(${columns.map((__, column) => `$${index * columns.length + column + 1}`).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (${columns[0]}) DO UPDATE SET ${assignments}`,
      parameters,
    );
  }
  return { inserted, updated, deleted: 0, unchanged: rows.length - inserted - updated, total: rows.length };
}

async function removeOthers<Row>(manager: EntityManager, spec: TableSpec<Row>, rows: Row[]): Promise<number> {
  const key = spec.columns[0][1];
  // Counted in a SELECT: TypeORM returns [rows, count] for a bare DELETE, unlike for a SELECT.
  const [{ count }] = await manager.query<[{ count: number }]>(
    `WITH removed AS (DELETE FROM ${spec.table} WHERE NOT (${key} = ANY($1)) RETURNING ${key})
     SELECT count(*)::int AS count FROM removed`,
    [rows.map((row) => row[spec.key])],
  );
  return count;
}
