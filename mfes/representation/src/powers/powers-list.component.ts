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
import {
  addYears,
  POWER_MAX_VALIDITY_YEARS,
  type PowerAction,
  type PowerOfAttorney,
  type PowersAnswer,
  POWERS_API,
  powerActionRequestSchema,
  powerAnswerSchema,
  powerExtendRequestSchema,
  powersAnswerSchema,
} from '@carpeta/sdk/representation';
import { apiPath, asApiError, errorText, isTransient, loadSignal } from '../shared/api.ts';
import { DateFieldComponent } from '../shared/date-field.component.ts';
import { type DateParts, fromParts, toParts, todayInMadrid } from '../shared/dates.ts';
import { DialogComponent } from '../shared/dialog.component.ts';
import { injectLinks } from '../shared/navigation.ts';
import { SourceAlertComponent } from '../shared/source-alert.component.ts';
import { POWER_STATUS_TONE } from '../shared/tags.ts';

type Side = 'received' | 'granted';

interface PendingAction {
  power: PowerOfAttorney;
  side: Side;
  action: PowerAction;
  key: string;
}

/** The powers the citizen holds and those they granted, with what the law lets each party do. */
@Component({
  selector: 'rp-powers-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SourceAlertComponent, DialogComponent, DateFieldComponent],
  template: `
    <h1>{{ t('powers.title') }}</h1>
    <p class="cp-lead">{{ t('powers.intro') }}</p>
    <p>
      <a class="cp-button cp-button--primary" [href]="links.href('/grant')" (click)="links.follow($event, '/grant')">{{
        t('powers.grantLink')
      }}</a>
    </p>
    <div #status tabindex="-1" role="status" class="rp-status">
      @if (done(); as message) {
        <div class="cp-alert cp-alert--success">
          <svg class="cp-icon cp-alert__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
            <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.4-4.2-4.2 1.4-1.4 2.8 2.8 5.8-5.8 1.4 1.4-7.2 7.2Z" />
          </svg>
          <div class="cp-alert__body"><div class="cp-alert__content"><p>{{ message }}</p></div></div>
        </div>
      }
    </div>
    @switch (powers.state().state) {
      @case ('loading') {
        <div role="status" class="cp-spinner cp-spinner--medium">
          <span class="cp-spinner__circle" aria-hidden="true"></span>
          <span class="cp-visually-hidden">{{ t('powers.loading') }}</span>
        </div>
      }
      @case ('error') {
        <div class="cp-alert cp-alert--error" role="alert">
          <div class="cp-alert__body">
            <h2 class="cp-alert__title">{{ t('powers.error') }}</h2>
            <div class="cp-alert__content"><p>{{ errorMessage() }}</p></div>
            <div class="cp-alert__actions">
              <button type="button" class="cp-button cp-button--secondary" (click)="powers.reload()">{{ t('source.retry') }}</button>
            </div>
          </div>
        </div>
      }
      @case ('ready') {
        @if (answer(); as data) {
          <rp-source-alert [source]="data.source" title="powers.unavailableTitle" body="powers.unavailableBody" (retry)="powers.reload()" />
          @if (data.source.status === 'ok') {
            @for (side of sides; track side) {
              <section [attr.aria-labelledby]="'rp-powers-' + side" class="rp-section">
                <h2 [id]="'rp-powers-' + side">{{ t('powers.' + side + '.title', { count: data[side].length }) }}</h2>
                <p>{{ t('powers.' + side + '.intro') }}</p>
                @if (data[side].length === 0) {
                  <p class="cp-text-muted">{{ t('powers.' + side + '.empty') }}</p>
                } @else {
                  <ul class="cp-list-plain cp-stack">
                    @for (power of data[side]; track power.id) {
                      <li>
                        <article class="cp-card" [attr.data-power]="power.id">
                          <h3 class="cp-card__title">
                            {{ side === 'received' ? power.grantor.displayName : power.attorney.displayName }}
                          </h3>
                          <div class="cp-card__meta">
                            <strong class="cp-tag" [class]="'cp-tag cp-tag--' + tone[power.status]">{{ t('status.' + power.status) }}</strong>
                          </div>
                          <div class="cp-card__content">
                            <dl class="cp-summary-list cp-summary-list--borderless">
                              <div class="cp-summary-list__row">
                                <dt class="cp-summary-list__key">{{ t(side === 'received' ? 'powers.grantor' : 'powers.attorney') }}</dt>
                                <dd class="cp-summary-list__value">
                                  {{ side === 'received' ? power.grantor.displayName : power.attorney.displayName }}
                                  ({{ side === 'received' ? power.grantor.maskedId : power.attorney.maskedId }})
                                </dd>
                              </div>
                              <div class="cp-summary-list__row">
                                <dt class="cp-summary-list__key">{{ t('powers.kindLabel') }}</dt>
                                <dd class="cp-summary-list__value">{{ t('kind.' + power.kind + '.label') }}</dd>
                              </div>
                              @if (power.body) {
                                <div class="cp-summary-list__row">
                                  <dt class="cp-summary-list__key">{{ t('powers.body') }}</dt>
                                  <dd class="cp-summary-list__value">{{ power.body.name }} ({{ power.body.dir3 }})</dd>
                                </div>
                              }
                              @if (power.procedures) {
                                <div class="cp-summary-list__row">
                                  <dt class="cp-summary-list__key">{{ t('powers.procedures') }}</dt>
                                  <dd class="cp-summary-list__value">
                                    <ul class="cp-list-plain">
                                      @for (procedure of power.procedures; track procedure) {
                                        <li>{{ procedure }}</li>
                                      }
                                    </ul>
                                  </dd>
                                </div>
                              }
                              <div class="cp-summary-list__row">
                                <dt class="cp-summary-list__key">{{ t('powers.validity') }}</dt>
                                <dd class="cp-summary-list__value">
                                  {{ t('powers.validityRange', { from: format.date(power.validFrom), until: format.date(power.validUntil) }) }}
                                </dd>
                              </div>
                              <div class="cp-summary-list__row">
                                <dt class="cp-summary-list__key">{{ t('powers.reference') }}</dt>
                                <dd class="cp-summary-list__value">{{ power.id }}</dd>
                              </div>
                            </dl>
                          </div>
                          @if (power.actions.length > 0) {
                            <div class="cp-card__footer cp-button-group">
                              @for (action of power.actions; track action) {
                                <button
                                  type="button"
                                  [class]="'cp-button cp-button--' + (action === 'accept' ? 'primary' : action === 'extend' ? 'secondary' : 'warning')"
                                  (click)="ask(power, side, action)"
                                >
                                  {{ t('action.' + action + '.button') }}<span class="cp-visually-hidden">
                                    {{ t('action.' + action + '.context', { name: side === 'received' ? power.grantor.displayName : power.attorney.displayName }) }}</span
                                  >
                                </button>
                              }
                            </div>
                          }
                        </article>
                      </li>
                    }
                  </ul>
                }
              </section>
            }
          }
        }
      }
    }

    <rp-dialog [open]="pending() !== null" [title]="dialogTitle()" [alert]="isDestructive()" (dismiss)="cancel()">
      @if (pending(); as current) {
        <p>{{ t('action.' + current.action + '.body', dialogValues()) }}</p>
        @if (current.action === 'extend') {
          <rp-date-field
            idBase="rp-extend-until"
            [legend]="t('action.extend.field')"
            [hint]="t('action.extend.hint', dialogValues())"
            [error]="extendError()"
            [(value)]="extendUntil"
          />
        }
        @if (actionError(); as message) {
          <div class="cp-alert cp-alert--error" role="alert">
            <div class="cp-alert__body"><div class="cp-alert__content"><p>{{ message }}</p></div></div>
          </div>
        }
      }
      <button
        dialog-actions
        type="button"
        [class]="'cp-button cp-button--' + (isDestructive() ? 'warning' : 'primary')"
        [disabled]="sending()"
        (click)="confirm()"
      >
        {{ sending() ? t('form.sending') : confirmLabel() }}
      </button>
      <button dialog-actions type="button" class="cp-button cp-button--secondary" [disabled]="sending()" (click)="cancel()">
        {{ t('action.cancel') }}
      </button>
    </rp-dialog>
  `,
  styles: `
    .rp-section { margin-block-start: var(--cp-space-6, 2rem); }
    .rp-status:focus { outline: none; }
  `,
})
export class PowersListComponent {
  protected readonly t = injectTranslate();
  protected readonly format = injectFormatters();
  protected readonly links = injectLinks();
  private readonly api = injectApi();
  private readonly events = injectEvents();
  private readonly injector = inject(Injector);
  protected readonly sides: Side[] = ['received', 'granted'];
  protected readonly tone = POWER_STATUS_TONE;
  protected readonly powers = loadSignal((signal) =>
    this.api.get(apiPath(POWERS_API.powers), powersAnswerSchema, { signal }),
  );
  protected readonly pending = signal<PendingAction | null>(null);
  protected readonly sending = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly extendUntil = signal<DateParts>({ day: '', month: '', year: '' });
  protected readonly extendError = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  private readonly status = viewChild.required<ElementRef<HTMLElement>>('status');

  protected answer(): PowersAnswer | null {
    const state = this.powers.state();
    return state.state === 'ready' ? state.data : null;
  }

  protected errorMessage(): string {
    const state = this.powers.state();
    return state.state === 'error' ? errorText(this.t, state.error) : '';
  }

  protected isDestructive(): boolean {
    const action = this.pending()?.action;
    return action === 'revoke' || action === 'renounce';
  }

  protected dialogTitle(): string {
    const current = this.pending();
    return current ? this.t(`action.${current.action}.title`) : '';
  }

  protected confirmLabel(): string {
    const current = this.pending();
    return current ? this.t(`action.${current.action}.confirm`) : '';
  }

  private maxUntil(): string {
    return addYears(todayInMadrid(), POWER_MAX_VALIDITY_YEARS);
  }

  protected dialogValues(): Record<string, string> {
    const current = this.pending();
    if (!current) return {};
    const { power, side } = current;
    return {
      name: side === 'received' ? power.grantor.displayName : power.attorney.displayName,
      scope: power.body ? power.body.name : this.t('powers.anyAdministration'),
      until: this.format.date(power.validUntil),
      max: this.format.date(this.maxUntil()),
    };
  }

  protected ask(power: PowerOfAttorney, side: Side, action: PowerAction): void {
    this.actionError.set(null);
    this.extendError.set(null);
    this.extendUntil.set(toParts(this.maxUntil()));
    // One Idempotency-Key per attempt: a double click or a retry after a lost answer is one act.
    this.pending.set({ power, side, action, key: newIdempotencyKey() });
  }

  protected cancel(): void {
    if (!this.sending()) this.pending.set(null);
  }

  protected async confirm(): Promise<void> {
    const current = this.pending();
    if (!current || this.sending()) return;
    const { power, action } = current;
    let send: () => Promise<{ item: PowerOfAttorney }>;
    const path = apiPath(POWERS_API.action(power.id, action));
    if (action === 'extend') {
      const until = fromParts(this.extendUntil());
      const error =
        until === null
          ? this.t('action.extend.invalid')
          : until <= power.validUntil
            ? this.t('action.extend.notLater', { until: this.format.date(power.validUntil) })
            : until > this.maxUntil()
              ? this.t('action.extend.tooLate', { max: this.format.date(this.maxUntil()) })
              : null;
      this.extendError.set(error);
      if (error || until === null) {
        document.getElementById('rp-extend-until-day')?.focus();
        return;
      }
      send = () =>
        this.api.post(
          path,
          { validUntil: until },
          {
            bodySchema: powerExtendRequestSchema,
            schema: powerAnswerSchema,
            idempotencyKey: current.key,
          },
        );
    } else {
      send = () =>
        this.api.post(
          path,
          {},
          { bodySchema: powerActionRequestSchema, schema: powerAnswerSchema, idempotencyKey: current.key },
        );
    }
    this.sending.set(true);
    this.actionError.set(null);
    try {
      const { item } = await send();
      this.replace(item);
      this.pending.set(null);
      const name = current.side === 'received' ? item.grantor.displayName : item.attorney.displayName;
      this.done.set(this.t(`action.${action}.done`, { name, until: this.format.date(item.validUntil) }));
      // The shell's representation switch reads the list again: an accepted power shows at once.
      this.events.emit('representation:changed', { powerId: item.id });
      afterNextRender(() => this.status().nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      const apiError = asApiError(error);
      this.actionError.set(errorText(this.t, apiError));
      if (!isTransient(apiError)) this.pending.set({ ...current, key: newIdempotencyKey() });
    } finally {
      this.sending.set(false);
    }
  }

  private replace(item: PowerOfAttorney): void {
    const data = this.answer();
    if (!data) return;
    const swap = (list: PowerOfAttorney[]) => list.map((power) => (power.id === item.id ? item : power));
    this.powers.set({ ...data, received: swap(data.received), granted: swap(data.granted) });
  }
}
