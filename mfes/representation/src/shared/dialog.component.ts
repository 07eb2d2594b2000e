import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  effect,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';

let nextId = 0;

/**
 * The design system's dialog on the native modal `<dialog>` (the rest of the page is inert while it
 * is open): focus goes to its title when it opens and back to where it was when it closes; Escape
 * closes it. Content goes in the body; elements marked `dialog-actions` at the bottom.
 */
@Component({
  selector: 'rp-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="cp-dialog cp-dialog--small"
      [attr.role]="alert() ? 'alertdialog' : null"
      [attr.aria-labelledby]="id + '-title'"
      [attr.aria-describedby]="id + '-body'"
      aria-modal="true"
      (cancel)="onCancel($event)"
    >
      @if (open()) {
        <div class="cp-dialog__inner">
          <div class="cp-dialog__header">
            <h2 #heading class="cp-dialog__title" [id]="id + '-title'" tabindex="-1">{{ title() }}</h2>
          </div>
          <div class="cp-dialog__body" [id]="id + '-body'"><ng-content /></div>
          <div class="cp-dialog__actions"><ng-content select="[dialog-actions]" /></div>
        </div>
      }
    </dialog>
  `,
})
export class DialogComponent {
  readonly open = input.required<boolean>();
  readonly title = input.required<string>();
  /** A confirmation of something that cannot be undone: `alertdialog`. */
  readonly alert = input(false);
  /** Escape was pressed: the parent decides whether to close. */
  readonly dismiss = output();
  protected readonly id = `rp-dialog-${++nextId}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private returnTo: HTMLElement | null = null;
  private focusTitle = false;

  constructor() {
    effect(() => {
      const open = this.open();
      const heading = this.heading();
      untracked(() => {
        const dialog = this.dialog().nativeElement;
        if (open && !dialog.open) {
          this.returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          dialog.showModal();
          this.focusTitle = true;
        }
        // The title is rendered with the dialog's content, possibly after it was opened.
        if (open && heading && this.focusTitle) {
          this.focusTitle = false;
          heading.nativeElement.focus();
        }
        if (!open && dialog.open) {
          dialog.close();
          const target = this.returnTo;
          this.returnTo = null;
          if (target?.isConnected) target.focus();
        }
      });
    });
  }

  protected onCancel(event: Event): void {
    event.preventDefault();
    this.dismiss.emit();
  }
}
