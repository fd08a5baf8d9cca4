/**
 * The further family draws of `npm run eval:occupations` are worth something only while they ask
 * about occupations that nothing was tuned on, on an index that lacks exactly those.
 */
import { join } from 'node:path';
import { TYPED_TITLES } from '../../tools/eval-occupations';
import { buildEvalSets, buildFamilyDraws, readTypedTitles } from '../../tools/occupation-eval-sets';

const ESCO_FOLDER = join(__dirname, '..', '..', '..', 'shared', 'data', 'esco-v1.1.1');

describe('further family draws', () => {
  it('remove no occupation of the first family hold-out, of a typed title or of another draw', async () => {
    const first = await buildEvalSets(ESCO_FOLDER, TYPED_TITLES);
    const draws = await buildFamilyDraws(ESCO_FOLDER, TYPED_TITLES, first.familyCodes);
    const everyCode = new Set([...first.indexed.map((o) => o.code), ...first.familyCodes]);
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
      for (const query of draw.queries) {
        // Right is the rest of one ISCO group, all of it still indexed.
        const groups = new Set(draw.indexed.filter((o) => query.right.has(o.code)).map((o) => o.iscoGroup));
        expect(groups.size).toBe(1);
        expect([...query.right].every((code) => indexed.has(code))).toBe(true);
        expect(query.right.size).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
