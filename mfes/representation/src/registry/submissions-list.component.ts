import { ChangeDetectionStrategy, Component } from '@angular/core';
import { injectApi, injectFormatters, injectTranslate } from '@carpeta/sdk/angular';
import {
  REGISTRY_API,
  type RegistrySubmissionList,
  registrySubmissionListSchema,
} from '@carpeta/sdk/registry';
import { apiPath, errorText, loadSignal } from '../shared/api.ts';
import { injectLinks } from '../shared/navigation.ts';
import { SourceAlertComponent } from '../shared/source-alert.component.ts';
import { SUBMISSION_STATUS_TONE } from '../shared/tags.ts';

/** The citizen's submissions to the general registry and their status. */
@Component({
  selector: 'rp-submissions-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SourceAlertComponent],
  template: `
    <h1>{{ t('registry.title') }}</h1>
    <p class="cp-lead">{{ t('registry.intro') }}</p>
    <p>
      <a class="cp-button cp-button--primary" [href]="links.href('/new')" (click)="links.follow($event, '/new')">{{ t('registry.newLink') }}</a>
    </p>
    @switch (list.state().state) {
      @case ('loading') {
        <div role="status" class="cp-spinner cp-spinner--medium">
          <span class="cp-spinner__circle" aria-hidden="true"></span>
          <span class="cp-visually-hidden">{{ t('registry.loading') }}</span>
        </div>
      }
      @case ('error') {
        <div class="cp-alert cp-alert--error" role="alert">
          <div class="cp-alert__body">
            <h2 class="cp-alert__title">{{ t('registry.error') }}</h2>
            <div class="cp-alert__content"><p>{{ errorMessage() }}</p></div>
            <div class="cp-alert__actions">
              <button type="button" class="cp-button cp-button--secondary" (click)="list.reload()">{{ t('source.retry') }}</button>
            </div>
          </div>
        </div>
      }
      @case ('ready') {
        @if (data(); as answer) {
          <rp-source-alert [source]="answer.source" title="registry.unavailableTitle" body="registry.unavailableBody" (retry)="list.reload()" />
          @if (answer.items.length === 0) {
            @if (answer.source.status === 'ok') {
              <div class="cp-empty-state">
                <h2 class="cp-empty-state__title">{{ t('registry.empty.title') }}</h2>
                <div class="cp-empty-state__content"><p>{{ t('registry.empty.body') }}</p></div>
              </div>
            }
          } @else {
            <section class="cp-table-scroll" tabindex="0" aria-labelledby="rp-submissions-caption">
              <table class="cp-table">
                <caption id="rp-submissions-caption" class="cp-table__caption">{{ t('registry.tableCaption', { count: answer.items.length }) }}</caption>
                <thead class="cp-table__head">
                  <tr>
                    <th scope="col" class="cp-table__header">{{ t('registry.columns.number') }}</th>
                    <th scope="col" class="cp-table__header">{{ t('registry.columns.subject') }}</th>
                    <th scope="col" class="cp-table__header">{{ t('registry.columns.body') }}</th>
                    <th scope="col" class="cp-table__header">{{ t('registry.columns.date') }}</th>
                    <th scope="col" class="cp-table__header">{{ t('registry.columns.status') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (item of answer.items; track item.id) {
                    <tr class="cp-table__row">
                      <th scope="row" class="cp-table__cell">
                        <a class="cp-link" [href]="links.href('/' + item.id)" (click)="links.follow($event, '/' + item.id)">{{ item.number ?? t('registry.noNumber') }}</a>
                      </th>
                      <td class="cp-table__cell">{{ item.subject }}</td>
                      <td class="cp-table__cell">{{ item.body.name }}</td>
                      <td class="cp-table__cell">{{ format.dateTime(item.registeredAt ?? item.submittedAt) }}</td>
                      <td class="cp-table__cell">
                        <strong [class]="'cp-tag cp-tag--' + tone[item.status]">{{ t('submissionStatus.' + item.status) }}</strong>
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </section>
          }
        }
      }
    }
  `,
})
export class SubmissionsListComponent {
  protected readonly t = injectTranslate();
  protected readonly format = injectFormatters();
  protected readonly links = injectLinks();
  private readonly api = injectApi();
  protected readonly tone = SUBMISSION_STATUS_TONE;
  protected readonly list = loadSignal((signal) =>
    this.api.get(apiPath(REGISTRY_API.submissions), registrySubmissionListSchema, { signal }),
  );

  protected data(): RegistrySubmissionList | null {
    const state = this.list.state();
    return state.state === 'ready' ? state.data : null;
  }

  protected errorMessage(): string {
    const state = this.list.state();
    return state.state === 'error' ? errorText(this.t, state.error) : '';
  }
}
