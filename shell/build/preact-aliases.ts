import { fileURLToPath } from 'node:url';
import { REACT_AS_PREACT } from '@carpeta/sdk/federation';

/**
 * `react`, `react-dom`… resolved to Preact's compatibility layer, as the remotes' shares are
 * (`REACT_AS_PREACT`): to the files the shell's own dependencies resolve to, whichever package of
 * the workspace imports them (the design system's sources do not depend on the sdk's Preact shim),
 * so that the browser's build and the server render each have one Preact.
 */
export const preactAliases = Object.entries(REACT_AS_PREACT).map(([name, share]) => ({
  find: new RegExp(`^${name.replace(/[/-]/g, '\\$&')}$`),
  replacement: fileURLToPath(import.meta.resolve(share.import)),
}));
