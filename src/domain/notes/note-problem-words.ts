/**
 * The English words of what a notes file's entries lost on the way in, the `noteProblems`
 * namespace of the catalogue (notes-file.ts sends them). A problem of a note that is kept is said
 * after `entry`, on one line (domain/message-line.ts).
 */
export const NOTE_PROBLEMS = 'noteProblems';

export const NOTE_PROBLEM_WORDS = {
  notObject: 'Note {{n}} was left out: it is not an object with a dataset and an incident.',
  notNamed:
    'Note {{n}} was left out: its "dataset" and "incident" must be texts of 1 to {{max}} characters.',
  entry: 'Note {{n}} (incident {{incident}}):',
  noteNotText: 'its "note" is not text and was left out.',
  noteCut: 'its note was cut to {{max}} characters.',
  tagsNotText: 'tags that are not text were left out.',
  empty: 'Note {{n}} (incident {{incident}}) was left out: it has neither a note nor a tag.',
} as const;
