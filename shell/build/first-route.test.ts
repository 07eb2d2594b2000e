import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  type BundleFile,
  awaitsAtTopLevel,
  FEDERATION_HOST_GROUP,
  FIRST_ROUTE_GROUP,
  federationChunks,
  federationHostChunkError,
  firstRouteChunkError,
  filesInPage,
  languageChunks,
  scriptsLast,
} from './first-route.ts';

/** A bundle shaped as the shell's build (names shortened). */
function bundle(): Record<string, BundleFile> {
  const chunk = (fileName: string, files: Partial<BundleFile> = {}): [string, BundleFile] => [
    fileName,
    { type: 'chunk', fileName, imports: [], ...files },
  ];
  return Object.fromEntries([
    chunk('assets/index-C.js', { imports: ['assets/compat-N.js', 'assets/sdk-S.js'] }),
    chunk('assets/compat-N.js'),
    chunk('assets/sdk-S.js'),
    // A code-splitting group's chunk: no facade, the host among the modules it holds.
    chunk('assets/federation-host-F.js', {
      moduleIds: [
        '/repo/node_modules/@module-federation/runtime/dist/index.js',
        '/repo/shell/src/federation-host.ts',
      ],
      imports: ['assets/compat-N.js', 'assets/Radios-R.js'],
    }),
    chunk('assets/Radios-R.js', { imports: ['assets/sdk-S.js', 'assets/Tabs-T.js'] }),
    chunk('assets/Tabs-T.js'),
    chunk('assets/en-H.js', { facadeModuleId: '/repo/shell/src/messages/en.ts' }),
    chunk('assets/ca-P.js', { facadeModuleId: 'C:\\repo\\shell\\src\\messages\\ca.ts' }),
  ]);
}

const PAGE = `<head>
  <script type="module" crossorigin src="/assets/index-C.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/compat-N.js">
  <link rel="modulepreload" crossorigin href="/assets/sdk-S.js">
  <link rel="stylesheet" href="/assets/x.css">
</head>`;

describe('the first route’s files in the shell’s page', () => {
  it('reads the scripts the page names of its own origin, as bundle file names', () => {
    expect(filesInPage(PAGE)).toEqual(['assets/index-C.js', 'assets/compat-N.js', 'assets/sdk-S.js']);
    const remote = '<link rel="modulepreload" href="https://mfe.example/assets/lifecycles-A.js">';
    const otherHost = '<link rel="modulepreload" href="//mfe.example/assets/lifecycles-A.js">';
    expect(filesInPage(`${PAGE}${remote}${otherHost}`)).toEqual(filesInPage(PAGE));
  });

  it('lists the federation host’s chunk and what it imports that the page does not name', () => {
    expect(federationChunks(PAGE, bundle())).toEqual([
      '/assets/federation-host-F.js',
      '/assets/Radios-R.js',
      '/assets/Tabs-T.js',
    ]);
    const named = `${PAGE}<link rel="modulepreload" href="/assets/Tabs-T.js">`;
    expect(federationChunks(named, bundle())).toEqual([
      '/assets/federation-host-F.js',
      '/assets/Radios-R.js',
    ]);
    const { 'assets/federation-host-F.js': _host, ...withoutHost } = bundle();
    expect(federationChunks(PAGE, withoutHost)).toEqual([]);
  });

  it('lists the messages’ chunk of each language', () => {
    expect(languageChunks(bundle())).toEqual({ en: '/assets/en-H.js', ca: '/assets/ca-P.js' });
  });

  it('moves the module script and its hints to the end of the body, in their order, and nothing else', () => {
    const page = [
      '<html><head>',
      '    <script type="module" crossorigin src="/assets/boot.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/a.js">',
      '    <link rel="icon" href="/favicon.svg">',
      '    <style>p{}</style>',
      '    <link rel="modulepreload" crossorigin href="/assets/b.js">',
      '  </head>',
      '  <body><div id="root"><p>Hola</p></div>',
      '  </body></html>',
    ].join('\n');
    const moved = scriptsLast(page);
    const head = moved.slice(0, moved.indexOf('</head>'));
    expect(head).not.toMatch(/<script|modulepreload/);
    expect(head).toContain('<link rel="icon" href="/favicon.svg">');
    expect(head).toContain('<style>p{}</style>');
    const tail = moved.slice(moved.indexOf('<p>Hola</p>'));
    expect(filesInPage(tail)).toEqual(['assets/boot.js', 'assets/a.js', 'assets/b.js']);
    expect(scriptsLast('<html><head></head></html>')).toBe('<html><head></head></html>');
  });
});

describe('the first route’s chunk', () => {
  it('takes what the page reaches statically, export by export, but the page’s own module', () => {
    expect(FIRST_ROUTE_GROUP.tags).toEqual(['$initial']);
    expect(FIRST_ROUTE_GROUP.includeDependenciesRecursively).toBe(false);
    for (const id of ['/repo/shell/index.html', 'C:\\repo\\shell\\index.html'])
      expect(FIRST_ROUTE_GROUP.test(id)).toBe(false);
    for (const id of [
      '/repo/shell/src/App.tsx',
      '/repo/shell/src/main.tsx',
      '/repo/shell/src/pages/index.html.ts',
      '/repo/design-system/src/components/Button/Button.tsx',
      '/repo/node_modules/.pnpm/preact@10.29.8/node_modules/preact/dist/preact.module.js',
      '\0vite/modulepreload-polyfill.js',
    ])
      expect(FIRST_ROUTE_GROUP.test(id)).toBe(true);
  });
});

describe('a top-level await in the first route’s chunk', () => {
  it('is found where the module’s evaluation waits, and only there', () => {
    for (const code of [
      'await load();',
      'const a = await import("./a.js");',
      'if (x) { await y; }',
      'for await (const part of parts) use(part);',
      'export const v = f(await g());',
    ])
      expect(awaitsAtTopLevel(parseAst(code, { sourceType: 'module' })), code).toBe(true);
    for (const code of [
      'async function start() { await load(); } void start();',
      'const start = async () => { for await (const p of ps) use(p); };',
      'class Store { async load() { return await fetch("/"); } }',
      'export default { async get() { await 1; } };',
      'const awaitable = { await: 1 }; use(awaitable.await);',
    ])
      expect(awaitsAtTopLevel(parseAst(code, { sourceType: 'module' })), code).toBe(false);
  });
});

describe('the build’s check of the first route’s chunk', () => {
  const chunk = (name: string, code: string): BundleFile => ({
    type: 'chunk',
    name,
    fileName: `assets/${name}-x.js`,
    code,
  });
  it('passes a first chunk that does not await at its top level', () => {
    expect(
      firstRouteChunkError([chunk('first', 'async function s() { await 1; } void s();')]),
    ).toBeUndefined();
  });
  it('refuses one that does, naming its file', () => {
    expect(firstRouteChunkError([chunk('first', 'await start();')])).toMatch(/^assets\/first-x\.js awaits/);
  });
  it('refuses a build with no chunk of the group’s name, which it could not check', () => {
    expect(firstRouteChunkError([chunk('entry', 'await start();')])).toMatch(/no chunk is named "first"/);
  });
});

describe('the federation host’s chunk', () => {
  it('is taken from the federation host’s module (with what it imports), and from no other', () => {
    expect(FEDERATION_HOST_GROUP.test.test('/repo/shell/src/federation-host.ts')).toBe(true);
    expect(FEDERATION_HOST_GROUP.test.test('C:\\repo\\shell\\src\\federation-host.ts')).toBe(true);
    for (const id of ['/repo/shell/src/federation.ts', '/repo/shell/src/federation-host.test.ts'])
      expect(FEDERATION_HOST_GROUP.test.test(id)).toBe(false);
  });

  const files = (dialogImports: string[], others: Partial<BundleFile>[] = []): BundleFile[] => [
    { type: 'chunk', fileName: 'assets/first-A.js', imports: [] },
    {
      type: 'chunk',
      fileName: 'assets/federation-host-F.js',
      moduleIds: [
        '/repo/shell/src/federation-host.ts',
        '/repo/design-system/src/components/Radios/Radios.tsx',
      ],
      imports: ['assets/first-A.js'],
    },
    {
      type: 'chunk',
      fileName: 'assets/act-for-dialog-D.js',
      facadeModuleId: '/repo/shell/src/act-for-dialog.tsx',
      imports: dialogImports,
    },
    ...others.map((file) => ({ type: 'chunk' as const, fileName: 'assets/x.js', imports: [], ...file })),
  ];

  it('may be imported by the “act for” dialog, which shares the design system’s radios with it', () => {
    expect(
      federationHostChunkError(files(['assets/first-A.js', 'assets/federation-host-F.js'])),
    ).toBeUndefined();
    expect(federationHostChunkError(files(['assets/first-A.js']))).toBeUndefined();
  });

  it('refuses a build where another chunk imports it, naming that chunk', () => {
    const error = federationHostChunkError(
      files(
        [],
        [
          {
            fileName: 'assets/assistant-panel-P.js',
            facadeModuleId: '/repo/shell/src/assistant-panel.tsx',
            imports: ['assets/federation-host-F.js'],
          },
        ],
      ),
    );
    expect(error).toMatch(/^assets\/assistant-panel-P\.js imports the federation host's chunk/);
    expect(error).toContain('FEDERATION_HOST_IMPORTERS');
  });

  it('refuses a build where no chunk holds the federation host, whose hints it could not give', () => {
    expect(federationHostChunkError([{ type: 'chunk', fileName: 'assets/first-A.js', imports: [] }])).toMatch(
      /^no chunk holds src\/federation-host\.ts/,
    );
  });
});
