import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { contrastRatio } from '../../tokens/contrast.ts';
import { colors } from '../../tokens/tokens.ts';
import { lastLinkClickPrevented } from '../../test/navigation-guard.ts';
import { Header } from './Header.tsx';

describe('Header', () => {
  it('renders a banner with the service name as a home link and the actions', () => {
    render(
      <Header serviceName="Carpeta" homeHref="/inicio">
        <button type="button">Salir</button>
      </Header>,
    );
    expect(screen.getByRole('banner').className).toContain('cp-header');
    expect(screen.getByRole('link', { name: 'Carpeta' }).getAttribute('href')).toBe('/inicio');
    expect(screen.getByRole('button', { name: 'Salir' })).toBeTruthy();
  });

  it('routes plain clicks through onNavigate but leaves modified clicks alone', () => {
    const onNavigate = vi.fn();
    render(<Header serviceName="Carpeta" homeHref="/" onNavigate={onNavigate} />);
    const link = screen.getByRole('link');
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    expect(onNavigate).not.toHaveBeenCalled();
    expect(lastLinkClickPrevented()).toBe(false);
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(plain);
    expect(onNavigate).toHaveBeenCalledOnce();
    expect(lastLinkClickPrevented()).toBe(true);
  });

  it('adjusts a co-branding accent so it keeps 4.5:1 in light and dark', () => {
    render(<Header serviceName="Carpeta" homeHref="/" cobrand={{ logo: 'Logo', accent: '#ffee00' }} />);
    const header = screen.getByRole('banner');
    const light = header.style.getPropertyValue('--cp-cobrand-accent-light');
    const dark = header.style.getPropertyValue('--cp-cobrand-accent-dark');
    expect(contrastRatio(light, colors.light.headerBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark, colors.dark.headerBg)).toBeGreaterThanOrEqual(4.5);
  });
});
