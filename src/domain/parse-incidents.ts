import type {
  Incident,
  IncidentFeature,
  IncidentSet,
  LoadWarning,
  Position,
  RejectedFeature,
} from './incident';
import { clipText, MAX_NAME_CHARS } from './display-text';
import type { DateResult } from './incident-date';
import { parseIncidentDate } from './incident-date';
import { describeValue, valueMessage } from './value-words';
import { fileError, IncidentFileError } from './import/file-error-words';
import { positionsMessage, sentWarning, wordWarning } from './import/warning-words';
import type { Message } from './message';
import type { Reason, SentReason } from './rejection-words';
import { rejectedAs, rejectionReason } from './rejection-words';

export { IncidentFileError };

export type JsonObject = Record<string, unknown>;

/**
 * The deepest nesting a feature may have. JSON.parse reads any depth, but JSON.stringify and
 * structuredClone (export, and posting from a worker) recurse and overflow the stack a few
 * thousand levels down, so a deeper feature could be loaded and then never exported or sent.
 * Real incident properties nest a few levels; 256 leaves a wide margin on both sides.
 */
export const MAX_NESTING_DEPTH = 256;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property read, so keys such as `constructor` never resolve through a prototype. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own data property, even for `__proto__`, which plain assignment would not create. */
export function setOwn(object: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

/** A type code, or why there is none: `error` in English, `message` for the reader. */
export type TypeResult =
  { ok: true; type: string } | { ok: false; error: string; message?: Message };

/**
 * How a layout reads an incident's identity, day and type from a feature's properties. The
 * native schema reads `id`, `date` and `type`; importers of other layouts (ACLED, UCDP, a user's
 * column mapping) pass their own.
 */
export interface FieldReader {
  /** The id to use when the Feature has no `id` member. */
  id(properties: JsonObject): unknown;
  date(properties: JsonObject): DateResult;
  type(properties: JsonObject): TypeResult;
}

/** Reads a non-empty string type code from `field`, kept exactly as written. */
export function readTypeCode(properties: JsonObject, field: string): TypeResult {
  const type = own(properties, field);
  if (typeof type === 'string' && type.trim() !== '') return { ok: true, type };
  return {
    ok: false,
    ...(type === undefined || type === null
      ? rejectionReason('field.missing', { field })
      : rejectionReason('field.notTypeCode', { field, value: valueMessage(type) })),
  };
}

/** The incident schema of this app: `properties.id`, `properties.date`, `properties.type`. */
export const NATIVE_FIELDS: FieldReader = {
  id: (properties) => own(properties, 'id'),
  date: (properties) => parseIncidentDate(own(properties, 'date')),
  type: (properties) => readTypeCode(properties, 'type'),
};

/** Parses the text of a GeoJSON file into incidents; throws IncidentFileError when it is unusable. */
export function parseIncidentText(text: string): IncidentSet {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fileError('notJson', { detail });
  }
  return parseIncidentCollection(json);
}

/**
 * Validates a parsed GeoJSON FeatureCollection: valid features load, invalid ones are listed.
 * `fields` says how to read id, date and type (the native schema unless told).
 */
export function parseIncidentCollection(
  json: unknown,
  fields: FieldReader = NATIVE_FIELDS,
): IncidentSet {
  const features = readFeatureArray(json);
  const { members, warnings } = readCollectionMembers(json as JsonObject);
  const incidents: Incident[] = [];
  const rejected: RejectedFeature[] = [];
  features.forEach((input: unknown, index) => {
    const result = validateFeature(input, index, fields);
    if ('reason' in result) rejected.push(result);
    else incidents.push(result);
  });
  return {
    incidents,
    rejected,
    warnings: [...warnings, ...findDuplicateIds(incidents)],
    collectionMembers: members,
  };
}

/** The `features` array of a FeatureCollection; throws IncidentFileError for anything else. */
export function readFeatureArray(json: unknown): unknown[] {
  if (!isObject(json) || own(json, 'type') !== 'FeatureCollection') {
    throw isObject(json)
      ? fileError('notCollectionType', { value: valueMessage(own(json, 'type')) })
      : fileError('notCollection', { value: valueMessage(json) });
  }
  const features = own(json, 'features');
  if (!Array.isArray(features)) {
    throw fileError('noFeatures');
  }
  return features;
}

/**
 * The collection's members other than `type` and `features`, kept as own data. A member nested
 * deeper than MAX_NESTING_DEPTH is cut there (it could not be exported or posted), with a warning.
 */
export function readCollectionMembers(json: JsonObject): {
  members: JsonObject;
  warnings: LoadWarning[];
} {
  const members: JsonObject = {};
  const warnings: LoadWarning[] = [];
  for (const key of Object.keys(json)) {
    if (key === 'type' || key === 'features') continue;
    const scan = scanValue(json[key], key);
    if (scan.tooDeep) {
      const member = clipText(key, MAX_NAME_CHARS);
      warnings.push(sentWarning('other', 'memberTooDeep', { member, depth: MAX_NESTING_DEPTH }));
    }
    setOwn(members, key, scan.tooDeep ? truncateDeepValue(json[key]) : json[key]);
  }
  return { members, warnings };
}

/** Checks one feature; returns the loaded incident or the rejection with its reason. */
export function validateFeature(
  input: unknown,
  index: number,
  fields: FieldReader = NATIVE_FIELDS,
): Incident | RejectedFeature {
  const reject = (reason: SentReason, id?: string): RejectedFeature => ({
    index,
    ...(id === undefined ? {} : { id }),
    ...rejectedAs(reason),
    input,
  });

  // One iterative walk finds both problems that JSON.parse lets through: overflowed numbers and
  // nesting too deep to export. A too-deep input is handed back cut at the limit, for the same reason.
  const scan = scanValue(input, 'feature');
  if (scan.tooDeep) {
    const deepId = isObject(input) ? readFeatureId(input, fields) : undefined;
    return {
      index,
      ...(deepId === undefined ? {} : { id: deepId }),
      ...rejectedAs(
        rejectionReason('feature.tooDeep', { path: scan.tooDeep, depth: MAX_NESTING_DEPTH }),
      ),
      input: truncateDeepValue(input),
    };
  }

  if (!isObject(input) || own(input, 'type') !== 'Feature') {
    return reject(
      isObject(input)
        ? rejectionReason('feature.notFeatureType', { value: valueMessage(own(input, 'type')) })
        : rejectionReason('feature.notFeature', { value: valueMessage(input) }),
    );
  }
  const properties = own(input, 'properties');
  const id = readFeatureId(input, fields);

  const featureId = own(input, 'id');
  if (featureId !== undefined && typeof featureId !== 'string' && typeof featureId !== 'number') {
    return reject(rejectionReason('feature.badId', { value: valueMessage(featureId) }));
  }
  const position = readPosition(own(input, 'geometry'));
  if (position !== null && 'error' in position) return reject(position, id);
  if (scan.nonFinite !== null) {
    return reject(rejectionReason('feature.notFinite', { path: scan.nonFinite }), id);
  }

  if (!isObject(properties)) return reject(rejectionReason('feature.noProperties'), id);
  const date = fields.date(properties);
  if (!date.ok) return reject(date, id);
  const type = fields.type(properties);
  if (!type.ok) return reject(type, id);

  return {
    index,
    key: id ?? deriveId(input),
    day: date.day,
    dayNumber: date.dayNumber,
    ...(date.precision ? { datePrecision: date.precision } : {}),
    // Kept short for the index, the filters and the page; the feature keeps it whole.
    type: clipText(type.type, MAX_NAME_CHARS),
    lon: position ? position[0] : null,
    lat: position ? position[1] : null,
    feature: input as IncidentFeature,
  };
}

/**
 * The feature's id as text: its `id` member, else the id its layout reads from the properties
 * (`properties.id` natively), when that is a string or a finite number. Clipped to a name's
 * length (the feature keeps it whole): the id is shown, reported and put in permalinks.
 */
function readFeatureId(feature: JsonObject, fields: FieldReader): string | undefined {
  const properties = own(feature, 'properties');
  const id = own(feature, 'id') ?? (isObject(properties) ? fields.id(properties) : undefined);
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))
    ? clipText(String(id), MAX_NAME_CHARS)
    : undefined;
}

/** The Point position, `null` for an unlocated incident, or the reason the geometry is unusable. */
function readPosition(geometry: unknown): Position | null | Reason {
  if (geometry === null) return null;
  if (geometry === undefined) return rejectionReason('geometry.missing');
  if (!isObject(geometry)) {
    return rejectionReason('geometry.notObject', { value: valueMessage(geometry) });
  }
  const type = own(geometry, 'type');
  if (type !== 'Point') return rejectionReason('geometry.notPoint', { value: valueMessage(type) });
  const coordinates = own(geometry, 'coordinates');
  if (coordinates === undefined) return rejectionReason('geometry.noCoordinates');
  if (!Array.isArray(coordinates) || coordinates.length < 2 || coordinates.length > 3) {
    return rejectionReason('geometry.notPosition', { value: valueMessage(coordinates) });
  }
  if (!coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))) {
    const values = coordinates.map(describeValue).join(', ');
    return rejectionReason('geometry.notFinite', { values });
  }
  const [lon, lat] = coordinates as number[];
  if (lon! < -180 || lon! > 180) return rejectionReason('geometry.longitude', { value: lon! });
  if (lat! < -90 || lat! > 90) return rejectionReason('geometry.latitude', { value: lat! });
  return coordinates as Position;
}

interface ValueScan {
  /** Path of the first number that is not finite (JSON.parse turns `1e400` into Infinity). */
  nonFinite: string | null;
  /** Path of the first value nested deeper than MAX_NESTING_DEPTH. */
  tooDeep: string | null;
}

/** Walks a parsed value iteratively, so any nesting depth is safe to inspect. */
function scanValue(root: unknown, rootPath: string): ValueScan {
  let nonFinite: string | null = null;
  const stack: Array<[unknown, string, number]> = [[root, rootPath, 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'number') {
      if (nonFinite === null && !Number.isFinite(value)) nonFinite = `${path} (${value})`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING_DEPTH) return { nonFinite, tooDeep: shortenPath(path) };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push([value[i], `${path}[${i}]`, depth + 1]);
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push([(value as JsonObject)[key], `${path}.${key}`, depth + 1]);
      }
    }
  }
  return { nonFinite, tooDeep: null };
}

function shortenPath(path: string): string {
  return path.length > 80 ? `${path.slice(0, 60)}…` : path;
}

/** Marks where a value was cut because it nested too deeply. */
export const TRUNCATED_MARKER = '[nested too deeply: cut here]';

/**
 * A copy of `root` cut at MAX_NESTING_DEPTH (deeper values become TRUNCATED_MARKER), built
 * iteratively; own keys such as `__proto__` stay own data.
 */
export function truncateDeepValue(root: unknown): unknown {
  const copyShallow = (value: unknown, depth: number): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_NESTING_DEPTH) return TRUNCATED_MARKER;
    return Array.isArray(value) ? new Array<unknown>(value.length) : {};
  };
  const top = copyShallow(root, 0);
  const stack: Array<[unknown, unknown, number]> = [[root, top, 0]];
  while (stack.length > 0) {
    const [source, target, depth] = stack.pop()!;
    if (typeof target !== 'object' || target === null) continue;
    if (Array.isArray(source)) {
      source.forEach((item, i) => {
        const copy = copyShallow(item, depth + 1);
        (target as unknown[])[i] = copy;
        stack.push([item, copy, depth + 1]);
      });
    } else {
      for (const key of Object.keys(source as JsonObject)) {
        const item = (source as JsonObject)[key];
        const copy = copyShallow(item, depth + 1);
        setOwn(target as JsonObject, key, copy);
        stack.push([item, copy, depth + 1]);
      }
    }
  }
  return top;
}

/** A stable id for a feature without one: a hash of its content, so reloading gives the same id. */
export function deriveId(feature: JsonObject): string {
  const text = JSON.stringify(feature);
  // FNV-1a, 32-bit: stable across sessions and cheap; collisions only cost a duplicate-id warning.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return 'derived-' + (hash >>> 0).toString(16).padStart(8, '0');
}

/** One warning per id used by more than one incident; all of them stay loaded. */
export function findDuplicateIds(incidents: readonly Incident[]): LoadWarning[] {
  const positions = new Map<string, number[]>();
  for (const incident of incidents) {
    const list = positions.get(incident.key);
    if (list) list.push(incident.index);
    else positions.set(incident.key, [incident.index]);
  }
  return [...positions]
    .filter(([, list]) => list.length > 1)
    .map(([key, list]) => {
      const sent = positionsMessage('duplicateId', list, { id: key, n: list.length });
      return { code: 'duplicate-id' as const, message: wordWarning(sent), sent, indices: list };
    });
}
