import { createLifecycles } from '@carpeta/sdk/react';
import { VerifyApp } from './VerifyApp.tsx';
import { verifyMessages } from './verify-messages.ts';

/** The public verification page (/verify), a second module of this remote. */
const lifecycles = createLifecycles({ rootComponent: VerifyApp, messages: verifyMessages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
