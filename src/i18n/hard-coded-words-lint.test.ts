// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const WORDS = /catalogues/;

/** The catalogue messages the project's lint config gives a component file holding `jsx`. */
async function lintComponent(jsx: string): Promise<string[]> {
  const source = `declare const t: (key: string) => string;\ndeclare const open: boolean;\nexport const Probe = () => ${jsx};\n`;
  const [result] = await new ESLint().lintText(source, {
    filePath: 'src/features/probe/probe.tsx',
  });
  return result!.messages.map((message) => message.message).filter((text) => WORDS.test(text));
}

describe('The lint rule that keeps English out of components', () => {
  it.each([
    ['text between tags', '<button>Export GeoJSON</button>'],
    ['an aria-label', '<button aria-label="Close details" />'],
    ['a title in braces', "<span title={'Copy link'} />"],
    ['a string child', "<p>{'No incidents'}</p>"],
    ['a template child', '<p>{`${1} incidents`}</p>'],
    ['a word in a condition', "<p>{open ? 'Hide' : 'Show'}</p>"],
    ['a placeholder template', '<input placeholder={`Find a ${"type"}`} />'],
  ])('flags %s', async (_, jsx) => {
    expect((await lintComponent(jsx)).length).toBeGreaterThan(0);
  });

  it.each([
    ['t()', "<button>{t('exportGeoJson')}</button>"],
    ['an attribute from t()', "<button aria-label={t('close')} />"],
    ['numbers and symbols', '<p>{1} · ×</p>'],
    ['a one-letter unit-free mark', '<span>x</span>'],
  ])('lets %s pass', async (_, jsx) => {
    expect(await lintComponent(jsx)).toEqual([]);
  });
});
