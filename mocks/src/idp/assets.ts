import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

/*
 * The provider's static files, served from its own origin (the strict CSP allows nothing else):
 * the design system's framework-free CSS with its @imports inlined plus a few rules of its own, and
 * one small script (progressive enhancement: the pages work without it).
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
}

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
  };
  return cached;
}
