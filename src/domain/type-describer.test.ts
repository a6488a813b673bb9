import { describe, expect, it } from 'vitest';
import { LAYOUT_TYPE_LABELS } from './layouts/layout-registry';
import { compareTypeCodes, INCIDENT_TYPES } from './taxonomy';
import { createTypeDescriber, labelTypeCode, OVERFLOW_TYPE_COLOURS } from './type-describer';

const GREY = '#8c8c8c';

/** Loaded type codes as the engine's summary gives them: sorted by `compareTypeCodes`. */
const loaded = (...codes: string[]) => [...codes].sort(compareTypeCodes);

/** CIELAB (D65) of a #rrggbb colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 colour difference: about 2.3 is just noticeable, 10 and more plainly different. */
function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('Type labels', () => {
  it('are the taxonomy’s labels for its codes', () => {
    expect(labelTypeCode('ied')).toBe('IED');
    expect(labelTypeCode('cross_border_attack')).toBe('Cross-border attack');
  });

  it('are the layouts’ own names for the codes they make', () => {
    expect(labelTypeCode('state_based')).toBe('State-based conflict');
    expect(labelTypeCode('one_sided')).toBe('One-sided violence');
    expect(labelTypeCode('grenade')).toBe('Grenade');
    expect(labelTypeCode('abduction_forced_disappearance')).toBe('Abduction/forced disappearance');
  });

  it('are made from any other code: underscores as spaces, first letter in upper case', () => {
    expect(labelTypeCode('sniper_fire')).toBe('Sniper fire');
    expect(labelTypeCode('ied_attack')).toBe('Ied attack');
    expect(labelTypeCode('__night__raid_')).toBe('Night raid');
  });

  it('keep the letters of any script', () => {
    expect(labelTypeCode('éboulement_de_route')).toBe('Éboulement de route');
    expect(labelTypeCode('حمله_انتحاری')).toBe('حمله انتحاری');
    expect(labelTypeCode('обстрел')).toBe('Обстрел');
  });

  it('name every layout code other than by the code itself', () => {
    for (const code of LAYOUT_TYPE_LABELS.keys()) expect(labelTypeCode(code), code).not.toBe(code);
  });
});

describe('Type colours', () => {
  it('keep the taxonomy’s colour for its codes, whatever else is loaded', () => {
    const describeType = createTypeDescriber(loaded('airstrike', 'grenade', 'sniper_fire'));
    for (const { code, colour } of INCIDENT_TYPES) expect(describeType(code).colour).toBe(colour);
  });

  it('give the n-th code outside the taxonomy the n-th overflow colour', () => {
    const codes = loaded('airstrike', 'state_based', 'one_sided', 'non_state', 'shelling');
    const describeType = createTypeDescriber(codes);
    expect(describeType('non_state').colour).toBe(OVERFLOW_TYPE_COLOURS[0]);
    expect(describeType('one_sided').colour).toBe(OVERFLOW_TYPE_COLOURS[1]);
    expect(describeType('state_based').colour).toBe(OVERFLOW_TYPE_COLOURS[2]);
  });

  it('come round again past the end of the palette', () => {
    const codes = Array.from({ length: OVERFLOW_TYPE_COLOURS.length + 2 }, (_, i) => `t${i + 10}`);
    const describeType = createTypeDescriber(loaded(...codes));
    expect(describeType(codes[OVERFLOW_TYPE_COLOURS.length]!).colour).toBe(
      OVERFLOW_TYPE_COLOURS[0],
    );
    expect(describeType(codes[OVERFLOW_TYPE_COLOURS.length + 1]!).colour).toBe(
      OVERFLOW_TYPE_COLOURS[1],
    );
  });

  it('are the same for the same codes, however often and in whatever order they come', () => {
    const codes = loaded('airstrike', 'grenade', 'attack', 'sniper_fire');
    expect(createTypeDescriber(codes)).toBe(createTypeDescriber(codes));
    const again = createTypeDescriber(['sniper_fire', 'attack', 'airstrike', 'grenade']);
    for (const code of codes) expect(again(code)).toEqual(createTypeDescriber(codes)(code));
  });

  it('are never grey, for a loaded code or any other', () => {
    const describeType = createTypeDescriber(loaded('grenade', 'attack', 'ied'));
    for (const code of ['grenade', 'attack', 'not_loaded', 'riot', '']) {
      const { colour } = describeType(code);
      expect(colour, code).not.toBe(GREY);
      expect(OVERFLOW_TYPE_COLOURS, code).toContain(colour);
    }
  });

  it('give a code that was not loaded the same colour each time', () => {
    expect(createTypeDescriber([])('riot')).toEqual(createTypeDescriber(['grenade'])('riot'));
  });
});

describe('Overflow palette', () => {
  it('stays plainly apart from every taxonomy colour', () => {
    for (const colour of OVERFLOW_TYPE_COLOURS) {
      for (const type of INCIDENT_TYPES) {
        expect(deltaE(colour, type.colour), `${colour} / ${type.code}`).toBeGreaterThan(15);
      }
    }
  });

  it('has colours plainly apart from one another', () => {
    OVERFLOW_TYPE_COLOURS.forEach((a, i) => {
      for (const b of OVERFLOW_TYPE_COLOURS.slice(i + 1)) {
        expect(deltaE(a, b), `${a} / ${b}`).toBeGreaterThan(15);
      }
    });
  });

  it('holds no grey', () => {
    for (const colour of OVERFLOW_TYPE_COLOURS) {
      const [, a, b] = lab(colour);
      expect(Math.hypot(a, b), colour).toBeGreaterThan(15);
    }
  });
});
