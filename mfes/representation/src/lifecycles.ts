import { createAngularLifecycles } from '@carpeta/sdk/angular';
import { messages } from './messages.ts';
import { PowersAppComponent } from './powers/powers-app.component.ts';

/** Powers of attorney (REA): the manifest entry's `./lifecycles`. */
const lifecycles = createAngularLifecycles({ rootComponent: PowersAppComponent, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
