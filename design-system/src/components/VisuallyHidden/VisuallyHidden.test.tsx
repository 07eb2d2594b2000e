import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VisuallyHidden } from './VisuallyHidden.tsx';

describe('VisuallyHidden', () => {
  it('keeps text in the accessibility tree but clips it', () => {
    render(<VisuallyHidden>hidden text</VisuallyHidden>);
    const el = screen.getByText('hidden text');
    expect(el.className).toBe('cp-visually-hidden');
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(1);
  });
});
