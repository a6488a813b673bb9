// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The messages the project's lint config gives a component file holding `source`. */
async function lintComponent(source: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(source, { filePath: 'src/features/probe/probe.tsx' });
  // Only this rule's messages: the words in these probes are the catalogue rule's concern.
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message)
    .filter((text) => /DataText|displayName/.test(text));
}

const header = `import { DataText } from '../data-text/data-text';
import { displayName } from '../../domain/display-text';
declare const type: { label: string; code: string };
declare const row: { place: string; count: number };
declare const notice: string;
`;

describe('The lint rule that keeps data going through DataText', () => {
  it.each([
    ['a type label as a child', '<li>{type.label}</li>'],
    ['a value after &&', '<li>{row.place && row.place}</li>'],
    ['a value in a template', '<li>{`${row.place} (${row.count})`}</li>'],
    ['a plain data name', '<p>{notice}</p>'],
    ['a value in an aria-label', '<button aria-label={`Remove ${type.label}`} />'],
  ])('flags %s', async (_, jsx) => {
    const messages = await lintComponent(`${header}export const Probe = () => ${jsx};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/DataText|displayName/);
  });

  it.each([
    ['DataText', '<li><DataText value={type.label} name /></li>'],
    ['a count', '<li>{row.count}</li>'],
    ['a clipped attribute', '<button aria-label={`Remove ${displayName(type.label)}`} />'],
  ])('lets %s pass', async (_, jsx) => {
    expect(await lintComponent(`${header}export const Probe = () => ${jsx};\n`)).toEqual([]);
  });
});
