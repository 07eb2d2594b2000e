import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { injectTranslate } from '@carpeta/sdk/angular';
import { injectLinks, injectSectionPath } from '../shared/navigation.ts';
import { SubmissionDetailComponent } from './submission-detail.component.ts';
import { SubmissionFormComponent } from './submission-form.component.ts';
import { SubmissionsListComponent } from './submissions-list.component.ts';

const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The general registry: submissions at its base, the form at "/new", a receipt at "/<id>" (on its own route or as a section). */
@Component({
  selector: 'rp-registry-app',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SubmissionsListComponent, SubmissionFormComponent, SubmissionDetailComponent],
  template: `
    @switch (page().kind) {
      @case ('list') {
        <rp-submissions-list />
      }
      @case ('new') {
        <rp-submission-form />
      }
      @case ('detail') {
        @for (id of [page().id]; track id) {
          <rp-submission-detail [id]="id" />
        }
      }
      @default {
        <h1>{{ t('notFound.title') }}</h1>
        <p>
          <a class="cp-link" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('notFound.back', { page: t('registry.title') }) }}</a>
        </p>
      }
    }
  `,
})
export class RegistryAppComponent {
  protected readonly t = injectTranslate();
  protected readonly links = injectLinks();
  private readonly path = injectSectionPath();
  protected readonly page = computed((): { kind: 'list' | 'new' | 'detail' | 'not-found'; id: string } => {
    const path = this.path();
    if (path === '/') return { kind: 'list', id: '' };
    if (path === '/new') return { kind: 'new', id: '' };
    const id = path.slice(1);
    return SUBMISSION_ID.test(id) ? { kind: 'detail', id } : { kind: 'not-found', id: '' };
  });
}
