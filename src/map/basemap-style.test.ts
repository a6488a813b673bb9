import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../domain/taxonomy';
import { buildBasemapStyle, INCIDENT_COLOUR, PLACE_LABEL_LAYER } from './basemap-style';

describe('Offline basemap style', () => {
  const style = buildBasemapStyle('http://127.0.0.1:5173/app/');

  it('asks no font server: glyphs are omitted so labels use local fonts', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('loads every source from the app itself', () => {
    for (const source of Object.values(style.sources)) {
      if ('data' in source && typeof source.data === 'string') {
        expect(source.data.startsWith('http://127.0.0.1:5173/app/data/')).toBe(true);
      }
    }
  });

  it('draws every layer from a source it defines', () => {
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('labels places with text', () => {
    const labels = style.layers.find((layer) => layer.id === PLACE_LABEL_LAYER);
    expect(labels?.type).toBe('symbol');
  });

  it('colours every taxonomy type', () => {
    for (const { code, colour } of INCIDENT_TYPES) {
      const expression: unknown[] = INCIDENT_COLOUR;
      expect(expression[expression.indexOf(code) + 1]).toBe(colour);
    }
  });
});
