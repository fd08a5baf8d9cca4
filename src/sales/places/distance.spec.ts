import { distanceKm } from './distance';

describe('distanceKm', () => {
  it('measures Dordrecht (3311) to Rotterdam centre (3011) along the great circle', () => {
    // 3311: 51.8131 N, 4.6685 E; 3011: 51.9191 N, 4.4867 E (centroids from nl_pc4_centroids.csv).
    // dLat = 0.1060° = 0.0018500 rad, dLon = -0.1818° = -0.0031730 rad
    // h = sin²(0.00092502) + cos(51.8131°)·cos(51.9191°)·sin²(-0.0015865)
    //   = 8.5567e-7 + 0.61823 · 0.61677 · 2.5170e-6 = 8.5567e-7 + 9.5975e-7 = 1.81542e-6
    // d = 2 · 6371.0088 · asin(√1.81542e-6) = 2 · 6371.0088 · 0.0013474 = 17.17 km
    const dordrecht = { lat: 51.8131, lon: 4.6685 };
    const rotterdam = { lat: 51.9191, lon: 4.4867 };
    expect(distanceKm(dordrecht, rotterdam)).toBeCloseTo(17.17, 1);
  });

  it('is symmetric and zero for the same point', () => {
    const a = { lat: 52.371, lon: 4.9042 };
    const b = { lat: 53.2182, lon: 6.5743 };
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
    expect(distanceKm(a, a)).toBe(0);
  });

  it('gives one degree of latitude as about 111.2 km', () => {
    // 2π · 6371.0088 / 360 = 111.195 km
    expect(distanceKm({ lat: 52, lon: 5 }, { lat: 53, lon: 5 })).toBeCloseTo(111.195, 2);
  });
});
