/**
 * The label and colour of every incident type code a loaded file brings, in the taxonomy or not.
 * Apart from taxonomy.ts because the layouts' labels (layouts/) depend on the taxonomy.
 */
import { LAYOUT_TYPE_LABELS } from './layouts/layout-registry';
import type { IncidentType } from './taxonomy';
import { compareTypeCodes, INCIDENT_TYPES } from './taxonomy';

/** The label and colour of a type code, for one set of loaded type codes. */
export type TypeDescriber = (code: string) => IncidentType;

/**
 * Colours of the codes outside the taxonomy, in the order they are handed out. All from Paul
 * Tol's qualitative schemes ("Colour schemes", SRON/EPS/TN/09-002), chosen among them as the ones
 * farthest from the taxonomy's twelve for normal vision and for protan, deutan and tritan vision
 * (Machado et al. 2009 simulation): each is at least ΔE2000 11.7 from every taxonomy colour with
 * normal vision and 5.0 under those simulations, farther than the taxonomy's own two closest
 * colours are apart (9.6 and 3.5). The light scheme as a whole would not do: its light yellow,
 * light blue, mint and olive lie at most ΔE2000 7 from sand, sky blue, teal and olive. Tol's
 * pale scheme is left out, as too faint on the light basemap. Colour is never the only cue: the
 * legend, filters, list and details name every type.
 */
export const OVERFLOW_TYPE_COLOURS: readonly string[] = [
  '#225522', // dark green (Tol dark)
  '#ffaabb', // pink (Tol light)
  '#99ddff', // light cyan (Tol light)
  '#aa4499', // purple (Tol muted, the one the taxonomy leaves)
  '#666633', // dark yellow (Tol dark)
  '#ee6677', // red (Tol bright)
  '#004488', // blue (Tol high-contrast)
  '#663333', // dark red (Tol dark)
];

const TAXONOMY = new Map(INCIDENT_TYPES.map((type) => [type.code, type]));

/**
 * A readable name for a type code: the taxonomy's label, else the label of the layout that makes
 * the code (`state_based` → "State-based conflict"), else the code with underscores as spaces and
 * its first letter in upper case (`sniper_fire` → "Sniper fire"), in whatever script it is.
 */
export function labelTypeCode(code: string): string {
  const known = TAXONOMY.get(code)?.label ?? LAYOUT_TYPE_LABELS.get(code);
  if (known !== undefined) return known;
  const words = code.replace(/_+/g, ' ').trim();
  const [first = ''] = words;
  return first.toUpperCase() + words.slice(first.length);
}

const describers = new WeakMap<readonly string[], TypeDescriber>();

/**
 * The describer of the types of one loaded data set, `typeCodes` being its codes (the engine's
 * summary, sorted by `compareTypeCodes`). Taxonomy codes keep the taxonomy's colour; the others,
 * taken in that order (alphabetical), get OVERFLOW_TYPE_COLOURS one each: the n-th gets colour
 * n, and past the palette's end the colours come round again, so two types may share one
 * (their labels still tell them apart). The same codes give the same colours wherever they are
 * drawn. A code outside `typeCodes` gets a colour of the palette picked by its spelling. One
 * describer is made per array.
 */
export function createTypeDescriber(typeCodes: readonly string[]): TypeDescriber {
  let describe = describers.get(typeCodes);
  if (describe) return describe;
  const unknown = [...new Set(typeCodes)].filter((code) => !TAXONOMY.has(code));
  const overflow = new Map(
    unknown.sort(compareTypeCodes).map((code, n) => [code, overflowColour(n)]),
  );
  const described = new Map<string, IncidentType>();
  describe = (code) => {
    let type = described.get(code);
    if (!type) {
      const colour =
        TAXONOMY.get(code)?.colour ?? overflow.get(code) ?? overflowColour(hashCode(code));
      type = { code, label: labelTypeCode(code), colour };
      described.set(code, type);
    }
    return type;
  };
  describers.set(typeCodes, describe);
  return describe;
}

function overflowColour(n: number): string {
  return OVERFLOW_TYPE_COLOURS[n % OVERFLOW_TYPE_COLOURS.length]!;
}

/** FNV-1a over the code's UTF-16 units: a stable, well spread number for any spelling. */
function hashCode(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash = Math.imul(hash ^ code.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
