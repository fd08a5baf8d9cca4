/** "2026-12-01" → "1-12-2026", the way Dutch staff write a date. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${Number(day)}-${Number(month)}-${year}`;
}
