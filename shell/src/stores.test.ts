import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLanguageStore, initialLanguage } from './stores.ts';

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
});

describe('the language store', () => {
  it('follows the browser on a first visit: ca-ES-valencia is Valencian', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'ca-ES-valencia', 'es']);
    expect(initialLanguage()).toBe('va');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['eu-ES']);
    expect(initialLanguage()).toBe('eu');
  });

  it('keeps a stored choice over the browser preference', () => {
    window.localStorage.setItem('carpeta.language', 'gl');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ca']);
    expect(initialLanguage()).toBe('gl');
  });

  it('sets <html lang> to the BCP 47 tag and applies a choice once its messages are ready', async () => {
    let release: () => void = () => {};
    const prepare = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const store = createLanguageStore('es', prepare);
    expect(document.documentElement.lang).toBe('es');
    const chosen = store.choose('va');
    expect(store.get()).toBe('es');
    release();
    await chosen;
    expect(prepare).toHaveBeenCalledWith('va');
    expect(store.get()).toBe('va');
    expect(document.documentElement.lang).toBe('ca-ES-valencia');
    expect(window.localStorage.getItem('carpeta.language')).toBe('va');
  });
});
