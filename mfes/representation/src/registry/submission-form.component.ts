import { ChangeDetectionStrategy, Component, computed, signal, viewChild } from '@angular/core';
import { newIdempotencyKey } from '@carpeta/sdk';
import { injectApi, injectFormatters, injectNavigate, injectTranslate } from '@carpeta/sdk/angular';
import {
  type AttachmentProblem,
  checkAttachments,
  type Dir3Unit,
  REGISTRY_API,
  REGISTRY_ATTACHMENT_ACCEPT,
  REGISTRY_ATTACHMENT_LIMITS,
  REGISTRY_SUBJECT_MAX,
  REGISTRY_TEXT_MAX,
  registryForm,
  registrySubmissionAnswerSchema,
} from '@carpeta/sdk/registry';
import { apiPath, asApiError, errorText, isTransient } from '../shared/api.ts';
import { Dir3PickerComponent } from '../shared/dir3-picker.component.ts';
import { ErrorSummaryComponent, type FormError } from '../shared/error-summary.component.ts';
import { injectLinks } from '../shared/navigation.ts';

/** Submit a general application to any administration, with attachments checked against the registry's limits. */
@Component({
  selector: 'rp-submission-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Dir3PickerComponent, ErrorSummaryComponent],
  template: `
    <nav class="cp-breadcrumbs" [attr.aria-label]="t('nav.breadcrumbs')">
      <ol class="cp-breadcrumbs__list">
        <li class="cp-breadcrumbs__item">
          <a class="cp-breadcrumbs__link" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('registry.title') }}</a>
        </li>
        <li class="cp-breadcrumbs__item cp-breadcrumbs__item--current" aria-current="page">{{ t('submit.title') }}</li>
      </ol>
    </nav>
    <h1>{{ t('submit.title') }}</h1>
    <p class="cp-lead">{{ t('submit.intro') }}</p>
    @if (errors().length > 0) {
      <rp-error-summary [title]="t('form.summaryTitle')" [errors]="errors()" />
    }
    @if (failure(); as message) {
      <div class="cp-alert cp-alert--error" role="alert">
        <div class="cp-alert__body">
          <h2 class="cp-alert__title">{{ t('submit.failed') }}</h2>
          <div class="cp-alert__content"><p>{{ message }}</p></div>
        </div>
      </div>
    }
    <form novalidate (submit)="submit($event)">
      <rp-dir3-picker idBase="rp-reg-body" [label]="t('submit.body')" [error]="fieldError('rp-reg-body')" [(value)]="body" />

      <div class="cp-field" [class.cp-field--error]="fieldError('rp-reg-subject')">
        <label class="cp-label" for="rp-reg-subject">{{ t('submit.subject') }}</label>
        <div class="cp-hint" id="rp-reg-subject-hint">{{ t('submit.subjectHint', { max: subjectMax }) }}</div>
        @if (fieldError('rp-reg-subject'); as message) {
          <p class="cp-error-message" id="rp-reg-subject-error"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
        }
        <input
          id="rp-reg-subject"
          class="cp-input"
          type="text"
          [attr.maxlength]="subjectMax"
          [attr.aria-describedby]="'rp-reg-subject-hint' + (fieldError('rp-reg-subject') ? ' rp-reg-subject-error' : '')"
          [attr.aria-invalid]="fieldError('rp-reg-subject') ? true : null"
          [value]="subject()"
          (input)="subject.set(value($event))"
        />
      </div>

      @for (field of textFields; track field.id) {
        <div class="cp-field" [class.cp-field--error]="fieldError(field.id)">
          <label class="cp-label" [for]="field.id">{{ t('submit.' + field.name) }}</label>
          <div class="cp-hint" [id]="field.id + '-hint'">{{ t('submit.' + field.name + 'Hint') }}</div>
          @if (fieldError(field.id); as message) {
            <p class="cp-error-message" [id]="field.id + '-error'"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
          }
          <textarea
            [id]="field.id"
            class="cp-textarea"
            rows="6"
            [attr.maxlength]="textMax"
            [attr.aria-describedby]="field.id + '-hint ' + (fieldError(field.id) ? field.id + '-error ' : '') + field.id + '-count'"
            [attr.aria-invalid]="fieldError(field.id) ? true : null"
            [value]="field.value()"
            (input)="field.value.set(value($event))"
          ></textarea>
          <div class="cp-textarea__count" [id]="field.id + '-count'" aria-live="polite">
            {{ t('submit.remaining', { count: textMax - field.value().length }) }}
          </div>
        </div>
      }

      <div class="cp-field" [class.cp-field--error]="fieldError('rp-reg-files')">
        <label class="cp-label" for="rp-reg-files">{{ t('submit.files') }}</label>
        <div class="cp-hint" id="rp-reg-files-hint">
          {{ t('submit.filesHint', { files: limits.maxFiles, each: format.bytes(limits.maxFileBytes), total: format.bytes(limits.maxTotalBytes) }) }}
        </div>
        @if (fieldError('rp-reg-files'); as message) {
          <p class="cp-error-message" id="rp-reg-files-error"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
        }
        @for (problem of problemTexts(); track problem) {
          <p class="cp-error-message">{{ problem }}</p>
        }
        <input
          id="rp-reg-files"
          class="cp-file-upload"
          type="file"
          multiple
          [attr.accept]="accept"
          [attr.aria-describedby]="'rp-reg-files-hint' + (fieldError('rp-reg-files') ? ' rp-reg-files-error' : '')"
          [attr.aria-invalid]="problems().length > 0 ? true : null"
          (change)="picked($event)"
        />
        @if (files().length > 0) {
          <div class="cp-file-upload__selected">
            <p class="cp-file-upload__selected-title" id="rp-reg-files-selected">{{ t('submit.selected', { count: files().length }) }}</p>
            <ul class="cp-file-upload__list" aria-labelledby="rp-reg-files-selected">
              @for (file of files(); track $index) {
                <li>
                  {{ file.name }} <span class="cp-file-upload__size">({{ format.bytes(file.size) }})</span>
                  <button type="button" class="cp-button cp-button--secondary rp-remove" (click)="remove($index)">
                    {{ t('submit.remove') }}<span class="cp-visually-hidden"> {{ file.name }}</span>
                  </button>
                </li>
              }
            </ul>
          </div>
        }
      </div>

      <div class="cp-button-group">
        <button type="submit" class="cp-button cp-button--primary" [disabled]="sending()">
          {{ sending() ? t('form.sending') : t('submit.submit') }}
        </button>
        <a class="cp-button cp-button--secondary" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('action.cancel') }}</a>
      </div>
    </form>
  `,
  styles: `
    .rp-remove { margin-inline-start: var(--cp-space-2, 0.5rem); min-height: 2rem; padding-block: 0; }
  `,
})
export class SubmissionFormComponent {
  protected readonly t = injectTranslate();
  protected readonly format = injectFormatters();
  protected readonly links = injectLinks();
  private readonly api = injectApi();
  private readonly navigate = injectNavigate();
  protected readonly limits = REGISTRY_ATTACHMENT_LIMITS;
  protected readonly accept = REGISTRY_ATTACHMENT_ACCEPT;
  protected readonly subjectMax = REGISTRY_SUBJECT_MAX;
  protected readonly textMax = REGISTRY_TEXT_MAX;

  protected readonly body = signal<Dir3Unit | null>(null);
  protected readonly subject = signal('');
  protected readonly facts = signal('');
  protected readonly request = signal('');
  protected readonly textFields = [
    { id: 'rp-reg-facts', name: 'facts', value: this.facts },
    { id: 'rp-reg-request', name: 'request', value: this.request },
  ];
  protected readonly files = signal<File[]>([]);
  /** The same checks the gateway makes (the sdk's constants), before anything is sent. */
  protected readonly problems = computed(() => checkAttachments(this.files()));
  protected readonly problemTexts = computed(() =>
    this.problems().map((problem) => this.problemText(problem)),
  );
  protected readonly errors = signal<FormError[]>([]);
  protected readonly failure = signal<string | null>(null);
  protected readonly sending = signal(false);
  private readonly summary = viewChild(ErrorSummaryComponent);
  /** One key per attempt: kept for a retry after a lost answer, renewed once the gateway has answered. */
  private key = newIdempotencyKey();

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected fieldError(id: string): string | null {
    return this.errors().find((error) => error.id === id)?.text ?? null;
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    this.files.update((current) => [...current, ...chosen]);
    // The same file can be picked again after being removed.
    input.value = '';
  }

  protected remove(index: number): void {
    this.files.update((current) => current.filter((_, at) => at !== index));
    document.getElementById('rp-reg-files')?.focus();
  }

  private problemText(problem: AttachmentProblem): string {
    switch (problem.code) {
      case 'too-many':
        return this.t('submit.problems.tooMany', { max: problem.max });
      case 'too-large-total':
        return this.t('submit.problems.tooLargeTotal', { max: this.format.bytes(problem.max) });
      case 'too-large':
        return this.t('submit.problems.tooLarge', {
          name: problem.name,
          max: this.format.bytes(problem.max),
        });
      case 'empty':
        return this.t('submit.problems.empty', { name: problem.name });
      case 'type-not-allowed':
        return this.t('submit.problems.type', { name: problem.name });
      case 'bad-name':
        return this.t('submit.problems.name', { name: problem.name });
    }
  }

  private validate(): FormError[] {
    const errors: FormError[] = [];
    if (this.body() === null) errors.push({ id: 'rp-reg-body', text: this.t('submit.errors.body') });
    if (this.subject().trim() === '')
      errors.push({ id: 'rp-reg-subject', text: this.t('submit.errors.subject') });
    if (this.facts().trim() === '') errors.push({ id: 'rp-reg-facts', text: this.t('submit.errors.facts') });
    if (this.request().trim() === '')
      errors.push({ id: 'rp-reg-request', text: this.t('submit.errors.request') });
    const problems = this.problemTexts();
    if (problems.length > 0) errors.push({ id: 'rp-reg-files', text: problems.join(' ') });
    return errors;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.failure.set(null);
    const errors = this.validate();
    this.errors.set(errors);
    const body = this.body();
    if (errors.length > 0 || body === null) {
      this.summary()?.focusSummary();
      return;
    }
    this.sending.set(true);
    try {
      const form = registryForm(
        {
          bodyDir3: body.dir3,
          subject: this.subject().trim(),
          facts: this.facts().trim(),
          request: this.request().trim(),
        },
        this.files(),
      );
      const { item } = await this.api.postForm(apiPath(REGISTRY_API.submissions), form, {
        schema: registrySubmissionAnswerSchema,
        idempotencyKey: this.key,
      });
      this.key = newIdempotencyKey();
      this.navigate(this.links.href(`/${item.id}`));
    } catch (error) {
      const apiError = asApiError(error);
      if (!isTransient(apiError)) this.key = newIdempotencyKey();
      this.failure.set(errorText(this.t, apiError));
    } finally {
      this.sending.set(false);
    }
  }
}
