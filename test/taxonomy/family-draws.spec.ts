/**
 * The further family draws of `npm run eval:occupations` are worth something only while each asks
 * about occupations its own index lacks, apart from the first family hold-out (whose labels were
 * tuned on), and while their tuning and confirm splits share no ISCO group.
 */
import { join } from 'node:path';
import { TYPED_TITLES } from '../../tools/eval-occupations';
import { readOccupations } from '../../src/taxonomy/esco-import/esco-csv';
import { buildEvalSets, buildFamilyDraws, readTypedTitles, splitOf } from '../../tools/occupation-eval-sets';

const ESCO_FOLDER = join(__dirname, '..', '..', '..', 'shared', 'data', 'esco-v1.1.1');

describe('further family draws', () => {
  it('remove no occupation of the first family hold-out, of a typed title or of another draw', async () => {
    const first = await buildEvalSets(ESCO_FOLDER, TYPED_TITLES);
    const draws = await buildFamilyDraws(ESCO_FOLDER, TYPED_TITLES, first.familyCodes);
    const occupations = await readOccupations(ESCO_FOLDER);
    const everyCode = new Set(occupations.map((o) => o.code));
    // The first sets: a change to their draws shows here.
    expect(first.familyCodes.size).toBe(220);
    expect(first.queries).toHaveLength(3511);
    const typedCodes = new Set(readTypedTitles(TYPED_TITLES).flatMap((title) => title.codes));
    const removedBefore = new Set(first.familyCodes);
    expect(draws).toHaveLength(6);
    for (const draw of draws) {
      const indexed = new Set(draw.indexed.map((o) => o.code));
      const removed = [...everyCode].filter((code) => !indexed.has(code));
      expect(removed.length).toBeGreaterThan(100);
      expect(removed.filter((code) => removedBefore.has(code) || typedCodes.has(code))).toEqual([]);
      for (const code of removed) removedBefore.add(code);
      expect(new Set(draw.queries.map((q) => `${q.set}|${q.split}`))).toEqual(
        new Set(['family-2|tune', 'family-2|confirm']),
      );
      const labelGroups = new Map<string, Set<string>>();
      for (const o of occupations)
        for (const label of [o.preferredLabel, ...o.altLabels])
          labelGroups.set(label.toLowerCase(), new Set([...(labelGroups.get(label.toLowerCase()) ?? []), o.iscoGroup]));
      for (const query of draw.queries) {
        // Right is the whole rest of one ISCO group, all of it still indexed.
        const groups = new Set(draw.indexed.filter((o) => query.right.has(o.code)).map((o) => o.iscoGroup));
        expect(groups.size).toBe(1);
        const [group] = groups;
        expect(new Set(query.right)).toEqual(
          new Set(draw.indexed.filter((o) => o.iscoGroup === group).map((o) => o.code)),
        );
        expect(query.right.size).toBeGreaterThanOrEqual(2);
        // Split by that group; and the label is no other group's.
        expect(query.split).toBe(splitOf(group));
        expect(labelGroups.get(query.query.toLowerCase())).toEqual(new Set([group]));
      }
    }
  });
});
