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
});
