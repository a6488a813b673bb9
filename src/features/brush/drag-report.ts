/**
 * While a range is dragged, how often it is reported, ms. The brush follows every move of the
 * pointer; the filters, and the count, panels and map after them, about twelve times a second:
 * each report costs a query, a redraw of the panels and one of the map, which together would take
 * the page's thread from the hand if made for every move.
 */
export const DRAG_REPORT_MS = 80;

/** Runs `report` no sooner than DRAG_REPORT_MS after `lastReportAt` (performance.now()). */
export function scheduleDragReport(lastReportAt: number, report: () => void): number {
  const wait = Math.max(0, lastReportAt + DRAG_REPORT_MS - performance.now());
  return window.setTimeout(report, wait);
}
