import { describe, expect, it } from 'vitest';
import {
  CLUSTER_ABOVE,
  CLUSTER_LAYER,
  HEATMAP_LAYER,
  HEATMAP_UNTIL_ZOOM,
  INCIDENT_LAYER,
  CLUSTER_LAYERS,
  INCIDENT_LAYERS,
  incidentLayerModes,
  shouldCluster,
} from './incident-layers';

const layer = (id: string) => [...INCIDENT_LAYERS, ...CLUSTER_LAYERS].find((l) => l.id === id)!;

describe('Incident clustering', () => {
  it('keeps small sets, like the embedded incidents, unclustered', () => {
    expect(shouldCluster(72)).toBe(false);
    expect(shouldCluster(CLUSTER_ABOVE)).toBe(false);
  });

  it('clusters larger sets at low zoom', () => {
    expect(shouldCluster(CLUSTER_ABOVE + 1)).toBe(true);
  });

  it('never puts a cluster in the incident layer', () => {
    expect(layer(INCIDENT_LAYER).filter).toEqual(['!', ['has', 'point_count']]);
    expect(layer(CLUSTER_LAYER).filter).toEqual(['has', 'point_count']);
  });
});

describe('Heatmap', () => {
  const mode = (on: boolean, id: string) => incidentLayerModes(on).find((m) => m.id === id)!;

  it('is hidden until switched on', () => {
    expect(layer(HEATMAP_LAYER).layout).toEqual({ visibility: 'none' });
    expect(mode(false, HEATMAP_LAYER).visible).toBe(false);
  });

  it('replaces clusters and circles at low zoom when on', () => {
    expect(mode(true, HEATMAP_LAYER).visible).toBe(true);
    expect(mode(true, CLUSTER_LAYER).visible).toBe(false);
    expect(mode(true, INCIDENT_LAYER).minzoom).toBe(HEATMAP_UNTIL_ZOOM);
  });

  it('gives the circles back at every zoom when off', () => {
    expect(mode(false, INCIDENT_LAYER)).toEqual({ id: INCIDENT_LAYER, visible: true, minzoom: 0 });
    expect(mode(false, CLUSTER_LAYER).visible).toBe(true);
  });

  it('weighs a cluster by the incidents it holds', () => {
    const paint = layer(HEATMAP_LAYER).paint as Record<string, unknown>;
    expect(paint['heatmap-weight']).toEqual(['coalesce', ['get', 'point_count'], 1]);
  });
});

describe('Incident circles and clusters', () => {
  /** How a paint value varies: with the feature, with the zoom. */
  const kind = (value: unknown) => {
    const text = JSON.stringify(value ?? null);
    return {
      feature: /"(get|has|feature-state)"/.test(text),
      zoom: /\["zoom"\]/.test(text),
    };
  };

  it('vary their paint the same way, so that they share one WebGL program', () => {
    const circles = layer(INCIDENT_LAYER).paint as Record<string, unknown>;
    const clusters = layer(CLUSTER_LAYER).paint as Record<string, unknown>;
    const properties = new Set([...Object.keys(circles), ...Object.keys(clusters)]);
    for (const property of properties) {
      expect(kind(clusters[property]), property).toEqual(kind(circles[property]));
    }
  });
});
