import type { StateCreator } from 'zustand';
import type { EngineClient } from '../workers/engine-client';
import type { FeatureReply } from '../workers/engine-protocol';

/**
 * Where a selection was made: the map flies to what was chosen in the list or opened by a link,
 * not to what was just clicked on it, nor when the link (or saved view) brings its own camera
 * (`view`).
 */
type SelectedFrom = 'map' | 'list' | 'link' | 'view';

/** The incident whose details are open. */
export interface SelectionSlice {
  /** Row id of the incident whose details are open. */
  selectedRow: number | null;
  selected: FeatureReply | null;
  /** Where the selection was made: the map does not fly to what was just clicked on it. */
  selectedFrom: SelectedFrom;
  select: (row: number | null, from?: SelectedFrom) => Promise<void>;
  /**
   * Opens the incident with this id (from a permalink or a saved view: `link`, or `view` when it
   * sets the camera itself); false when no loaded incident has it.
   */
  selectById: (key: string, from?: 'link' | 'view') => Promise<boolean>;
}

/** The selection slice of the incident store; details are asked of the engine on selection. */
export function createSelectionSlice(client: EngineClient): StateCreator<SelectionSlice> {
  return (set, get) => ({
    selectedRow: null,
    selected: null,
    selectedFrom: 'map',
    select: async (row, from = 'map') => {
      set({ selectedRow: row, selectedFrom: from, ...(row === null ? { selected: null } : {}) });
      if (row === null) return;
      const reply = await client.feature(row);
      // A later selection made while this one was looked up wins.
      if (get().selectedRow === row) set({ selected: reply });
    },
    selectById: async (key, from = 'link') => {
      const row = await client.findRow(key);
      if (row < 0) return false;
      await get().select(row, from);
      return true;
    },
  });
}
