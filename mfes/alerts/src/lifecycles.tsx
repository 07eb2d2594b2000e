import { createLifecycles } from '@carpeta/sdk/react';
import { App } from './App.tsx';
import { messages } from './messages.ts';

const lifecycles = createLifecycles({ rootComponent: App, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
