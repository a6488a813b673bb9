import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies the page's address, which always carries the filters, view and open incident. */
export function CopyLinkButton() {
  const { t } = useTranslation('filters');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <>
      <button type="button" onClick={() => void onCopy()}>
        {t('copyLink')}
      </button>
      <span role="status" className="muted small copy-status">
        {copied === 'copied' ? t('linkCopied') : copied === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}
