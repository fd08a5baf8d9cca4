import { inputProblems, INPUT_MESSAGES, numberProblem, textProblem } from './input-checks';
import { jsonDepthExceeds } from './json-body';

describe('input checks every request value gets', () => {
  it.each([
    ['a\u0000b', INPUT_MESSAGES.nul],
    ['a\udc00b', INPUT_MESSAGES.surrogate],
    ['\ud800', INPUT_MESSAGES.surrogate],
    ['2026-02-30', INPUT_MESSAGES.date],
    ['2026-13-01', INPUT_MESSAGES.date],
    ['2026-02-30T10:00:00Z', INPUT_MESSAGES.date],
    ['0000-01-01', INPUT_MESSAGES.year],
    ['9999-12-31', INPUT_MESSAGES.year],
    ['1899-12-31', INPUT_MESSAGES.year],
  ])('refuses %j', (value, message) => expect(textProblem(value)).toBe(message));

  it.each([
    'Dordrecht',
    'coördinator 😀',
    '2024-02-29',
    '1900-01-01',
    '2199-12-31T23:59:59Z',
    'vanaf 2026-02-30 misschien',
  ])('takes %j', (value) => expect(textProblem(value)).toBeNull());

  it('refuses numbers beyond a 4-byte integer column and takes those within', () => {
    expect([2147483648, -2147483649, 1e308, Infinity, NaN].map(numberProblem)).toEqual(
      Array(5).fill(INPUT_MESSAGES.integer),
    );
    expect([2147483647, -2147483648, 0, 12.5].map(numberProblem)).toEqual([null, null, null, null]);
  });

  it('names each problem by its field path, nested and in lists, keys included', () => {
    expect(
      inputProblems({
        name: 'ok',
        contacts: [{ email: 'a@b.nl' }, { email: 'x\u0000' }],
        version: 1e308,
        'k\u0000': 1,
      }),
    ).toEqual({
      'contacts.1.email': INPUT_MESSAGES.nul,
      version: INPUT_MESSAGES.integer,
      'k\u0000': INPUT_MESSAGES.nul,
    });
    expect(inputProblems('a\u0000', 'q')).toEqual({ q: INPUT_MESSAGES.nul });
    expect(inputProblems({ from: new Date('0001-01-01T00:00:00Z') })).toEqual({ from: INPUT_MESSAGES.year });
  });

  it('measures JSON depth without parsing, skipping brackets inside strings', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":{"b":{"c":1}}}', 3)).toBe(false);
    expect(jsonDepthExceeds(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, 3)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(5000), 32)).toBe(true);
  });
});
