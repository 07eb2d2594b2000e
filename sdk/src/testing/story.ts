import { createElement, type ReactElement, useEffect, useRef } from 'react';
import type { ApiErrorBody, Session } from '../domain.ts';
import type { Language } from '../languages.ts';
import type { CarpetaLifecycles } from '../props.ts';
import { createTestProps } from './props.ts';

/** The origin relative `/api/…` calls resolve against in stories and tests (no real server). */
export const STORY_PORTAL = 'http://portal.test';

/**
 * A `fetch` answered in memory by `answer`, e.g. MSW's `getResponse(handlers, request)`: the MFE's
 * own MSW handlers feed a story without a service worker, the same handlers its unit tests serve.
 * Requests nobody answers get the gateway's 404 body. `delay('infinite')` in a handler keeps a
 * screen loading.
 */
export function fetchFrom(answer: (request: Request) => Promise<Response | undefined>): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const request = new Request(new URL(url, STORY_PORTAL), init);
    const response = await answer(request);
    return response ?? Response.json({ error: { code: 'not-found', message: 'Not found' } }, { status: 404 });
  };
}

/** One MFE instance at a time per lifecycles: a story's mount waits for the previous unmount. */
const settled = new WeakMap<CarpetaLifecycles, Promise<unknown>>();
function after(lifecycles: CarpetaLifecycles, step: () => Promise<unknown>): Promise<unknown> {
  const next = (settled.get(lifecycles) ?? Promise.resolve()).catch(() => undefined).then(step);
  settled.set(lifecycles, next);
  return next;
}

/** The gateway's answer when it cannot serve a request (status 503), for an MFE's "error" state. */
export const GATEWAY_UNAVAILABLE: ApiErrorBody = {
  error: {
    code: 'agency-unavailable',
    message: 'El servicio no está disponible ahora. Inténtalo más tarde.',
  },
};

/** What `MfeStory` mounts, and with which gateway, language and session. */
export interface MfeStoryProps {
  /** The MFE's own lifecycles (`src/lifecycles.tsx`), mounted as the shell mounts them. */
  lifecycles: CarpetaLifecycles;
  /** The MFE's id, as in the portal's manifest (e.g. "notifications"). */
  mfeId: string;
  /** The gateway as the story sees it, usually `fetchFrom(...)` over the MFE's MSW handlers. */
  fetch: typeof fetch;
  /** The portal's language (default "es"); "eu" for the long-text stories. */
  language?: Language;
  /** The session the shell would give (default: signed out). */
  session?: Session;
  /**
   * Where below the base path the screen starts (default: the base itself), e.g. "/dehu:N-1" for
   * a notification's detail or "/accessibility" for a sub-page; may end with a query ("?context=x").
   * The story's URL is that path while the MFE is mounted, and the base path again after.
   */
  path?: string;
}

/**
 * Renders an MFE in a story (Storybook) through its real single-spa lifecycles, with the props of
 * `createTestProps`: the screen a citizen sees, at the MFE's base path. The story's own location
 * is the base path, so a story needs no router; with `path`, the location is that sub-path of it
 * (replaced in the history, so no navigation) until the story unmounts.
 */
export function MfeStory(options: MfeStoryProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const { lifecycles, mfeId, fetch, language, session, path } = options;
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const basePath = window.location.pathname;
    const base = `${basePath}${window.location.search}${window.location.hash}`;
    if (path) {
      // The sub-path's query joins the story's own (Storybook's `?id=` stays).
      const target = new URL(`${basePath.replace(/\/$/, '')}${path}`, window.location.href);
      const search = new URLSearchParams(window.location.search);
      for (const [key, value] of target.searchParams) search.set(key, value);
      const query = search.size > 0 ? `?${search}` : '';
      window.history.replaceState(
        window.history.state,
        '',
        `${target.pathname}${query}${window.location.hash}`,
      );
    }
    const test = createTestProps({
      mfeId,
      basePath,
      fetch,
      ...(language ? { language } : {}),
      ...(session ? { session } : {}),
    });
    element.append(test.props.domElement);
    void after(lifecycles, async () => {
      await lifecycles.bootstrap(test.props);
      await lifecycles.mount(test.props);
    });
    return () => {
      // Back to the base path at once: the next story reads it as its own base path.
      if (path) window.history.replaceState(window.history.state, '', base);
      void after(lifecycles, () => lifecycles.unmount(test.props)).finally(() =>
        test.props.domElement.remove(),
      );
    };
  }, [lifecycles, mfeId, fetch, language, session, path]);
  return createElement('div', { ref: host, lang: language ?? 'es', 'data-mfe': mfeId });
}

/** What a story's `play` receives that `mfeScreen` uses (Storybook's `canvas`, Testing Library queries). */
export interface ScreenPlayContext {
  /** The story's root, queried as Testing Library does. */
  canvas: {
    findAllByText(text: string, options?: object, waitFor?: { timeout?: number }): Promise<HTMLElement[]>;
  };
}

/**
 * A story (CSF) of one MFE screen in one state: renders `MfeStory`, and its `play` waits until
 * `shows` is on the screen, so the checks that follow (axe in CI) see that state, not an empty host.
 */
export function mfeScreen(options: MfeStoryProps & { shows: string }): {
  render: () => ReactElement;
  play: (context: ScreenPlayContext) => Promise<void>;
} {
  const { shows, ...props } = options;
  return {
    render: () => createElement(MfeStory, props),
    play: async ({ canvas }) => {
      await canvas.findAllByText(shows, {}, { timeout: 5000 });
    },
  };
}
