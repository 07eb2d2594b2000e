import { createLifecycles } from '@carpeta/sdk/react';
import { messages } from './messages.ts';
import { Roadmap } from './Roadmap.tsx';

/** The public roadmap (/roadmap): no sign-in needed. */
const lifecycles = createLifecycles({ rootComponent: Roadmap, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
