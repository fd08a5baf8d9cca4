/** "8–16 uur", or "8 uur" when the range is one number (never "8–8 uur"). */
export function hoursRange(min: number, max: number): string {
  return min === max ? `${min} uur` : `${min}–${max} uur`;
}
