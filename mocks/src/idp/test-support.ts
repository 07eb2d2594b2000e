// Test support (used by *.test.ts only): a minimal "browser" over fetch, with a real cookie jar,
// that follows redirects and submits the provider's HTML forms as a browser would.
import { Window } from 'happy-dom';
import { CookieJar } from 'tough-cookie';

export interface Page {
  url: string;
  status: number;
  headers: Headers;
  html: string;
  document: Document;
}

export interface Arrival {
  /** The first URL outside `origin` the browser was sent to (e.g. the portal's callback). */
  url: URL;
}

const window = new Window();

function parse(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export class TestBrowser {
  readonly jar = new CookieJar();
  readonly origin: string;
  readonly visited: string[] = [];

  constructor(origin: string) {
    this.origin = origin;
  }

  private async fetchRaw(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = await this.jar.getCookieString(url);
    if (cookies) headers.set('cookie', cookies);
    headers.set('accept', 'text/html');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) await this.jar.setCookie(cookie, url);
    this.visited.push(`${init.method ?? 'GET'} ${url} → ${response.status}`);
    return response;
  }

  /** Follows redirects from a response; stops at a page of the provider or at the first URL elsewhere. */
  private async settle(response: Response, from: string): Promise<Page | Arrival> {
    let current = response;
    let url = from;
    for (let hops = 0; hops < 20; hops += 1) {
      if (current.status < 300 || current.status >= 400) {
        const html = await current.text();
        return { url, status: current.status, headers: current.headers, html, document: parse(html) };
      }
      const location = current.headers.get('location');
      if (!location) throw new Error(`redirect without location from ${url}`);
      const next = new URL(location, url);
      if (next.origin !== this.origin) return { url: next };
      url = next.href;
      current = await this.fetchRaw(url);
    }
    throw new Error(`too many redirects: ${this.visited.join('\n')}`);
  }

  /** A form POST built by hand (what a forged or stale form would send). */
  async post(url: string, fields: Record<string, string>): Promise<Page | Arrival> {
    const response = await this.fetchRaw(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return this.settle(response, url);
  }

  async open(url: string | URL): Promise<Page | Arrival> {
    const href = String(url);
    return this.settle(await this.fetchRaw(href), href);
  }

  /**
   * Submits a form of the page: hidden fields, checked radios and text fields as they are, `set`
   * overriding values (a radio is chosen by value), and the submit button whose value is `submitter`.
   */
  async submit(
    page: Page,
    options: { form?: string; set?: Record<string, string>; submitter?: string } = {},
  ): Promise<Page | Arrival> {
    const form = page.document.querySelector(options.form ?? 'main form') as HTMLFormElement | null;
    if (!form) throw new Error(`no form on ${page.url}`);
    const body = new URLSearchParams();
    const set = { ...options.set };
    for (const input of Array.from(form.querySelectorAll('input'))) {
      const { name, type, value } = input;
      if (!name) continue;
      if (type === 'radio') {
        const chosen = set[name] === undefined ? input.hasAttribute('checked') : set[name] === value;
        if (chosen) body.append(name, value);
        continue;
      }
      body.append(name, set[name] ?? input.getAttribute('value') ?? '');
    }
    for (const name of Object.keys(set)) {
      if (!form.querySelector(`input[name="${name}"]`)) throw new Error(`no field ${name} in the form`);
    }
    const buttons = Array.from(form.querySelectorAll('button[type="submit"]'));
    const button =
      options.submitter === undefined
        ? buttons[0]
        : buttons.find((candidate) => candidate.getAttribute('value') === options.submitter);
    if (options.submitter !== undefined && !button) throw new Error(`no button ${options.submitter}`);
    const buttonName = button?.getAttribute('name');
    if (button && buttonName) body.append(buttonName, button.getAttribute('value') ?? '');
    const action = new URL(form.getAttribute('action') ?? page.url, page.url).href;
    const response = await this.fetchRaw(action, {
      method: (form.getAttribute('method') ?? 'get').toUpperCase(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    return this.settle(response, action);
  }
}

export function isPage(result: Page | Arrival): result is Page {
  return 'html' in result;
}

export function expectPage(result: Page | Arrival): Page {
  if (!isPage(result)) throw new Error(`expected a page, was sent to ${result.url.href}`);
  return result;
}

export function expectArrival(result: Page | Arrival): URL {
  if (isPage(result)) {
    throw new Error(
      `expected to leave the provider, got ${result.status} ${result.url}: ${result.document.title}`,
    );
  }
  return result.url;
}

/** The values of the radio group `name` offered on a page. */
export function radioValues(page: Page, name: string): string[] {
  return Array.from(page.document.querySelectorAll(`input[type="radio"][name="${name}"]`)).map(
    (input) => (input as HTMLInputElement).value,
  );
}

export function text(page: Page, selector: string): string {
  return page.document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
