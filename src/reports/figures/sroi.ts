/**
 * SROI share (domain.md): placements whose vacancy came from a social-return clause of a public tender,
 * as a share of all placements of the period; the region expects 10–15%.
 */
export const SROI_REFERENCE = { minPct: 10, maxPct: 15 } as const;

export type SroiBand = 'BELOW' | 'WITHIN' | 'ABOVE';

export interface SroiShare {
  placements: number;
  sroi: number;
  /** 100 × sroi ÷ placements, one decimal; null without placements. */
  sroiPct: number | null;
  /** Where the share stands against 10–15% (10 and 15 themselves are within); null without placements. */
  band: SroiBand | null;
}

export function sroiShare(placements: number, sroi: number): SroiShare {
  if (placements === 0) return { placements, sroi, sroiPct: null, band: null };
  const sroiPct = Math.round((1000 * sroi) / placements) / 10;
  const band = sroiPct < SROI_REFERENCE.minPct ? 'BELOW' : sroiPct > SROI_REFERENCE.maxPct ? 'ABOVE' : 'WITHIN';
  return { placements, sroi, sroiPct, band };
}
