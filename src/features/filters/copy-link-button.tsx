import { useState } from 'react';

/** Copies the page's address, which always carries the filters, view and open incident. */
export function CopyLinkButton() {
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
        Copy link
      </button>
      <span role="status" className="muted small copy-status">
        {copied === 'copied'
          ? 'Link copied'
          : copied === 'failed'
            ? 'Copy failed: use the address bar'
            : ''}
      </span>
    </>
  );
}
