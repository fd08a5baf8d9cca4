import { distanceKm } from '@sales/places/distance';

export interface AreaCentroid {
  pc4: string;
  lat: number;
  lon: number;
}

/**
 * The postcode areas as a dense table, so the engine stores a small index per candidate and computes
 * one distance per area per query (≈4,000) instead of one per candidate. Distances are great-circle km
 * between area centroids, as everywhere in the product.
 */
export class PlacesTable {
  private readonly indexByPc4 = new Map<string, number>();
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;

  constructor(areas: readonly AreaCentroid[]) {
    this.lat = new Float64Array(areas.length);
    this.lon = new Float64Array(areas.length);
    areas.forEach((area, index) => {
      this.indexByPc4.set(area.pc4, index);
      this.lat[index] = area.lat;
      this.lon[index] = area.lon;
    });
  }

  get size(): number {
    return this.lat.length;
  }

  indexOf(pc4: string | null): number | undefined {
    return pc4 === null ? undefined : this.indexByPc4.get(pc4);
  }

  distanceKm(fromPc4: string, toPc4: string): number | undefined {
    const from = this.indexByPc4.get(fromPc4);
    const to = this.indexByPc4.get(toPc4);
    if (from === undefined || to === undefined) return undefined;
    return this.distanceBetween(from, to);
  }

  /** Distance from one area to every area, indexed like the table. */
  distancesFrom(pc4: string): Float64Array | undefined {
    const from = this.indexByPc4.get(pc4);
    if (from === undefined) return undefined;
    const distances = new Float64Array(this.size);
    for (let index = 0; index < this.size; index++) distances[index] = this.distanceBetween(from, index);
    return distances;
  }

  private distanceBetween(from: number, to: number): number {
    return distanceKm({ lat: this.lat[from], lon: this.lon[from] }, { lat: this.lat[to], lon: this.lon[to] });
  }
}
