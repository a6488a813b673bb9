import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageRefusal as Refusal } from '../../domain/filters/package-answers';
import { describePackageRefusal, packageRefusalOf } from '../../domain/filters/package-answers';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

/** Why the open package cannot answer any of these filter dimensions (by name), or null. */
export function usePackageRefusal(
  dimensions: readonly string[],
  store: IncidentStore = incidentStore,
): Refusal | null {
  const terms = useIncidentStore((state) => state.summary?.package ?? null, store);
  if (!terms) return null;
  for (const name of dimensions) {
    const reason = packageRefusalOf(name, terms);
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * Filter controls that a dataset package may not answer: shown as they are, or, while such a
 * package is open, disabled with the reason above them.
 */
export function PackageGate({
  dimensions,
  children,
  store = incidentStore,
}: {
  /** The dimensions (by name in the filter table) the controls set. */
  dimensions: readonly string[];
  children: ReactNode;
  store?: IncidentStore;
}) {
  const id = useId();
  const reason = usePackageRefusal(dimensions, store);
  if (reason === null) return children;
  return (
    <fieldset className="package-gate" disabled aria-describedby={id}>
      <PackageRefusal id={id} reason={reason} />
      {children}
    </fieldset>
  );
}

/** Why a package cannot answer a filter, in the page's language. */
export function PackageRefusal({ reason, id }: { reason: Refusal; id?: string }) {
  const { t } = useTranslation('packageAnswers');
  const language = currentLanguage();
  const text = describePackageRefusal(
    reason,
    (key, values) => t(key as never, { ...values }),
    (n) => formatNumber(n, language),
  );
  return (
    <p id={id} className="muted small">
      {text}
    </p>
  );
}
