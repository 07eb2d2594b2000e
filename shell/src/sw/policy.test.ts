import { describe, expect, it } from 'vitest';
import {
  classify,
  OFFLINE_NOTICE,
  parseExpiry,
  parsePushPayload,
  sessionEnded,
  withOfflineNotice,
} from './policy.ts';

const PORTAL = 'https://carpeta.example';
const get = (url: string, extra: Partial<{ method: string; mode: string; destination: string }> = {}) => ({
  url,
  method: 'GET',
  mode: 'cors',
  destination: '',
  ...extra,
});

describe('classify', () => {
  it('keeps pages, and never the sign-in steps or downloads opened as pages', () => {
    expect(
      classify(get(`${PORTAL}/notifications`, { mode: 'navigate', destination: 'document' }), PORTAL),
    ).toBe('page');
    expect(classify(get(`${PORTAL}/auth/callback?code=x`, { mode: 'navigate' }), PORTAL)).toBe('network');
    expect(classify(get(`${PORTAL}/api/files/x.pdf`, { mode: 'navigate' }), PORTAL)).toBe('network');
  });

  it('treats the folder’s reads as private data, and never telemetry nor push', () => {
    expect(classify(get(`${PORTAL}/api/home/sources`), PORTAL)).toBe('private-data');
    expect(classify(get(`${PORTAL}/mfes.json`), PORTAL)).toBe('private-data');
    expect(classify(get(`${PORTAL}/api/push/key`), PORTAL)).toBe('network');
    expect(classify(get(`${PORTAL}/api/telemetry`), PORTAL)).toBe('network');
    expect(classify(get(`${PORTAL}/api/pins`, { method: 'POST' }), PORTAL)).toBe('network');
  });

  it('sees the sign-out', () => {
    expect(classify(get(`${PORTAL}/auth/logout`, { method: 'POST' }), PORTAL)).toBe('sign-out');
    expect(classify(get('https://elsewhere.example/auth/logout', { method: 'POST' }), PORTAL)).toBe(
      'network',
    );
  });

  it('asks the network for remote entries first, and the cache for hashed chunks', () => {
    expect(classify(get('https://home.example/remoteEntry.js', { destination: 'script' }), PORTAL)).toBe(
      'remote-entry',
    );
    expect(classify(get('https://home.example/mf-manifest.json'), PORTAL)).toBe('remote-entry');
    expect(
      classify(get('https://home.example/assets/index-DKJuOLQM.js', { destination: 'script' }), PORTAL),
    ).toBe('hashed-asset');
    expect(classify(get('https://home.example/assets/index.js', { destination: 'script' }), PORTAL)).toBe(
      'network',
    );
    expect(classify(get('https://home.example/photo-DKJuOLQM.js', { destination: 'image' }), PORTAL)).toBe(
      'network',
    );
  });
});

describe('withOfflineNotice', () => {
  const page = (lang: string) =>
    `<!doctype html><html lang="${lang}" data-theme="light"><head></head><body><div id="root"><p>x</p></div></body></html>`;

  it('adds a labelled notice before the shell’s root, in the page’s language', () => {
    for (const [lang, words] of Object.entries(OFFLINE_NOTICE)) {
      const html = withOfflineNotice(page(lang));
      expect(html.indexOf(words.text)).toBeGreaterThan(html.indexOf('<body>'));
      expect(html.indexOf(words.text)).toBeLessThan(html.indexOf('<div id="root">'));
      expect(html).toContain(`aria-label="${words.title}"`);
    }
    expect(withOfflineNotice(page('fr'))).toContain(OFFLINE_NOTICE.es?.text);
  });
});

describe('parsePushPayload', () => {
  it('takes only links into the portal', () => {
    const payload = { title: 'Carpeta', body: 'Algo nuevo', url: '/notifications', tag: 'n' };
    expect(parsePushPayload(payload)).toEqual(payload);
    expect(parsePushPayload({ ...payload, url: 'https://evil.example/' })).toBeUndefined();
    expect(parsePushPayload({ ...payload, url: '//evil.example/' })).toBeUndefined();
    expect(parsePushPayload('text')).toBeUndefined();
  });
});

describe('private copies and the session they belong to', () => {
  it('reads the expiry the gateway sends, and nothing else', () => {
    expect(parseExpiry('2026-12-05T23:00:00.000Z')).toBe(Date.parse('2026-12-05T23:00:00.000Z'));
    expect(parseExpiry('2026-12-05T23:00:00+01:00')).toBe(Date.parse('2026-12-05T22:00:00.000Z'));
    for (const value of [
      undefined,
      null,
      '',
      'tomorrow',
      '1765000000000',
      1765000000000,
      '2026-13-45T99:00:00Z',
    ]) {
      expect(parseExpiry(value)).toBeUndefined();
    }
  });

  it('the copies go once the session has ended; with no expiry known they stay', () => {
    const expiresAt = Date.parse('2026-12-05T23:00:00.000Z');
    expect(sessionEnded(expiresAt, expiresAt - 1)).toBe(false);
    expect(sessionEnded(expiresAt, expiresAt)).toBe(true);
    expect(sessionEnded(expiresAt, expiresAt + 60_000)).toBe(true);
    expect(sessionEnded(undefined, expiresAt)).toBe(false);
  });
});
