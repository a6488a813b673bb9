import type { StateCreator } from 'zustand';
import type { EngineClient } from '../workers/engine-client';
import type { ExportFormat, FileReply } from '../workers/engine-protocol';
import type { BorderSlice } from './border-slice';
import type { DataSlice } from './data-slice';
import type { FilterSlice } from './filter-slice';
import type { NotesSlice } from './notes-slice';

/** Files made by the engine: the filtered incidents as an export, a dataset's rejected rows. */
export interface FileSlice {
  /** The export being made: its format and how far it has got (0..1). */
  exporting: { format: ExportFormat; progress: number } | null;
  exportFiltered: (format: ExportFormat) => Promise<FileReply | null>;
  /** CSV exports put a `'` before each cell a spreadsheet may take for a formula (off: as read). */
  spreadsheetSafeCsv: boolean;
  setSpreadsheetSafeCsv: (on: boolean) => void;
  rejectedFile: (datasetId: string) => Promise<FileReply | null>;
}

/** What an export reads of the rest of the store. */
type FileSliceNeeds = FileSlice &
  Pick<DataSlice, 'summary'> &
  Pick<FilterSlice, 'filter'> &
  Pick<BorderSlice, 'includeComputedFields'> &
  Pick<NotesSlice, 'includeNotes'>;

/** The file slice of the incident store. */
export function createFileSlice(
  client: EngineClient,
): StateCreator<FileSliceNeeds, [], [], FileSlice> {
  return (set, get) => ({
    exporting: null,
    exportFiltered: async (format) => {
      const { summary, filter, includeComputedFields, includeNotes, spreadsheetSafeCsv } = get();
      if (!summary) return null;
      set({ exporting: { format, progress: 0 } });
      try {
        return await client.exportFiltered(
          filter,
          format,
          {
            computedFields: includeComputedFields,
            analystNotes: includeNotes,
            spreadsheetSafe: spreadsheetSafeCsv,
          },
          (progress) => set({ exporting: { format, progress } }),
        );
      } finally {
        set({ exporting: null });
      }
    },
    spreadsheetSafeCsv: false,
    setSpreadsheetSafeCsv: (spreadsheetSafeCsv) => set({ spreadsheetSafeCsv }),
    rejectedFile: (datasetId) => client.rejected(datasetId),
  });
}
