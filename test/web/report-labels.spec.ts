import {
  attachmentName,
  formatPct,
  milestoneLabel,
  monthLabel,
  periodLabel,
  quarterFrom,
} from '../../web/src/features/reports/report-labels';

describe('the reports screens’ periods, labels and file names', () => {
  it('counts quarters on from a day, across the turn of the year', () => {
    // 22 November is in Q4 (month 11 → ceil(11 / 3) = 4); one on is Q1 of the next year, five on Q1 a year later.
    expect(quarterFrom('2026-11-22', 0)).toBe('2026-Q4');
    expect(quarterFrom('2026-11-22', 1)).toBe('2027-Q1');
    expect(quarterFrom('2026-11-22', 5)).toBe('2028-Q1');
    expect(quarterFrom('2026-01-01', -1)).toBe('2025-Q4');
  });

  it('names periods, months and milestones in Dutch', () => {
    expect(periodLabel('2027-Q1')).toBe('1e kwartaal 2027');
    expect(periodLabel('2027')).toBe('jaar 2027');
    expect(monthLabel('2026-03')).toBe('mrt 2026');
    expect(milestoneLabel('P3M')).toBe('3 maanden');
    expect(milestoneLabel('P1M')).toBe('1 maand');
    expect(formatPct(12.5)).toBe('12,5%');
    expect(formatPct(null)).toBe('–');
  });

  it('takes the export’s file name from Content-Disposition, or falls back', () => {
    expect(attachmentName('attachment; filename="plaatsingen-2026-01-01-2026-12-01.csv"', 'x.csv')).toBe(
      'plaatsingen-2026-01-01-2026-12-01.csv',
    );
    expect(attachmentName("attachment; filename*=UTF-8''plaatsingen%20Q4.csv", 'x.csv')).toBe('plaatsingen Q4.csv');
    expect(attachmentName(null, 'plaatsingen.csv')).toBe('plaatsingen.csv');
  });
});
