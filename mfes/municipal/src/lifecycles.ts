import { createLifecycles } from '@carpeta/sdk/vanilla';
import { mountMunicipal } from './app.ts';
import { messages } from './messages.ts';

/** The single-spa lifecycles the shell mounts: plain TypeScript, no framework. */
const lifecycles = createLifecycles({ messages, mount: mountMunicipal });

export const { bootstrap, mount, unmount, update } = lifecycles;
export default lifecycles;
