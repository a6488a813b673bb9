import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../domain/display-text';
import { DataText } from './data-text';

const RLO = '\u202e';

describe('Text from data in the page', () => {
  it('is one <bdi>, so bidi controls inside it cannot reorder what is around it', () => {
    const { container } = render(
      <p>
        <DataText value={`Killed by${RLO}`} name /> 12
      </p>,
    );
    const bdi = container.querySelector('p > bdi');
    expect(bdi).not.toBeNull();
    expect(bdi!.textContent).toBe(`Killed by${RLO}`);
    // The count stays outside the isolate.
    expect(container.querySelector('p')!.lastChild!.textContent).toBe(' 12');
  });

  it('shows markup as text: no element is made from it', () => {
    const markup = '<img src=x onerror=alert(1)><b>bold</b>';
    const { container } = render(<DataText value={markup} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toBe(markup);
  });

  it('clips a value after 4,000 characters and a name after 200', () => {
    const long = 'x'.repeat(20_000_000);
    const { container } = render(
      <>
        <DataText value={long} />
        <DataText value={long} name />
      </>,
    );
    const [value, name] = Array.from(container.querySelectorAll('bdi'), (b) => b.textContent!);
    expect(value!.startsWith('x'.repeat(MAX_TEXT_CHARS) + ' …')).toBe(true);
    expect(value).toContain('(19,996,000 more characters)');
    expect(name!.startsWith('x'.repeat(MAX_NAME_CHARS) + ' …')).toBe(true);
  });

  it('marks text of a known other language, left to right, when told its language', () => {
    const { container } = render(<DataText value="Line 3: date missing" lang="en" />);
    const bdi = container.querySelector('bdi')!;
    expect(bdi).toHaveAttribute('lang', 'en');
    expect(bdi).toHaveAttribute('dir', 'ltr');
  });
});
