import { createLifecycles } from '@carpeta/sdk/react';
import { Panel } from './App.tsx';
import { messages } from './messages.ts';

// The same conversation for the shell's side panel (no page heading, no incidents list).
const lifecycles = createLifecycles({ rootComponent: Panel, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
