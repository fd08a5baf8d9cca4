/**
 * A calendar day as the date-only DTO fields take it. `IsISO8601` alone also lets a date-time, a week
 * date (2026-W48-2) or an ordinal date (2026-335) through, which the day arithmetic on these fields
 * (target group, follow-up milestones) cannot read and a `date` column silently truncates.
 */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
