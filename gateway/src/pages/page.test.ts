import type { Language, ManifestEntry, SessionResponse, ShellRenderInput } from '@carpeta/sdk';
import { testManifestEntry } from '@carpeta/sdk/testing/manifest';
import { describe, expect, it, vi } from 'vitest';
import type { ManifestView } from '../audience/service.ts';
import {
  firstRouteEntry,
  type PageShell,
  readShellPage,
  renderPage,
  scriptSafeJson,
  withLanguageChunk,
} from './page.ts';
import { createRemoteAssets, mfManifestUrl, type RemoteAssets } from './remote-assets.ts';

const entry = testManifestEntry;

function view(
  mfes: ManifestEntry[],
  loadable = (item: ManifestEntry) => item.minLoa === 'low',
): ManifestView {
  return {
    body: JSON.stringify({ version: 1, mfes, rejected: [], audience: { key: 'x', residence: 'found' } }),
    origins: [],
    audience: { key: 'x', residence: 'found' },
    mfes,
    rejected: [],
    loadable,
  };
}

const HTML = '<!doctype html><html><head><title>Carpeta</title></head><body></body></html>';
const PAGE = readShellPage(HTML);

/** A remote's mf-manifest.json as @module-federation/vite writes it. */
function mfManifest(origin: string) {
  return {
    exposes: [
      {
        path: './lifecycles',
        assets: {
          js: {
            sync: [
              'assets/lifecycles-AAAAAAAA.js',
              `${origin === 'x' ? 'https://evil.example/' : ''}assets/b.js`,
            ],
            async: [],
          },
        },
      },
    ],
  };
}

/** A remote's `mf-manifest.json` whose `./lifecycles` has these chunks loaded on demand. */
function exposingWithAsync(async: string[]) {
  return remoteListing({ async });
}

/**
 * A remote whose `mf-manifest.json` lists these chunks for its `./lifecycles` and for its shared
 * packages (a package without `async` is listed with no assets).
 */
function remoteListing(listing: {
  sync?: string[];
  async?: string[];
  shared?: { name: string; async?: string[] }[];
}) {
  const manifest = {
    shared: (listing.shared ?? []).map(({ name, async }) =>
      async ? { name, assets: { js: { sync: [], async } } } : { name },
    ),
    exposes: [
      {
        path: './lifecycles',
        assets: {
          js: { sync: listing.sync ?? ['assets/lifecycles-AAAAAAAA.js'], async: listing.async ?? [] },
        },
      },
    ],
  };
  return createRemoteAssets({ fetch: async () => Response.json(manifest) });
}

/** What a page hints for `mfe` once its remote has said what it needs (the first page asks it). */
async function hintsOnceKnown(assets: RemoteAssets, mfe: ManifestEntry, language?: Language) {
  assets.preloads(mfe, language);
  await assets.settled();
  return assets.preloads(mfe, language);
}

describe('the page', () => {
  it('inlines the manifest so that nothing in it can close the script element', () => {
    const hostile = entry('notifications', { title: { es: '</script><script>alert(1)</script><!--' } });
    const html = renderPage(PAGE, {
      view: view([hostile]),
      pathname: '/other',
      assets: createRemoteAssets({ fetch: async () => new Response('{}') }),
    });
    const inline = /<script type="application\/json" id="carpeta-manifest">(.*?)<\/script>/s.exec(html);
    expect(inline).not.toBeNull();
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(inline?.[1] ?? '').mfes[0].title.es).toBe('</script><script>alert(1)</script><!--');
    expect(scriptSafeJson('"<"')).toBe('"\\u003c"');
  });

  it('leaves the page as built when there is no manifest', () => {
    const assets = createRemoteAssets({ fetch: async () => new Response('{}') });
    expect(renderPage(PAGE, { view: null, pathname: '/', assets })).toBe(HTML);
  });

  it('hints the remote the path opens on, and its chunks once they are known', async () => {
    const asked: string[] = [];
    const assets = createRemoteAssets({
      fetch: async (url) => {
        asked.push(String(url));
        return Response.json(mfManifest('own'));
      },
    });
    const mfes = [entry('home'), entry('notifications', { integrity: 'sha384-abc"def' })];
    const first = renderPage(PAGE, { view: view(mfes), pathname: '/notifications/dehu:1', assets });
    expect(first).toContain(
      '<link rel="modulepreload" crossorigin href="https://notifications.example/remoteEntry.js" integrity="sha384-abc&quot;def">',
    );
    expect(first).not.toContain('lifecycles-AAAAAAAA');
    await assets.settled();
    expect(asked).toEqual(['https://notifications.example/mf-manifest.json']);
    const second = renderPage(PAGE, { view: view(mfes), pathname: '/notifications', assets });
    expect(second).toContain('href="https://notifications.example/assets/lifecycles-AAAAAAAA.js"');
    expect(second).toContain('href="https://notifications.example/assets/b.js"');
    expect(second).not.toContain('href="https://home.example');
    expect(asked).toHaveLength(1);
  });

  it('keeps hinting what a remote said while it asks it again, past its time', async () => {
    let build = 'AAAAAAAA';
    let asked = 0;
    const assets = createRemoteAssets({
      ttlMs: 20,
      fetch: async () => {
        asked += 1;
        const manifest = mfManifest('own');
        return new Response(JSON.stringify(manifest).replaceAll('AAAAAAAA', build));
      },
    });
    const home = entry('home');
    assets.preloads(home);
    await assets.settled();
    expect(assets.preloads(home)).toContain('https://home.example/assets/lifecycles-AAAAAAAA.js');
    build = 'BBBBBBBB';
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Stale: still given, and asked again once.
    expect(assets.preloads(home)).toContain('https://home.example/assets/lifecycles-AAAAAAAA.js');
    assets.preloads(home);
    await assets.settled();
    expect(asked).toBe(2);
    expect(assets.preloads(home)).toContain('https://home.example/assets/lifecycles-BBBBBBBB.js');
  });

  it('asks a remote that was down at start again a second later, not on every page meanwhile', async () => {
    // lru-cache takes a start at 0 for none: the clock starts later.
    const start = 1_000_000;
    let clock = start;
    let up = false;
    let asked = 0;
    const assets = createRemoteAssets({
      now: () => clock,
      fetch: async () => {
        asked += 1;
        return up ? Response.json(mfManifest('own')) : new Response('starting', { status: 503 });
      },
      logger: { warn: () => undefined },
    });
    const home = entry('home');
    // The warm-up at start: the remote is not up yet.
    assets.preloads(home);
    await assets.settled();
    expect(asked).toBe(1);
    up = true;
    clock = start + 500;
    expect(assets.preloads(home)).toEqual(['https://home.example/remoteEntry.js']);
    await assets.settled();
    expect(asked).toBe(1);
    clock = start + 1_100;
    assets.preloads(home);
    await assets.settled();
    expect(asked).toBe(2);
    expect(assets.preloads(home)).toContain('https://home.example/assets/lifecycles-AAAAAAAA.js');
  });

  it('keeps hinting what a remote said when it fails later, and asks it again after a back-off', async () => {
    // lru-cache takes a start at 0 for none: the clock starts later.
    const start = 1_000_000;
    let clock = start;
    let up = true;
    let asked = 0;
    const warnings: unknown[] = [];
    const assets = createRemoteAssets({
      now: () => clock,
      fetch: async () => {
        asked += 1;
        if (!up) throw new TypeError('fetch failed');
        return Response.json(mfManifest('own'));
      },
      logger: { warn: (details) => warnings.push(details) },
    });
    const home = entry('home');
    const chunk = 'https://home.example/assets/lifecycles-AAAAAAAA.js';
    assets.preloads(home);
    await assets.settled();
    up = false;
    // Past its minute: asked again, and the remote is down.
    clock = start + 61_000;
    expect(assets.preloads(home)).toContain(chunk);
    await assets.settled();
    expect(asked).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(assets.preloads(home)).toContain(chunk);
    await assets.settled();
    expect(asked).toBe(2);
    // A second later it is asked again; still down, the next time is two seconds later.
    clock = start + 62_100;
    expect(assets.preloads(home)).toContain(chunk);
    await assets.settled();
    expect(asked).toBe(3);
    clock = start + 63_200;
    expect(assets.preloads(home)).toContain(chunk);
    await assets.settled();
    expect(asked).toBe(3);
    up = true;
    clock = start + 64_200;
    assets.preloads(home);
    await assets.settled();
    expect(asked).toBe(4);
    expect(assets.preloads(home)).toContain(chunk);
  });

  it('hints nothing for a gated entry, a classic-script remote or chunks on another origin', async () => {
    const gated = entry('data', { minLoa: 'substantial' });
    expect(firstRouteEntry(view([gated]), '/data')).toBeUndefined();
    const assets = createRemoteAssets({ fetch: async () => Response.json(mfManifest('x')) });
    const classic = entry('legacy', { remote: { ...entry('legacy').remote, type: 'var' } });
    expect(assets.preloads(classic)).toEqual([]);
    const other = entry('other');
    expect(await hintsOnceKnown(assets, other)).toEqual([
      'https://other.example/remoteEntry.js',
      'https://other.example/assets/lifecycles-AAAAAAAA.js',
    ]);
  });

  it('hints the remote’s views of the shared singletons, not its fallback copies nor its lazy code', async () => {
    const wrapper = '_virtual_mf___mfe_internal__carpeta_x__mf_owner__1__loadShare__shared-AAAA.js';
    const assets = exposingWithAsync([
      `assets/${wrapper}`,
      'assets/react-BBBB.js',
      'assets/src-CCCC.js',
      'assets/detail-DDDD.js',
    ]);
    const mfe = entry('mfe');
    expect(await hintsOnceKnown(assets, mfe)).toEqual([
      'https://mfe.example/remoteEntry.js',
      'https://mfe.example/assets/lifecycles-AAAAAAAA.js',
      `https://mfe.example/assets/${wrapper}`,
    ]);
  });

  it('hints the MFE’s messages in the page’s language only, when it loads them on demand', async () => {
    const assets = exposingWithAsync([
      'assets/messages-ca-CCCC.js',
      'assets/messages-en-EEEE.js',
      'https://evil.example/assets/messages-eu-XXXX.js',
      'assets/ca-DDDD.js',
    ]);
    const mfe = entry('mfe');
    await hintsOnceKnown(assets, mfe, 'ca');
    const first = ['https://mfe.example/remoteEntry.js', 'https://mfe.example/assets/lifecycles-AAAAAAAA.js'];
    expect(assets.preloads(mfe, 'ca')).toEqual([...first, 'https://mfe.example/assets/messages-ca-CCCC.js']);
    expect(assets.preloads(mfe, 'en')).toEqual([...first, 'https://mfe.example/assets/messages-en-EEEE.js']);
    // Spanish is in the MFE's code; a chunk on another origin is never hinted; nor is any language
    // for a page whose language is not known.
    expect(assets.preloads(mfe, 'es')).toEqual(first);
    expect(assets.preloads(mfe, 'eu')).toEqual(first);
    expect(assets.preloads(mfe)).toEqual(first);
  });

  it('hints the remote’s own copy of a singleton the shell does not provide (Angular), not of one it does', async () => {
    const prebuild = (name: string) =>
      `assets/_virtual_mf___mfe_internal__carpeta_x__mf_owner__1__prebuild__${name}__prebuild__-A.js`;
    const assets = remoteListing({
      shared: [
        { name: '@angular/core', async: [prebuild('core')] },
        { name: '@angular/common', async: [prebuild('common'), prebuild('core'), 'assets/src-B.js'] },
        { name: 'i18next', async: [prebuild('i18next')] },
        { name: '@carpeta/sdk' },
      ],
      sync: ['assets/lifecycles-C.js'],
      async: [
        'assets/rxjs-DPpb3r4c.js',
        'assets/rxjs-helpers-DPpb3r4c.js',
        'https://evil.example/assets/rxjs-XXXXXXXX.js',
      ],
    });
    expect(await hintsOnceKnown(assets, entry('powers'))).toEqual([
      'https://powers.example/remoteEntry.js',
      'https://powers.example/assets/lifecycles-C.js',
      `https://powers.example/${prebuild('core')}`,
      `https://powers.example/${prebuild('common')}`,
      // The RxJS its Angular imports, of its own origin only; not a lazy chunk of the MFE's own.
      'https://powers.example/assets/rxjs-DPpb3r4c.js',
    ]);
  });

  it('hints the copies of a preset Angular build: its core with its RxJS in one chunk, and the others', async () => {
    // As `mfes/representation` lists them (LEAF_COPIES_GROUP): no RxJS chunk.
    const leaf = 'assets/leaf-copies__prebuild__-C101dblu.js';
    const common =
      'assets/_virtual_mf___mfe_internal__carpeta_x__mf_owner__1__prebuild__common__prebuild__-A.js';
    const platform =
      'assets/_virtual_mf___mfe_internal__carpeta_x__mf_owner__1__prebuild__platform__prebuild__-A.js';
    const views = 'assets/_virtual_mf___mfe_internal__carpeta_x__mf_owner__1__loadShare__shared-4ZSAln4S.js';
    const assets = remoteListing({
      shared: [
        { name: '@angular/core', async: [leaf] },
        { name: '@angular/common', async: [common, leaf] },
        { name: '@angular/platform-browser', async: [common, leaf, platform] },
        { name: '@carpeta/sdk', async: [] },
      ],
      sync: ['assets/federation-runtime-CoaVqStk.js', 'assets/lifecycles-7WRDx_5X.js'],
      async: ['assets/messages-en-B5Q5eI6L.js', views],
    });
    const hinted = [
      'remoteEntry.js',
      'assets/federation-runtime-CoaVqStk.js',
      'assets/lifecycles-7WRDx_5X.js',
      views,
      leaf,
      common,
      platform,
    ];
    expect(await hintsOnceKnown(assets, entry('powers'))).toEqual(
      hinted.map((file) => `https://powers.example/${file}`),
    );
  });

  it('hints no RxJS chunk for a remote that brings no singleton of its own', async () => {
    const assets = exposingWithAsync(['assets/rxjs-DPpb3r4c.js']);
    const mfe = entry('mfe');
    expect(await hintsOnceKnown(assets, mfe)).toEqual([
      'https://mfe.example/remoteEntry.js',
      'https://mfe.example/assets/lifecycles-AAAAAAAA.js',
    ]);
  });

  it('hints the shell’s messages in the page’s language, none in Spanish, and drops a list it cannot read', () => {
    const chunks = '<!--carpeta:language-chunks {"en":"/assets/en-AAAA.js","ca":"/assets/ca-BBBB.js"}-->';
    const page = readShellPage(`<html><head>${chunks}</head></html>`);
    expect(withLanguageChunk(page, 'en')).toBe(
      '<html><head><link rel="modulepreload" crossorigin href="/assets/en-AAAA.js"></head></html>',
    );
    expect(withLanguageChunk(page, 'ca')).toBe(
      '<html><head><link rel="modulepreload" crossorigin href="/assets/ca-BBBB.js"></head></html>',
    );
    expect(withLanguageChunk(page, 'es')).toBe('<html><head></head></html>');
    expect(withLanguageChunk(page, undefined)).toBe('<html><head></head></html>');
    for (const hostile of [
      '{"en":"https://evil.example/x.js"}',
      '{"en":"//evil.example/x.js"}',
      '{"en":"/a\\"b.js"}',
      '{not json}',
      '["/x.js"]',
    ])
      expect(
        withLanguageChunk(readShellPage(`<head><!--carpeta:language-chunks ${hostile}--></head>`), 'en'),
      ).toBe('<head></head>');
    const assets = createRemoteAssets({ fetch: async () => new Response('{}') });
    expect(renderPage(page, { view: null, pathname: '/', assets })).toBe('<html><head></head></html>');
    // A page without the list is served as built.
    expect(withLanguageChunk(PAGE, 'en')).toBe(HTML);
  });

  it('reads the list once, when it reads the page', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const page = readShellPage('<head><!--carpeta:language-chunks {"en":"/assets/en-AAAA.js"}--></head>');
      for (const language of ['en', 'en', 'gl', 'es'] as const) withLanguageChunk(page, language);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('hints, for an entry given as its mf-manifest.json, the remote entry it names in its place', async () => {
    const assets = createRemoteAssets({
      fetch: async () =>
        Response.json({
          ...mfManifest('own'),
          metaData: { publicPath: 'auto', remoteEntry: { name: 'remoteEntry.js', path: '' } },
        }),
    });
    const base = entry('tributos');
    const byManifest = {
      ...base,
      remote: { ...base.remote, entry: 'https://tributos.example/mf-manifest.json' },
    };
    expect(assets.preloads(byManifest)).toEqual([]);
    await assets.settled();
    expect(assets.preloads(byManifest)).toEqual([
      'https://tributos.example/remoteEntry.js',
      'https://tributos.example/assets/lifecycles-AAAAAAAA.js',
      'https://tributos.example/assets/b.js',
    ]);
  });

  it('goes with the remote entry alone when the remote cannot say what it needs', async () => {
    const warnings: unknown[] = [];
    const assets = createRemoteAssets({
      fetch: async () => new Response('not json'),
      logger: { warn: (details) => warnings.push(details) },
    });
    const broken = entry('broken');
    expect(await hintsOnceKnown(assets, broken)).toEqual(['https://broken.example/remoteEntry.js']);
    expect(warnings).toHaveLength(1);
    expect(mfManifestUrl('https://a.example/x/remoteEntry.js')).toBe('https://a.example/x/mf-manifest.json');
  });
});

describe('the page with the shell’s layout', () => {
  const BUILT =
    '<!doctype html>\n<html lang="es">\n  <head><title>Carpeta</title></head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>';
  const session: SessionResponse = {
    session: { authenticated: false, citizen: null },
    csrfToken: null,
    notice: null,
  };
  const assets = () => createRemoteAssets({ fetch: async () => new Response('{}') });

  function shell(overrides: Partial<PageShell> = {}): PageShell & { inputs: ShellRenderInput[] } {
    const inputs: ShellRenderInput[] = [];
    return {
      inputs,
      render: (input) => {
        inputs.push(input);
        return `<main><h1>${input.language} ${input.pathname}${input.search}</h1></main>`;
      },
      session,
      language: 'eu',
      theme: 'dark',
      search: '?lang=eu',
      onError: () => undefined,
      ...overrides,
    };
  }

  it('puts the layout in #root, says in which language and theme it is, and sets them on <html>', () => {
    const page = shell();
    const html = renderPage(readShellPage(BUILT), {
      view: view([entry('home')]),
      pathname: '/files',
      assets: assets(),
      shell: page,
    });
    expect(html).toContain('<html lang="eu" data-theme="dark">');
    expect(html).toContain(
      '<div id="root" data-language="eu" data-theme="dark"><main><h1>eu /files?lang=eu</h1></main></div>',
    );
    // The render got the manifest as the page carries it, and the session.
    const inline = /<script type="application\/json" id="carpeta-manifest">(.*?)<\/script>/s.exec(html);
    expect(page.inputs[0]?.manifest).toEqual(JSON.parse(inline?.[1] ?? ''));
    expect(page.inputs[0]?.manifest).toMatchObject({ mfes: [entry('home')], rejected: [] });
    expect(page.inputs[0]?.session).toBe(session);
  });

  it('carries the session as JSON no string in it can close', () => {
    const hostile: SessionResponse = {
      ...session,
      csrfToken: '</script><script>alert(1)</script>',
    };
    const html = renderPage(readShellPage(BUILT), {
      view: view([]),
      pathname: '/',
      assets: assets(),
      shell: shell({ session: hostile, theme: 'system' }),
    });
    expect(html).toContain('<html lang="eu">');
    const inline = /<script type="application\/json" id="carpeta-session">(.*?)<\/script>/s.exec(html);
    expect(JSON.parse(inline?.[1] ?? '')).toEqual(hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('keeps a name with replacement patterns as text', () => {
    const html = renderPage(readShellPage(BUILT), {
      view: view([]),
      pathname: '/',
      assets: assets(),
      shell: shell({ render: () => "<p>$& $` $' $1</p>" }),
    });
    expect(html).toContain("<p>$& $` $' $1</p>");
  });

  it('names the shell’s federation host on a page that opens on an MFE’s route only, and a list it can trust', () => {
    const list = '<!--carpeta:federation-chunks ["/assets/federation-host-A.js","/assets/Radios-B.js"]-->';
    const built = BUILT.replace('</body>', `  ${list}\n  </body>`);
    const hints = [
      '<link rel="modulepreload" crossorigin href="/assets/federation-host-A.js">',
      '<link rel="modulepreload" crossorigin href="/assets/Radios-B.js">',
    ];
    const page = readShellPage(built);
    expect(page.html).toBe(built);
    const onRoute = renderPage(page, { view: view([entry('home')]), pathname: '/', assets: assets() });
    for (const hint of hints) expect(onRoute).toContain(hint);
    // Before the remote's own hints: its entry is imported through the host.
    expect(onRoute.indexOf(hints[1] ?? '')).toBeLessThan(
      onRoute.indexOf(`modulepreload" crossorigin href="${entry('home').remote.entry}"`),
    );
    const elsewhere = renderPage(page, { view: view([entry('home')]), pathname: '/help', assets: assets() });
    for (const html of [elsewhere, renderPage(page, { view: null, pathname: '/', assets: assets() })]) {
      expect(html).not.toContain('federation-host');
      expect(html).not.toContain('carpeta:federation-chunks');
    }
    expect(onRoute).not.toContain('carpeta:federation-chunks');
    // The remote's hints are asked for in the language the page is rendered in (its messages).
    const asked: unknown[] = [];
    const spy: RemoteAssets = {
      preloads: (mfe, language) => {
        asked.push(language);
        return [mfe.remote.entry];
      },
      settled: async () => {},
    };
    renderPage(page, { view: view([entry('home')]), pathname: '/', assets: spy, shell: shell() });
    renderPage(page, { view: view([entry('home')]), pathname: '/', assets: spy });
    expect(asked).toEqual(['eu', undefined]);
    for (const hostile of [
      '["https://evil.example/x.js"]',
      '["//evil.example/x.js"]',
      '["/a\\"b.js"]',
      '{not json}',
      '{"a":"/x.js"}',
      '[1]',
    ])
      expect(
        readShellPage(`<body><!--carpeta:federation-chunks ${hostile}--></body>`).federationHints,
      ).toEqual([]);
  });

  it('serves the page as built, and says why, when the layout cannot be rendered', () => {
    const errors: unknown[] = [];
    const html = renderPage(readShellPage(BUILT), {
      view: view([]),
      pathname: '/',
      assets: assets(),
      shell: shell({
        render: () => {
          throw new Error('boom');
        },
        onError: (error) => errors.push(error),
      }),
    });
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('carpeta-session');
    expect(html).toContain('id="carpeta-manifest"');
    expect(errors).toHaveLength(1);
  });
});
