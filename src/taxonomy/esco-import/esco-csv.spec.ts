import { join } from 'node:path';
import { EscoFileError, readEscoRelease } from './esco-csv';
import { releaseVersionOf } from './esco-importer';

const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'esco');

describe('reading an ESCO CSV release', () => {
  it('reads every file of a valid release, with Dutch skill labels from the collections', async () => {
    const release = await readEscoRelease(join(fixtures, 'valid'));
    expect(release.iscoGroups.map((group) => [group.code, group.parentPath])).toEqual([
      ['8', []],
      ['83', ['8']],
      ['834', ['8', '83']],
      ['8344', ['8', '83', '834']],
    ]);
    expect(release.occupations[0]).toMatchObject({
      code: '8344.1',
      preferredLabel: 'heftruckchauffeur',
      altLabels: ['chauffeur vorkheftruck', 'bestuurster heftruck', 'vorkheftruckbestuurder'],
    });
    expect(release.skills.map((skill) => [skill.labelEn, skill.labelNl])).toEqual([
      ['operate forklift', null],
      ['warehouse safety', 'veiligheid in magazijnen'],
    ]);
    // The fourth relation names an occupation the release does not have.
    expect(release.relations).toHaveLength(3);
    expect(release.skippedRelations).toBe(1);
    expect(release.broader).toHaveLength(4);
  });

  it('refuses a bad value with the file and the line it starts on (multi-line records counted)', async () => {
    const error = await readEscoRelease(join(fixtures, 'malformed-occupation')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscoFileError);
    // Header on line 1, the first record spans lines 2-4, the bad one is on line 5.
    expect(error).toMatchObject({ file: 'occupations_nl.csv', line: 5 });
    expect((error as EscoFileError).reason).toContain('83X4');
  });

  it('refuses broken CSV quoting with the file and line', async () => {
    const error = await readEscoRelease(join(fixtures, 'broken-quote')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EscoFileError);
    expect(error).toMatchObject({ file: 'occupationSkillRelations.csv', line: 3 });
  });

  it('names a missing file', async () => {
    const error = await readEscoRelease(join(fixtures, 'no-such-folder')).catch((e: unknown) => e);
    expect(error).toMatchObject({ file: 'ISCOGroups_nl.csv', line: 0, reason: 'the file is missing' });
  });

  it('takes the release version from the folder name', () => {
    expect(releaseVersionOf('/data/esco-v1.1.1')).toBe('1.1.1');
    expect(releaseVersionOf('/data/esco-v1.2.0/')).toBe('1.2.0');
    expect(releaseVersionOf('/data/esco')).toBeNull();
  });
});
