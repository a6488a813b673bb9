import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message';
import type { MessageLine } from '../../domain/message-line';
import { lineMessages } from '../../domain/message-line';
import { DataText } from './data-text';

/**
 * A message from the domain, the worker or storage (domain/message.ts), worded in the page's
 * language; a line of messages (domain/message-line.ts) is worded part by part, joined by a
 * space. Its values are data (a file's name, a link's value), so the worded text goes through
 * DataText like any other text from data; a plain string is a message not yet given words, and is
 * marked as English.
 */
export function MessageText({ message }: { message: MessageLine | string }) {
  const { t } = useTranslation();
  if (typeof message === 'string') return <DataText value={message} lang="en" />;
  const word = (part: Message) => t(part.key as never, { ...part.values });
  return <DataText value={lineMessages(message).map(word).join(' ')} />;
}
