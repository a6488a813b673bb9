import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message';
import { DataText } from './data-text';

/**
 * A message from the domain, the worker or storage (domain/message.ts), worded in the page's
 * language. Its values are data (a file's name, a link's value), so the worded text goes through
 * DataText like any other text from data; a plain string is a message not yet given words, and is
 * marked as English.
 */
export function MessageText({ message }: { message: Message | string }) {
  const { t } = useTranslation();
  if (typeof message === 'string') return <DataText value={message} lang="en" />;
  return <DataText value={t(message.key as never, { ...message.values })} />;
}
