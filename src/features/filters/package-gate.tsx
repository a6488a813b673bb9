import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IgnoredFilter,
  PackageRefusal as Refusal,
  PackageWording,
} from '../../domain/filters/package-answers';
import {
  describeIgnoredFilter,
  describePackageRefusal,
  packageRefusalOf,
} from '../../domain/filters/package-answers';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { DataText } from '../data-text/data-text';

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

/** The words of package refusals in the page's language: describePackageRefusal's arguments. */
export function usePackageWording(): [PackageWording, (n: number) => string] {
  const { t } = useTranslation('packageAnswers');
  const language = currentLanguage();
  return [(key, values) => t(key as never, { ...values }), (n) => formatNumber(n, language)];
}

/** Why a package cannot answer a filter, in the page's language. */
export function PackageRefusal({ reason, id }: { reason: Refusal; id?: string }) {
  const text = describePackageRefusal(reason, ...usePackageWording());
  return (
    <p id={id} className="muted small">
      {text}
    </p>
  );
}

/** A notice that a filter the open package cannot answer was dropped, in the page's language. */
export function IgnoredFilterText({ notice }: { notice: IgnoredFilter }) {
  return <DataText value={describeIgnoredFilter(notice, ...usePackageWording())} />;
}
