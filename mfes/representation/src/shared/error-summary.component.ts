import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  input,
  viewChild,
} from '@angular/core';

export interface FormError {
  /** Id of the control to focus (for a group, its first input). */
  id: string;
  text: string;
}

/**
 * The design system's error summary: it takes focus when it appears (screen readers read it at
 * once) and each link moves focus to its field.
 */
@Component({
  selector: 'rp-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #box class="cp-error-summary" tabindex="-1" role="alert">
      <h2 class="cp-error-summary__title">{{ title() }}</h2>
      <ul class="cp-error-summary__list">
        @for (error of errors(); track error.id) {
          <li>
            <a class="cp-error-summary__link" [href]="'#' + error.id" (click)="focus($event, error.id)">{{ error.text }}</a>
          </li>
        }
      </ul>
    </div>
  `,
})
export class ErrorSummaryComponent {
  readonly title = input.required<string>();
  readonly errors = input.required<FormError[]>();
  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');

  constructor() {
    afterNextRender(() => this.box().nativeElement.focus());
  }

  /** Focus again, e.g. after a second submit with the summary already shown. */
  focusSummary(): void {
    this.box().nativeElement.focus();
  }

  protected focus(event: MouseEvent, id: string): void {
    const target = document.getElementById(id);
    if (!target) return;
    // The address must not change: "#id" is not a route of the portal.
    event.preventDefault();
    const label =
      target.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${CSS.escape(id)}"]`);
    (label ?? target).scrollIntoView?.();
    target.focus({ preventScroll: true });
  }
}
