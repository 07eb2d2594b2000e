import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { injectTranslate } from '@carpeta/sdk/angular';
import type { DateParts } from './dates.ts';

/** The design system's date input (day, month, year in three fields) for Angular templates. */
@Component({
  selector: 'rp-date-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cp-field" [class.cp-field--error]="error()">
      <fieldset
        class="cp-fieldset"
        [attr.aria-describedby]="(hint() ? idBase() + '-hint ' : '') + (error() ? idBase() + '-error' : '') || null"
      >
        <legend class="cp-fieldset__legend">{{ legend() }}</legend>
        @if (hint()) {
          <div class="cp-hint" [id]="idBase() + '-hint'">{{ hint() }}</div>
        }
        @if (error()) {
          <p class="cp-error-message" [id]="idBase() + '-error'">
            <span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ error() }}
          </p>
        }
        <div class="cp-date-input">
          @for (part of parts; track part) {
            <div class="cp-date-input__item">
              <label class="cp-label cp-date-input__label" [for]="idBase() + '-' + part">{{
                t('date.' + part)
              }}</label>
              <input
                [id]="idBase() + '-' + part"
                class="cp-input"
                [class.cp-input--width-4]="part === 'year'"
                [class.cp-input--width-2]="part !== 'year'"
                [name]="idBase() + '-' + part"
                type="text"
                inputmode="numeric"
                spellcheck="false"
                [attr.aria-invalid]="error() ? true : null"
                [value]="value()[part]"
                (input)="change(part, $event)"
              />
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class DateFieldComponent {
  readonly idBase = input.required<string>();
  readonly legend = input.required<string>();
  readonly hint = input<string>('');
  readonly error = input<string | null>(null);
  readonly value = model.required<DateParts>();
  protected readonly parts = ['day', 'month', 'year'] as const;
  protected readonly t = injectTranslate();

  protected change(part: keyof DateParts, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.value.update((current) => ({ ...current, [part]: text }));
  }
}
