import { createAngularLifecycles } from '@carpeta/sdk/angular';
import { messages } from './messages.ts';
import { RegistryAppComponent } from './registry/registry-app.component.ts';

/** The general registry: the manifest entry's `./registry`. */
const lifecycles = createAngularLifecycles({ rootComponent: RegistryAppComponent, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
