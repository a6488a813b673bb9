import type { StateCreator } from 'zustand';

/** Messages for the user that stay until dismissed. */
export interface NoticeSlice {
  /** Messages about ignored input (bad URL parameters…), shown until dismissed. */
  notices: string[];
  addNotices: (messages: string[]) => void;
  dismissNotices: () => void;
}

/** The notice slice of the incident store. */
export const createNoticeSlice: StateCreator<NoticeSlice> = (set, get) => ({
  notices: [],
  addNotices: (messages) => set({ notices: [...get().notices, ...messages] }),
  dismissNotices: () => set({ notices: [] }),
});
