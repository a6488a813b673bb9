/**
 * Why the engine's worker refuses a load before or after reading it, in English: the source
 * catalogue of the `loadRefusal` namespace (domain/message.ts). The worker sends a refusal as a
 * failed reply's `failure` (read by the load report in the reader's language) beside its English
 * `message` (tests, a link's fallback notice). Values are data: a file's name, a type code, what a
 * check said (technical text, in English, quoted as it came), or the message of a read that
 * failed (a limit, an unreachable link), worded in the reader's language with the rest.
 */
import type { Message, MessageValues } from '../message';
import { message, wordMessage } from '../message';
import { FILE_ERROR_NAMESPACE, FILE_ERROR_WORDS } from './file-error-words';
import { READ_LIMIT_NAMESPACE, READ_LIMIT_WORDS } from './read-limits';

export const LOAD_REFUSAL_WORDS = {
  /** The options a load brings (from the page's storage) are not well formed: `detail` says how. */
  options: 'cannot load with these options: {{detail}}.',
  tooManyTypes:
    '{{dataset}} brings more than {{max, number}} incident types (each file’s counted apart), ' +
    'more than the map and filters can tell apart: type "{{type}}" of incident "{{incident}}" is ' +
    'one too many. Group the types into fewer codes, or split the file.',
  package: {
    notJson:
      'Could not open the package {{name}}: its manifest is not JSON. Open the manifest.json of a package.',
    /** `reason`: a read's failure (a message of fileError or readLimit) or a check's English. */
    other: 'Could not open the package {{name}}: {{reason}}',
  },
} as const;

/** The namespace of these words in the catalogue. */
export const LOAD_REFUSAL_NAMESPACE = 'loadRefusal';

type Key = 'options' | 'tooManyTypes' | 'package.notJson' | 'package.other';

/** The words a refusal's English is written from: its own, and those of the failures it names. */
const CATALOGUE = {
  [LOAD_REFUSAL_NAMESPACE]: LOAD_REFUSAL_WORDS,
  [FILE_ERROR_NAMESPACE]: FILE_ERROR_WORDS,
  [READ_LIMIT_NAMESPACE]: READ_LIMIT_WORDS,
};

/** A refusal `key` with `values`: the message for the reader and its English. */
export function loadRefusal(key: Key, values: MessageValues): { sent: Message; text: string } {
  const sent = message(LOAD_REFUSAL_NAMESPACE, key, values);
  return { sent, text: wordMessage(CATALOGUE, sent) };
}
