import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message';
import type { MessageLine } from '../../domain/message-line';
import { lineMessages } from '../../domain/message-line';
import { DataText } from './data-text';

/**
 * A message from the domain, the worker or storage (domain/message.ts), worded in the page's
 * language; a line of messages (domain/message-line.ts) is worded part by part, joined by a
 * space. Its values are data (a file's name, a link's value), so the worded text goes through
 * DataText like any other text from data; a value that is a message is worded first, in the same
 * language. A plain string is a message not yet given words, and is marked as English.
 */
export function MessageText({ message }: { message: MessageLine | string }) {
  const { t } = useTranslation();
  if (typeof message === 'string') return <DataText value={message} lang="en" />;
  const word = (part: Message): string => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(part.values ?? {}))
      values[name] = typeof value === 'object' ? word(value) : value;
    return t(part.key as never, values);
  };
  return <DataText value={lineMessages(message).map(word).join(' ')} />;
}
