// @vitest-environment node
import CheapRuler from 'cheap-ruler';
import { describe, expect, it } from 'vitest';
import { distanceKm, isLonLat, kmPerDegreeLat, kmPerDegreeLon } from './latitude-scale';
import { seededRandom } from './test-data';

/**
 * Vincenty's inverse formula (1975) on the WGS84 ellipsoid, in km: an independent geodesic to
 * check the approximation against. Good to well under a millimetre for these distances.
 */
function vincentyKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (lon2 - lon1) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  let sinSigma = 0;
  let cosSigma = 0;
  let sigma = 0;
  let cos2Alpha = 0;
  let cos2SigmaM = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    const [sinLambda, cosLambda] = [Math.sin(lambda), Math.cos(lambda)];
    sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda =
      L +
      (1 - C) *
        f *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
    if (Math.abs(lambda - previous) < 1e-12) break;
  }
  const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const deltaSigma =
    B *
    sinSigma *
    (cos2SigmaM +
      (B / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM ** 2) -
          (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
  return (b * A * (sigma - deltaSigma)) / 1000;
}

/** Largest relative difference from Vincenty over random pairs up to `maxKm` apart in the region. */
function worstRelativeError(maxKm: number, pairs = 5000): number {
  const random = seededRandom(maxKm);
  let worst = 0;
  for (let i = 0; i < pairs; i++) {
    const lon = 60 + 15 * random();
    const lat = 28 + 10 * random();
    const bearing = 2 * Math.PI * random();
    const km = 1 + (maxKm - 1) * Math.sqrt(random());
    const lon2 = lon + (km * Math.sin(bearing)) / kmPerDegreeLon(lat);
    const lat2 = lat + (km * Math.cos(bearing)) / kmPerDegreeLat(lat);
    const exact = vincentyKm(lon, lat, lon2, lat2);
    worst = Math.max(worst, Math.abs(distanceKm(lon, lat, lon2, lat2) - exact) / exact);
  }
  return worst;
}

describe('Latitude scales', () => {
  it("match cheap-ruler's kx and ky to within 1e-6, on and between table rows", () => {
    for (const lat of [-89.95, -45, 0, 29.86, 33.33, 37.02, 37.05, 71.234, 90]) {
      const ruler = new CheapRuler(lat, 'kilometers');
      expect(Math.abs(kmPerDegreeLon(lat) - ruler.kx)).toBeLessThan(1e-6 * 111.32);
      expect(Math.abs(kmPerDegreeLat(lat) / ruler.ky - 1)).toBeLessThan(1e-6);
    }
  });

  it('clamp latitudes beyond the poles', () => {
    expect(kmPerDegreeLat(95)).toBe(kmPerDegreeLat(90));
    expect(kmPerDegreeLon(-95)).toBe(kmPerDegreeLon(-90));
  });
});

describe('distanceKm', () => {
  it("is within 0.005 % of Vincenty's ellipsoidal distance up to 200 km", () => {
    expect(worstRelativeError(200)).toBeLessThan(0.00005);
  });

  it('is within 0.03 % up to 500 km and 0.1 % up to 1,000 km', () => {
    expect(worstRelativeError(500)).toBeLessThan(0.0003);
    expect(worstRelativeError(1000)).toBeLessThan(0.001);
  });
});

describe('isLonLat', () => {
  it('accepts positions within ±180° and ±90°, with or without altitude', () => {
    expect(isLonLat([180, -90])).toBe(true);
    expect(isLonLat([69.2, 34.5, 1800])).toBe(true);
  });

  it('rejects out-of-range, NaN and non-numeric values', () => {
    expect(isLonLat([180.1, 0])).toBe(false);
    expect(isLonLat([0, NaN])).toBe(false);
    expect(isLonLat(['69', 34])).toBe(false);
    expect(isLonLat([69])).toBe(false);
  });
});
