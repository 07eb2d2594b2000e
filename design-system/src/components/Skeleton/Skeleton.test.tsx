import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Skeleton } from './Skeleton.tsx';

describe('Skeleton', () => {
  it('is hidden from assistive technologies and renders the lines', () => {
    const { container } = render(<Skeleton lines={4} />);
    const root = container.firstElementChild;
    expect(root?.getAttribute('aria-hidden')).toBe('true');
    expect(root?.querySelectorAll('.cp-skeleton__line')).toHaveLength(4);
  });

  it('sets the height of a block', () => {
    const { container } = render(<Skeleton shape="block" height="5rem" />);
    expect((container.firstElementChild as HTMLElement).style.height).toBe('5rem');
  });
});
