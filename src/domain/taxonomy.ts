/**
 * The default incident taxonomy. Codes outside it are valid: type-describer.ts names them and
 * gives them colours of their own.
 */
export interface IncidentType {
  code: string;
  label: string;
  colour: string;
}

/**
 * Colours chosen to stay apart under the common colour-vision deficiencies: the Okabe–Ito set
 * for the kinetic types, completed from Paul Tol's muted scheme. Colour is never the only cue:
 * the legend, list and details name every type.
 */
export const INCIDENT_TYPES: readonly IncidentType[] = [
  { code: 'airstrike', label: 'Airstrike', colour: '#d55e00' },
  { code: 'drone_strike', label: 'Drone strike', colour: '#e69f00' },
  { code: 'cross_border_attack', label: 'Cross-border attack', colour: '#cc79a7' },
  { code: 'armed_clash', label: 'Armed clash', colour: '#0072b2' },
  { code: 'shelling', label: 'Shelling', colour: '#f0e442' },
  { code: 'ied', label: 'IED', colour: '#332288' },
  { code: 'suicide_attack', label: 'Suicide attack', colour: '#882255' },
  { code: 'ambush', label: 'Ambush', colour: '#56b4e9' },
  { code: 'border_closure', label: 'Border closure', colour: '#009e73' },
  { code: 'ceasefire', label: 'Ceasefire', colour: '#999933' },
  { code: 'negotiation', label: 'Negotiation', colour: '#44aa99' },
  { code: 'other', label: 'Other', colour: '#ddcc77' },
];

/** Sort order for type lists: the taxonomy's order first, then unknown codes alphabetically. */
export function compareTypeCodes(a: string, b: string): number {
  const ia = INCIDENT_TYPES.findIndex((t) => t.code === a);
  const ib = INCIDENT_TYPES.findIndex((t) => t.code === b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
