/**
 * The English words of a package's refusals (namespace `packageAnswers`): the source catalogue
 * the page's languages translate, and what the worker's errors and the store's notices say.
 * package-answers.ts puts a refusal together from them, in any language.
 */
export const PACKAGE_WORDS = {
  notHeld: 'This package cannot answer this filter: it holds counts by {{holds}}.',
  bandsOnly: 'This package answers distances by its bands only ({{bands}} km).',
  band: '{{from}}–{{to}}',
  bandOpen: '{{from}}+',
  listSeparator: ', ',
  listLast: '{{rest}} and {{last}}',
  attributes: {
    day: 'day',
    type: 'type',
    side: 'side',
    province: 'province',
    kmBand: 'distance band',
  },
  /** A filter a link, a view or a click set, dropped: `params` its URL parameters. */
  ignored: 'Ignored {{params}}: {{reason}}',
  dateOrderOnly:
    'A package lists its incidents by date only: sorting by fatalities would read every row.',
} as const;
