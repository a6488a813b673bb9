/**
 * An analyst's own note and tags on one incident, kept in this browser (see
 * storage/analyst-notes.ts) and never in the data: keyed by the dataset's name and the
 * incident's id, so a note finds its incident again when the same file is opened later. Notes
 * are plain text, shown as text and written into exports only when asked
 * ("Include my notes", as `analyst_note` and `analyst_tags`).
 */

/** Which incident a note is on: the dataset's name as loaded and the incident's id in it. */
export interface NoteTarget {
  dataset: string;
  incident: string;
}

/** One incident's note and tags. */
export interface AnalystNote extends NoteTarget {
  /** Plain text, possibly several lines; `''` for none. */
  note: string;
  /** Free-text tags, each on one line, no two alike (ignoring case), in the order added. */
  tags: string[];
  /** When it last changed, an ISO 8601 timestamp. */
  updatedAt: string;
}

/** Longest note kept, in characters: several pages of text. */
export const MAX_NOTE_CHARS = 20_000;
/** Longest tag kept, in characters. */
export const MAX_TAG_CHARS = 60;
/** Most tags on one incident. */
export const MAX_TAGS = 30;

/** The properties an export adds to each incident when "Include my notes" is ticked. */
export const NOTE_FIELDS = ['analyst_note', 'analyst_tags'] as const;

/** The key a note is stored and looked up under (never shown). */
export function noteKey(target: NoteTarget): string {
  return JSON.stringify([target.dataset, target.incident]);
}

/**
 * A note as kept: Windows and old Mac line ends as `\n`, control characters other than tab and
 * line end dropped, trailing blanks trimmed, at most MAX_NOTE_CHARS characters.
 */
export function cleanNote(text: string): string {
  const kept = text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trimEnd();
  return [...kept].slice(0, MAX_NOTE_CHARS).join('');
}

/** A tag as kept: on one line, trimmed, at most MAX_TAG_CHARS characters; `''` for none. */
export function cleanTag(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a tag
  const line = text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return [...line].slice(0, MAX_TAG_CHARS).join('').trim();
}

/** Tags cleaned, the empty dropped, no two alike ignoring case (the first kept), at most MAX_TAGS. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags.map(cleanTag)) {
    const folded = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(tag);
  }
  return kept.slice(0, MAX_TAGS);
}

/** One change an analyst makes: a note's new text, or a tag added or taken off. */
export type NoteChange =
  /** `base` is the text the editor started from: a note changed meanwhile is not overwritten. */
  { kind: 'note'; text: string; base: string } | { kind: 'tag'; tag: string; on: boolean };

/**
 * A change applied to the note as stored now (`current`, null for none). A tag is added to or
 * taken off whatever is stored, so two tabs tagging one incident both keep their tags. A note's
 * text replaces the stored text only if that is still the text the editor started from (or
 * already the new text): otherwise `conflict` holds the stored note and nothing changes.
 * `next` is null when the note ends up empty (nothing to keep).
 */
export function applyNoteChange(
  current: AnalystNote | null,
  target: NoteTarget,
  change: NoteChange,
  now: Date,
): { next: AnalystNote | null; conflict: AnalystNote | null } {
  const note = current?.note ?? '';
  const tags = current?.tags ?? [];
  let changed: Pick<AnalystNote, 'note' | 'tags'>;
  if (change.kind === 'note') {
    const text = cleanNote(change.text);
    if (note !== cleanNote(change.base) && note !== text)
      return { next: current, conflict: current };
    changed = { note: text, tags };
  } else {
    const tag = cleanTag(change.tag);
    const others = tags.filter((t) => t.toLocaleLowerCase() !== tag.toLocaleLowerCase());
    changed = { note, tags: change.on ? cleanTags([...tags, tag]) : others };
  }
  if (changed.note === note && sameTags(changed.tags, tags))
    return { next: current, conflict: null };
  const next = { dataset: target.dataset, incident: target.incident, ...changed };
  if (next.note === '' && next.tags.length === 0) return { next: null, conflict: null };
  return { next: { ...next, updatedAt: now.toISOString() }, conflict: null };
}

/**
 * A note brought in by an import, merged with the one stored: the tags of both, and the note
 * of whichever changed last (the stored one when the import's is empty).
 */
export function mergeNotes(stored: AnalystNote | null, incoming: AnalystNote): AnalystNote {
  if (!stored) return incoming;
  const incomingNewer = incoming.updatedAt > stored.updatedAt;
  const note =
    incoming.note === ''
      ? stored.note
      : stored.note === '' || incomingNewer
        ? incoming.note
        : stored.note;
  return {
    ...stored,
    note,
    tags: cleanTags([...stored.tags, ...incoming.tags]),
    updatedAt: incomingNewer ? incoming.updatedAt : stored.updatedAt,
  };
}

/** Whether two notes hold the same text and tags. */
export function sameNote(a: AnalystNote | null, b: AnalystNote | null): boolean {
  if (a === null || b === null) return a === b;
  return a.note === b.note && sameTags(a.tags, b.tags);
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** Every tag used in these notes with how many notes carry it, the most used first. */
export function countTags(notes: Iterable<AnalystNote>): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const { tags } of notes) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
