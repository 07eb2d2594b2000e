import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ToastRegion } from './Toast.tsx';

describe('ToastRegion', () => {
  it('is a polite live region that exists before any toast', () => {
    render(<ToastRegion toasts={[]} onDismiss={() => {}} dismissLabel="Dismiss" label="Notices" />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('region', { name: 'Notices' })).toBeTruthy();
  });

  it('auto-dismisses after the duration, pausing while hovered', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    render(
      <ToastRegion
        toasts={[{ id: 't', message: 'Saved', duration: 1000 }]}
        onDismiss={onDismiss}
        dismissLabel="Dismiss"
        label="Notices"
      />,
    );
    const toast = screen.getByText('Saved').closest('li') as HTMLElement;
    act(() => vi.advanceTimersByTime(500));
    fireEvent.pointerEnter(toast);
    act(() => vi.advanceTimersByTime(2000));
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.pointerLeave(toast);
    act(() => vi.advanceTimersByTime(600));
    expect(onDismiss).toHaveBeenCalledWith('t');
    vi.useRealTimers();
  });
});
