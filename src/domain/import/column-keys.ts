import type { LoadWarning } from '../incident';
import { sentWarning } from './warning-words';

/**
 * The property key of each CSV column. A property name can hold one value, so a repeated header
 * name keeps its first column under the name and each later one under `name (2)`, `name (3)`…
 * (a suffix no other column uses). The CSV export reverses this from the same header.
 */
export function uniqueColumnKeys(header: readonly string[]): string[] {
  const reserved = new Set(header);
  const used = new Set<string>();
  return header.map((name) => {
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    let n = 2;
    while (reserved.has(`${name} (${n})`) || used.has(`${name} (${n})`)) n++;
    const key = `${name} (${n})`;
    used.add(key);
    return key;
  });
}

/** One warning per header name used by more than one column, saying where each copy went. */
export function describeDuplicateColumns(header: readonly string[], keys: readonly string[]) {
  const warnings: LoadWarning[] = [];
  const seen = new Map<string, number[]>();
  header.forEach((name, column) => {
    const list = seen.get(name);
    if (list) list.push(column);
    else seen.set(name, [column]);
  });
  for (const [name, columns] of seen) {
    if (columns.length < 2) continue;
    const renamed = columns.slice(1).map((column) => `"${keys[column]}"`);
    warnings.push(
      sentWarning('other', 'duplicateColumns', {
        n: columns.length,
        name,
        columns: columns.map((c) => c + 1).join(', '),
        renamed: renamed.join(', '),
      }),
    );
  }
  return warnings;
}
