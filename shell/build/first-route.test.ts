import { describe, expect, it } from 'vitest';
import {
  type BundleFile,
  filesInPage,
  languageChunks,
  missingFirstRouteFiles,
  scriptsLast,
} from './first-route.ts';

/** A bundle shaped as the federation plugin's host build (names shortened). */
function bundle(): Record<string, BundleFile> {
  const chunk = (fileName: string, files: Partial<BundleFile> = {}): [string, BundleFile] => [
    fileName,
    { type: 'chunk', fileName, imports: [], dynamicImports: [], code: '', ...files },
  ];
  return Object.fromEntries([
    [
      'assets/mf-entry-bootstrap-0-1.js',
      {
        type: 'asset',
        fileName: 'assets/mf-entry-bootstrap-0-1.js',
        source:
          'const h = await __mfImport("./hostInit-A.js"); await __mfImport("./pendingShares-B.js"); __mfImport("./index-C.js");',
      },
    ],
    chunk('assets/hostInit-A.js', {
      imports: ['assets/helper-D.js'],
      dynamicImports: ['remoteEntry-E.js', 'assets/_virtual_mf-localSharedImportMap-F.js'],
    }),
    chunk('assets/pendingShares-B.js'),
    chunk('assets/index-C.js', {
      imports: ['assets/_virtual_mf___loadShare__react__loadShare__-G.js'],
      // The shell's own lazy code: not the first route's.
      dynamicImports: ['assets/en-H.js', 'assets/ahead-I.js'],
    }),
    chunk('assets/helper-D.js'),
    chunk('remoteEntry-E.js', { imports: ['assets/runtime-J.js'] }),
    chunk('assets/_virtual_mf-localSharedImportMap-F.js', {
      dynamicImports: ['assets/react-K.js', 'assets/src-L.js'],
    }),
    chunk('assets/_virtual_mf___loadShare__react__loadShare__-G.js'),
    chunk('assets/en-H.js', { facadeModuleId: '/repo/shell/src/messages/en.ts' }),
    chunk('assets/ahead-I.js', { dynamicImports: ['assets/pwa-M.js'] }),
    chunk('assets/runtime-J.js'),
    chunk('assets/react-K.js', { imports: ['assets/compat-N.js'] }),
    chunk('assets/src-L.js', { imports: ['assets/compat-N.js'], dynamicImports: ['assets/lazy-O.js'] }),
    chunk('assets/pwa-M.js'),
    chunk('assets/compat-N.js'),
    chunk('assets/lazy-O.js'),
    chunk('assets/ca-P.js', { facadeModuleId: 'C:\\repo\\shell\\src\\messages\\ca.ts' }),
  ]);
}

const PAGE = `<head>
  <script type="module" crossorigin src="/assets/mf-entry-bootstrap-0-1.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/index-C.js">
  <link rel="stylesheet" href="/assets/x.css">
</head>`;

describe('the first route’s files in the shell’s page', () => {
  it('reads the scripts the page names of its own origin, as bundle file names', () => {
    expect(filesInPage(PAGE)).toEqual(['assets/mf-entry-bootstrap-0-1.js', 'assets/index-C.js']);
    const remote = '<link rel="modulepreload" href="https://mfe.example/assets/lifecycles-A.js">';
    const otherHost = '<link rel="modulepreload" href="//mfe.example/assets/lifecycles-A.js">';
    expect(filesInPage(`${PAGE}${remote}${otherHost}`)).toEqual(filesInPage(PAGE));
  });

  it('adds what the federation plugin’s files import at run time, and what that imports', () => {
    expect(missingFirstRouteFiles(PAGE, bundle()).sort()).toEqual(
      [
        'assets/hostInit-A.js',
        'assets/pendingShares-B.js',
        'assets/helper-D.js',
        'remoteEntry-E.js',
        'assets/_virtual_mf-localSharedImportMap-F.js',
        'assets/_virtual_mf___loadShare__react__loadShare__-G.js',
        'assets/runtime-J.js',
        'assets/react-K.js',
        'assets/src-L.js',
        'assets/compat-N.js',
      ].sort(),
    );
  });

  it('leaves out the shell’s own lazy chunks and the shared modules’ lazy code', () => {
    const files = missingFirstRouteFiles(PAGE, bundle());
    for (const lazy of ['assets/en-H.js', 'assets/ahead-I.js', 'assets/pwa-M.js', 'assets/lazy-O.js'])
      expect(files).not.toContain(lazy);
  });

  it('names nothing twice and nothing the bundle lacks', () => {
    const page = `${PAGE}<link rel="modulepreload" href="/assets/react-K.js"><script src="/gone.js"></script>`;
    const files = missingFirstRouteFiles(page, bundle());
    expect(files).not.toContain('assets/react-K.js');
    expect(files).not.toContain('gone.js');
    expect(new Set(files).size).toBe(files.length);
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
