import type { StateCreator } from 'zustand';
import type { IgnoredFilter } from '../domain/filters/package-answers';
import type { Message } from '../domain/message';
import type { MessageLine } from '../domain/message-line';
import { message } from '../domain/message';
import type { EN } from '../i18n/en-catalogue';

/**
 * A message for the user: words of the catalogue and their values (domain/message.ts), or a
 * filter an open package could not answer (worded by package-answers.ts), worded when shown so
 * that it follows a change of language; or a text already written in English.
 */
export type Notice = string | MessageLine | IgnoredFilter;

/** A notice of the import feature's own `notice` group, naming a file or what the browser said. */
export function appNotice(
  key: keyof (typeof EN)['import']['notice'],
  values?: { name?: string; reason?: string },
): Message {
  return message('import', `notice.${key}`, values);
}

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
