import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { injectSubPath, injectTranslate } from '@carpeta/sdk/angular';
import { injectLinks } from '../shared/navigation.ts';
import { GrantFormComponent } from './grant-form.component.ts';
import { PowersListComponent } from './powers-list.component.ts';

/** Root of the powers of attorney MFE: the lists at its base path, the grant form at "/grant". */
@Component({
  selector: 'rp-powers-app',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PowersListComponent, GrantFormComponent],
  template: `
    @switch (page()) {
      @case ('list') {
        <rp-powers-list />
      }
      @case ('grant') {
        <rp-grant-form />
      }
      @default {
        <h1>{{ t('notFound.title') }}</h1>
        <p>
          <a class="cp-link" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('notFound.back', { page: t('powers.title') }) }}</a>
        </p>
      }
    }
  `,
})
export class PowersAppComponent {
  protected readonly t = injectTranslate();
  protected readonly links = injectLinks();
  private readonly path = injectSubPath();
  protected readonly page = computed(() => {
    const path = this.path().replace(/\/+$/, '') || '/';
    return path === '/' ? 'list' : path === '/grant' ? 'grant' : 'not-found';
  });
}
