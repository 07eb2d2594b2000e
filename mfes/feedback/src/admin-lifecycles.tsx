import { createLifecycles } from '@carpeta/sdk/react';
import { Admin } from './Admin.tsx';
import { messages } from './messages.ts';

/** The maintainers' page (/admin/roadmap): private, and the gateway refuses citizens. */
const lifecycles = createLifecycles({ rootComponent: Admin, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
