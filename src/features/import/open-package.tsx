import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { findUrlFault } from '../../domain/url-state';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { DataText } from '../data-text/data-text';

/** The command that makes a package: a command, in every language. */
const PACKAGE_COMMAND = 'npm run package';

/**
 * "Open package…": asks for the URL of a dataset package's manifest.json (http(s), or a path
 * beside the app) and shows that package in place of the data. The package is read by range
 * requests, never downloaded whole; a failure leaves what was shown, and its reason is in the
 * load report.
 */
export function OpenPackage({ store = incidentStore }: { store?: IncidentStore }) {
  const id = useId();
  const { t } = useTranslation('import');
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const loading = useIncidentStore((state) => state.loading !== null, store);

  const submit = async () => {
    const value = url.trim();
    const fault = findUrlFault(value, base());
    const reason =
      value === ''
        ? t('enterManifestUrl')
        : fault &&
          t(fault.key === 'notUrl' ? 'urlNotUrl' : 'urlNotHttp', { protocol: fault.protocol });
    if (reason) {
      setProblem(`${value || t('theUrl')}: ${reason}`);
      return;
    }
    setProblem(null);
    const absolute = new URL(value, base()).href;
    const opened = await store
      .getState()
      .loadSource({ kind: 'package', url: absolute, name: value }, 'replace');
    if (opened) setOpen(false);
  };

  if (!open)
    return (
      <button type="button" className="open-package" onClick={() => setOpen(true)}>
        {t('openPackage')}
      </button>
    );
  return (
    <form
      className="open-package"
      aria-label={t('openPackageForm')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-url`}>{t('packageUrl')}</label>
      <input
        id={`${id}-url`}
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder={t('packageUrlExample')}
        value={url}
        aria-describedby={`${id}-help`}
        aria-invalid={problem !== null}
        onChange={(event) => setUrl(event.target.value)}
      />
      <p id={`${id}-help`} className="muted small">
        {t('packageHelpBefore')} <code>{PACKAGE_COMMAND}</code>
        {t('packageHelpAfter')}
      </p>
      {problem && (
        <p role="alert" className="message error">
          <DataText value={problem} />
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" disabled={loading}>
          {t('openButton')}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setProblem(null);
          }}
        >
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}

/** What a relative URL is read against: the app's own address. */
function base(): string {
  return document.baseURI;
}
