import { describe, expect, it } from 'vitest';
import { localize, ManifestError, parseManifest, routeMatches } from './manifest.ts';

const valid = {
  id: 'notifications',
  title: { es: 'Notificaciones', en: 'Notifications' },
  owner: { id: 'dehu', name: 'DEHú' },
  kind: 'domain',
  route: '/notifications',
  nav: { order: 10, show: true },
  framework: 'react',
  remote: {
    name: 'carpeta_notifications',
    entry: 'http://127.0.0.1:4202/remoteEntry.js',
    expose: './lifecycles',
  },
  minLoa: 'substantial',
  scopes: ['notifications:read'],
  version: '1.2.3',
};

describe('parseManifest', () => {
  it('accepts valid entries, applies defaults and sorts by navigation order', () => {
    const home = {
      ...valid,
      id: 'home',
      route: '/',
      nav: { order: 0 },
      remote: { ...valid.remote, name: 'h' },
    };
    const { entries, rejected } = parseManifest({ version: 1, mfes: [valid, home] });
    expect(rejected).toEqual([]);
    expect(entries.map((entry) => entry.id)).toEqual(['home', 'notifications']);
    expect(entries[0]?.nav.show).toBe(true);
    const { minLoa, scopes, ...minimal } = valid;
    const [defaulted] = parseManifest({ version: 1, mfes: [minimal] }).entries;
    expect(defaulted?.minLoa).toBe('low');
    expect(defaulted?.scopes).toEqual([]);
  });

  it('skips each invalid entry with a reason and keeps the others', () => {
    const { entries, rejected } = parseManifest({
      version: 1,
      mfes: [
        valid,
        { ...valid, id: 'bad-url', route: '/a', remote: { ...valid.remote, entry: 'javascript:alert(1)' } },
        { ...valid, id: 'bad-route', route: 'files' },
        { ...valid, id: 'Bad Id', route: '/b' },
        { ...valid, id: 'no-title', route: '/c', title: { en: 'Only English' } },
        'not an object',
        null,
      ],
    });
    expect(entries.map((entry) => entry.id)).toEqual(['notifications']);
    expect(rejected.map((entry) => [entry.index, entry.id])).toEqual([
      [1, 'bad-url'],
      [2, 'bad-route'],
      [3, 'Bad Id'],
      [4, 'no-title'],
      [5, undefined],
      [6, undefined],
    ]);
    expect(rejected[0]?.reason).toContain('remote.entry');
    expect(rejected[1]?.reason).toContain('route');
  });

  it('rejects duplicate ids and routes, keeping the first', () => {
    const { entries, rejected } = parseManifest({
      version: 1,
      mfes: [valid, { ...valid, route: '/other' }, { ...valid, id: 'other' }],
    });
    expect(entries).toHaveLength(1);
    expect(rejected.map((entry) => entry.reason)).toEqual([
      'duplicate id "notifications"',
      'route "/notifications" is already taken',
    ]);
  });

  it('reads the remote type, an ES module unless the entry says it is a classic script', () => {
    const script = {
      ...valid,
      id: 'script',
      route: '/s',
      remote: { ...valid.remote, name: 's', type: 'var' },
    };
    const odd = { ...valid, id: 'odd', route: '/o', remote: { ...valid.remote, name: 'o', type: 'system' } };
    const { entries, rejected } = parseManifest({ version: 1, mfes: [valid, script, odd] });
    expect(entries.map((entry) => [entry.id, entry.remote.type])).toEqual([
      ['notifications', 'module'],
      ['script', 'var'],
    ]);
    expect(rejected.map((entry) => entry.id)).toEqual(['odd']);
    expect(rejected[0]?.reason).toContain('remote.type');
  });

  it('throws only when the document itself is not a manifest', () => {
    expect(() => parseManifest({ mfes: [] })).toThrow(ManifestError);
    expect(() => parseManifest([])).toThrow(ManifestError);
    expect(() => parseManifest({ version: 1, mfes: [] })).not.toThrow();
  });
});

describe('routeMatches', () => {
  it('matches the home route exactly and other routes by segment', () => {
    expect(routeMatches('/', '/')).toBe(true);
    expect(routeMatches('/', '/notifications')).toBe(false);
    expect(routeMatches('/notifications', '/notifications')).toBe(true);
    expect(routeMatches('/notifications', '/notifications/dehu:1')).toBe(true);
    expect(routeMatches('/notifications', '/notificationsx')).toBe(false);
  });
});

describe('localize', () => {
  it('falls back to Spanish', () => {
    expect(localize({ es: 'Hola', en: 'Hello' }, 'en')).toBe('Hello');
    expect(localize({ es: 'Hola' }, 'en')).toBe('Hola');
  });
});
