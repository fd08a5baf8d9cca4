import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse';

/**
 * Reads an ESCO CSV release (the layout of the ESCO portal's CSV download) into plain records,
 * checking every row. Anything malformed stops the read with the file, the line and the reason.
 * No database here: the import, the search evaluation and the bench all read through this.
 */

export class EscoFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}, line ${line}: ${reason}`);
    this.name = 'EscoFileError';
  }
}

export interface IscoGroupRecord {
  uri: string;
  code: string;
  label: string;
  /** The codes of the enclosing groups, outermost first: 2654 → ['2', '26', '265']. */
  parentPath: string[];
}

export interface OccupationRecord {
  uri: string;
  code: string;
  iscoGroup: string;
  preferredLabel: string;
  altLabels: string[];
  description: string;
}

export interface SkillRecord {
  uri: string;
  skillType: string | null;
  reuseLevel: string | null;
  labelEn: string;
  altLabelsEn: string[];
  labelNl: string | null;
  altLabelsNl: string[];
  description: string;
}

export type RelationType = 'essential' | 'optional';

export interface OccupationSkillRecord {
  occupationUri: string;
  skillUri: string;
  relationType: RelationType;
}

export interface BroaderRecord {
  conceptUri: string;
  conceptType: string;
  broaderUri: string;
  broaderType: string;
}

export interface EscoRelease {
  iscoGroups: IscoGroupRecord[];
  occupations: OccupationRecord[];
  skills: SkillRecord[];
  relations: OccupationSkillRecord[];
  broader: BroaderRecord[];
  /** Relations whose occupation or skill the release itself does not contain (ESCO ships a few). */
  skippedRelations: number;
}

export const ESCO_FILES = {
  iscoGroups: 'ISCOGroups_nl.csv',
  occupations: 'occupations_nl.csv',
  skills: 'skills_en.csv',
  relations: 'occupationSkillRelations.csv',
  broaderOccupations: 'broaderRelationsOccPillar.csv',
  broaderSkills: 'broaderRelationsSkillPillar.csv',
} as const;

/** Dutch skill labels come from the thematic collections (digital, green, language, ...). */
const DUTCH_SKILL_COLLECTION = /SkillsCollection_nl\.csv$/;

const URI = /^https?:\/\/\S+$/;

export interface CsvRow {
  values: Record<string, string>;
  /** The line the record starts on (the header is line 1). */
  line: number;
}

/** Rows of one CSV file with a header; the named columns must be present. */
export async function* readCsv(folder: string, file: string, columns: readonly string[]): AsyncGenerator<CsvRow> {
  const path = join(folder, file);
  if (!existsSync(path)) throw new EscoFileError(file, 0, 'the file is missing');
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, info: true, skip_empty_lines: true, relax_quotes: false }),
  );
  let previousEnd = 1;
  let checkedHeader = false;
  try {
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) {
        const missing = columns.filter((column) => !(column in record.record));
        if (missing.length > 0) throw new EscoFileError(file, 1, `missing column(s) ${missing.join(', ')}`);
        checkedHeader = true;
      }
      yield { values: record.record, line: previousEnd + 1 };
      previousEnd = record.info.lines;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? previousEnd + 1;
      throw new EscoFileError(
        file,
        line,
        error.message.replace(/^Invalid Record Length: /, '').replace(/ at line \d+/, ''),
      );
    }
    throw error;
  }
}

function list(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(/\r?\n|\|/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

function required(row: CsvRow, file: string, column: string, pattern?: RegExp, what?: string): string {
  const value = (row.values[column] ?? '').trim();
  if (value === '') throw new EscoFileError(file, row.line, `${column} is empty`);
  if (pattern && !pattern.test(value))
    throw new EscoFileError(file, row.line, `${column} "${value.slice(0, 80)}" is not ${what ?? 'valid'}`);
  return value;
}

function unique(seen: Set<string>, key: string, file: string, line: number, what: string): void {
  if (seen.has(key)) throw new EscoFileError(file, line, `duplicate ${what} ${key}`);
  seen.add(key);
}

export async function readIscoGroups(folder: string): Promise<IscoGroupRecord[]> {
  const file = ESCO_FILES.iscoGroups;
  const groups: IscoGroupRecord[] = [];
  const seen = new Set<string>();
  for await (const row of readCsv(folder, file, ['conceptUri', 'code', 'preferredLabel'])) {
    const code = required(row, file, 'code', /^\d{1,4}$/, 'an ISCO-08 code of 1 to 4 digits');
    unique(seen, code, file, row.line, 'ISCO group');
    groups.push({
      uri: required(row, file, 'conceptUri', URI, 'a URI'),
      code,
      label: required(row, file, 'preferredLabel'),
      parentPath: Array.from({ length: code.length - 1 }, (_, i) => code.slice(0, i + 1)),
    });
  }
  return groups;
}

export async function readOccupations(folder: string, iscoCodes?: ReadonlySet<string>): Promise<OccupationRecord[]> {
  const file = ESCO_FILES.occupations;
  const occupations: OccupationRecord[] = [];
  const seen = new Set<string>();
  const columns = ['conceptUri', 'iscoGroup', 'code', 'preferredLabel', 'altLabels', 'description'];
  for await (const row of readCsv(folder, file, columns)) {
    const uri = required(row, file, 'conceptUri', URI, 'a URI');
    unique(seen, uri, file, row.line, 'occupation');
    const iscoGroup = required(row, file, 'iscoGroup', /^\d{4}$/, 'a 4-digit ISCO-08 group');
    if (iscoCodes && !iscoCodes.has(iscoGroup))
      throw new EscoFileError(file, row.line, `iscoGroup ${iscoGroup} is not in ${ESCO_FILES.iscoGroups}`);
    const preferredLabel = required(row, file, 'preferredLabel');
    occupations.push({
      uri,
      code: required(row, file, 'code', /^\d{4}(\.\d+)*$/, 'an ESCO occupation code like 2654.1.7'),
      iscoGroup,
      preferredLabel,
      altLabels: list(row.values.altLabels).filter((label) => label !== preferredLabel),
      description: (row.values.description ?? '').trim(),
    });
  }
  return occupations;
}

export async function readSkills(folder: string): Promise<SkillRecord[]> {
  const dutch = new Map<string, { label: string; altLabels: string[] }>();
  const collections = existsSync(folder) ? readdirSync(folder).filter((name) => DUTCH_SKILL_COLLECTION.test(name)) : [];
  for (const file of collections.sort()) {
    for await (const row of readCsv(folder, file, ['conceptUri', 'preferredLabel'])) {
      const uri = required(row, file, 'conceptUri', URI, 'a URI');
      dutch.set(uri, { label: required(row, file, 'preferredLabel'), altLabels: list(row.values.altLabels) });
    }
  }
  const file = ESCO_FILES.skills;
  const skills: SkillRecord[] = [];
  const seen = new Set<string>();
  const columns = ['conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'description'];
  for await (const row of readCsv(folder, file, columns)) {
    const uri = required(row, file, 'conceptUri', URI, 'a URI');
    unique(seen, uri, file, row.line, 'skill');
    const skillType = (row.values.skillType ?? '').trim();
    if (skillType !== '' && skillType !== 'skill/competence' && skillType !== 'knowledge')
      throw new EscoFileError(
        file,
        row.line,
        `skillType "${skillType.slice(0, 40)}" is not skill/competence or knowledge`,
      );
    const labelEn = required(row, file, 'preferredLabel');
    const nl = dutch.get(uri);
    skills.push({
      uri,
      skillType: skillType || null,
      reuseLevel: (row.values.reuseLevel ?? '').trim() || null,
      labelEn,
      altLabelsEn: list(row.values.altLabels).filter((label) => label !== labelEn),
      labelNl: nl?.label ?? null,
      altLabelsNl: nl?.altLabels.filter((label) => label !== nl.label) ?? [],
      description: (row.values.description ?? '').trim(),
    });
  }
  return skills;
}

export async function readRelations(
  folder: string,
  occupationUris: ReadonlySet<string>,
  skillUris: ReadonlySet<string>,
): Promise<{ relations: OccupationSkillRecord[]; skipped: number }> {
  const file = ESCO_FILES.relations;
  const relations: OccupationSkillRecord[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for await (const row of readCsv(folder, file, ['occupationUri', 'relationType', 'skillUri'])) {
    const occupationUri = required(row, file, 'occupationUri', URI, 'a URI');
    const skillUri = required(row, file, 'skillUri', URI, 'a URI');
    const relationType = required(row, file, 'relationType', /^(essential|optional)$/, 'essential or optional');
    unique(seen, `${occupationUri} ${skillUri}`, file, row.line, 'relation');
    if (!occupationUris.has(occupationUri) || !skillUris.has(skillUri)) {
      skipped++;
      continue;
    }
    relations.push({ occupationUri, skillUri, relationType: relationType as RelationType });
  }
  return { relations, skipped };
}

export async function readBroader(folder: string, file: string): Promise<BroaderRecord[]> {
  const links: BroaderRecord[] = [];
  const seen = new Set<string>();
  for await (const row of readCsv(folder, file, ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'])) {
    const conceptUri = required(row, file, 'conceptUri', URI, 'a URI');
    const broaderUri = required(row, file, 'broaderUri', URI, 'a URI');
    unique(seen, `${conceptUri} ${broaderUri}`, file, row.line, 'broader link');
    links.push({
      conceptUri,
      broaderUri,
      conceptType: required(row, file, 'conceptType'),
      broaderType: required(row, file, 'broaderType'),
    });
  }
  return links;
}

/** The whole release, checked; throws EscoFileError on the first malformed row. */
export async function readEscoRelease(folder: string): Promise<EscoRelease> {
  const iscoGroups = await readIscoGroups(folder);
  const occupations = await readOccupations(folder, new Set(iscoGroups.map((group) => group.code)));
  const skills = await readSkills(folder);
  const { relations, skipped } = await readRelations(
    folder,
    new Set(occupations.map((occupation) => occupation.uri)),
    new Set(skills.map((skill) => skill.uri)),
  );
  const broader = [
    ...(await readBroader(folder, ESCO_FILES.broaderOccupations)),
    ...(await readBroader(folder, ESCO_FILES.broaderSkills)),
  ];
  return { iscoGroups, occupations, skills, relations, broader, skippedRelations: skipped };
}
