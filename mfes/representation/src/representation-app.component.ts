import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { injectSubPath, injectTranslate } from '@carpeta/sdk/angular';
import { RegistrySectionComponent } from './registry/registry-section.component.ts';
import { injectLinks } from './shared/navigation.ts';
import { GrantFormComponent } from './powers/grant-form.component.ts';
import { PowersListComponent } from './powers/powers-list.component.ts';

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
        <!-- The form's code (with the directory of bodies' picker) is not part of the powers' first
             route either: it loads when the form is opened, or ahead once the browser is idle. -->
        @defer (on immediate; prefetch on idle) {
          <rp-grant-form />
        } @placeholder {
          <div role="status" class="cp-spinner cp-spinner--medium">
            <span class="cp-spinner__circle" aria-hidden="true"></span>
            <span class="cp-visually-hidden">{{ t('grant.loading') }}</span>
          </div>
        } @error {
          <h1>{{ t('grant.title') }}</h1>
          <div class="cp-alert cp-alert--error" role="alert">
            <div class="cp-alert__body">
              <h2 class="cp-alert__title">{{ t('grant.codeFailed') }}</h2>
              <div class="cp-alert__actions">
                <a class="cp-button cp-button--secondary" [href]="links.href('/grant')">{{ t('source.retry') }}</a>
              </div>
            </div>
          </div>
        }
      }
      @case ('registry') {
        <!-- The registry's code (a chunk of its own) is not part of the powers' first route: it loads
             when the section is opened, or ahead once the browser is idle. -->
        @defer (on immediate; prefetch on idle) {
          <rp-registry-section />
        } @placeholder {
          <div role="status" class="cp-spinner cp-spinner--medium">
            <span class="cp-spinner__circle" aria-hidden="true"></span>
            <span class="cp-visually-hidden">{{ t('registry.loading') }}</span>
          </div>
        } @error {
          <h1>{{ t('registry.title') }}</h1>
          <div class="cp-alert cp-alert--error" role="alert">
            <div class="cp-alert__body">
              <h2 class="cp-alert__title">{{ t('registry.codeFailed') }}</h2>
              <div class="cp-alert__actions">
                <!-- A whole new page: the section's code is asked for again. -->
                <a class="cp-button cp-button--secondary" [href]="links.href('/registry')">{{ t('source.retry') }}</a>
              </div>
            </div>
          </div>
        }
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
