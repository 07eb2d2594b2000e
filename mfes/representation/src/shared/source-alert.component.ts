import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { SourceStatus } from '@carpeta/sdk';
import { injectTranslate } from '@carpeta/sdk/angular';

/**
 * A clear panel when the register (REA) or the registry did not answer: what is missing, why, and a
 * retry. A partial or empty list is never shown as if it were complete.
 */
@Component({
  selector: 'rp-source-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (source().status !== 'ok') {
      <div class="cp-alert cp-alert--warning" role="alert">
        <svg class="cp-icon cp-alert__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
          <path d="M12 2 1 21h22L12 2Zm1 16h-2v-2h2v2Zm0-4h-2v-5h2v5Z" />
        </svg>
        <div class="cp-alert__body">
          <h2 class="cp-alert__title">{{ t(title(), { name: source().name }) }}</h2>
          <div class="cp-alert__content">
            <p>{{ t('source.' + source().status, { name: source().name }) }}</p>
            <p>{{ t(body()) }}</p>
          </div>
          <div class="cp-alert__actions">
            <button type="button" class="cp-button cp-button--secondary" (click)="retry.emit()">{{ t('source.retry') }}</button>
          </div>
        </div>
      </div>
    }
  `,
})
export class SourceAlertComponent {
  readonly source = input.required<SourceStatus>();
  /** Message keys of the panel's title and explanation. */
  readonly title = input.required<string>();
  readonly body = input.required<string>();
  readonly retry = output();
  protected readonly t = injectTranslate();
}
