import {
  audienceKey,
  INLINE_MANIFEST_ID,
  type ManifestEntry,
  parseManifest,
  type Session,
} from '@carpeta/sdk';
import { describe, expect, it, vi } from 'vitest';
import type { ManifestState } from './context.ts';
import { createRegistrar, fetchManifest, followSession, type SingleSpaRegistry } from './register.ts';
import { SIGNED_IN, testContext } from './test-context.ts';

const entry = {
  id: 'home',
  title: { es: 'Inicio' },
  owner: { id: 'carpeta', name: 'Carpeta' },
  kind: 'domain',
  route: '/',
  framework: 'react',
  remote: { name: 'carpeta_home', entry: 'http://127.0.0.1:4201/remoteEntry.js', expose: './lifecycles' },
  version: '0.1.0',
};

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

describe('fetchManifest', () => {
  it('reads the manifest the gateway put in the page once, then asks /mfes.json', async () => {
    const telemetry = { error: vi.fn(), event: vi.fn() };
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.id = INLINE_MANIFEST_ID;
    inline.textContent = JSON.stringify({ version: 1, mfes: [entry] });
    document.head.append(inline);
    const network = respond(200, { version: 1, mfes: [{ ...entry, id: 'other', route: '/other' }] });
    const first = await fetchManifest({ telemetry }, network);
    if (first.status !== 'ready') throw new Error(first.status);
    expect(first.entries.map((item) => item.id)).toEqual(['home']);
    expect(network).not.toHaveBeenCalled();
    expect(document.getElementById(INLINE_MANIFEST_ID)).toBeNull();
    const second = await fetchManifest({ telemetry }, network);
    if (second.status !== 'ready') throw new Error(second.status);
    expect(second.entries.map((item) => item.id)).toEqual(['other']);
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('asks /mfes.json when the page holds no readable manifest', async () => {
    const telemetry = { error: vi.fn(), event: vi.fn() };
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.id = INLINE_MANIFEST_ID;
    inline.textContent = '{ cut sh';
    document.head.append(inline);
    const network = respond(200, { version: 1, mfes: [entry] });
    const state = await fetchManifest({ telemetry }, network);
    expect(state.status).toBe('ready');
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('keeps valid entries and reports each skipped one', async () => {
    const telemetry = { error: vi.fn(), event: vi.fn() };
    const state = await fetchManifest(
      { telemetry },
      respond(200, { version: 1, mfes: [entry, { ...entry, id: 'broken', route: 'nope' }] }),
    );
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.entries.map((item) => item.id)).toEqual(['home']);
    expect(state.rejected).toEqual([expect.objectContaining({ id: 'broken', index: 1 })]);
    expect(telemetry.error).toHaveBeenCalledTimes(1);
    expect(telemetry.error).toHaveBeenCalledWith(expect.any(Error), { entry: 'broken', phase: 'manifest' });
  });

  it('lists the entries the gateway left out, with its reasons, next to its own', async () => {
    const telemetry = { error: vi.fn(), event: vi.fn() };
    const state = await fetchManifest(
      { telemetry },
      respond(200, {
        version: 1,
        mfes: [entry],
        rejected: [
          { index: 2, id: 'evil', reason: 'the origin http://evil.example:9999 is not allowed' },
          { index: 'x', reason: 42 },
        ],
      }),
    );
    if (state.status !== 'ready') throw new Error(state.status);
    expect(state.entries.map((item) => item.id)).toEqual(['home']);
    expect(state.rejected).toEqual([
      { index: 2, id: 'evil', reason: 'the origin http://evil.example:9999 is not allowed' },
    ]);
  });

  it('fails softly when the manifest is unreachable, not JSON or not a manifest', async () => {
    for (const fetchImpl of [
      respond(503, { error: { code: 'internal', message: 'x' } }),
      respond(200, '<html>'),
      respond(200, { mfes: 'nope' }),
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ]) {
      const telemetry = { error: vi.fn(), event: vi.fn() };
      await expect(fetchManifest({ telemetry }, fetchImpl)).resolves.toEqual({ status: 'failed' });
      expect(telemetry.error).toHaveBeenCalledTimes(1);
    }
  });
});

describe('createRegistrar', () => {
  const make = (id: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
    ...(parseManifest({ version: 1, mfes: [{ ...entry, id, route: `/${id}` }] }).entries[0] as ManifestEntry),
    ...extra,
  });

  it('registers new entries, unregisters those gone or changed, and leaves the others mounted', async () => {
    const spa = {
      register: vi.fn<SingleSpaRegistry['register']>(),
      unregister: vi.fn(async (_name: string) => undefined),
    };
    const registrar = createRegistrar(testContext(), { loadTimeoutMs: 1, mountTimeoutMs: 1 }, spa);
    await registrar.sync([make('home'), make('health'), make('files')]);
    const names = () => spa.register.mock.calls.map(([config]) => config.name);
    expect(names()).toEqual(['home', 'health', 'files']);
    spa.register.mockClear();
    // Acting for someone elsewhere: the region's MFE goes, the files MFE changed, a council's comes.
    await registrar.sync([make('home'), make('files', { version: '2.0.0' }), make('council')]);
    expect(spa.unregister.mock.calls.map(([name]) => name)).toEqual(['health', 'files']);
    expect(names()).toEqual(['files', 'council']);
    expect(registrar.ids().sort()).toEqual(['council', 'files', 'home']);
    document.body.replaceChildren();
  });
});

describe('followSession', () => {
  const at = (id: string, origin: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
    ...(parseManifest({ version: 1, mfes: [{ ...entry, id, route: `/${id}` }] }).entries[0] as ManifestEntry),
    remote: { name: 'r', entry: `${origin}/remoteEntry.js`, expose: './lifecycles', type: 'module' },
    ...extra,
  });
  const ready = (key: string, entries: ManifestEntry[]): ManifestState => ({
    status: 'ready',
    entries,
    rejected: [],
    audience: { key, residence: 'found' },
  });
  const ACTING: Session = {
    ...SIGNED_IN,
    citizen: SIGNED_IN.citizen && {
      ...SIGNED_IN.citizen,
      actingFor: {
        displayName: 'Carmen López Sánchez',
        maskedId: '***5678**',
        kind: 'person',
        powerKind: 'general',
        validUntil: null,
      },
    },
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  function setUp(next: () => Promise<ManifestState>) {
    const context = testContext();
    context.manifest.set(
      ready(audienceKey(SIGNED_IN), [at('home', 'http://home.test'), at('health', 'http://madrid.test')]),
    );
    const fetchManifest = vi.fn(next);
    const registrar = { sync: vi.fn(async () => undefined), ids: () => [] };
    const reload = vi.fn();
    const stop = followSession(context, { fetchManifest, registrar, reload });
    return { context, fetchManifest, registrar, reload, stop };
  }

  it('asks for the manifest of the new session when the citizen acts for someone, and follows it', async () => {
    const entries = [at('home', 'http://home.test')];
    const { context, fetchManifest, registrar, reload, stop } = setUp(async () =>
      ready(audienceKey(ACTING), entries),
    );
    await settle();
    // The manifest is the session's: nothing asked at first.
    expect(fetchManifest).not.toHaveBeenCalled();
    context.session.set(ACTING);
    await settle();
    expect(fetchManifest).toHaveBeenCalledTimes(1);
    expect(context.manifest.get()).toMatchObject({ status: 'ready', entries });
    expect(registrar.sync).toHaveBeenCalledWith(entries);
    expect(reload).not.toHaveBeenCalled();
    stop();
    document.body.replaceChildren();
  });

  it('keeps what it shows when the gateway answers for another session than the one asked about', async () => {
    const { context, registrar, stop } = setUp(async () => ready(audienceKey(SIGNED_IN), []));
    context.session.set({ authenticated: false, citizen: null });
    await settle();
    expect(registrar.sync).not.toHaveBeenCalled();
    expect(context.manifest.get()).toMatchObject({ audience: { key: audienceKey(SIGNED_IN) } });
    stop();
    document.body.replaceChildren();
  });

  it('loads the page again when the new manifest needs an origin the page’s CSP does not allow', async () => {
    const { context, registrar, reload, stop } = setUp(async () =>
      ready(audienceKey(ACTING), [at('home', 'http://home.test'), at('toledo', 'http://toledo.test')]),
    );
    context.session.set(ACTING);
    await settle();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(registrar.sync).not.toHaveBeenCalled();
    stop();
    document.body.replaceChildren();
  });

  it('signed out in place: the public manifest, nothing private left registered; a failure unregisters all', async () => {
    const { context, registrar, stop, fetchManifest } = setUp(async () => ready('anonymous', []));
    context.session.set({ authenticated: false, citizen: null });
    await settle();
    expect(registrar.sync).toHaveBeenLastCalledWith([]);
    fetchManifest.mockImplementation(async () => ({ status: 'failed' }));
    context.session.set(SIGNED_IN);
    await settle();
    expect(context.manifest.get()).toEqual({ status: 'failed' });
    expect(registrar.sync).toHaveBeenLastCalledWith([]);
    stop();
    document.body.replaceChildren();
  });
});
