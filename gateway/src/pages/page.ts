import { INLINE_MANIFEST_ID, type ManifestEntry, routeMatches } from '@carpeta/sdk';
import type { ManifestView } from '../audience/service.ts';
import type { RemoteAssets } from './remote-assets.ts';

/*
 * The shell's page, made for the request's session: the citizen's manifest inlined (the shell reads
 * it instead of asking `/mfes.json`), and modulepreload hints for the remote of the route the page
 * opens on, so that the MFE's scripts arrive beside the shell's instead of after the manifest, the
 * remote entry and its imports, one round trip each.
 */

/** JSON that can sit inside a `<script>` element: no `<` can close it or open a comment. */
export function scriptSafeJson(json: string): string {
  return json.replaceAll('<', '\\u003c');
}

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The entry the page's path opens on, if the viewer may load it now. */
export function firstRouteEntry(view: ManifestView, pathname: string): ManifestEntry | undefined {
  return view.mfes.find((entry) => routeMatches(entry.route, pathname) && view.loadable(entry));
}

export function renderPage(
  html: string,
  options: { view: ManifestView | null | undefined; pathname: string; assets: RemoteAssets },
): string {
  const { view } = options;
  if (!view) return html;
  const lines = [
    `<script type="application/json" id="${INLINE_MANIFEST_ID}">${scriptSafeJson(view.body)}</script>`,
  ];
  const entry = firstRouteEntry(view, options.pathname);
  if (entry) {
    for (const url of options.assets.preloads(entry)) {
      const integrity =
        url === entry.remote.entry && entry.integrity ? ` integrity="${attribute(entry.integrity)}"` : '';
      lines.push(`<link rel="modulepreload" crossorigin href="${attribute(url)}"${integrity}>`);
    }
  }
  const at = html.indexOf('</head>');
  if (at === -1) return html;
  return `${html.slice(0, at)}    ${lines.join('\n    ')}\n  ${html.slice(at)}`;
}
