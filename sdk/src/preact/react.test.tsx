import { act, useId } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';

function Labelled({ name }: { name: string }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>{name}</label>
      <input id={id} />
    </p>
  );
}

describe('React’s API as the portal shares it (Preact)', () => {
  it('gives ids unique in the whole page, across render roots, stable across renders', async () => {
    const elements = [document.createElement('div'), document.createElement('div')];
    document.body.append(...elements);
    const roots = elements.map((element) => createRoot(element));
    await act(async () => {
      roots[0]?.render(<Labelled name="Apariencia" />);
      roots[1]?.render(<Labelled name="Hasta" />);
    });
    const ids = [...document.querySelectorAll('input')].map((input) => input.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    await act(async () => roots[0]?.render(<Labelled name="Apariencia" />));
    expect(document.querySelector('input')?.id).toBe(ids[0]);
    for (const label of document.querySelectorAll('label')) {
      expect(document.getElementById(label.htmlFor)?.closest('p')).toBe(label.closest('p'));
    }
    await act(async () => {
      for (const root of roots) root.unmount();
    });
  });
});
