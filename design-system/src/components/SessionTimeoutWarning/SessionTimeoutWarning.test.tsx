import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionTimeoutWarning } from './SessionTimeoutWarning.tsx';

afterEach(() => {
  vi.useRealTimers();
});

describe('SessionTimeoutWarning', () => {
  it('counts down, announces sparingly and expires', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-01-01T10:00:00Z'));
    const onExpire = vi.fn();
    render(
      <SessionTimeoutWarning
        open
        expiresAt={Date.now() + 61_000}
        title="Session ending"
        message={(t) => `Ends in ${t}`}
        formatRemaining={(s) => `${s}s`}
        extendLabel="Stay"
        signOutLabel="Leave"
        onExtend={() => {}}
        onSignOut={() => {}}
        onExpire={onExpire}
      />,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Session ending' });
    const live = dialog.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(live.textContent).toBe('Ends in 61s');
    act(() => vi.advanceTimersByTime(1000));
    expect(live.textContent).toBe('Ends in 60s');
    act(() => vi.advanceTimersByTime(5000));
    expect(live.textContent).toBe('Ends in 60s');
    expect(dialog.textContent).toContain('Ends in 55s');
    act(() => vi.advanceTimersByTime(55_000));
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('formats nothing while closed, and the remaining time once opened', () => {
    const formatRemaining = vi.fn((s: number) => `${s}s`);
    const props = {
      expiresAt: Date.now() + 61_000,
      title: 'Session ending',
      message: (t: string) => `Ends in ${t}`,
      formatRemaining,
      extendLabel: 'Stay',
      signOutLabel: 'Leave',
      onExtend: () => {},
      onSignOut: () => {},
    };
    const { rerender } = render(<SessionTimeoutWarning open={false} {...props} />);
    expect(formatRemaining).not.toHaveBeenCalled();
    rerender(<SessionTimeoutWarning open {...props} />);
    expect(formatRemaining).toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Session ending' }).textContent).toMatch(/Ends in 6[01]s/);
  });
});
