import { createTestProps } from '@carpeta/sdk/testing';
import { expect, it, vi } from 'vitest';
import lifecycles from './lifecycles.ts';
import registry from './registry.ts';
import { portalFetch, server } from './test-server.ts';
import { handlers } from './test/handlers.ts';

it('both MFEs unmount leaving no DOM, styles or subscriptions to the shell', async () => {
  server.use(...handlers.empty);
  const head = document.head.childElementCount;
  for (const [app, path] of [
    [lifecycles, '/representation/grant'],
    [registry, '/registry/new'],
    [lifecycles, '/representation'],
  ] as const) {
    const test = createTestProps({
      mfeId: 'x',
      basePath: path.split('/').slice(0, 2).join('/'),
      fetch: portalFetch,
    });
    window.history.replaceState(null, '', path);
    await app.mount(test.props);
    await vi.waitFor(() => expect(test.props.domElement.querySelector('h1')).not.toBeNull());
    test.setLanguage('en');
    await app.unmount(test.props);
    expect(test.props.domElement.childNodes).toHaveLength(0);
    expect(test.languageListeners()).toBe(0);
    expect(test.sessionListeners()).toBe(0);
    expect(test.eventListeners()).toBe(0);
    expect(document.head.childElementCount).toBe(head);
  }
});
