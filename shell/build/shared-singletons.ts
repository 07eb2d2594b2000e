import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_SINGLETONS } from '@carpeta/sdk/federation';
import type { SharedSingleton } from '../src/federation-host.ts';

const SHELL = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * How the shell shares each singleton it provides (src/federation-host.ts): the sdk's
 * `SHARED_SINGLETONS`, with the version installed for the shell where the sdk names none. Written
 * into the build (`define: { __CARPETA_SHARED__ }`), in the browser's build and the unit tests'.
 */
export function sharedSingletons(): Record<string, SharedSingleton> {
  const shares: Record<string, SharedSingleton> = {};
  for (const [name, config] of Object.entries(SHARED_SINGLETONS)) {
    // The shell's own dependency (a package's exports may not list its package.json).
    const installed = () =>
      (
        JSON.parse(readFileSync(join(SHELL, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    shares[name] = {
      version: 'version' in config ? config.version : installed(),
      singleton: config.singleton,
      requiredVersion: config.requiredVersion,
      strictVersion: 'strictVersion' in config ? config.strictVersion : false,
    };
  }
  return shares;
}
