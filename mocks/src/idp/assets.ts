import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

/*
 * The provider's static files, served from its own origin (the strict CSP allows nothing else):
 * the design system's framework-free CSS with its @imports inlined plus a few rules of its own, one
 * small script (progressive enhancement: the pages work without it), and the pages' icon (without
 * one, every page's browser asked for /favicon.ico and logged its 404 as an error).
 */

export interface Asset {
  /** Path with a content hash, served as immutable. */
  path: string;
  contentType: string;
  body: Buffer;
}

const IMPORT = /@import\s+(?:url\()?["']([^"']+)["']\)?\s*;/g;

/** A stylesheet with its relative @imports inlined, recursively (each file once). */
export function inlineCss(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  return source.replace(IMPORT, (_statement, target: string) => {
    if (/^[a-z]+:/i.test(target) || target.startsWith('/')) {
      throw new Error(`${file}: only relative @imports can be inlined, found ${target}`);
    }
    return inlineCss(resolve(dirname(file), target), seen);
  });
}

function asset(name: string, extension: string, contentType: string, text: string): Asset {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}.${hash}.${extension}`, contentType, body };
}

export interface Assets {
  css: Asset;
  js: Asset;
  icon: Asset;
}

/** A key on the provider's colour: the simulated provider's own mark, not Cl@ve's. */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#5b2a86"/><circle cx="12" cy="16" r="5" fill="none" stroke="#fff" stroke-width="3"/><path d="M17 16h10v5M23 16v4" fill="none" stroke="#fff" stroke-width="3"/></svg>`;

let cached: Assets | undefined;

export function loadAssets(): Assets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const designSystem = require.resolve('@carpeta/design-system/styles.css');
  const own = new URL('./idp.css', import.meta.url);
  const css = `${inlineCss(designSystem)}\n/* Simulated identity provider */\n${readFileSync(own, 'utf8')}`;
  const js = readFileSync(new URL('./idp.client.js', import.meta.url), 'utf8');
  cached = {
    css: asset('carpeta-idp', 'css', 'text/css; charset=utf-8', css),
    js: asset('carpeta-idp', 'js', 'text/javascript; charset=utf-8', js),
    icon: asset('carpeta-idp-icon', 'svg', 'image/svg+xml', ICON),
  };
  return cached;
}
