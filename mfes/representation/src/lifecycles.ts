import { createAngularLifecycles } from '@carpeta/sdk/angular';
import { messages } from './messages.ts';
import { RepresentationAppComponent } from './representation-app.component.ts';

/** Powers of attorney (REA) and, under "/registry", the general registry: the manifest entry's `./lifecycles`. */
const lifecycles = createAngularLifecycles({ rootComponent: RepresentationAppComponent, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
