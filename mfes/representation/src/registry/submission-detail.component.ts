import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { newIdempotencyKey } from '@carpeta/sdk';
import { injectApi, injectFormatters, injectTranslate } from '@carpeta/sdk/angular';
import {
  REGISTRY_API,
  type RegistrySubmission,
  registryRetryRequestSchema,
  registrySubmissionAnswerSchema,
} from '@carpeta/sdk/registry';
import { apiPath, asApiError, errorText, isTransient, loadSignal } from '../shared/api.ts';
import { injectLinks } from '../shared/navigation.ts';
import { SourceAlertComponent } from '../shared/source-alert.component.ts';
import { SUBMISSION_STATUS_TONE } from '../shared/tags.ts';

/** One submission: the receipt (registry number, instant, PDF) or, while pending, a way to send it again. */
@Component({
  selector: 'rp-submission-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SourceAlertComponent],
  template: `
    <nav class="cp-breadcrumbs" [attr.aria-label]="t('nav.breadcrumbs')">
      <ol class="cp-breadcrumbs__list">
        <li class="cp-breadcrumbs__item">
          <a class="cp-breadcrumbs__link" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('registry.title') }}</a>
        </li>
        <li class="cp-breadcrumbs__item cp-breadcrumbs__item--current" aria-current="page">{{ t('receipt.crumb') }}</li>
      </ol>
    </nav>
    @switch (loaded.state().state) {
      @case ('loading') {
        <div role="status" class="cp-spinner cp-spinner--medium">
          <span class="cp-spinner__circle" aria-hidden="true"></span>
          <span class="cp-visually-hidden">{{ t('receipt.loading') }}</span>
        </div>
      }
      @case ('error') {
        <h1>{{ t('receipt.crumb') }}</h1>
        <div class="cp-alert cp-alert--error" role="alert">
          <div class="cp-alert__body">
            <h2 class="cp-alert__title">{{ t('receipt.error') }}</h2>
            <div class="cp-alert__content"><p>{{ errorMessage() }}</p></div>
            <div class="cp-alert__actions">
              <button type="button" class="cp-button cp-button--secondary" (click)="loaded.reload()">{{ t('source.retry') }}</button>
            </div>
          </div>
        </div>
      }
      @case ('ready') {
        @if (submission(); as item) {
          @if (item.number) {
            <h1>{{ t('receipt.title') }}</h1>
            <div class="cp-alert cp-alert--success">
              <div class="cp-alert__body">
                <div class="cp-alert__content">
                  <p>{{ t('receipt.registered', { number: item.number, at: format.dateTime(item.registeredAt ?? item.submittedAt) }) }}</p>
                </div>
              </div>
            </div>
          } @else {
            <h1>{{ t('receipt.pendingTitle') }}</h1>
            <div class="cp-alert cp-alert--warning" role="status">
              <div class="cp-alert__body">
                <div class="cp-alert__content"><p>{{ t('receipt.pendingBody') }}</p></div>
                <div class="cp-alert__actions">
                  <button type="button" class="cp-button cp-button--secondary" [disabled]="retrying()" (click)="retry(item)">
                    {{ retrying() ? t('form.sending') : t('receipt.retry') }}
                  </button>
                </div>
              </div>
            </div>
          }
          @if (retryError(); as message) {
            <div class="cp-alert cp-alert--error" role="alert">
              <div class="cp-alert__body"><div class="cp-alert__content"><p>{{ message }}</p></div></div>
            </div>
          }
          @if (source(); as status) {
            <rp-source-alert [source]="status" title="registry.unavailableTitle" body="receipt.staleBody" (retry)="loaded.reload()" />
          }
          <dl class="cp-summary-list">
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('receipt.number') }}</dt>
              <dd class="cp-summary-list__value">{{ item.number ?? t('registry.noNumber') }}</dd>
            </div>
            @if (item.registeredAt) {
              <div class="cp-summary-list__row">
                <dt class="cp-summary-list__key">{{ t('receipt.registeredAt') }}</dt>
                <dd class="cp-summary-list__value">{{ format.dateTime(item.registeredAt) }}</dd>
              </div>
            }
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('receipt.status') }}</dt>
              <dd class="cp-summary-list__value"><strong [class]="'cp-tag cp-tag--' + tone[item.status]">{{ t('submissionStatus.' + item.status) }}</strong></dd>
            </div>
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('receipt.body') }}</dt>
              <dd class="cp-summary-list__value">{{ item.body.name }} ({{ item.body.dir3 }})</dd>
            </div>
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('receipt.applicant') }}</dt>
              <dd class="cp-summary-list__value">{{ item.applicant.displayName }} ({{ item.applicant.maskedId }})</dd>
            </div>
            @if (item.representative; as representative) {
              <div class="cp-summary-list__row">
                <dt class="cp-summary-list__key">{{ t('receipt.representative') }}</dt>
                <dd class="cp-summary-list__value">{{ representative.displayName }} ({{ representative.maskedId }})</dd>
              </div>
            }
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('receipt.subject') }}</dt>
              <dd class="cp-summary-list__value">{{ item.subject }}</dd>
            </div>
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('submit.facts') }}</dt>
              <dd class="cp-summary-list__value rp-pre">{{ item.facts }}</dd>
            </div>
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('submit.request') }}</dt>
              <dd class="cp-summary-list__value rp-pre">{{ item.request }}</dd>
            </div>
            <div class="cp-summary-list__row">
              <dt class="cp-summary-list__key">{{ t('receipt.attachments') }}</dt>
              <dd class="cp-summary-list__value">
                @if (item.attachments.length === 0) {
                  {{ t('receipt.noAttachments') }}
                } @else {
                  <ul class="cp-list-plain">
                    @for (file of item.attachments; track file.sha256) {
                      <li>
                        {{ file.name }} ({{ format.bytes(file.size) }})
                        <span class="cp-text-muted cp-body-s rp-hash">SHA-256 {{ file.sha256 }}</span>
                      </li>
                    }
                  </ul>
                }
              </dd>
            </div>
          </dl>
          @if (item.number) {
            <p>
              <button type="button" class="cp-button cp-button--secondary" [disabled]="downloading()" (click)="download(item)">
                {{ downloading() ? t('receipt.downloading') : t('receipt.download') }}
              </button>
            </p>
            <div role="status">
              @if (downloadFailed()) {
                <p class="cp-error-message">{{ t('receipt.downloadFailed') }}</p>
              }
            </div>
          }
          <h2>{{ t('receipt.history') }}</h2>
          <ol class="cp-list-plain cp-stack">
            @for (event of item.history; track $index) {
              <li>
                <strong>{{ t('submissionStatus.' + event.status) }}</strong> — {{ format.dateTime(event.at) }}
                @if (event.description) {
                  <br />{{ event.description }}
                }
              </li>
            }
          </ol>
        }
      }
    }
  `,
  styles: `
    .rp-pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    .rp-hash { display: block; overflow-wrap: anywhere; }
  `,
})
export class SubmissionDetailComponent implements OnInit {
  readonly id = input.required<string>();
  protected readonly t = injectTranslate();
  protected readonly format = injectFormatters();
  protected readonly links = injectLinks();
  private readonly api = injectApi();
  protected readonly tone = SUBMISSION_STATUS_TONE;
  protected readonly loaded = loadSignal(
    (signal) =>
      this.api.get(apiPath(REGISTRY_API.submission(this.id())), registrySubmissionAnswerSchema, { signal }),
    { lazy: true },
  );
  protected readonly retrying = signal(false);
  protected readonly retryError = signal<string | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadFailed = signal(false);
  private retryKey = newIdempotencyKey();
  private readonly urls: string[] = [];

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const url of this.urls) URL.revokeObjectURL(url);
    });
  }

  ngOnInit(): void {
    this.loaded.reload();
  }

  protected submission(): RegistrySubmission | null {
    const state = this.loaded.state();
    return state.state === 'ready' ? state.data.item : null;
  }

  /** The registry's status when it could not be asked now (the portal's copy is shown). */
  protected source() {
    const state = this.loaded.state();
    return state.state === 'ready' && state.data.source.status !== 'ok' ? state.data.source : null;
  }

  protected errorMessage(): string {
    const state = this.loaded.state();
    return state.state === 'error' ? errorText(this.t, state.error) : '';
  }

  protected async retry(item: RegistrySubmission): Promise<void> {
    if (this.retrying()) return;
    this.retrying.set(true);
    this.retryError.set(null);
    try {
      const answer = await this.api.post(
        apiPath(REGISTRY_API.retry(item.id)),
        {},
        {
          bodySchema: registryRetryRequestSchema,
          schema: registrySubmissionAnswerSchema,
          idempotencyKey: this.retryKey,
        },
      );
      this.retryKey = newIdempotencyKey();
      this.loaded.set(answer);
    } catch (error) {
      const apiError = asApiError(error);
      if (!isTransient(apiError)) this.retryKey = newIdempotencyKey();
      this.retryError.set(errorText(this.t, apiError));
    } finally {
      this.retrying.set(false);
    }
  }

  protected async download(item: RegistrySubmission): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadFailed.set(false);
    try {
      const response = await this.api.download(apiPath(REGISTRY_API.receipt(item.id, this.t.language())));
      const blob = await response.blob();
      if (typeof URL.createObjectURL === 'function') {
        const url = URL.createObjectURL(blob);
        this.urls.push(url);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = `${item.number ?? item.id}.pdf`;
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
      }
    } catch {
      this.downloadFailed.set(true);
    } finally {
      this.downloading.set(false);
    }
  }
}
