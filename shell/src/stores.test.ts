import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLanguageStore, initialLanguage, MFE_PREPARE_MS } from './stores.ts';

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

  it('waits for what mounted MFEs added, a failure or a hang no longer than MFE_PREPARE_MS', async () => {
    vi.useFakeTimers();
    try {
      const store = createLanguageStore('es');
      let release: () => void = () => {};
      const mfe = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
      const failing = vi.fn(async () => {
        throw new Error('chunk failed');
      });
      const stop = store.alsoPrepare(mfe);
      store.alsoPrepare(failing);
      const chosen = store.choose('en');
      await vi.advanceTimersByTimeAsync(10);
      expect(store.get()).toBe('es');
      release();
      await chosen;
      expect(store.get()).toBe('en');
      expect(mfe).toHaveBeenCalledWith('en');
      expect(failing).toHaveBeenCalledWith('en');
      // An MFE that never answers holds the switch MFE_PREPARE_MS, then the language applies.
      mfe.mockImplementation(() => new Promise<void>(() => {}));
      const hung = store.choose('gl');
      await vi.advanceTimersByTimeAsync(MFE_PREPARE_MS - 1);
      expect(store.get()).toBe('en');
      await vi.advanceTimersByTimeAsync(1);
      await hung;
      expect(store.get()).toBe('gl');
      // Removed (the MFE unmounted): no longer asked.
      stop();
      await store.choose('ca');
      expect(mfe).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
