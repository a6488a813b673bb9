/** The default incident taxonomy. Codes outside it are valid and shown under their own code. */
export interface IncidentType {
  code: string;
  label: string;
  colour: string;
}

/**
 * Colours: a 12-class qualitative palette (ColorBrewer Paired, reordered so that kinetic types
 * get the saturated members and political events the pale ones).
 */
export const INCIDENT_TYPES: readonly IncidentType[] = [
  { code: 'airstrike', label: 'Airstrike', colour: '#e31a1c' },
  { code: 'drone_strike', label: 'Drone strike', colour: '#fb9a99' },
  { code: 'cross_border_attack', label: 'Cross-border attack', colour: '#ff7f00' },
  { code: 'armed_clash', label: 'Armed clash', colour: '#1f78b4' },
  { code: 'shelling', label: 'Shelling', colour: '#fdbf6f' },
  { code: 'ied', label: 'IED', colour: '#6a3d9a' },
  { code: 'suicide_attack', label: 'Suicide attack', colour: '#b15928' },
  { code: 'ambush', label: 'Ambush', colour: '#cab2d6' },
  { code: 'border_closure', label: 'Border closure', colour: '#33a02c' },
  { code: 'ceasefire', label: 'Ceasefire', colour: '#b2df8a' },
  { code: 'negotiation', label: 'Negotiation', colour: '#a6cee3' },
  { code: 'other', label: 'Other', colour: '#ffff99' },
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
