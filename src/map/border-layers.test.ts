import { describe, expect, it } from 'vitest';
import {
  CROSSING_ICON,
  CROSSING_LAYER,
  crossingIconImage,
  PROVINCE_RAMPS,
  selectedProvinceFilter,
} from './border-layers';
import { buildBasemapStyle } from './basemap-style';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('Crossing diamond', () => {
  const { image, options } = crossingIconImage();
  const alpha = (x: number, y: number) => image.data[(y * image.width + x) * 4 + 3]!;
  const centre = image.width / 2;

  it('is a signed-distance image MapLibre can colour', () => {
    expect(options.sdf).toBe(true);
    expect(image.data).toHaveLength(image.width * image.height * 4);
  });

  it('is solid in the middle, empty in the corners, with its edge where MapLibre expects it', () => {
    expect(alpha(centre, centre)).toBeGreaterThan(192);
    expect(alpha(0, 0)).toBe(0);
    // A diamond: the middle of each side of the image is nearer its edge than the corner is.
    expect(alpha(centre, 2)).toBeGreaterThan(alpha(2, 2));
  });

  it('is the crossings layer’s icon', () => {
    const layer = buildBasemapStyle('http://localhost/').layers.find(
      (l) => l.id === CROSSING_LAYER,
    );
    expect(layer?.type === 'symbol' && layer.layout?.['icon-image']).toBe(CROSSING_ICON);
  });
});

describe('Province choropleth', () => {
  it('runs from light to dark on the light basemap and from dark to light on the dark one', () => {
    const light = PROVINCE_RAMPS.light.map(luminance);
    const dark = PROVINCE_RAMPS.dark.map(luminance);
    for (let i = 1; i < light.length; i++) {
      expect(light[i]).toBeLessThan(light[i - 1]!);
      expect(dark[i]).toBeGreaterThan(dark[i - 1]!);
    }
  });

  it('outlines no province until one is chosen', () => {
    expect(selectedProvinceFilter(null)).toEqual(['==', ['get', 'id'], '']);
    expect(selectedProvinceFilter('PK-KP')).toEqual(['==', ['get', 'id'], 'PK-KP']);
  });
});
