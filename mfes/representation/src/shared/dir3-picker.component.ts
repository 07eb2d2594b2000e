import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { injectApi, injectTranslate } from '@carpeta/sdk/angular';
import { type Dir3Unit, dir3UnitListSchema, REGISTRY_API } from '@carpeta/sdk/registry';
import { apiPath } from './api.ts';

const SEARCH_DELAY_MS = 250;
const RESULTS = 10;

/**
 * Picks a body from the directory of DIR3 units: an editable combobox with a list of matches
 * (WAI-ARIA combobox pattern, list autocomplete). Type words of the name or a code; Down and Up move
 * through the matches, Enter picks one, Escape closes the list (or clears the text when closed).
 * The number of matches is announced politely.
 */
@Component({
  selector: 'rp-dir3-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cp-field rp-combobox" [class.cp-field--error]="error()">
      <label class="cp-label" [for]="idBase()">{{ label() }}</label>
      <div class="cp-hint" [id]="idBase() + '-hint'">{{ t('dir3.hint') }}</div>
      @if (error()) {
        <p class="cp-error-message" [id]="idBase() + '-error'">
          <span class="cp-visually-hidden">{{ t('form.errorPrefix') }} </span>{{ error() }}
        </p>
      }
      <input
        [id]="idBase()"
        class="cp-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        [attr.aria-expanded]="expanded()"
        [attr.aria-controls]="idBase() + '-listbox'"
        [attr.aria-activedescendant]="expanded() && active() >= 0 ? idBase() + '-option-' + active() : null"
        [attr.aria-describedby]="idBase() + '-hint ' + (error() ? idBase() + '-error ' : '') + idBase() + '-chosen'"
        [attr.aria-invalid]="error() ? true : null"
        [value]="text()"
        (input)="typed($event)"
        (keydown)="keydown($event)"
        (blur)="open.set(false)"
      />
      <ul class="rp-combobox__list" role="listbox" [id]="idBase() + '-listbox'" [attr.aria-label]="label()" [hidden]="!expanded()">
        @for (unit of results(); track unit.dir3; let index = $index) {
          <li
            role="option"
            class="rp-combobox__option"
            [id]="idBase() + '-option-' + index"
            [attr.aria-selected]="index === active()"
            (mousedown)="$event.preventDefault()"
            (click)="choose(unit)"
          >
            <span>{{ unit.name }}</span>
            <span class="cp-text-muted rp-combobox__meta">
              {{ unit.dir3 }} · {{ t('dir3.administration.' + unit.administration) }}@if (unit.parent) { · {{ unit.parent.name }}}
            </span>
          </li>
        }
      </ul>
      <p class="cp-body-s" [id]="idBase() + '-chosen'">
        @if (value(); as chosen) {
          {{ t('dir3.chosen', { name: chosen.name, code: chosen.dir3 }) }}
        }
      </p>
      <div class="cp-visually-hidden" aria-live="polite">{{ announcement() }}</div>
    </div>
  `,
  styles: `
    .rp-combobox { position: relative; }
    .rp-combobox__list {
      list-style: none; margin: 0; padding: 0; max-width: 40rem; max-height: 20rem; overflow-y: auto;
      border: 2px solid var(--cp-color-border-strong); background: var(--cp-color-surface); color: var(--cp-color-text);
    }
    .rp-combobox__option { display: flex; flex-direction: column; padding: 0.5rem 0.75rem; cursor: pointer; }
    .rp-combobox__option[aria-selected='true'] {
      background: var(--cp-color-primary); color: var(--cp-color-primary-text);
      /* Forced colours drop backgrounds: the outline still shows the active option. */
      outline: 3px solid transparent; outline-offset: -3px;
    }
    .rp-combobox__option[aria-selected='true'] .rp-combobox__meta { color: inherit; }
  `,
})
export class Dir3PickerComponent {
  readonly idBase = input.required<string>();
  readonly label = input.required<string>();
  readonly error = input<string | null>(null);
  /** The unit picked (null until one is). */
  readonly value = model<Dir3Unit | null>(null);

  protected readonly t = injectTranslate();
  private readonly api = injectApi();
  protected readonly text = signal('');
  protected readonly results = signal<Dir3Unit[]>([]);
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  private readonly searched = signal<{ query: string; total: number; failed: boolean } | null>(null);
  protected readonly expanded = computed(() => this.open() && this.results().length > 0);
  protected readonly announcement = computed(() => {
    const searched = this.searched();
    if (!searched || !this.open()) return '';
    if (searched.failed) return this.t('dir3.failed');
    return searched.total === 0 ? this.t('dir3.none') : this.t('dir3.count', { count: searched.total });
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      this.controller?.abort();
    });
  }

  protected typed(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.text.set(text);
    if (this.value()) this.value.set(null);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(text), SEARCH_DELAY_MS);
  }

  private async search(query: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const params = new URLSearchParams({ q: query.trim(), limit: String(RESULTS) });
    try {
      const answer = await this.api.get(`${apiPath(REGISTRY_API.units)}?${params}`, dir3UnitListSchema, {
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      const failed = answer.source.status !== 'ok' && answer.items.length === 0;
      this.results.set(answer.items);
      this.searched.set({ query, total: answer.total, failed });
      this.active.set(-1);
      this.open.set(true);
    } catch {
      if (controller.signal.aborted) return;
      this.results.set([]);
      this.searched.set({ query, total: 0, failed: true });
      this.open.set(true);
    }
  }

  protected keydown(event: KeyboardEvent): void {
    const count = this.results().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open()) {
          if (count === 0) {
            void this.search(this.text());
            return;
          }
          this.open.set(true);
        }
        this.active.update((index) => (count === 0 ? -1 : (index + 1) % count));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open() && count > 0) this.open.set(true);
        this.active.update((index) => (count === 0 ? -1 : index <= 0 ? count - 1 : index - 1));
        return;
      case 'Enter': {
        const unit = this.expanded() ? this.results()[this.active()] : undefined;
        if (unit) {
          event.preventDefault();
          this.choose(unit);
        } else if (this.expanded()) {
          event.preventDefault();
        }
        return;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          event.stopPropagation();
          this.open.set(false);
        } else if (this.text() !== '') {
          event.preventDefault();
          this.text.set('');
          this.value.set(null);
          this.results.set([]);
        }
        return;
      default:
        return;
    }
  }

  protected choose(unit: Dir3Unit): void {
    this.value.set(unit);
    this.text.set(unit.name);
    this.open.set(false);
    this.active.set(-1);
  }
}
