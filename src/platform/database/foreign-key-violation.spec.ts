import { QueryFailedError } from 'typeorm';
import { foreignKeyViolationAsDomainError } from './foreign-key-violation';

const failed = (driverError: Record<string, unknown>) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('violates foreign key constraint'), driverError));

describe('foreign key violations as the client error', () => {
  it('names the field of an unknown reference (422), never its value', () => {
    const error = foreignKeyViolationAsDomainError(
      failed({
        code: '23503',
        detail: 'Key (unit_id)=(7b1c0b5e-0000-4000-8000-000000000000) is not present in table "units".',
      }),
    );
    expect(error).toMatchObject({
      code: 'REFERENCE_UNKNOWN',
      kind: 'invalid',
      fieldErrors: { unitId: 'does not exist' },
    });
    expect(JSON.stringify(error?.fieldErrors)).not.toContain('7b1c0b5e');
  });

  it('answers a delete that others still point at with 409', () => {
    const error = foreignKeyViolationAsDomainError(
      failed({ code: '23503', detail: 'Key (id)=(…) is still referenced from table "users".' }),
    );
    expect(error).toMatchObject({ code: 'STILL_REFERENCED', kind: 'conflict' });
  });

  it('leaves every other error alone', () => {
    expect(foreignKeyViolationAsDomainError(failed({ code: '23505' }))).toBeNull();
    expect(foreignKeyViolationAsDomainError(new Error('boom'))).toBeNull();
  });
});
