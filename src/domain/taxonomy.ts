/** The default incident taxonomy. Codes outside it are valid and shown under their own code. */
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

/** Colour of any code outside the default taxonomy. */
export const UNKNOWN_TYPE_COLOUR = '#8c8c8c';

const BY_CODE = new Map(INCIDENT_TYPES.map((t) => [t.code, t]));

/** The label and colour of a type code; unknown codes are labelled with the code itself. */
export function describeType(code: string): IncidentType {
  return BY_CODE.get(code) ?? { code, label: code, colour: UNKNOWN_TYPE_COLOUR };
}

/** Sort order for type lists: the taxonomy's order first, then unknown codes alphabetically. */
export function compareTypeCodes(a: string, b: string): number {
  const ia = INCIDENT_TYPES.findIndex((t) => t.code === a);
  const ib = INCIDENT_TYPES.findIndex((t) => t.code === b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
