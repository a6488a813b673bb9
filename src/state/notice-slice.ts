import type { StateCreator } from 'zustand';
import type { EN } from '../i18n/en-catalogue';

/**
 * A notice in the app's own words: a key of the catalogue's `import:notice` group and its values,
 * worded when shown, so that it follows a change of language.
 */
export interface AppNotice {
  key: keyof (typeof EN)['import']['notice'];
  /** The data it names: a file, and what the browser said. */
  values?: { name?: string; reason?: string };
}

/**
 * A message for the user: the app's own words (AppNotice), or a text already written, in English
 * (what a link's parameters or an importer said of the input).
 */
export type Notice = string | AppNotice;

/** Messages for the user that stay until dismissed. */
export interface NoticeSlice {
  /** Messages about ignored input (bad URL parameters…), shown until dismissed. */
  notices: Notice[];
  addNotices: (messages: Notice[]) => void;
  dismissNotices: () => void;
}

/** The notice slice of the incident store. */
export const createNoticeSlice: StateCreator<NoticeSlice> = (set, get) => ({
  notices: [],
  addNotices: (messages) => set({ notices: [...get().notices, ...messages] }),
  dismissNotices: () => set({ notices: [] }),
});
