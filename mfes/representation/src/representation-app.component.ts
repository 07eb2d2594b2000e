import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { injectSubPath, injectTranslate } from '@carpeta/sdk/angular';
import { RegistryAppComponent } from './registry/registry-app.component.ts';
import { injectLinks, SECTION_PREFIX } from './shared/navigation.ts';
import { GrantFormComponent } from './powers/grant-form.component.ts';
import { PowersListComponent } from './powers/powers-list.component.ts';

/** The general registry as the "/registry" section of this MFE. */
@Component({
  selector: 'rp-registry-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RegistryAppComponent],
  providers: [{ provide: SECTION_PREFIX, useValue: '/registry' }],
  template: '<rp-registry-app />',
})
export class RegistrySectionComponent {}

/**
 * Root of the MFE's `./lifecycles`: powers of attorney at its base path ("/grant" to grant one) and
 * the general registry under "/registry", with a local navigation between the two.
 */
@Component({
  selector: 'rp-representation-app',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PowersListComponent, GrantFormComponent, RegistrySectionComponent],
  template: `
    <nav class="rp-sections" [attr.aria-label]="t('nav.sections')">
      <ul class="cp-list-plain">
        @for (section of sections; track section.path) {
          <li>
            <a
              class="cp-link"
              [href]="links.href(section.path)"
              [attr.aria-current]="page() === section.page ? 'page' : null"
              (click)="links.follow($event, section.path)"
              >{{ t(section.label) }}</a
            >
          </li>
        }
      </ul>
    </nav>
    @switch (page()) {
      @case ('list') {
        <rp-powers-list />
      }
      @case ('grant') {
        <rp-grant-form />
      }
      @case ('registry') {
        <rp-registry-section />
      }
      @default {
        <h1>{{ t('notFound.title') }}</h1>
        <p>
          <a class="cp-link" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('notFound.back', { page: t('powers.title') }) }}</a>
        </p>
      }
    }
  `,
  styles: `
    .rp-sections ul { display: flex; flex-wrap: wrap; gap: var(--cp-space-4, 1rem); margin-block-end: var(--cp-space-4, 1rem); }
    .rp-sections a[aria-current='page'] { font-weight: 700; text-decoration-thickness: 3px; }
  `,
})
export class RepresentationAppComponent {
  protected readonly t = injectTranslate();
  protected readonly links = injectLinks();
  private readonly path = injectSubPath();
  protected readonly sections = [
    { path: '/', page: 'list', label: 'powers.title' },
    { path: '/registry', page: 'registry', label: 'registry.title' },
  ] as const;
  protected readonly page = computed(() => {
    const path = this.path().replace(/\/+$/, '') || '/';
    if (path === '/') return 'list';
    if (path === '/grant') return 'grant';
    if (path === '/registry' || path.startsWith('/registry/')) return 'registry';
    return 'not-found';
  });
}
