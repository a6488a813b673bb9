/**
 * The English words of what reading an app file (a views or a notes file, app-file.ts) left out
 * of the file as a whole, the `fileProblems` namespace of the catalogue; each kind of file words
 * the problems of its own entries (saved-view-words.ts, notes/note-problem-words.ts).
 */
export const FILE_PROBLEMS = 'fileProblems';

export const FILE_PROBLEM_WORDS = {
  prototypeKeys: 'Ignored {{n}} "__proto__" key(s).',
  /** By the file's list (its `listKey`). */
  tooMany: {
    views: 'The file holds {{n}} views: only the first {{max}} were read.',
    notes: 'The file holds {{n}} notes: only the first {{max}} were read.',
  },
} as const;
