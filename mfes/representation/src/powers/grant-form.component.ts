import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { newIdempotencyKey } from '@carpeta/sdk';
import { injectApi, injectEvents, injectFormatters, injectTranslate } from '@carpeta/sdk/angular';
import type { Dir3Unit } from '@carpeta/sdk/registry';
import {
  addYears,
  isValidNifOrNie,
  POWER_KINDS,
  POWER_MAX_PROCEDURES,
  POWER_MAX_VALIDITY_YEARS,
  type PowerKind,
  type PowerOfAttorney,
  POWERS_API,
  powerAnswerSchema,
  powerGrantRequestSchema,
} from '@carpeta/sdk/representation';
import { apiPath, asApiError, errorText, isTransient } from '../shared/api.ts';
import { DateFieldComponent } from '../shared/date-field.component.ts';
import { type DateParts, fromParts, toParts, todayInMadrid } from '../shared/dates.ts';
import { Dir3PickerComponent } from '../shared/dir3-picker.component.ts';
import { ErrorSummaryComponent, type FormError } from '../shared/error-summary.component.ts';
import { injectLinks } from '../shared/navigation.ts';

/** What the citizen typed as an identity number, as the register writes it. */
export function normaliseId(value: string): string {
  return value.toUpperCase().replace(/[\s.-]/g, '');
}

/** Procedure codes, one a line (or separated by commas). */
export function parseProcedures(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** Grant a power of attorney: to whom (NIF/NIE checked with its letter), what kind, before which body, for how long. */
@Component({
  selector: 'rp-grant-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateFieldComponent, Dir3PickerComponent, ErrorSummaryComponent],
  template: `
    <nav class="cp-breadcrumbs" [attr.aria-label]="t('nav.breadcrumbs')">
      <ol class="cp-breadcrumbs__list">
        <li class="cp-breadcrumbs__item">
          <a class="cp-breadcrumbs__link" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('powers.title') }}</a>
        </li>
        <li class="cp-breadcrumbs__item cp-breadcrumbs__item--current" aria-current="page">{{ t('grant.title') }}</li>
      </ol>
    </nav>
    @if (granted(); as power) {
      <div #result tabindex="-1" class="cp-alert cp-alert--success" role="status">
        <div class="cp-alert__body">
          <h1 class="cp-alert__title">{{ t('grant.done.title') }}</h1>
          <div class="cp-alert__content">
            <p>{{ t('grant.done.body', { name: power.attorney.displayName, id: power.id }) }}</p>
          </div>
          <div class="cp-alert__actions">
            <a class="cp-button cp-button--secondary" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('grant.done.back') }}</a>
          </div>
        </div>
      </div>
    } @else {
      <h1>{{ t('grant.title') }}</h1>
      <p class="cp-lead">{{ t('grant.intro') }}</p>
      @if (errors().length > 0) {
        <rp-error-summary [title]="t('form.summaryTitle')" [errors]="errors()" />
      }
      @if (failure(); as message) {
        <div class="cp-alert cp-alert--error" role="alert">
          <div class="cp-alert__body">
            <h2 class="cp-alert__title">{{ t('grant.failed') }}</h2>
            <div class="cp-alert__content"><p>{{ message }}</p></div>
          </div>
        </div>
      }
      <form novalidate (submit)="submit($event)">
        <fieldset class="cp-fieldset">
          <legend class="cp-fieldset__legend cp-heading-m">{{ t('grant.attorneyLegend') }}</legend>
          <div class="cp-field" [class.cp-field--error]="fieldError('rp-attorney-id')">
            <label class="cp-label" for="rp-attorney-id">{{ t('grant.attorneyId') }}</label>
            <div class="cp-hint" id="rp-attorney-id-hint">{{ t('grant.attorneyIdHint') }}</div>
            @if (fieldError('rp-attorney-id'); as message) {
              <p class="cp-error-message" id="rp-attorney-id-error"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
            }
            <input
              id="rp-attorney-id"
              class="cp-input cp-input--width-10"
              type="text"
              autocomplete="off"
              spellcheck="false"
              [attr.aria-describedby]="'rp-attorney-id-hint' + (fieldError('rp-attorney-id') ? ' rp-attorney-id-error' : '')"
              [attr.aria-invalid]="fieldError('rp-attorney-id') ? true : null"
              [value]="attorneyId()"
              (input)="attorneyId.set(value($event))"
            />
          </div>
          <div class="cp-field" [class.cp-field--error]="fieldError('rp-attorney-surname')">
            <label class="cp-label" for="rp-attorney-surname">{{ t('grant.surname') }}</label>
            <div class="cp-hint" id="rp-attorney-surname-hint">{{ t('grant.surnameHint') }}</div>
            @if (fieldError('rp-attorney-surname'); as message) {
              <p class="cp-error-message" id="rp-attorney-surname-error"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
            }
            <input
              id="rp-attorney-surname"
              class="cp-input cp-input--width-20"
              type="text"
              autocomplete="off"
              [attr.aria-describedby]="'rp-attorney-surname-hint' + (fieldError('rp-attorney-surname') ? ' rp-attorney-surname-error' : '')"
              [attr.aria-invalid]="fieldError('rp-attorney-surname') ? true : null"
              [value]="surname()"
              (input)="surname.set(value($event))"
            />
          </div>
        </fieldset>

        <div class="cp-field" [class.cp-field--error]="fieldError('rp-kind-general')">
          <fieldset class="cp-fieldset" [attr.aria-describedby]="fieldError('rp-kind-general') ? 'rp-kind-error' : null">
            <legend class="cp-fieldset__legend cp-heading-m">{{ t('grant.kindLegend') }}</legend>
            @if (fieldError('rp-kind-general'); as message) {
              <p class="cp-error-message" id="rp-kind-error"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
            }
            <div class="cp-choices">
              @for (option of kinds; track option) {
                <div class="cp-choice cp-choice--radio">
                  <input
                    class="cp-choice__input"
                    type="radio"
                    name="rp-kind"
                    [id]="'rp-kind-' + option"
                    [value]="option"
                    [checked]="kind() === option"
                    [attr.aria-describedby]="'rp-kind-' + option + '-hint'"
                    (change)="kind.set(option)"
                  />
                  <label class="cp-choice__label" [for]="'rp-kind-' + option">{{ t('kind.' + option + '.label') }}</label>
                  <div class="cp-hint cp-choice__hint" [id]="'rp-kind-' + option + '-hint'">{{ t('kind.' + option + '.hint') }}</div>
                </div>
              }
            </div>
          </fieldset>
        </div>

        @if (kind() === 'organisation' || kind() === 'procedures') {
          <rp-dir3-picker idBase="rp-body" [label]="t('grant.body')" [error]="fieldError('rp-body')" [(value)]="body" />
        }
        @if (kind() === 'procedures') {
          <div class="cp-field" [class.cp-field--error]="fieldError('rp-procedures')">
            <label class="cp-label" for="rp-procedures">{{ t('grant.procedures') }}</label>
            <div class="cp-hint" id="rp-procedures-hint">{{ t('grant.proceduresHint', { max: maxProcedures }) }}</div>
            @if (fieldError('rp-procedures'); as message) {
              <p class="cp-error-message" id="rp-procedures-error"><span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ message }}</p>
            }
            <textarea
              id="rp-procedures"
              class="cp-textarea"
              rows="4"
              [attr.aria-describedby]="'rp-procedures-hint' + (fieldError('rp-procedures') ? ' rp-procedures-error' : '')"
              [attr.aria-invalid]="fieldError('rp-procedures') ? true : null"
              [value]="procedures()"
              (input)="procedures.set(value($event))"
            ></textarea>
          </div>
        }

        <rp-date-field idBase="rp-valid-from" [legend]="t('grant.validFrom')" [hint]="t('grant.validFromHint')" [error]="fieldError('rp-valid-from-day')" [(value)]="validFrom" />
        <rp-date-field
          idBase="rp-valid-until"
          [legend]="t('grant.validUntil')"
          [hint]="t('grant.validUntilHint', { years: maxYears })"
          [error]="fieldError('rp-valid-until-day')"
          [(value)]="validUntil"
        />

        <div class="cp-button-group">
          <button type="submit" class="cp-button cp-button--primary" [disabled]="sending()">
            {{ sending() ? t('form.sending') : t('grant.submit') }}
          </button>
          <a class="cp-button cp-button--secondary" [href]="links.href('/')" (click)="links.follow($event, '/')">{{ t('action.cancel') }}</a>
        </div>
      </form>
    }
  `,
})
export class GrantFormComponent {
  protected readonly t = injectTranslate();
  protected readonly links = injectLinks();
  private readonly format = injectFormatters();
  private readonly api = injectApi();
  private readonly events = injectEvents();
  private readonly injector = inject(Injector);
  protected readonly kinds = POWER_KINDS;
  protected readonly maxProcedures = POWER_MAX_PROCEDURES;
  protected readonly maxYears = POWER_MAX_VALIDITY_YEARS;

  protected readonly attorneyId = signal('');
  protected readonly surname = signal('');
  protected readonly kind = signal<PowerKind | null>(null);
  protected readonly body = signal<Dir3Unit | null>(null);
  protected readonly procedures = signal('');
  protected readonly validFrom = signal<DateParts>(toParts(todayInMadrid()));
  protected readonly validUntil = signal<DateParts>(
    toParts(addYears(todayInMadrid(), POWER_MAX_VALIDITY_YEARS)),
  );
  protected readonly errors = signal<FormError[]>([]);
  protected readonly failure = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly granted = signal<PowerOfAttorney | null>(null);
  private readonly summary = viewChild(ErrorSummaryComponent);
  private readonly result = viewChild<ElementRef<HTMLElement>>('result');
  /** One key per attempt: kept for a retry after a lost answer, renewed once the gateway has answered. */
  private key = newIdempotencyKey();

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected fieldError(id: string): string | null {
    return this.errors().find((error) => error.id === id)?.text ?? null;
  }

  private validate(): FormError[] {
    const errors: FormError[] = [];
    const id = normaliseId(this.attorneyId());
    if (id === '') errors.push({ id: 'rp-attorney-id', text: this.t('grant.errors.idMissing') });
    else if (!isValidNifOrNie(id))
      errors.push({ id: 'rp-attorney-id', text: this.t('grant.errors.idInvalid') });
    if (this.surname().trim() === '')
      errors.push({ id: 'rp-attorney-surname', text: this.t('grant.errors.surname') });
    const kind = this.kind();
    if (kind === null) errors.push({ id: 'rp-kind-general', text: this.t('grant.errors.kind') });
    if ((kind === 'organisation' || kind === 'procedures') && this.body() === null) {
      errors.push({ id: 'rp-body', text: this.t('grant.errors.body') });
    }
    if (kind === 'procedures') {
      const codes = parseProcedures(this.procedures());
      if (
        codes.length === 0 ||
        codes.length > POWER_MAX_PROCEDURES ||
        codes.some((code) => code.length > 100)
      ) {
        errors.push({
          id: 'rp-procedures',
          text: this.t('grant.errors.procedures', { max: POWER_MAX_PROCEDURES }),
        });
      }
    }
    const today = todayInMadrid();
    const from = fromParts(this.validFrom());
    const until = fromParts(this.validUntil());
    if (from === null)
      errors.push({
        id: 'rp-valid-from-day',
        text: this.t('grant.errors.dateInvalid', { field: this.t('grant.validFrom') }),
      });
    else if (from < today) errors.push({ id: 'rp-valid-from-day', text: this.t('grant.errors.fromPast') });
    if (until === null)
      errors.push({
        id: 'rp-valid-until-day',
        text: this.t('grant.errors.dateInvalid', { field: this.t('grant.validUntil') }),
      });
    else if (from !== null && until < from)
      errors.push({ id: 'rp-valid-until-day', text: this.t('grant.errors.untilBeforeFrom') });
    else if (
      until > addYears(today, POWER_MAX_VALIDITY_YEARS) ||
      (from !== null && until > addYears(from, POWER_MAX_VALIDITY_YEARS))
    ) {
      const max = addYears(from !== null && from < today ? from : today, POWER_MAX_VALIDITY_YEARS);
      errors.push({
        id: 'rp-valid-until-day',
        text: this.t('grant.errors.tooLong', { years: POWER_MAX_VALIDITY_YEARS, max: this.format.date(max) }),
      });
    }
    return errors;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.failure.set(null);
    const errors = this.validate();
    this.errors.set(errors);
    if (errors.length > 0) {
      this.summary()?.focusSummary();
      return;
    }
    const kind = this.kind() ?? 'general';
    const request = {
      attorney: { id: normaliseId(this.attorneyId()), surname: this.surname().trim() },
      kind,
      bodyDir3: kind === 'general' ? null : (this.body()?.dir3 ?? null),
      procedures: kind === 'procedures' ? parseProcedures(this.procedures()) : null,
      validFrom: fromParts(this.validFrom()) ?? '',
      validUntil: fromParts(this.validUntil()) ?? '',
    };
    this.sending.set(true);
    try {
      const { item } = await this.api.post(apiPath(POWERS_API.powers), request, {
        bodySchema: powerGrantRequestSchema,
        schema: powerAnswerSchema,
        idempotencyKey: this.key,
      });
      this.key = newIdempotencyKey();
      this.granted.set(item);
      this.events.emit('representation:changed', { powerId: item.id });
      afterNextRender(() => this.result()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      const apiError = asApiError(error);
      if (!isTransient(apiError)) this.key = newIdempotencyKey();
      this.failure.set(errorText(this.t, apiError));
    } finally {
      this.sending.set(false);
    }
  }
}
