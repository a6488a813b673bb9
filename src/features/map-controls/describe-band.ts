import { OPEN_KM } from '../../domain/filters/border-dimensions';

const SIDES = { AF: 'Afghan side', PK: 'Pakistani side' } as const;

/** How the legend names the distance band drawn on the map. */
export function describeBand(
  [min, max]: readonly [number, number],
  side: keyof typeof SIDES | null,
): string {
  const km = (value: number) => value.toLocaleString('en');
  const open = max >= OPEN_KM;
  const distance = open ? `${km(min)} km and more` : `${km(min)}–${km(max)} km`;
  const notes = [side ? `${SIDES[side]} only` : null, open ? 'beyond the dashed line' : null]
    .filter(Boolean)
    .join('; ');
  return `Distance band: ${distance} from the Natural Earth 1:10m line${notes ? ` (${notes})` : ''}`;
}
