import { createAngularLifecycles } from '@carpeta/sdk/angular';
import { AppComponent } from './app.component.ts';

const lifecycles = createAngularLifecycles({
  rootComponent: AppComponent,
  messages: { es: { title: 'Apoderamientos' }, en: { title: 'Powers of attorney' } },
});

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
