/**
 * Reading untrusted JSON field by field, for the package manifest: each reader names the field
 * (`manifest.tiles.zooms[3].z`) and the value it refused. Only own keys are read, so a
 * `__proto__` key (which JSON.parse keeps as an own property) is never taken for a field.
 */
import { describeValue } from '../value-words';

/** Thrown for a manifest that is not a package manifest this app reads. */
export class PackageManifestError extends Error {
  override name = 'PackageManifestError';
}

function refuse(name: string, value: unknown, expected: string): never {
  const found = value === undefined ? 'missing' : describeValue(value);
  throw new PackageManifestError(
    `${name} is ${found}, expected ${expected}: rebuild the package with "npm run package".`,
  );
}

export function readText(value: unknown, name: string): string {
  return typeof value === 'string' ? value : refuse(name, value, 'text');
}

/** A finite number: never NaN or Infinity (which JSON cannot hold, but a caller may pass). */
export function readNumber(value: unknown, name: string): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : refuse(name, value, 'a finite number');
}

/** A safe integer (counts, days, zooms, byte sizes; negative allowed for -1 "none" and days). */
export function readInteger(value: unknown, name: string): number {
  return Number.isSafeInteger(value) ? (value as number) : refuse(name, value, 'a whole number');
}

export function readArray(value: unknown, name: string): unknown[] {
  return Array.isArray(value) ? value : refuse(name, value, 'a list');
}

export function readRecord(value: unknown, name: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse(name, value, 'an object');
  return new Fields(value as Record<string, unknown>, name);
}

export function readEnum<T extends string>(fields: Fields, key: string, options: readonly T[]): T {
  const value = fields.get(key);
  return options.includes(value as T)
    ? (value as T)
    : refuse(`${fields.name}.${key}`, value, `one of ${options.map((o) => `"${o}"`).join(', ')}`);
}

/** The fields of one JSON object, read by name. */
export class Fields {
  constructor(
    private readonly value: Record<string, unknown>,
    readonly name: string,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.value, key) && this.value[key] !== undefined;
  }

  /** The field's value; undefined when the object has no own field of that name. */
  get(key: string): unknown {
    return Object.hasOwn(this.value, key) ? this.value[key] : undefined;
  }

  text(key: string): string {
    return readText(this.get(key), `${this.name}.${key}`);
  }

  number(key: string): number {
    return readNumber(this.get(key), `${this.name}.${key}`);
  }

  integer(key: string): number {
    return readInteger(this.get(key), `${this.name}.${key}`);
  }

  boolean(key: string): boolean {
    const value = this.get(key);
    return typeof value === 'boolean'
      ? value
      : refuse(`${this.name}.${key}`, value, 'true or false');
  }

  record(key: string): Fields {
    return readRecord(this.get(key), `${this.name}.${key}`);
  }

  /** Each object of a list field, read by `read`. */
  list<T>(key: string, read: (item: Fields) => T): T[] {
    return this.values(key, (value, name) => read(readRecord(value, name)));
  }

  /** Each value of a list field, read by `read` with its name (`manifest.kmBands[2]`). */
  values<T>(key: string, read: (value: unknown, name: string) => T): T[] {
    const name = `${this.name}.${key}`;
    return readArray(this.get(key), name).map((value, i) => read(value, `${name}[${i}]`));
  }
}
