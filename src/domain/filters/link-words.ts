/**
 * The English words of a link's problems, the `linkProblems` namespace of the catalogue: those
 * of the link's own parameters (the data, the package, the map view) here, and each filter's
 * beside it in the dimension table, under its first URL parameter, so that a new filter words its
 * problems where it is defined. A message names them through linkProblem (filter-dimension.ts).
 */
import type { Words } from '../message';
import { FILTER_DIMENSIONS } from './filter-dimensions';

const EMBEDDED = 'Showing the embedded incidents.';

/** A `data` or `package` value that cannot be loaded. */
const sourceWords = (param: string) => ({
  notUrl: `Ignored ${param}={{value}}: not a URL or path. ${EMBEDDED}`,
  notHttp: `Ignored ${param}={{value}}: only http and https URLs can be loaded, not {{protocol}} ${EMBEDDED}`,
});

export const LINK_WORDS: Readonly<Record<string, Words>> = {
  data: {
    ...sourceWords('data'),
    notWithPackage: 'Ignored data={{value}}: the link opens the package {{package}} instead.',
  },
  package: sourceWords('package'),
  view: { notView: 'Ignored view={{value}}: expected latitude,longitude,zoom (e.g. 33.9,70.1,7).' },
  incident: { notLoaded: 'Ignored incident={{value}}: no loaded incident has that id.' },
  ...Object.fromEntries(
    FILTER_DIMENSIONS.flatMap((d) => (d.problems ? [[d.params[0]!, d.problems]] : [])),
  ),
};
