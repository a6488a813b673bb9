import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../domain/taxonomy';
import { createTypeDescriber, OVERFLOW_TYPE_COLOURS } from '../domain/type-describer';
import {
  CLUSTER_ABOVE,
  CLUSTER_LAYER,
  HEATMAP_LAYER,
  HEATMAP_UNTIL_ZOOM,
  INCIDENT_LAYER,
  CLUSTER_LAYERS,
  incidentColourExpression,
  incidentColourPaints,
  incidentLayerModes,
  incidentLayers,
  shouldCluster,
} from './incident-layers';

const layer = (id: string) => [...incidentLayers([]), ...CLUSTER_LAYERS].find((l) => l.id === id)!;

describe('Incident clustering', () => {
  it('keeps small sets, like the embedded incidents, unclustered', () => {
    expect(shouldCluster(122)).toBe(false);
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

describe('Incident colours', () => {
  const typeCodes = ['airstrike', 'shelling', 'sniper_fire', 'state_based'];
  /** The colour the expression gives a code, read as MapLibre's `match` would. */
  const colourIn = (expression: unknown[], code: string) => {
    for (let at = 2; at < expression.length - 1; at += 2) {
      const labels = expression[at];
      if (Array.isArray(labels) ? labels.includes(code) : labels === code)
        return expression[at + 1];
    }
    return expression.at(-1);
  };

  it('colours every taxonomy type in its colour', () => {
    const expression = incidentColourExpression(typeCodes) as unknown[];
    for (const { code, colour } of INCIDENT_TYPES) expect(colourIn(expression, code)).toBe(colour);
  });

  it('colours each loaded code outside the taxonomy as the legend and filters do', () => {
    const expression = incidentColourExpression(typeCodes) as unknown[];
    const describeType = createTypeDescriber(typeCodes);
    expect(colourIn(expression, 'sniper_fire')).toBe(OVERFLOW_TYPE_COLOURS[0]);
    expect(colourIn(expression, 'state_based')).toBe(describeType('state_based').colour);
  });

  it('gives one branch to each colour, however many codes share it', () => {
    const many = Array.from({ length: 1000 }, (_, n) => `type_${n}`);
    const expression = incidentColourExpression(many) as unknown[];
    const colours = expression.filter(
      (_, at) => at > 2 && at % 2 === 1 && at < expression.length - 1,
    );
    expect(new Set(colours).size).toBe(colours.length);
    expect(colourIn(expression, 'type_999')).toBe(createTypeDescriber(many)('type_999').colour);
  });

  it('changes only paint for other data: the circle fill and the ring of approximate places', () => {
    const paints = incidentColourPaints(typeCodes);
    expect(paints.map((p) => [p.layer, p.property])).toEqual([
      [INCIDENT_LAYER, 'circle-color'],
      [INCIDENT_LAYER, 'circle-stroke-color'],
    ]);
    expect(paints[0]!.value).toEqual(incidentColourExpression(typeCodes));
    expect(JSON.stringify(paints[1]!.value)).toContain(JSON.stringify(paints[0]!.value));
  });
});
