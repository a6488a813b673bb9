/**
 * The English words of what the browser's storage did not keep, the `storage` namespace of the
 * catalogue. storage/ sends them (saved-views.ts, analyst-notes.ts); they live in domain/ because
 * the catalogue (i18n/) may import only domain/, and storage/ imports domain/ too. `{{error}}` is
 * what the browser said (`QuotaExceededError: …`), as it said it.
 */
import type { Message, MessageValues } from './message';
import { message } from './message';

export const STORAGE = 'storage';

const VIEWS_LAST =
  'it and every change from now on last until this tab is closed. Export views to keep them.';
const NOTES_LAST =
  'it and every note changed from now on last until this tab is closed. Export notes to keep them.';
const REFUSED =
  'This browser does not let the page keep data ({{error}}; private browsing refuses it):';

export const STORAGE_WORDS = {
  views: {
    refused: `${REFUSED} saved views last until this tab is closed. Export views to keep them.`,
    view: `This browser did not keep the view "{{name}}" ({{error}}): ${VIEWS_LAST}`,
    views_one: `This browser did not keep {{count}} views ({{error}}): ${VIEWS_LAST}`,
    views_other: `This browser did not keep {{count}} views ({{error}}): ${VIEWS_LAST}`,
    rename: `This browser did not keep the new name "{{name}}" ({{error}}): ${VIEWS_LAST}`,
    deletion: `This browser did not keep the deletion ({{error}}): ${VIEWS_LAST}`,
  },
  notes: {
    refused: `${REFUSED} notes and tags last until this tab is closed. Export notes to keep them.`,
    note: `This browser did not keep your note on incident {{incident}} ({{error}}): ${NOTES_LAST}`,
    tag: `This browser did not keep the tag "{{tag}}" on incident {{incident}} ({{error}}): ${NOTES_LAST}`,
    imported_one: `This browser did not keep {{count}} imported note(s) ({{error}}): ${NOTES_LAST}`,
    imported_other: `This browser did not keep {{count}} imported note(s) ({{error}}): ${NOTES_LAST}`,
  },
} as const;

/** A message of what `kind` of storage did not keep, `key` of its words (plural keys without `_one`). */
export function storageMessage<K extends keyof typeof STORAGE_WORDS>(
  kind: K,
  key: string,
  values: MessageValues,
): Message {
  return message(STORAGE, `${kind}.${key}`, values);
}
