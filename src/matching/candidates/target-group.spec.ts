import { addMonths, isMaxWw, targetGroupOf } from './target-group';

const TODAY = '2026-11-22';

describe('addMonths', () => {
  it('adds calendar months', () => {
    expect(addMonths('2026-11-22', 3)).toBe('2027-02-22');
  });

  it('clamps to the end of a shorter month', () => {
    // 30 November + 3 months = 30 February, which does not exist: 28 February 2027
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});

describe('isMaxWw with 3 months', () => {
  it('is Max-WW when the WW ends exactly 3 months from today', () => {
    expect(isMaxWw('2027-02-22', TODAY, 3)).toBe(true);
  });

  it('is not Max-WW one day later', () => {
    expect(isMaxWw('2027-02-23', TODAY, 3)).toBe(false);
  });

  it('is Max-WW when the WW ends today, and not once it has ended', () => {
    expect(isMaxWw(TODAY, TODAY, 3)).toBe(true);
    expect(isMaxWw('2026-11-21', TODAY, 3)).toBe(false);
  });

  it('follows the configured months', () => {
    expect(isMaxWw('2027-05-01', TODAY, 6)).toBe(true);
    expect(isMaxWw('2027-05-01', TODAY, 3)).toBe(false);
  });

  it('is never Max-WW without a WW end date', () => {
    expect(isMaxWw(null, TODAY, 3)).toBe(false);
  });
});

describe('targetGroupOf', () => {
  const ww = { pool: 'WW' as const, wwEndDate: '2027-06-01', wajong: false, classification: null };

  it('WW when the WW ends later than 3 months from now', () => {
    expect(targetGroupOf(ww, TODAY, 3)).toBe('WW');
  });

  it('MAX WW when it ends within 3 months', () => {
    expect(targetGroupOf({ ...ww, wwEndDate: '2027-01-15' }, TODAY, 3)).toBe('MAX WW');
  });

  it('WAJONG for a UWV client with Wajong, whatever the WW end date', () => {
    expect(targetGroupOf({ ...ww, wwEndDate: '2027-01-15', wajong: true }, TODAY, 3)).toBe('WAJONG');
  });

  it('MAX WW for a client in the Max-WW programme on the day, even when the WW ended before it', () => {
    // Placement starting 2027-01-15; the WW ended 2027-01-05: by the date alone the client is no
    // longer Max-WW (WW), but a mediation covering the 15th makes it MAX WW.
    const ended = { ...ww, wwEndDate: '2027-01-05' };
    expect(targetGroupOf(ended, '2027-01-15', 3)).toBe('WW');
    expect(targetGroupOf({ ...ended, inMaxWwProgramme: true }, '2027-01-15', 3)).toBe('MAX WW');
    // WW ending more than 3 months after the start: WW by the date, MAX WW in the programme.
    expect(targetGroupOf({ ...ww, inMaxWwProgramme: true }, TODAY, 3)).toBe('MAX WW');
    // Wajong still comes first for UWV clients.
    expect(targetGroupOf({ ...ww, wajong: true, inMaxWwProgramme: true }, TODAY, 3)).toBe('WAJONG');
  });

  it('SDD 80-100 and SDD 50-80 by classification; none for participatie or unclassified', () => {
    const bijstand = { pool: 'BIJSTAND' as const, wwEndDate: null, wajong: false };
    expect(targetGroupOf({ ...bijstand, classification: '80-100' }, TODAY, 3)).toBe('SDD 80-100');
    expect(targetGroupOf({ ...bijstand, classification: '50-80' }, TODAY, 3)).toBe('SDD 50-80');
    expect(targetGroupOf({ ...bijstand, classification: 'PARTICIPATIE' }, TODAY, 3)).toBeNull();
    expect(targetGroupOf({ ...bijstand, classification: null }, TODAY, 3)).toBeNull();
  });
});
