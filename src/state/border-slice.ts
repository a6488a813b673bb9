import type { StateCreator } from 'zustand';
import type { EngineClient } from '../workers/engine-client';
import type { GeographyReply, GeographyUrls, StripReply } from '../workers/engine-protocol';
import type { NoticeSlice } from './notice-slice';
import { appNotice } from './notice-slice';

/** The border geography and what is measured against it: province counts, the strip, exports. */
export interface BorderSlice {
  /** Whether the worker has the border geography and measures incidents against it. */
  borderReady: boolean;
  /** The line's length and the crossings and provinces the filters offer. */
  geography: GeographyReply | null;
  /** Sends the geography's URLs to the engine; filters and measures follow when it is in. */
  loadGeography: (urls: GeographyUrls) => Promise<void>;
  /**
   * Whether answers carry the incidents per province (the choropleth is shown): counting them
   * takes a pass over every incident, worth skipping on every other filter change.
   */
  provinceCountsWanted: boolean;
  setProvinceCountsWanted: (wanted: boolean) => void;
  /**
   * The strip chart's marks for the current filters (every filter but its own brush), asked of
   * the engine only while the strip is open.
   */
  strip: StripReply | null;
  stripOpen: boolean;
  setStripOpen: (open: boolean) => void;
  /** Exports add border_side, border_distance_km… to each feature's properties. */
  includeComputedFields: boolean;
  setIncludeComputedFields: (on: boolean) => void;
}

/**
 * The border slice of the incident store. The store's root fills `strip` while the strip is
 * open; a failed geography becomes a notice.
 */
export function createBorderSlice(
  client: EngineClient,
): StateCreator<BorderSlice & Pick<NoticeSlice, 'addNotices'>, [], [], BorderSlice> {
  return (set, get) => ({
    borderReady: false,
    geography: null,
    loadGeography: async (urls) => {
      try {
        const geography = await client.geography(urls);
        set({ borderReady: true, geography });
      } catch (error) {
        get().addNotices([appNotice('borderUnavailable', { reason: (error as Error).message })]);
      }
    },
    provinceCountsWanted: false,
    setProvinceCountsWanted: (provinceCountsWanted) => set({ provinceCountsWanted }),
    strip: null,
    stripOpen: false,
    // A folded strip lets its marks go: at a million incidents they are megabytes.
    setStripOpen: (stripOpen) => set(stripOpen ? { stripOpen } : { stripOpen, strip: null }),
    includeComputedFields: false,
    setIncludeComputedFields: (includeComputedFields) => set({ includeComputedFields }),
  });
}
