import { ChangeDetectionStrategy, Component } from '@angular/core';
import { injectSession, injectTranslate } from '@carpeta/sdk/angular';

@Component({
  selector: 'cp-representation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ t('title') }}</h1><p>{{ session().authenticated }}</p>`,
})
export class AppComponent {
  protected readonly t = injectTranslate();
  protected readonly session = injectSession();
}
