// Relative, not @api/…: test/web/report-labels.spec.ts compiles this under the root tsconfig, which has no web aliases.
import type { Schema } from '../../api/types';
export { CONTRACT_LABELS, INSTRUMENT_LABELS } from '../../app/vocabulary';

/** Dutch names for the API's codes, and number formats, as the managers' screens show them. */

export const TARGET_GROUPS: ReadonlyArray<Schema<'TargetGroup'>> = [
  'WW',
  'MAX WW',
  'WAJONG',
  'SDD 80-100',
  'SDD 50-80',
];

/** A target group's name; null: a client in no target group. */
export function targetGroupLabel(group: Schema<'TargetGroup'> | null): string {
  return group ?? 'Geen doelgroep';
}

/** One chart colour per target group, dark enough for AA contrast against white. */
export const TARGET_GROUP_COLORS: Record<Schema<'TargetGroup'>, string> = {
  WW: 'blue.8',
  'MAX WW': 'cyan.9',
  WAJONG: 'grape.8',
  'SDD 80-100': 'teal.9',
  'SDD 50-80': 'orange.9',
};

export const OUTFLOW_LABELS: Record<Schema<'OutflowFilter'>, string> = {
  FULL: 'Volledig gestopt',
  PARTIAL: 'Verlaagd',
  NONE: 'Niet gestopt',
  UNRECORDED: 'Nog niet vastgelegd',
};

export const POOL_LABELS: Record<Schema<'Pool'>, string> = { WW: 'WW', BIJSTAND: 'Bijstand' };

export const ORGANISATION_LABELS: Record<Schema<'Organisation'>, string> = {
  UWV: 'UWV',
  MUNICIPALITY: 'Gemeente',
  STAFFING_FIRM: 'Uitzendbureau',
};

export const SROI_BAND_LABELS: Record<NonNullable<Schema<'SroiShareDto'>['band']>, string> = {
  BELOW: 'Onder de norm',
  WITHIN: 'Binnen de norm',
  ABOVE: 'Boven de norm',
};

const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** A count or figure in Dutch notation; a dash when there is none (no target, no placements). */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : NUMBER.format(value);
}

export function formatPct(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${NUMBER.format(value)}%`;
}

/** '2026-11-22' → '22-11-2026', as Dutch readers write dates. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '–';
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** '2026-03' → 'mrt 2026'. */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** '2026-Q3' → '3e kwartaal 2026'; '2026' → 'jaar 2026'. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? `${quarter[2]}e kwartaal ${quarter[1]}` : `jaar ${period}`;
}

/** A milestone's offset as the region says it: 'P3M' → '3 maanden'. */
export function milestoneLabel(offset: string): string {
  const months = /^P(\d+)M$/.exec(offset);
  if (months) return `${months[1]} ${months[1] === '1' ? 'maand' : 'maanden'}`;
  const weeks = /^P(\d+)W$/.exec(offset);
  if (weeks) return `${weeks[1]} weken`;
  return offset;
}

/** Today in the Netherlands ('YYYY-MM-DD'), as the API counts periods. */
export function dutchToday(moment = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}

/** The quarter a day falls in, and the ones after it: '2026-11-22', 1 → '2027-Q1'. */
export function quarterFrom(day: string, quartersAhead: number): string {
  const index = Number(day.slice(0, 4)) * 4 + Math.ceil(Number(day.slice(5, 7)) / 3) - 1 + quartersAhead;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The file name the API gives in Content-Disposition (`attachment; filename="…"`), else the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}
