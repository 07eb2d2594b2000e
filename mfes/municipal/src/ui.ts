import { type Attributes, type Child, h } from '@carpeta/sdk/vanilla';

/*
 * The design system's `cp-` markup, built with DOM APIs as its framework-free HTML shows it
 * (Storybook, "Framework-free HTML", generated from the React components). Text is always text.
 * Keyboard and focus behaviour comes from `@carpeta/design-system/behaviours`, on the MFE's element.
 */

const SVG = 'http://www.w3.org/2000/svg';
const PATHS = {
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  success:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.4-4.2-4.2 1.4-1.4 2.8 2.8 5.8-5.8 1.4 1.4-7.2 7.2Z',
  warning: 'M12 2 1 21h22L12 2Zm1 16h-2v-2h2v2Zm0-4h-2v-5h2v5Z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z',
  close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4Z',
  chevronDown: 'M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6 1.4-1.4Z',
  chevronUp: 'M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6 1.4 1.4Z',
  plus: 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2Z',
  minus: 'M19 13H5v-2h14v2Z',
  download: 'M5 20h14v-2H5v2Zm14-11-1.4-1.4L13 12.2V3h-2v9.2L6.4 7.6 5 9l7 7 7-7Z',
} as const;
export type IconName = keyof typeof PATHS;

/** A decorative icon (hidden from assistive technology), as the design system's Icon renders it. */
export function icon(name: IconName, className = ''): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `cp-icon ${className}`.trim());
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '24');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  svg.append(path);
  return svg;
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export const tag = (tone: Tone, text: string) => h('strong', { class: `cp-tag cp-tag--${tone}` }, text);

export function alert(
  variant: 'info' | 'success' | 'warning' | 'error',
  title: string | null,
  body: Child,
  options: {
    live?: boolean;
    headingLevel?: 2 | 3;
    attributes?: Attributes;
    titleAttributes?: Attributes;
  } = {},
): HTMLElement {
  // As the design system's Alert: `alert` (assertive) for errors, `status` (polite) otherwise.
  const live = options.live ? { role: variant === 'error' ? 'alert' : 'status' } : {};
  const heading = title
    ? h(
        options.headingLevel === 3 ? 'h3' : 'h2',
        { class: 'cp-alert__title', tabindex: -1, ...options.titleAttributes },
        title,
      )
    : null;
  return h(
    'div',
    { class: `cp-alert cp-alert--${variant}`, ...live, ...options.attributes },
    icon(variant, 'cp-alert__icon'),
    h('div', { class: 'cp-alert__body' }, heading, h('div', { class: 'cp-alert__content' }, body)),
  );
}

export function button(
  text: Child,
  attributes: Attributes = {},
  variant: 'primary' | 'secondary' | 'warning' = 'secondary',
): HTMLButtonElement {
  return h('button', { type: 'button', class: `cp-button cp-button--${variant}`, ...attributes }, text);
}

export const hidden = (text: string) => h('span', { class: 'cp-visually-hidden' }, text);

export function spinner(label: string): HTMLElement {
  return h(
    'div',
    { role: 'status', class: 'cp-spinner cp-spinner--medium' },
    h('span', { class: 'cp-spinner__circle', 'aria-hidden': 'true' }),
    hidden(label),
  );
}

export function summaryList(rows: readonly (readonly [string, Child])[]): HTMLElement {
  return h(
    'dl',
    { class: 'cp-summary-list' },
    rows.map(([key, value]) =>
      h(
        'div',
        { class: 'cp-summary-list__row' },
        h('dt', { class: 'cp-summary-list__key' }, key),
        h('dd', { class: 'cp-summary-list__value' }, value),
      ),
    ),
  );
}

export interface Column<Row> {
  header: string;
  cell(row: Row): Child;
  rowHeader?: boolean;
  end?: boolean;
}

/** The design system's Table, `responsive="stack"`: each row a card under 640px, table semantics restated. */
export function table<Row>(id: string, caption: string, columns: Column<Row>[], rows: Row[]): HTMLElement {
  const cellClass = (column: Column<Row>) => `cp-table__cell${column.end ? ' cp-table__cell--end' : ''}`;
  return h(
    'table',
    { role: 'table', class: 'cp-table cp-table--stack', 'aria-labelledby': `${id}-caption` },
    h('caption', { id: `${id}-caption`, class: 'cp-table__caption' }, caption),
    h(
      'thead',
      { class: 'cp-table__head', role: 'rowgroup' },
      h(
        'tr',
        { role: 'row' },
        columns.map((column) =>
          h(
            'th',
            {
              scope: 'col',
              role: 'columnheader',
              class: `cp-table__header${column.end ? ' cp-table__cell--end' : ''}`,
            },
            column.header,
          ),
        ),
      ),
    ),
    h(
      'tbody',
      { role: 'rowgroup' },
      rows.map((row) =>
        h(
          'tr',
          { class: 'cp-table__row', role: 'row' },
          columns.map((column) =>
            column.rowHeader
              ? h(
                  'th',
                  { scope: 'row', role: 'rowheader', class: cellClass(column), 'data-label': column.header },
                  column.cell(row),
                )
              : h(
                  'td',
                  { role: 'cell', class: cellClass(column), 'data-label': column.header },
                  column.cell(row),
                ),
          ),
        ),
      ),
    ),
  );
}

/** A one-section accordion: the WAI-ARIA disclosure pattern (the behaviour toggles it). */
export function disclosure(id: string, heading: string, content: Child): HTMLElement {
  return h(
    'div',
    { class: 'cp-accordion' },
    h(
      'div',
      { class: 'cp-accordion__section' },
      h(
        'h3',
        { class: 'cp-accordion__heading' },
        h(
          'button',
          {
            type: 'button',
            id: `${id}-button`,
            class: 'cp-accordion__button',
            'aria-expanded': 'false',
            'aria-controls': `${id}-panel`,
          },
          h('span', { class: 'cp-accordion__heading-text' }, heading),
          icon('plus', 'cp-accordion__icon cp-when-collapsed'),
          icon('minus', 'cp-accordion__icon cp-when-expanded'),
        ),
      ),
      h(
        'section',
        {
          id: `${id}-panel`,
          class: 'cp-accordion__panel',
          'aria-labelledby': `${id}-button`,
          hidden: 'until-found',
        },
        content,
      ),
    ),
  );
}

/** The WAI-ARIA menu button (MenuButton in React): link items, out of the tab order. */
export function menuButton(id: string, label: string, items: { href: string; label: string }[]): HTMLElement {
  return h(
    'div',
    { class: 'cp-menu' },
    h(
      'button',
      {
        type: 'button',
        id: `${id}-button`,
        class: 'cp-button cp-button--secondary cp-menu__button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        'aria-controls': `${id}-menu`,
      },
      label,
      icon('chevronDown', 'cp-when-collapsed'),
      icon('chevronUp', 'cp-when-expanded'),
    ),
    h(
      'ul',
      {
        class: 'cp-menu__list',
        role: 'menu',
        id: `${id}-menu`,
        'aria-labelledby': `${id}-button`,
        hidden: true,
      },
      items.map((item) =>
        h(
          'li',
          { role: 'none' },
          h(
            'a',
            { role: 'menuitem', class: 'cp-menu__item', href: item.href, tabindex: -1, 'data-navigate': '' },
            item.label,
          ),
        ),
      ),
    ),
  );
}

export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

/** WAI-ARIA tabs (Tabs in React): roving tabindex, the behaviour handles keys and selection. */
export function tabs(id: string, label: string, specs: TabSpec[], selected: string): HTMLElement {
  return h(
    'div',
    { class: 'cp-tabs' },
    h(
      'div',
      { class: 'cp-tabs__list', role: 'tablist', 'aria-label': label },
      specs.map((spec) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `${id}-tab-${spec.id}`,
            class: 'cp-tabs__tab',
            'aria-selected': String(spec.id === selected),
            'aria-controls': `${id}-panel-${spec.id}`,
            tabindex: spec.id === selected ? 0 : -1,
            'data-tab': spec.id,
          },
          spec.label,
        ),
      ),
    ),
    specs.map((spec) => {
      const panel = spec.panel;
      panel.id = `${id}-panel-${spec.id}`;
      panel.classList.add('cp-tabs__panel');
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', `${id}-tab-${spec.id}`);
      panel.tabIndex = 0;
      panel.hidden = spec.id !== selected;
      return panel;
    }),
  );
}

/** A modal dialog (Dialog in React), closed; an opener or `openDialog` shows it. */
export function dialog(
  id: string,
  title: string,
  body: Child,
  actions: Child,
  closeLabel: string,
): HTMLDialogElement {
  return h(
    'dialog',
    { id, class: 'cp-dialog cp-dialog--small', 'aria-labelledby': `${id}-title`, 'aria-modal': 'true' },
    h(
      'div',
      { class: 'cp-dialog__inner' },
      h(
        'div',
        { class: 'cp-dialog__header' },
        h('h2', { class: 'cp-dialog__title', id: `${id}-title`, tabindex: -1 }, title),
        h('button', { type: 'button', class: 'cp-dialog__close', 'aria-label': closeLabel }, icon('close')),
      ),
      h('div', { class: 'cp-dialog__body' }, body),
      h('div', { class: 'cp-dialog__actions' }, actions),
    ),
  );
}

export function errorSummary(title: string, errors: { href: string; text: string }[]): HTMLElement {
  return h(
    'div',
    { class: 'cp-error-summary', tabindex: -1, role: 'alert' },
    h('h2', { class: 'cp-error-summary__title' }, title),
    h(
      'ul',
      { class: 'cp-error-summary__list' },
      errors.map((error) =>
        h('li', null, h('a', { class: 'cp-error-summary__link', href: error.href }, error.text)),
      ),
    ),
  );
}

export const errorMessage = (id: string, prefix: string, text: string) =>
  h('p', { class: 'cp-error-message', id }, hidden(`${prefix}: `), text);
