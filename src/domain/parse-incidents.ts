import type {
  Incident,
  IncidentFeature,
  IncidentSet,
  LoadWarning,
  Position,
  RejectedFeature,
} from './incident';
import { describeValue, parseIncidentDate } from './incident-date';

/** A file that cannot be read as incidents at all (not JSON, not a FeatureCollection). */
export class IncidentFileError extends Error {
  override name = 'IncidentFileError';
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property read, so keys such as `constructor` never resolve through a prototype. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Parses the text of a GeoJSON file into incidents; throws IncidentFileError when it is unusable. */
export function parseIncidentText(text: string): IncidentSet {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IncidentFileError(`The file is not valid JSON (${detail}).`);
  }
  return parseIncidentCollection(json);
}

/** Validates a parsed GeoJSON FeatureCollection: valid features load, invalid ones are listed. */
export function parseIncidentCollection(json: unknown): IncidentSet {
  if (!isObject(json) || own(json, 'type') !== 'FeatureCollection') {
    const got = isObject(json) ? `type ${describeValue(own(json, 'type'))}` : describeValue(json);
    throw new IncidentFileError(`The file is not a GeoJSON FeatureCollection (got ${got}).`);
  }
  const features = own(json, 'features');
  if (!Array.isArray(features)) {
    throw new IncidentFileError('The FeatureCollection has no "features" array.');
  }
  const collectionMembers: Record<string, unknown> = {};
  for (const key of Object.keys(json)) {
    if (key !== 'type' && key !== 'features') {
      Object.defineProperty(collectionMembers, key, { value: json[key], enumerable: true });
    }
  }

  const incidents: Incident[] = [];
  const rejected: RejectedFeature[] = [];
  features.forEach((input: unknown, index) => {
    const result = validateFeature(input, index);
    if ('reason' in result) rejected.push(result);
    else incidents.push(result);
  });
  return { incidents, rejected, warnings: findDuplicateIds(incidents), collectionMembers };
}

/** Checks one feature; returns the loaded incident or the rejection with its reason. */
function validateFeature(input: unknown, index: number): Incident | RejectedFeature {
  const reject = (reason: string, id?: string): RejectedFeature =>
    id === undefined ? { index, reason, input } : { index, id, reason, input };

  if (!isObject(input) || own(input, 'type') !== 'Feature') {
    const got = isObject(input)
      ? `type ${describeValue(own(input, 'type'))}`
      : describeValue(input);
    return reject(`not a GeoJSON Feature (got ${got})`);
  }
  const properties = own(input, 'properties');
  const rawId = own(input, 'id') ?? (isObject(properties) ? own(properties, 'id') : undefined);
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;

  const featureId = own(input, 'id');
  if (featureId !== undefined && typeof featureId !== 'string' && typeof featureId !== 'number') {
    return reject(`id ${describeValue(featureId)} is not a string or number`);
  }
  const position = readPosition(own(input, 'geometry'));
  if (typeof position === 'string') return reject(position, id);
  const nonFinite = findNonFiniteNumber(input);
  if (nonFinite !== null) return reject(`${nonFinite} is not a finite number`, id);

  if (!isObject(properties)) return reject('properties must be an object with date and type', id);
  const date = parseIncidentDate(own(properties, 'date'));
  if (!date.ok) return reject(date.error, id);
  const type = own(properties, 'type');
  if (typeof type !== 'string' || type.trim() === '') {
    return reject(
      type === undefined || type === null
        ? 'type is missing'
        : `type ${describeValue(type)} is not a non-empty string`,
      id,
    );
  }

  return {
    index,
    key: id ?? deriveId(input),
    day: date.day,
    dayNumber: date.dayNumber,
    type,
    lon: position ? position[0] : null,
    lat: position ? position[1] : null,
    feature: input as IncidentFeature,
  };
}

/** The Point position, `null` for an unlocated incident, or the reason the geometry is unusable. */
function readPosition(geometry: unknown): Position | null | string {
  if (geometry === null) return null;
  if (geometry === undefined) return 'geometry is missing (use null for an unlocated incident)';
  if (!isObject(geometry)) return `geometry ${describeValue(geometry)} is not an object`;
  const type = own(geometry, 'type');
  if (type !== 'Point')
    return `geometry type ${describeValue(type)} is not supported (Point or null)`;
  const coordinates = own(geometry, 'coordinates');
  if (!Array.isArray(coordinates) || coordinates.length < 2 || coordinates.length > 3) {
    return `coordinates ${describeValue(coordinates)} are not [lon, lat] or [lon, lat, alt]`;
  }
  if (!coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))) {
    return `coordinates [${coordinates.map(describeValue).join(', ')}] are not all finite numbers`;
  }
  const [lon, lat] = coordinates as number[];
  if (lon! < -180 || lon! > 180) return `longitude ${lon} is outside -180…180`;
  if (lat! < -90 || lat! > 90) return `latitude ${lat} is outside -90…90`;
  return coordinates as Position;
}

/**
 * The path of the first number that is not finite (JSON.parse turns `1e400` into Infinity, which
 * would not export back as it came). Iterative, so deeply nested input cannot overflow the stack.
 */
function findNonFiniteNumber(root: unknown): string | null {
  const stack: Array<[unknown, string]> = [[root, 'feature']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return `${path} (${value})`;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (isObject(value)) {
      for (const key of Object.keys(value).reverse()) stack.push([value[key], `${path}.${key}`]);
    }
  }
  return null;
}

/** A stable id for a feature without one: a hash of its content, so reloading gives the same id. */
function deriveId(feature: JsonObject): string {
  const text = JSON.stringify(feature);
  // FNV-1a, 32-bit: stable across sessions and cheap; collisions only cost a duplicate-id warning.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return 'derived-' + (hash >>> 0).toString(16).padStart(8, '0');
}

function findDuplicateIds(incidents: Incident[]): LoadWarning[] {
  const positions = new Map<string, number[]>();
  for (const incident of incidents) {
    const list = positions.get(incident.key);
    if (list) list.push(incident.index);
    else positions.set(incident.key, [incident.index]);
  }
  return [...positions]
    .filter(([, list]) => list.length > 1)
    .map(([key, list]) => ({
      code: 'duplicate-id' as const,
      message: `id "${key}" is used by ${list.length} features (${list.map((i) => `#${i}`).join(', ')}); all are kept`,
      indices: list,
    }));
}
