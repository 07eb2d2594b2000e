import { closeDialog, init as initBehaviours, openDialog } from '@carpeta/design-system/behaviours';
import { ApiError, type CarpetaProps, isApiError, newIdempotencyKey, type SourceStatus } from '@carpeta/sdk';
import {
  CENSUS_CERTIFICATE_KINDS,
  CENSUS_CERTIFICATE_PURPOSES,
  type CensusCertificate,
  type CensusCertificateRequest,
  censusCertificateIssuedSchema,
  censusCertificateRequestSchema,
  type MunicipalCensus,
  type MunicipalTaxes,
  municipalCensusSchema,
  municipalTaxesSchema,
  type TaxReceipt,
} from '@carpeta/sdk/municipal';
import { type Child, fragment, h, type VanillaMount } from '@carpeta/sdk/vanilla';
import {
  alert,
  button,
  dialog,
  disclosure,
  errorMessage,
  errorSummary,
  hidden,
  icon,
  menuButton,
  spinner,
  summaryList,
  type TabSpec,
  table,
  tabs,
  tag,
  type Tone,
} from './ui.ts';

type Kind = (typeof CENSUS_CERTIFICATE_KINDS)[number];
type Purpose = (typeof CENSUS_CERTIFICATE_PURPOSES)[number];
type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

interface Form {
  kind: Kind;
  purpose: Purpose | '';
  missingPurpose: boolean;
  submitting: boolean;
  /** One key per intended request: a double click or a retry asks once. */
  key: string;
  issued: CensusCertificate | null;
  failure: string | null;
}

const ID = 'municipal';
const STATUS_TONE: Record<TaxReceipt['status'], Tone> = {
  pending: 'warning',
  paid: 'success',
  overdue: 'error',
  cancelled: 'neutral',
};

/**
 * A city council's services in plain TypeScript: the DOM is built with `h` (text is always
 * text), events are delegated to the MFE's element with the mount's `signal`, the design system's
 * behaviours give the keyboard and focus, and everything is undone at unmount.
 */
export function mountMunicipal(element: HTMLElement, props: CarpetaProps, mount: VanillaMount): void {
  const { t, signal } = mount;
  mount.onUnmount(initBehaviours(element));
  const objectUrls = new Set<string>();
  mount.onUnmount(() => {
    for (const url of objectUrls) URL.revokeObjectURL(url);
  });

  let taxes: Loaded<MunicipalTaxes> = { state: 'loading' };
  let census: Loaded<MunicipalCensus> = { state: 'loading' };
  let tab: 'taxes' | 'census' = 'taxes';
  let downloading: string | null = null;
  let downloadFailed = false;
  const form: Form = {
    kind: 'individual',
    purpose: '',
    missingPurpose: false,
    submitting: false,
    key: newIdempotencyKey(),
    issued: null,
    failure: null,
  };

  // Persistent parts: the census panel's live region outlives its re-renders (so it is announced).
  const taxesPanel = h('div', { 'data-testid': 'municipal-taxes' });
  const censusContent = h('div', { class: 'cp-stack' });
  const downloadStatus = h('p', { 'aria-live': 'polite', 'data-testid': 'download-status' });
  const censusPanel = h('div', { 'data-testid': 'municipal-census' }, censusContent, downloadStatus);

  const date = (day: string) => mount.format.date(`${day}T12:00:00Z`);

  // ------------------------------------------------------------------------------------------
  // Rendering

  /** Re-renders `target` and puts focus back on the element that had it (by its data-focus). */
  function update(target: HTMLElement, build: () => Child) {
    const active = document.activeElement;
    const key =
      active instanceof HTMLElement && target.contains(active)
        ? active.closest<HTMLElement>('[data-focus]')?.dataset.focus
        : undefined;
    target.replaceChildren(fragment(build()));
    if (key) target.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus();
  }

  function render() {
    update(element, () => h('div', { class: 'cp-stack', 'data-testid': 'municipal' }, page()));
  }

  function page(): Child {
    if (taxes.state === 'loading')
      return [h('h1', { class: 'cp-heading-xl' }, t('title')), spinner(t('loading'))];
    if (taxes.state === 'failed') {
      return [
        h('h1', { class: 'cp-heading-xl' }, t('title')),
        alert('error', t('failed.title'), [
          h('p', null, t('failed.body')),
          button(t('sources.retry'), { 'data-action': 'retry', 'data-focus': 'retry' }),
        ]),
      ];
    }
    const { residence, council, sources } = taxes.data;
    const heading = h(
      'h1',
      { class: 'cp-heading-xl', tabindex: -1, 'data-focus': 'title' },
      council?.name ?? t('title'),
    );
    if (!council) {
      const failing = sources.filter((source) => source.status !== 'ok');
      return [
        heading,
        failing.length > 0
          ? sourcesAlert(failing)
          : residence
            ? alert(
                'info',
                t('notServed.title'),
                h('p', null, t('notServed.body', { municipality: residence.municipality })),
              )
            : alert('info', t('noResidence.title'), h('p', null, t('noResidence.body'))),
      ];
    }
    const failing = [...sources, ...(census.state === 'ready' ? census.data.sources : [])].filter(
      (source, index, all) =>
        source.status !== 'ok' && all.findIndex((other) => other.source === source.source) === index,
    );
    renderTaxes();
    renderCensus();
    const specs: TabSpec[] = [
      { id: 'taxes', label: t('tabs.taxes'), panel: taxesPanel },
      { id: 'census', label: t('tabs.census'), panel: censusPanel },
    ];
    return [
      heading,
      h('p', { class: 'cp-lead' }, t('intro', { council: council.name })),
      menuButton(`${ID}-more`, t('moreServices'), [
        { href: '/files', label: t('services.files') },
        { href: '/appointments', label: t('services.appointments') },
        { href: '/my-data', label: t('services.myData') },
      ]),
      failing.length > 0 ? sourcesAlert(failing) : null,
      tabs(`${ID}-sections`, t('sectionsLabel'), specs, tab),
    ];
  }

  function sourcesAlert(failing: SourceStatus[]): HTMLElement {
    return alert(
      'warning',
      t('sources.title'),
      [
        h(
          'ul',
          { class: 'cp-list-plain' },
          failing.map((source) => h('li', null, t(`sources.${source.status}`, { name: source.name }))),
        ),
        button(t('sources.retry'), { 'data-action': 'retry', 'data-focus': 'retry' }),
      ],
      { attributes: { 'data-testid': 'sources-alert' } },
    );
  }

  // ------------------------------------------------------------------------------------------
  // Taxes

  function renderTaxes() {
    update(taxesPanel, () => {
      if (taxes.state !== 'ready' || !taxes.data.council) return null;
      const { items, council } = taxes.data;
      if (items.length === 0) return h('p', null, t('taxes.none', { council: council.name }));
      const due = items.filter((item) => item.status === 'pending' || item.status === 'overdue');
      const total = due.reduce((sum, item) => sum + item.amountCents, 0);
      return h(
        'div',
        { class: 'cp-stack' },
        h('h2', { class: 'cp-heading-l' }, t('taxes.heading')),
        h(
          'p',
          { class: 'cp-lead', 'data-testid': 'taxes-summary' },
          due.length === 0
            ? t('taxes.nothingPending')
            : t('taxes.pending', { count: due.length, amount: mount.format.euros(total / 100) }),
        ),
        items.some((item) => item.status === 'overdue')
          ? alert('error', t('taxes.overdueTitle'), h('p', null, t('taxes.overdueBody')), { headingLevel: 3 })
          : null,
        table<TaxReceipt>(
          `${ID}-receipts`,
          t('taxes.caption'),
          [
            {
              header: t('taxes.columns.tax'),
              rowHeader: true,
              cell: (item) => [
                item.kind === 'other' ? item.name : t(`taxes.kind.${item.kind}`),
                item.object ? h('div', { class: 'cp-body-s cp-text-muted' }, item.object) : null,
                h(
                  'div',
                  { class: 'cp-body-s cp-text-muted' },
                  [t('taxes.receipt', { reference: item.reference, year: item.year }), item.period]
                    .filter(Boolean)
                    .join(' · '),
                ),
              ],
            },
            {
              header: t('taxes.columns.amount'),
              end: true,
              cell: (item) => mount.format.euros(item.amountCents / 100),
            },
            {
              header: t('taxes.columns.due'),
              cell: (item) => h('time', { datetime: item.dueDate }, date(item.dueDate)),
            },
            {
              header: t('taxes.columns.status'),
              cell: (item) => tag(STATUS_TONE[item.status], t(`taxes.status.${item.status}`)),
            },
            { header: t('taxes.columns.payment'), cell: payment },
          ],
          items,
        ),
        disclosure(`${ID}-how-to-pay`, t('taxes.howTo'), h('p', null, t('taxes.howToBody'))),
      );
    });
  }

  function payment(item: TaxReceipt): Child {
    const lines: string[] = [];
    if (item.directDebit) {
      lines.push(t('taxes.directDebit', { account: item.directDebit.account }));
      if (item.directDebit.chargeDate && item.status !== 'paid') {
        lines.push(t('taxes.chargeOn', { date: date(item.directDebit.chargeDate) }));
      } else if (item.directDebit.chargeDate) {
        lines.push(t('taxes.chargedOn', { date: date(item.directDebit.chargeDate) }));
      }
    } else if (item.paidAt) {
      lines.push(t('taxes.paidOn', { date: mount.format.date(item.paidAt) }));
    } else if (item.status !== 'cancelled') {
      lines.push(t('taxes.notDebited'));
    }
    return lines.map((line) => h('div', null, line));
  }

  // ------------------------------------------------------------------------------------------
  // Census and its certificate

  function renderCensus() {
    update(censusContent, () => {
      if (census.state === 'loading') return spinner(t('loading'));
      if (census.state === 'failed') {
        return alert('error', t('failed.title'), [
          h('p', null, t('failed.body')),
          button(t('sources.retry'), { 'data-action': 'retry', 'data-focus': 'retry-census' }),
        ]);
      }
      const { registration, council, certificates } = census.data;
      if (!council) return null;
      if (!registration) {
        // Not registered here, or the council could not say (its status is in the alert above).
        const reached = census.data.sources.every((source) => source.status === 'ok');
        return reached ? h('p', null, t('census.notRegistered', { council: council.name })) : null;
      }
      return [
        h('h2', { class: 'cp-heading-l' }, t('census.heading')),
        summaryList([
          [t('census.address'), `${registration.address}, ${registration.postcode}`],
          ...(registration.district ? [[t('census.district'), registration.district] as const] : []),
          [t('census.since'), date(registration.since)],
          [t('census.people'), String(registration.people)],
        ]),
        issuedAlert(),
        requestForm(registration.people),
        certificateList(certificates),
      ];
    });
  }

  function issuedAlert(): Child {
    if (form.failure) {
      return alert('error', t('census.requestFailedTitle'), h('p', null, form.failure), {
        live: true,
        attributes: { 'data-focus': 'request-failed' },
      });
    }
    const certificate = form.issued;
    if (!certificate) return null;
    return alert(
      'success',
      t('census.issuedTitle'),
      [
        h(
          'p',
          null,
          t('census.issuedBody', { code: certificate.verificationCode, date: date(certificate.validUntil) }),
        ),
        downloadButton(certificate, t('census.download'), 'primary', 'download-issued'),
      ],
      // Its title keeps focus when the list of certificates is read again behind it.
      { attributes: { 'data-testid': 'certificate-issued' }, titleAttributes: { 'data-focus': 'issued' } },
    );
  }

  function requestForm(people: number): HTMLElement {
    const purposeId = `${ID}-purpose`;
    const purposeError = `${purposeId}-error`;
    const kindName = `${ID}-kind`;
    const confirm = dialog(
      `${ID}-confirm`,
      t('census.confirmTitle'),
      h('p', null, t('census.confirmBody', { people })),
      [
        button(t('census.confirm'), { 'data-action': 'confirm-request' }, 'primary'),
        button(t('census.cancel'), { 'data-cp-dialog-close': '' }),
      ],
      t('census.close'),
    );
    return h(
      'form',
      {
        class: 'cp-stack',
        novalidate: true,
        'data-form': 'certificate',
        'aria-labelledby': `${ID}-request-title`,
      },
      h('h2', { class: 'cp-heading-l', id: `${ID}-request-title` }, t('census.request')),
      h('p', { class: 'cp-hint' }, t('census.requestHint')),
      form.missingPurpose
        ? errorSummary(t('census.errorTitle'), [{ href: `#${purposeId}`, text: t('census.purposeMissing') }])
        : null,
      h(
        'div',
        { class: 'cp-field' },
        h(
          'fieldset',
          { class: 'cp-fieldset' },
          h('legend', { class: 'cp-fieldset__legend' }, t('census.kind')),
          h(
            'div',
            { class: 'cp-choices' },
            CENSUS_CERTIFICATE_KINDS.map((kind) =>
              h(
                'div',
                { class: 'cp-choice cp-choice--radio' },
                h('input', {
                  class: 'cp-choice__input',
                  type: 'radio',
                  id: `${kindName}-${kind}`,
                  name: kindName,
                  value: kind,
                  checked: form.kind === kind,
                  'data-field': 'kind',
                }),
                h(
                  'label',
                  { class: 'cp-choice__label', for: `${kindName}-${kind}` },
                  t(`census.kinds.${kind}`),
                ),
              ),
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: form.missingPurpose ? 'cp-field cp-field--error' : 'cp-field' },
        h('label', { class: 'cp-label', for: purposeId }, t('census.purpose')),
        form.missingPurpose
          ? errorMessage(purposeError, t('census.errorPrefix'), t('census.purposeMissing'))
          : null,
        h(
          'select',
          {
            id: purposeId,
            class: 'cp-select',
            name: 'purpose',
            'data-field': 'purpose',
            'aria-invalid': form.missingPurpose ? 'true' : null,
            'aria-describedby': form.missingPurpose ? purposeError : null,
          },
          h('option', { value: '', selected: form.purpose === '' }, t('census.choosePurpose')),
          CENSUS_CERTIFICATE_PURPOSES.map((purpose) =>
            h(
              'option',
              { value: purpose, selected: form.purpose === purpose },
              t(`census.purposes.${purpose}`),
            ),
          ),
        ),
      ),
      h(
        'p',
        null,
        h(
          'button',
          {
            type: 'submit',
            class: 'cp-button cp-button--primary',
            disabled: form.submitting,
            'aria-busy': form.submitting ? 'true' : null,
            'data-focus': 'submit',
          },
          form.submitting ? t('census.submitting') : t('census.submit'),
        ),
      ),
      confirm,
    );
  }

  function certificateList(certificates: CensusCertificate[]): Child {
    return [
      h('h2', { class: 'cp-heading-l' }, t('census.issued')),
      certificates.length === 0
        ? h('p', null, t('census.none'))
        : table<CensusCertificate>(
            `${ID}-certificates`,
            t('census.issuedCaption'),
            [
              {
                header: t('census.columns.issued'),
                rowHeader: true,
                cell: (item) => h('time', { datetime: item.issuedAt }, mount.format.dateTime(item.issuedAt)),
              },
              { header: t('census.columns.kind'), cell: (item) => t(`census.kindShort.${item.kind}`) },
              { header: t('census.columns.purpose'), cell: (item) => t(`census.purposes.${item.purpose}`) },
              {
                header: t('census.columns.valid'),
                cell: (item) =>
                  item.current
                    ? tag('success', t('census.current', { date: date(item.validUntil) }))
                    : tag('neutral', t('census.expired', { date: date(item.validUntil) })),
              },
              { header: t('census.columns.code'), cell: (item) => h('code', null, item.verificationCode) },
              {
                header: t('census.columns.file'),
                cell: (item) =>
                  downloadButton(item, t('census.downloadOne'), 'secondary', `download-${item.id}`),
              },
            ],
            certificates,
          ),
      downloadFailed ? alert('error', null, h('p', null, t('census.downloadFailed')), { live: true }) : null,
    ];
  }

  function downloadButton(
    certificate: CensusCertificate,
    label: string,
    variant: 'primary' | 'secondary',
    focus: string,
  ): HTMLButtonElement {
    const busy = downloading === certificate.id;
    return button(
      [
        icon('download'),
        busy ? t('census.downloading') : label,
        hidden(` (${t('census.downloadContext', { date: mount.format.dateTime(certificate.issuedAt) })})`),
      ],
      {
        'data-action': 'download',
        'data-certificate': certificate.id,
        'data-focus': focus,
        disabled: busy,
        'aria-busy': busy ? 'true' : null,
      },
      variant,
    );
  }

  // ------------------------------------------------------------------------------------------
  // Data

  async function load() {
    taxes = { state: 'loading' };
    census = { state: 'loading' };
    render();
    const [taxesResult, censusResult] = await Promise.allSettled([
      props.api.get('/municipal/taxes', municipalTaxesSchema, { signal }),
      props.api.get('/municipal/census-certificate', municipalCensusSchema, { signal }),
    ]);
    if (signal.aborted) return;
    taxes = settled(taxesResult);
    census = settled(censusResult);
    render();
  }

  async function reloadCensus() {
    try {
      const data = await props.api.get('/municipal/census-certificate', municipalCensusSchema, { signal });
      census = { state: 'ready', data };
    } catch (error) {
      if (signal.aborted) return;
      census = { state: 'failed', error: asApiError(error) };
    }
    renderCensus();
  }

  async function request() {
    if (form.submitting || !form.purpose) return;
    form.submitting = true;
    form.failure = null;
    renderCensus();
    const body: CensusCertificateRequest = { kind: form.kind, purpose: form.purpose };
    try {
      const answer = await props.api.post('/municipal/census-certificate', body, {
        bodySchema: censusCertificateRequestSchema,
        schema: censusCertificateIssuedSchema,
        idempotencyKey: form.key,
        signal,
      });
      form.issued = answer.certificate;
      form.key = newIdempotencyKey();
      props.telemetry.event('census-certificate-requested', { kind: body.kind, purpose: body.purpose });
    } catch (error) {
      if (signal.aborted) return;
      const apiError = asApiError(error);
      // The same key again on a retry: the gateway answers the first request's result, never two.
      form.failure =
        apiError.code === 'not-found'
          ? t('census.notRegisteredError')
          : apiError.code === 'conflict'
            ? t('census.busyError')
            : t('census.unavailableError');
    } finally {
      form.submitting = false;
    }
    renderCensus();
    const target = form.issued
      ? censusContent.querySelector<HTMLElement>('[data-testid="certificate-issued"] .cp-alert__title')
      : null;
    target?.focus();
    if (form.issued) await reloadCensus();
  }

  async function download(id: string) {
    const certificate =
      census.state === 'ready' ? census.data.certificates.find((item) => item.id === id) : undefined;
    const known = certificate ?? (form.issued?.id === id ? form.issued : undefined);
    if (!known || downloading) return;
    downloading = id;
    downloadFailed = false;
    downloadStatus.textContent = t('census.downloading');
    renderCensus();
    try {
      const response = await props.api.download(
        `/municipal/census-certificate/${encodeURIComponent(id)}.pdf`,
        {
          signal,
        },
      );
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'certificado.pdf';
      save(blob, name);
      downloadStatus.textContent = t('census.downloaded');
    } catch {
      if (signal.aborted) return;
      downloadFailed = true;
      downloadStatus.textContent = '';
    } finally {
      downloading = null;
    }
    renderCensus();
  }

  /** Hands the file to the browser (a temporary link), and frees it later or at unmount. */
  function save(blob: Blob, name: string) {
    if (typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(blob);
    objectUrls.add(url);
    const anchor = h('a', { href: url, download: name, hidden: true });
    element.append(anchor);
    anchor.click();
    anchor.remove();
    mount.setTimeout(() => {
      URL.revokeObjectURL(url);
      objectUrls.delete(url);
    }, 60_000);
  }

  // ------------------------------------------------------------------------------------------
  // Events, all delegated to the MFE's element and removed at unmount

  element.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const link = target?.closest<HTMLAnchorElement>('a[data-navigate]');
      if (link) {
        const mouse = event as MouseEvent;
        if (mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey) return;
        event.preventDefault();
        props.navigate(link.getAttribute('href') ?? '/');
        return;
      }
      const action = target?.closest<HTMLElement>('[data-action]');
      switch (action?.dataset.action) {
        case 'retry':
          void load();
          break;
        case 'download':
          void download(action.dataset.certificate ?? '');
          break;
        case 'confirm-request': {
          const confirm = action.closest('dialog');
          if (confirm) closeDialog(confirm);
          void request();
          break;
        }
      }
    },
    { signal },
  );

  element.addEventListener(
    'change',
    (event) => {
      const field = event.target instanceof HTMLElement ? event.target : null;
      if (field instanceof HTMLInputElement && field.dataset.field === 'kind' && field.checked) {
        form.kind = field.value === 'household' ? 'household' : 'individual';
      } else if (field instanceof HTMLSelectElement && field.dataset.field === 'purpose') {
        const value = field.value as Purpose | '';
        form.purpose = (CENSUS_CERTIFICATE_PURPOSES as readonly string[]).includes(value) ? value : '';
      }
    },
    { signal },
  );

  element.addEventListener(
    'submit',
    (event) => {
      const submitted = event.target instanceof HTMLFormElement ? event.target : null;
      if (submitted?.dataset.form !== 'certificate') return;
      event.preventDefault();
      form.missingPurpose = form.purpose === '';
      form.failure = null;
      if (form.missingPurpose) {
        // The new error summary takes focus (the design system's behaviour).
        renderCensus();
        return;
      }
      const hadErrors = censusContent.querySelector('.cp-error-summary') !== null;
      if (hadErrors) renderCensus();
      const confirm = censusContent.querySelector<HTMLDialogElement>(`#${ID}-confirm`);
      if (form.kind === 'household' && confirm) {
        openDialog(confirm, censusContent.querySelector<HTMLElement>('[data-focus="submit"]'));
        return;
      }
      void request();
    },
    { signal },
  );

  element.addEventListener(
    'cp-tabchange',
    (event) => {
      const selected = (event as CustomEvent<{ tab: HTMLElement }>).detail.tab.dataset.tab;
      if (selected === 'taxes' || selected === 'census') tab = selected;
    },
    { signal },
  );

  mount.onLanguageChange(render);
  void load();
}

function settled<T>(result: PromiseSettledResult<T>): Loaded<T> {
  return result.status === 'fulfilled'
    ? { state: 'ready', data: result.value }
    : { state: 'failed', error: asApiError(result.reason) };
}

function asApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError('internal', String(error), 0);
}
