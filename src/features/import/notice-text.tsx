import { useTranslation } from 'react-i18next';
import type { Notice } from '../../state/notice-slice';
import { DataText } from '../data-text/data-text';

/**
 * One notice of the load report: the app's own words in the page's language, or a text written
 * in English elsewhere (what a link's parameters or an importer said), marked as English.
 */
export function NoticeText({ notice }: { notice: Notice }) {
  const { t } = useTranslation('import');
  if (typeof notice === 'string') return <DataText value={notice} lang="en" />;
  return <DataText value={t(`notice.${notice.key}`, { ...notice.values })} />;
}
