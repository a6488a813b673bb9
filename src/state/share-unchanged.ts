import type { QueryReply } from '../workers/engine-protocol';

/**
 * The engine's new answer with every part equal to the previous answer's taken from the previous
 * one: each answer crosses threads as a fresh copy, and a component reading a part that did not
 * change (the timeline while only the dates move) then keeps its props and is not drawn again.
 */
export function shareUnchanged(previous: QueryReply | null, next: QueryReply): QueryReply {
  if (!previous) return next;
  return {
    ...next,
    typeCounts: sameRows(previous.typeCounts, next.typeCounts)
      ? previous.typeCounts
      : next.typeCounts,
    datasetCounts: sameRows(previous.datasetCounts, next.datasetCounts)
      ? previous.datasetCounts
      : next.datasetCounts,
    provinceCounts: sameRows(previous.provinceCounts, next.provinceCounts)
      ? previous.provinceCounts
      : next.provinceCounts,
    timeline: sameTimeline(previous.timeline, next.timeline) ? previous.timeline : next.timeline,
  };
}

/** Arrays of flat records with equal fields, in the same order. */
function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    for (const key of Object.keys(y)) if (x[key] !== y[key]) return false;
  }
  return true;
}

function sameTimeline(a: QueryReply['timeline'], b: QueryReply['timeline']): boolean {
  if (a.startDay !== b.startDay || a.days !== b.days || a.byType.length !== b.byType.length)
    return false;
  if (a.typeCodes.length !== b.typeCodes.length || a.typeCodes.some((c, i) => c !== b.typeCodes[i]))
    return false;
  for (let i = 0; i < a.byType.length; i++) if (a.byType[i] !== b.byType[i]) return false;
  return true;
}
