import { safeError, withoutPersonalData, withoutQuotedValues, withoutSqlLiterals } from './personal-data-redaction';

describe('withoutQuotedValues', () => {
  it('keeps the identifiers PostgreSQL quotes and takes out the values', () => {
    expect(
      withoutQuotedValues('null value in column "name" of relation "candidates" violates not-null constraint'),
    ).toBe('null value in column "name" of relation "candidates" violates not-null constraint');
    expect(withoutQuotedValues('invalid input syntax for type uuid: "Jan Jansen"')).toBe(
      'invalid input syntax for type uuid: "[redacted]"',
    );
    expect(withoutQuotedValues('date/time field value out of range: "1983-02-30"')).toBe(
      'date/time field value out of range: "[redacted]"',
    );
  });
});

describe('withoutSqlLiterals', () => {
  it('replaces string literals, keeps placeholders and the shape', () => {
    expect(withoutSqlLiterals("UPDATE candidates SET name = 'O''Brien', phone = $2 WHERE id = $1")).toBe(
      "UPDATE candidates SET name = '?', phone = $2 WHERE id = $1",
    );
  });
});

describe('withoutPersonalData', () => {
  it('redacts detail, parameters and personal fields at any depth, and the query literals', () => {
    const driverError = Object.assign(new Error('new row for relation "candidates" violates check constraint "c"'), {
      code: '23514',
      detail: 'Failing row contains (Jan Jansen, 0612345678, jan@example.org).',
    });
    const queryFailed = Object.assign(new Error(driverError.message), {
      query: "INSERT INTO candidates (name) VALUES ('Jan Jansen')",
      parameters: ['Jan Jansen', '0612345678'],
      detail: driverError.detail,
      driverError,
    });
    const clean = withoutPersonalData({ err: queryFailed, job: { data: { nested: { email: 'jan@example.org' } } } });
    const text = JSON.stringify(clean);
    expect(text).not.toMatch(/Jan|0612345678|jan@example/);
    expect(clean).toMatchObject({
      err: {
        type: 'Error',
        message: 'new row for relation "candidates" violates check constraint "c"',
        query: "INSERT INTO candidates (name) VALUES ('?')",
        parameters: '[redacted]',
        detail: '[redacted]',
        driverError: { code: '23514', detail: '[redacted]' },
      },
      job: { data: { nested: { email: '[redacted]' } } },
    });
  });

  it('does not change what it was given, and survives cycles', () => {
    const object: Record<string, unknown> = { email: 'jan@example.org' };
    object.self = object;
    expect(withoutPersonalData(object)).toEqual({ email: '[redacted]', self: '[circular]' });
    expect(object.email).toBe('jan@example.org');
  });

  it('writes an error stack with the clean message', () => {
    const error = new Error('invalid input syntax for type integer: "0612345678"');
    expect(safeError(error).stack).toMatch(/^Error: invalid input syntax for type integer: "\[redacted\]"\n {4}at /);
  });
});
