/**
 * For tests: the English of the messages sent below the interface, from the words kept beside
 * their senders (the catalogue takes the same words, i18n/en-catalogue.ts), so a test pins the
 * exact English a reader gets.
 */
import { FILE_PROBLEM_WORDS } from './app-file-words';
import type { IgnoredFilter } from './filters/package-answers';
import { describeIgnoredFilter, isIgnoredFilter } from './filters/package-answers';
import { LINK_WORDS } from './filters/link-words';
import type { MessageLine } from './message-line';
import { wordLine } from './message-line';
import { NOTE_PROBLEM_WORDS } from './notes/note-problem-words';
import { VIEW_PROBLEM_WORDS } from './saved-view-words';
import { STORAGE_WORDS } from './storage-words';

const WORDS = {
  fileProblems: FILE_PROBLEM_WORDS,
  linkProblems: LINK_WORDS,
  noteProblems: NOTE_PROBLEM_WORDS,
  storage: STORAGE_WORDS,
  viewProblems: VIEW_PROBLEM_WORDS,
};

/** What a test reads in English: a message, a line of them, an ignored filter, or English text. */
type Said = MessageLine | IgnoredFilter | string;

/** The English of a message, a line of messages, or a text already in English (kept as it is). */
export function inEnglish(line: Said | null): string | null {
  if (line === null || typeof line === 'string') return line;
  if (isIgnoredFilter(line)) return describeIgnoredFilter(line);
  return wordLine(WORDS, line);
}

/** The English of each of `lines`. */
export function allInEnglish(lines: ReadonlyArray<Said>): string[] {
  return lines.map((line) => inEnglish(line)!);
}
