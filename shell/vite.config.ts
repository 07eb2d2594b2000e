import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { runtimeVersionOnly } from '@carpeta/sdk/vite';
import { colors } from '@carpeta/design-system/tokens';
import { onePreact, preactAliases } from './build/preact-aliases.ts';
import { sharedSingletons } from './build/shared-singletons.ts';
import { FEDERATION_HOST_GROUP, FIRST_ROUTE_GROUP, preloadFirstRoute } from './build/first-route.ts';

// The shell is a Module Federation host with no build-time remotes: every MFE arrives at run time
// from the gateway's manifest. It provides the shared singletons (React as Preact, i18next, the sdk,
// the design system) from its own build, through the federation runtime it loads with the first
// remote (src/federation-host.ts); no build plugin is involved, and a page without a remote loads
// nothing of federation.
const gateway = process.env.CARPETA_GATEWAY_URL ?? 'http://127.0.0.1:4000';

/**
 * The shell's stylesheet inside its page: the layout the gateway renders into the page then paints
 * as soon as the HTML is parsed, with no request blocking it (the CSP allows inline styles).
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'carpeta:inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        return html.replace(
          /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
          (tag, file) => {
            const asset = bundle[file];
            const css = asset?.type === 'asset' ? String(asset.source) : undefined;
            return css === undefined || css.includes('</style') ? tag : `<style>${css}</style>`;
          },
        );
      },
    },
  };
}

/**
 * The installable app: the web app manifest (linked from the page) and the service worker
 * (src/sw/sw.ts) with the list of the shell's files to precache injected by Workbox. Nothing is
 * registered from the page's first scripts: the shell imports `src/pwa.ts` once the first route is
 * shown (production builds only; `pnpm dev` has no service worker).
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'sw.ts',
  injectRegister: false,
  manifestFilename: 'manifest.webmanifest',
  includeAssets: [],
  includeManifestIcons: true,
  manifest: {
    id: '/',
    name: 'Carpeta Ciudadana',
    short_name: 'Carpeta',
    description: 'Lo que las administraciones públicas tienen sobre ti, en un solo lugar.',
    lang: 'es',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: colors.light.primary,
    background_color: colors.light.bg,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    // The shell's own files; its page is made per request by the gateway and never precached.
    globPatterns: ['**/*.{js,svg}'],
    globIgnores: ['**/*.map', 'index.html', 'sw.js'],
    maximumFileSizeToCacheInBytes: 1024 * 1024,
  },
  devOptions: { enabled: false },
});

export default defineConfig({
  plugins: [react(), runtimeVersionOnly(), inlineStylesheet(), preloadFirstRoute(), onePreact(), pwa],
  // One Preact: pnpm keeps a second copy of it for the server renderer (its optional peer).
  resolve: { alias: preactAliases, dedupe: ['preact'] },
  define: {
    __CARPETA_SHARED__: JSON.stringify(sharedSingletons()),
    // The federation runtime's own switch for where it runs, which the federation plugin sets for
    // the hosts it builds (`target`, "web" by default): its code for Node (loading entries with
    // `fetch` and `vm`) is then left out of the federation host's chunk (1.7 KB gzip).
    ENV_TARGET: JSON.stringify('web'),
    // The runtime's switch for its snapshot plugin, which reads a remote given by its
    // `mf-manifest.json` and preloads what the manifest lists: the shell reads such an entry itself
    // (`readManifestEntry`, src/federation.ts), and the gateway's hints preload a remote's chunks.
    // Left out of the federation host's chunk (1.6 KB gzip).
    FEDERATION_OPTIMIZE_NO_SNAPSHOT_PLUGIN: 'true',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // What the page imports statically in one chunk, and the federation host with the rest of what it
    // provides in another (build/first-route.ts).
    rolldownOptions: { output: { codeSplitting: { groups: [FIRST_ROUTE_GROUP, FEDERATION_HOST_GROUP] } } },
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT_SHELL_DEV ?? 5173),
    strictPort: true,
    proxy: { '/api': gateway, '/auth': gateway, '/mfes.json': gateway },
  },
  preview: { host: '127.0.0.1' },
});
