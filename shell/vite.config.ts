import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { carpetaHost } from '@carpeta/sdk/federation';

// The shell is a Module Federation host with no build-time remotes: every MFE arrives at run time
// from the gateway's manifest. It provides the shared singletons (React, the sdk, the design system).
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

export default defineConfig({
  plugins: [react(), federation(carpetaHost('carpeta_shell')), inlineStylesheet()],
  build: { target: 'es2022', sourcemap: true },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT_SHELL_DEV ?? 5173),
    strictPort: true,
    proxy: { '/api': gateway, '/auth': gateway, '/mfes.json': gateway },
  },
  preview: { host: '127.0.0.1' },
});
