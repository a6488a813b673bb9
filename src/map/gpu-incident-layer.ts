import type { PickingInfo } from '@deck.gl/core';
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import { DataFilterExtension } from '@deck.gl/extensions';
import { ScatterplotLayer } from '@deck.gl/layers';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describeType } from '../domain/taxonomy';
import type { PointsReply } from '../workers/engine-protocol';

/** What the GPU keeps or hides: an inclusive day range and the ticked types and datasets. */
export interface GpuFilter {
  fromDay: number;
  toDay: number;
  /** Positions in `points.typeCodes`. */
  types: number[];
  /** Positions in `points.datasetIds`. */
  datasets: number[];
  /** Per point: 1 when it passes the filters the shader cannot apply (actors, text…); null: all do. */
  mask: Uint8Array | null;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * Large datasets on the GPU: every located incident is uploaded once, and a filter change only
 * changes the shader's day range and category masks, so dragging a date range over a million
 * points costs no data transfer at all. Drawn by deck.gl over the MapLibre map.
 */
export class GpuIncidentLayer {
  private readonly overlay: MapboxOverlay;
  private points: PointsReply | null = null;
  private filter: GpuFilter | null = null;
  private selectedIndex = -1;
  private colours: Array<[number, number, number]> = [];
  /** deck.gl recomputes every attribute when `data` changes identity: one object per upload. */
  private data: { length: number } = { length: 0 };
  private afterRender: (() => void) | null = null;

  constructor(
    map: MapLibreMap,
    private readonly onSelect: (row: number) => void,
  ) {
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => {
        const done = this.afterRender;
        this.afterRender = null;
        done?.();
      },
    });
    map.addControl(this.overlay);
  }

  /** Uploads the points; later filter changes reuse them. */
  setPoints(points: PointsReply, onDrawn: () => void): void {
    this.points = points;
    this.data = { length: points.rows.length };
    this.colours = points.typeCodes.map((code) => hexToRgb(describeType(code).colour));
    this.render(onDrawn);
  }

  setFilter(filter: GpuFilter, onDrawn: () => void): void {
    this.filter = filter;
    this.render(onDrawn);
  }

  /** Highlights one incident by row id, or none. */
  setSelected(row: number | null): void {
    const rows = this.points?.rows;
    const index = row === null || !rows ? -1 : binarySearch(rows, row);
    if (index === this.selectedIndex) return;
    this.selectedIndex = index;
    this.render(null);
  }

  /** Whether a drawn point lies under this pixel of the map (CSS pixels from its top left). */
  hasPointAt(point: { x: number; y: number }): boolean {
    return this.overlay.pickObject({ x: point.x, y: point.y, radius: 2 }) !== null;
  }

  /** deck.gl's own canvas over the map (its drawing buffer is preserved, so it can be copied). */
  canvas(): HTMLCanvasElement | null {
    return this.overlay.getCanvas();
  }

  destroy(map: MapLibreMap): void {
    map.removeControl(this.overlay);
  }

  private render(onDrawn: (() => void) | null): void {
    const { points, filter } = this;
    if (!points || !filter) return;
    if (onDrawn) this.afterRender = onDrawn;
    const { positions, days, types, datasets, rows } = points;
    const colours = this.colours;
    const mask = filter.mask;
    this.overlay.setProps({
      layers: [
        new ScatterplotLayer<number, DataFilterExtensionProps<number>>({
          id: 'incidents-gpu',
          data: this.data as unknown as number[],
          getPosition: (_, { index }) => [positions[index * 2]!, positions[index * 2 + 1]!],
          getFillColor: (_, { index }) => colours[types[index]!]!,
          // No outline: at this density white rims would merge into white blobs.
          stroked: false,
          radiusUnits: 'pixels',
          getRadius: 3.5,
          radiusMinPixels: 2,
          opacity: 0.85,
          pickable: true,
          autoHighlight: false,
          highlightedObjectIndex: this.selectedIndex,
          highlightColor: [0, 0, 0, 255],
          onClick: (info: PickingInfo) => {
            if (info.index >= 0) this.onSelect(rows[info.index]!);
          },
          getFilterValue: (_, { index }) => [days[index]!, mask ? mask[index]! : 1],
          getFilterCategory: (_, { index }) => [types[index]!, datasets[index]!],
          filterRange: [
            [filter.fromDay, filter.toDay],
            [1, 1],
          ],
          filterCategories: [filter.types, filter.datasets],
          updateTriggers: {
            getPosition: points,
            getFillColor: points,
            getFilterValue: [points, mask],
            getFilterCategory: points,
          },
          extensions: [new DataFilterExtension({ filterSize: 2, categorySize: 2 })],
        }),
      ],
    });
  }
}

function binarySearch(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
