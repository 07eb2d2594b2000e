import { describe, expect, it } from 'vitest';
import { scriptsInPage } from './page.ts';

describe('the scripts a page names', () => {
  it('reads its scripts and modulepreload hints, in its order, as written', () => {
    const page = `<head>
  <link rel="stylesheet" href="/assets/x.css">
  <link rel="icon" href="/favicon.svg">
</head>
<body>
  <main><p>Hola</p></main>
  <script type="module" crossorigin src="/assets/mf-entry-bootstrap-0-1.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/index-C.js">
  <link rel="modulepreload" crossorigin href="https://mfe.example/assets/lifecycles-A.js" integrity="sha384-x">
</body>`;
    expect(scriptsInPage(page)).toEqual([
      '/assets/mf-entry-bootstrap-0-1.js',
      '/assets/index-C.js',
      'https://mfe.example/assets/lifecycles-A.js',
    ]);
  });

  it('reads nothing from a page without scripts, nor from a script written inline or in JSON', () => {
    expect(scriptsInPage('<html><head></head><body></body></html>')).toEqual([]);
    expect(
      scriptsInPage(
        '<script>import("/assets/a.js")</script><script type="application/json">{"entry":"https://x.example/remoteEntry.js"}</script>',
      ),
    ).toEqual([]);
  });
});
