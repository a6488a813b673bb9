/**
 * The English words of what a saved view or a views file lost on the way in, the `viewProblems`
 * namespace of the catalogue (saved-view.ts sends them; a filter's own problems are the link's,
 * filters/link-words.ts).
 */
export const VIEW_PROBLEMS = 'viewProblems';

export const VIEW_PROBLEM_WORDS = {
  dataParam:
    'Ignored {{name}}={{value}}: a saved view keeps the filters, map view and open incident, not the data to load.',
  otherParam: 'Ignored {{name}}={{value}}: not a filter, map view or incident parameter.',
  notObject: 'View {{n}} was left out: it is not an object with a name and a query.',
  noName: 'View {{n}} was left out: it has no name.',
  badQuery:
    'View {{n}} ("{{name}}") was left out: its "query" is not a text of at most {{max}} characters.',
  entry: 'View {{n}} ("{{name}}"):',
} as const;
