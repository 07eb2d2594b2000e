import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Accordion } from '../components/Accordion/Accordion.tsx';
import { Dialog } from '../components/Dialog/Dialog.tsx';
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx';
import { LanguageSelector } from '../components/LanguageSelector/LanguageSelector.tsx';
import { MenuButton } from '../components/MenuButton/MenuButton.tsx';
import { ServiceNavigation } from '../components/ServiceNavigation/ServiceNavigation.tsx';
import { Tabs } from '../components/Tabs/Tabs.tsx';
import '../styles.css';
import { closeDialog, init, openDialog } from './index.ts';

// The behaviours drive the markup the React components render, with no React on the page: each
// test renders a component to static HTML (as the framework-free examples are generated) and uses
// the keyboard as a citizen would.

const noop = () => undefined;
let dispose: (() => void) | null = null;

/** Static markup of `element` inside a fresh root, with the behaviours on it. */
function mount(element: ReactElement, prefix = 't-'): HTMLElement {
  const root = document.createElement('div');
  const parsed = new DOMParser().parseFromString(
    renderToStaticMarkup(element, { identifierPrefix: prefix }),
    'text/html',
  );
  root.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  document.body.append(root);
  dispose = init(root);
  return root;
}

const byRole = (root: ParentNode, selector: string) => {
  const found = root.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

afterEach(() => {
  dispose?.();
  dispose = null;
  document.body.replaceChildren();
});

describe('disclosure', () => {
  it('opens and closes accordion sections, with find-in-page and "show all"', async () => {
    const root = mount(
      <Accordion
        showAllLabel="Mostrar todo"
        hideAllLabel="Ocultar todo"
        items={[
          { id: 'a', heading: 'Padrón', content: <p>Alta en el padrón</p> },
          { id: 'b', heading: 'Tributos', content: <p>IBI e IVTM</p> },
        ]}
      />,
    );
    const [first, second] = [...root.querySelectorAll<HTMLElement>('.cp-accordion__button')];
    const panel = document.getElementById(first?.getAttribute('aria-controls') ?? '');
    expect(panel?.getAttribute('hidden')).toBe('until-found');
    first?.focus();
    await userEvent.keyboard('{Enter}');
    expect(first?.getAttribute('aria-expanded')).toBe('true');
    expect(panel?.hasAttribute('hidden')).toBe(false);
    expect(first?.closest('.cp-accordion__section')?.classList.contains('cp-accordion__section--open')).toBe(
      true,
    );
    // The icon follows aria-expanded with no script: minus shown, plus hidden.
    expect(getComputedStyle(byRole(first as HTMLElement, '.cp-when-collapsed')).display).toBe('none');
    await userEvent.keyboard(' ');
    expect(panel?.getAttribute('hidden')).toBe('until-found');

    const toggleAll = byRole(root, '.cp-accordion__toggle-all');
    toggleAll.click();
    expect([first, second].map((button) => button?.getAttribute('aria-expanded'))).toEqual(['true', 'true']);
    expect(toggleAll.textContent).toBe('Ocultar todo');
    toggleAll.click();
    expect(toggleAll.textContent).toBe('Mostrar todo');

    // Find in page reaches a closed panel: the browser reveals it and the button follows.
    const secondPanel = document.getElementById(second?.getAttribute('aria-controls') ?? '');
    secondPanel?.dispatchEvent(new Event('beforematch', { bubbles: true }));
    expect(second?.getAttribute('aria-expanded')).toBe('true');
  });

  it('runs the language selector: arrows, Escape, a click outside', async () => {
    const root = mount(
      <>
        <p>Fuera</p>
        <LanguageSelector
          label="Idioma"
          current="es"
          onChange={noop}
          languages={[
            { code: 'es', name: 'Español' },
            { code: 'en', name: 'English' },
          ]}
        />
      </>,
    );
    const toggle = byRole(root, '.cp-language-selector__toggle');
    const list = byRole(root, '.cp-language-selector__list');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(list.hidden).toBe(false);
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Español');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('English');
    await userEvent.keyboard('{Escape}');
    expect(list.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
    await userEvent.click(toggle);
    expect(list.hidden).toBe(false);
    await userEvent.click(byRole(root, 'p'));
    expect(list.hidden).toBe(true);
  });

  it('opens the narrow-screen navigation with its class, and Escape closes it', async () => {
    const root = mount(
      <ServiceNavigation label="Menú principal" menuLabel="Menú" items={[{ href: '#a', label: 'Inicio' }]} />,
    );
    const nav = byRole(root, '.cp-service-nav');
    const toggle = byRole(root, '.cp-service-nav__toggle');
    toggle.click();
    expect(nav.classList.contains('cp-service-nav--open')).toBe(true);
    toggle.focus();
    await userEvent.keyboard('{Escape}');
    expect(nav.classList.contains('cp-service-nav--open')).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('tabs', () => {
  const tabs = [
    { id: 'taxes', label: 'Tributos', content: <p>Recibos</p> },
    { id: 'census', label: 'Padrón', content: <p>Certificado</p> },
    { id: 'more', label: 'Más', content: <p>Otros</p> },
  ];

  it('selects with the arrows, Home and End (automatic activation), with one tab stop', async () => {
    const root = mount(
      <>
        <button type="button">antes</button>
        <Tabs label="Ayuntamiento" tabs={tabs} />
      </>,
    );
    const changes: string[] = [];
    root.addEventListener('cp-tabchange', (event) => {
      changes.push(((event as CustomEvent<{ tab: HTMLElement }>).detail.tab.textContent ?? '').trim());
    });
    byRole(root, 'button').focus();
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe('Tributos');
    await userEvent.keyboard('{ArrowRight}');
    const census = byRole(root, '[role="tab"][aria-selected="true"]');
    expect(census.textContent).toBe('Padrón');
    expect(document.activeElement).toBe(census);
    expect(census.tabIndex).toBe(0);
    expect(document.getElementById(census.getAttribute('aria-controls') ?? '')?.hidden).toBe(false);
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('Más');
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('Tributos');
    await userEvent.keyboard('{ArrowLeft}');
    await userEvent.keyboard('{Home}');
    expect(changes).toEqual(['Padrón', 'Más', 'Tributos', 'Más', 'Tributos']);
    // Tab leaves the tablist for the panel.
    await userEvent.tab();
    expect(document.activeElement?.getAttribute('role')).toBe('tabpanel');
  });

  it('with manual activation, the arrows only move and Enter selects', async () => {
    const root = mount(<Tabs label="Ayuntamiento" tabs={tabs} activation="manual" />);
    byRole(root, '[role="tab"]').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('Padrón');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('false');
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
  });
});

describe('menu button', () => {
  it('follows the APG keyboard: open on first or last, move, type-ahead, Escape, Tab', async () => {
    const root = mount(
      <>
        <MenuButton
          label="Más servicios"
          items={[
            { id: 'a', label: 'Expedientes', href: '#expedientes' },
            { id: 'b', label: 'Cita previa', href: '#cita' },
            { id: 'c', label: 'Sede electrónica', href: '#sede' },
          ]}
        />
        <button type="button">después</button>
      </>,
    );
    const button = byRole(root, '[aria-haspopup="menu"]');
    const menu = byRole(root, '[role="menu"]');
    button.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Sede electrónica');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Expedientes');
    await userEvent.keyboard('s');
    expect(document.activeElement?.textContent).toBe('Sede electrónica');
    await userEvent.keyboard('{Home}');
    expect(document.activeElement?.textContent).toBe('Expedientes');
    await userEvent.keyboard('{Escape}');
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement?.textContent).toBe('Expedientes');
    await userEvent.tab();
    expect(menu.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('dialog', () => {
  it('opens from its opener on the title, keeps Tab inside, and Escape returns focus', async () => {
    const root = mount(
      <>
        <button type="button" aria-haspopup="dialog" aria-controls="confirm">
          Solicitar
        </button>
        <Dialog
          id="confirm"
          open
          onClose={noop}
          title="¿Solicitar el certificado?"
          closeLabel="Cerrar"
          actions={
            <button type="button" data-cp-dialog-close>
              Cancelar
            </button>
          }
        >
          <p>Se emitirá ahora.</p>
        </Dialog>
      </>,
    );
    const opener = byRole(root, '[aria-haspopup="dialog"]');
    const dialog = byRole(root, 'dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    opener.focus();
    await userEvent.keyboard('{Enter}');
    expect(dialog.open).toBe(true);
    expect(document.activeElement?.textContent).toBe('¿Solicitar el certificado?');
    await userEvent.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Cerrar');
    await userEvent.tab();
    expect(document.activeElement?.textContent).toBe('Cancelar');
    await userEvent.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Cerrar');
    await userEvent.keyboard('{Escape}');
    expect(dialog.open).toBe(false);
    await expect.poll(() => document.activeElement).toBe(opener);

    // Opened and closed from code (an MFE's own confirmation), focus still comes back.
    openDialog(dialog, opener);
    closeDialog(dialog);
    await expect.poll(() => document.activeElement).toBe(opener);
  });

  it('a dialog that is not dismissible ignores Escape', async () => {
    const root = mount(
      <Dialog id="required" open onClose={noop} title="Sesión a punto de caducar" dismissible={false}>
        <p>…</p>
      </Dialog>,
    );
    const dialog = byRole(root, 'dialog') as HTMLDialogElement;
    openDialog(dialog);
    await userEvent.keyboard('{Escape}');
    expect(dialog.open).toBe(true);
    closeDialog(dialog);
  });
});

describe('error summary', () => {
  it('takes focus when it appears and its links focus their fields', async () => {
    const root = mount(<p>Formulario</p>);
    const summary = document.createElement('div');
    const parsed = new DOMParser().parseFromString(
      renderToStaticMarkup(
        <>
          <ErrorSummary title="Hay un problema" errors={[{ href: '#purpose', text: 'Elija la finalidad' }]} />
          <label htmlFor="purpose">Finalidad</label>
          <select id="purpose">
            <option value="">-</option>
          </select>
        </>,
      ),
      'text/html',
    );
    summary.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    root.append(summary);
    await expect.poll(() => document.activeElement?.classList.contains('cp-error-summary')).toBe(true);
    byRole(root, '.cp-error-summary a').click();
    expect(document.activeElement?.id).toBe('purpose');
  });
});

describe('init', () => {
  it('leaves nothing behind once disposed', async () => {
    const root = mount(
      <Tabs
        label="Ayuntamiento"
        tabs={[
          { id: 'a', label: 'A', content: 'a' },
          { id: 'b', label: 'B', content: 'b' },
        ]}
      />,
    );
    dispose?.();
    dispose = null;
    const [, second] = [...root.querySelectorAll<HTMLElement>('[role="tab"]')];
    second?.click();
    expect(second?.getAttribute('aria-selected')).toBe('false');
    // No observer either: a summary added now is not focused.
    const parsed = new DOMParser().parseFromString(
      renderToStaticMarkup(<ErrorSummary title="T" errors={[]} />),
      'text/html',
    );
    root.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(document.body);
  });
});
