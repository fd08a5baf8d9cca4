import {
  addDays,
  addMonths,
  amsterdamDay,
  daysBetween,
  daysOverdue,
  defaultNextContactDue,
  nextContactDue,
  plannedEndOf,
} from './mediation-dates';

describe('the mediation calendar', () => {
  it('plans the end three calendar months after the start', () => {
    expect(plannedEndOf('2026-12-01')).toBe('2027-03-01');
    // 30 November + 3 months: 30 February does not exist, so the last day of February.
    expect(plannedEndOf('2026-11-30')).toBe('2027-02-28');
    expect(plannedEndOf('2027-11-30')).toBe('2028-02-29'); // 2028 is a leap year
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('puts the next contact two weeks after a contact, across a month and a year end', () => {
    expect(defaultNextContactDue('2026-12-03')).toBe('2026-12-17');
    expect(defaultNextContactDue('2026-12-20')).toBe('2027-01-03');
    expect(addDays('2027-02-20', 14)).toBe('2027-03-06');
  });

  it('is due two weeks after the start before any contact, else when the newest contact says', () => {
    expect(nextContactDue('2026-12-01', null)).toBe('2026-12-15');
    expect(nextContactDue('2026-12-01', { contactOn: '2026-12-04', nextContactDue: '2026-12-11' })).toBe('2026-12-11');
    expect(nextContactDue('2026-12-01', { contactOn: '2026-12-04', nextContactDue: null })).toBe('2026-12-18');
  });

  it('counts days overdue from the day after the due day', () => {
    expect(daysOverdue('2026-12-15', '2026-12-15')).toBe(0);
    expect(daysOverdue('2026-12-15', '2026-12-14')).toBe(0);
    expect(daysOverdue('2026-12-15', '2026-12-16')).toBe(1);
    // 15 December to 5 January: 16 days left in December + 5 = 21.
    expect(daysOverdue('2026-12-15', '2027-01-05')).toBe(21);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2); // across the change to summer time
  });

  it('takes today in Amsterdam: 23:30 UTC on 31 December is already 1 January there', () => {
    expect(amsterdamDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(amsterdamDay(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });
});
