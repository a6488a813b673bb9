import { useTranslation } from 'react-i18next';
import './update-notice.css';

/**
 * A small, non-modal notice that a new version of the app is installed and waiting. Nothing
 * happens until the user chooses: Reload switches to the new version, Dismiss keeps the page as
 * it is (the new version then starts on a later visit, once every tab of the app is closed).
 * The live region is always present, so screen readers announce the notice when it appears.
 */
export function UpdateNotice({
  open,
  onReload,
  onDismiss,
}: {
  open: boolean;
  onReload: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('appUpdate');
  return (
    <div role="status" aria-label={t('region')} className="update-notice-region">
      {open && (
        <div className="update-notice">
          <span>{t('ready')}</span>
          <button type="button" className="primary" onClick={onReload}>
            {t('reload')}
          </button>
          <button type="button" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
