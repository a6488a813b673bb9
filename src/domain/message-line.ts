/**
 * A line of messages said one after the other, as a views file's entry is: "View 2 ("Kurram"):"
 * and then what its link lacked, each worded from its own namespace.
 */
import type { Message, Words } from './message';
import { wordMessage } from './message';

/** One message, or several said in turn on one line (separated by a space). */
export type MessageLine = Message | readonly Message[];

/** The messages of `line`, in order. */
export function lineMessages(line: MessageLine): readonly Message[] {
  return 'key' in line ? [line] : line;
}

/** The English of `line` (see wordMessage): its messages worded in turn, joined by a space. */
export function wordLine(catalogue: Readonly<Record<string, Words>>, line: MessageLine): string {
  return lineMessages(line)
    .map((part) => wordMessage(catalogue, part))
    .join(' ');
}
